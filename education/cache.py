"""Caching public pages, keyed by the content version so a save shows at once."""

import hashlib
from functools import cache as once
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

from .models import ContentVersion

PAGE_TIMEOUT = 60 * 60 * 24
#: The code that shapes a page: a new release must not serve pages the old one cached.
RELEASE_FOLDERS = ("education", "mbcsite", "templates", "static")


@once
def release_id():
    """A short hash of the site's own code, templates and static files, made once a process."""
    digest = hashlib.sha256()
    for folder in RELEASE_FOLDERS:
        for path in sorted((settings.BASE_DIR / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(settings.BASE_DIR)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def page_cache_key(request):
    address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"page:{release_id()}:{ContentVersion.current()}:{address}"


def cache_public_page(view):
    """Serve a public page from the cache; staff always get a fresh render (with drafts).

    Content pages take no query parameters, so a request with a query string is answered
    fresh, not cached: nobody can fill the cache with endless variants of one page.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or request.GET or request.user.is_staff:
            return view(request, *args, **kwargs)
        key = page_cache_key(request)
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
            if response.status_code == 200:
                cache.set(key, response, PAGE_TIMEOUT)
        return response

    return wrapper


def bump_content_version(sender, **kwargs):
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
