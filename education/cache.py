"""Caching public pages, keyed by the content version so a save shows at once.

Views mark themselves public with ``cache_public_page``. ``PublicPageCacheMiddleware`` sits
near the top of the middleware stack: it stores the finished response (headers included) of
a public page, and answers the next anonymous request for it before sessions, auth and the
rest of the stack run. Stored pages are already compressed (GZip sits below) and carry their
ETag; ``ConditionalGetMiddleware`` above answers revalidations with 304.
"""

import hashlib
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache as once
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.middleware.gzip import re_accepts_gzip
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date

from .models import ContentVersion

PAGE_TIMEOUT = 60 * 60 * 24
#: The code that shapes a page: a new release must not serve pages the old one cached.
RELEASE_FOLDERS = ("education", "mbcsite", "templates", "static", "locale")
#: Settings public pages show (/editorial-policy/, /privacy/): a restart with new values must
#: not serve pages cached with the old ones.
RELEASE_SETTINGS = ("SITE_OWNER", "SITE_CONTACT_EMAIL", "SITE_FUNDING", "FEEDBACK_RETENTION_DAYS")


@once
def release_id():
    """A short hash of the site's own code, templates and static files, made once a process."""
    digest = hashlib.sha256()
    for folder in RELEASE_FOLDERS:
        for path in sorted((settings.BASE_DIR / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(settings.BASE_DIR)).encode())
                digest.update(path.read_bytes())
    digest.update(repr([getattr(settings, name, None) for name in RELEASE_SETTINGS]).encode())
    return digest.hexdigest()[:12]


def page_cache_key(request, version):
    """One entry per page, content version, release, and whether the browser takes gzip.

    The page is its path alone: pages name the site by SITE_URL, never by the Host header,
    so every host, port or letter case a request sends shares one entry. The encoding is
    decided by the very test GZipMiddleware uses, so a made-up Accept-Encoding gets the
    same entry as the page it would be served.
    """
    path = hashlib.sha256(request.path_info.encode()).hexdigest()
    gzip = re_accepts_gzip.search(request.headers.get("Accept-Encoding", ""))
    return f"page:{release_id()}:{version.version}:{'gzip' if gzip else 'identity'}:{path}"


def may_use_cache(request):
    """Anonymous GETs of a public page's plain address. Staff (previewing drafts), anyone with
    a session, and requests with any query string (even a bare "?") always get a fresh page:
    nobody can fill the cache with endless variants of one page."""
    if (
        request.method not in ("GET", "HEAD")
        or request.META.get("QUERY_STRING")
        or settings.SESSION_COOKIE_NAME in request.COOKIES
    ):
        return False
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return getattr(match.func, "is_public_page", False)


def cache_public_page(view):
    """Mark a view's pages as public: the same for every reader, so cacheable."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 200:
            response.public_page = True
        return response

    wrapper.is_public_page = True
    return wrapper


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_use_cache(request):
            return self.get_response(request)
        version = ContentVersion.current_row()
        key = page_cache_key(request, version)
        response = cache.get(key)
        if response is not None:
            return response
        response = self.get_response(request)
        if getattr(response, "public_page", False) and not response.cookies:
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            response["Last-Modified"] = http_date(version.changed_at.timestamp())
            # Browsers and CDNs may keep a copy but must check it is current (ETag, 304).
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
            set_response_etag(response)
            cache.set(key, response, PAGE_TIMEOUT)
        return response


#: Inside ``one_version_bump()``: a list that saves append to instead of bumping; else None.
#: A context variable, so each thread (and each asyncio task) has its own: one request's or
#: command's load never holds back another's bumps.
_held_bumps = ContextVar("held_content_version_bumps", default=None)


def bump_content_version(sender, **kwargs):
    held = _held_bumps.get()
    if held is not None:
        held.append(sender)
        return
    ContentVersion.bump()


@contextmanager
def one_version_bump():
    """Move the content version on once for everything saved inside, not once per row.

    Saves and deletes inside only note that content changed; on leaving (without an error)
    the version moves on by one if anything changed, and not at all otherwise. Nested uses
    bump once, when the outermost ends. Use it inside the transaction that does the writes,
    so the bump commits (or rolls back) with them.
    """
    if _held_bumps.get() is not None:
        yield
        return
    held = []
    token = _held_bumps.set(held)
    try:
        yield
    finally:
        _held_bumps.reset(token)
    if held:
        ContentVersion.bump()


def connect_signals(models):
    """Any save, delete or relation change of content moves the version on."""
    for model in models:
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"bump-save-{model}")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"bump-del-{model}")
        for field in model._meta.many_to_many:
            m2m_changed.connect(
                bump_content_version,
                sender=field.remote_field.through,
                dispatch_uid=f"bump-m2m-{model}-{field.name}",
            )
