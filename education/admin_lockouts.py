"""Sign-in lockouts in the admin: medical reviewers and superusers let a locked-out person in.

django-axes locks a username and address out after repeated failed sign-ins (see settings).
Its "Access attempts" list is shown to medical reviewers and superusers only, with an
"Unlock" action that clears the failed sign-ins of each selected person (``axes.utils.reset``),
so they can sign in again at once instead of waiting for the lockout to end.
"""

from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt
from axes.utils import reset
from django.contrib import admin, messages
from django.db.models import Q

from .editorial import can_publish


def may_unlock(user):
    return user.is_active and user.is_staff and (user.is_superuser or can_publish(user))


class LockoutAdmin(AccessAttemptAdmin):
    actions = ["unlock"]

    def has_module_permission(self, request):
        return may_unlock(request.user)

    def has_view_permission(self, request, obj=None):
        return may_unlock(request.user)

    def has_unlock_permission(self, request):
        return may_unlock(request.user)

    @admin.action(
        description="Unlock the selected people (they can sign in again)", permissions=["unlock"]
    )
    def unlock(self, request, queryset):
        names = sorted(
            set(queryset.exclude(username__isnull=True).values_list("username", flat=True)) - {""}
        )
        nameless = queryset.filter(Q(username__isnull=True) | Q(username=""))
        self.log_deletions(request, queryset)  # in "Recent actions": who unlocked whom
        for name in names:
            reset(username=name)  # every address this person failed from
        nameless.delete()
        self.message_user(
            request,
            f"Unlocked {', '.join(names) or 'the selected addresses'}: they can sign in again.",
            messages.SUCCESS,
        )


def register(site):
    """Show axes' access attempts with ``LockoutAdmin`` instead of axes' own admin."""
    if site.is_registered(AccessAttempt):
        site.unregister(AccessAttempt)
    site.register(AccessAttempt, LockoutAdmin)
