"""Old addresses keep working: when a page's address changes, the old one redirects to it.

Any save that changes a content row's public address (a draft renamed, a reviewer's approved
change, a restore from the history) keeps a ``django.contrib.redirects`` row from the old
address to the new, and one for its printable handout when it has one.
``RedirectFallbackMiddleware`` answers the old address with a 301, only once nothing else is
there (it acts on 404s). Earlier addresses are pointed straight at the newest, never through a
chain, and an address that is a page again stops redirecting.
"""

from django.conf import settings
from django.contrib.redirects.models import Redirect
from django.urls import NoReverseMatch, Resolver404, resolve

HANDOUT = "handout.pdf"


def public_path(obj):
    """The row's own address, or None for a part of another page (``/survival/#slug``):
    a browser never sends the ``#`` part, and the page it is on keeps its address."""
    try:
        path = obj.get_absolute_url()
    except NoReverseMatch:  # no usable slug (yet)
        return None
    return None if "#" in path else path


def has_handout(path):
    try:
        resolve(path + HANDOUT)
    except Resolver404:
        return False
    return True


def remember_old_path(sender, instance, raw=False, **kwargs):
    """pre_save: the address the row has before this save."""
    instance._path_before_save = None
    if raw or instance.pk is None:
        return  # content loading writes rows as the files have them
    stored = sender._base_manager.filter(pk=instance.pk).first()
    if stored is not None:
        instance._path_before_save = public_path(stored)


def keep_old_path(sender, instance, raw=False, **kwargs):
    """post_save: redirect the old address (and its handout's) to the new one."""
    old = getattr(instance, "_path_before_save", None)
    instance._path_before_save = None
    new = None if raw else public_path(instance)
    if not old or not new or old == new:
        return
    redirect(old, new)
    if has_handout(new):
        redirect(old + HANDOUT, new + HANDOUT)


def redirect(old, new):
    redirects = Redirect.objects.filter(site_id=settings.SITE_ID)
    redirects.filter(new_path=old).update(new_path=new)  # earlier addresses: no chain
    redirects.filter(old_path=new).delete()  # the new address is a page again
    Redirect.objects.update_or_create(
        site_id=settings.SITE_ID, old_path=old, defaults={"new_path": new}
    )


def connect_signals(models):
    from django.db.models.signals import post_save, pre_save

    for model in models:
        if hasattr(model, "get_absolute_url"):
            pre_save.connect(remember_old_path, sender=model, dispatch_uid=f"old-path-{model}")
            post_save.connect(keep_old_path, sender=model, dispatch_uid=f"keep-path-{model}")
