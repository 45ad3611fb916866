"""Who stands behind a page: the trust panel on every content page and its handout."""

from django import template
from django.urls import reverse

from education.models import Revision
from education.site_url import absolute_url

register = template.Library()

#: How many public change notes the panel lists; the page's history section lists them all.
RECENT_NOTES = 3


@register.inclusion_tag("includes/trust_panel.html", takes_context=True)
def trust_panel(context, obj, plain=False):
    """``plain``: for a handout, where links must be printed as addresses."""
    notes = list(Revision.objects.for_object(obj).change_notes().only("reviewed_at", "public_note"))
    return {
        "object": obj,
        "recent_notes": notes[:RECENT_NOTES],
        "all_notes": notes if len(notes) > RECENT_NOTES else [],
        "plain": plain,
        "policy_url": absolute_url(reverse("education:editorial-policy")),
    }
