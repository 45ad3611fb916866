"""Site-wide guards on what comes in (request bodies) and what may be kept (Cache-Control),
and the language a page is in."""

from django.conf import settings
from django.core.exceptions import TooManyFilesSent
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers


def plain_response(message, status):
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")


class RequestBodyLimitMiddleware:
    """Refuse a body larger than DATA_UPLOAD_MAX_MEMORY_SIZE, and any file, before reading it.

    Django checks Content-Length against the limit only for bodies that are not
    multipart/form-data, and only when a view reads them; multipart file parts go to the upload
    handlers (memory, then a temporary file on disk) whatever their size. Here a declared
    length over the limit is a 413 before a byte is read, whatever the type, and a multipart
    body is parsed at once so that a file part (DATA_UPLOAD_MAX_NUMBER_FILES = 0: the site takes
    no files) is a 415 with a plain message, not a 400 from deep inside CSRF checking.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0  # as Django reads it: a body it will not read
        if length > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            return plain_response("This request is too large for this site.", 413)
        if request.method == "POST" and request.content_type == "multipart/form-data":
            try:
                request.POST  # noqa: B018 - parse now, so a file part is refused here
            except TooManyFilesSent:
                return plain_response("This site does not take file uploads.", 415)
        return self.get_response(request)


class PrivateResponsesMiddleware:
    """``Cache-Control: private, no-store`` on everything that is one person's.

    That is every admin page, every response to staff (they may see drafts), to a request that
    carries a session cookie (questionnaire answers, a signed-in editor), and every response
    that sets a cookie. Public pages for anonymous readers keep the public caching the page
    cache gives them. Sits above SessionMiddleware, so on the way out it sees the cookies
    SessionMiddleware and CsrfViewMiddleware set; AuthenticationMiddleware has set
    ``request.user`` on the way in.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = None

    def __call__(self, request):
        response = self.get_response(request)
        if self.is_private(request, response):
            control = response.get("Cache-Control", "")
            if "no-store" not in control or "private" not in control:
                add_never_cache_headers(response)  # private, no-store, no-cache, max-age=0
        return response

    def is_private(self, request, response):
        if self.admin_prefix is None:
            self.admin_prefix = reverse("admin:index")
        user = getattr(request, "user", None)
        return (
            request.path.startswith(self.admin_prefix)
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            or bool(response.cookies)
            or bool(user and user.is_staff)
        )


class LanguageFromAddressMiddleware:
    """Read the page's language from its address alone: Spanish under /es/, English anywhere
    else (the admin included).

    Django's LocaleMiddleware would read the same from these addresses, since English has no
    prefix (i18n_patterns with prefix_default_language=False), but it still adds
    "Vary: Accept-Language" to every English page, which makes shared caches keep a copy per
    browser language of a page that never changes with it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        request.LANGUAGE_CODE = language
        # Only for this request: code that runs after it (a test, a thread) keeps its own.
        with translation.override(language):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
