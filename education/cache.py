"""Caching public pages, keyed by the content version so a save shows at once."""

from functools import wraps

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

from .models import ContentVersion

PAGE_TIMEOUT = 60 * 60 * 24


def cache_public_page(view):
    """Serve a public page from the cache; staff always get a fresh render (with drafts)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or request.user.is_staff:
            return view(request, *args, **kwargs)
        key = f"page:{ContentVersion.current()}:{request.build_absolute_uri()}"
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
