"""The admin index's panels: what needs a medical review, and what rests only on secondary
sources."""

from django import template
from django.urls import reverse

from education import review_queue
from education.models import Revision
from education.models.kinds import content_kinds

#: How many waiting items the admin home lists; the queue page lists them all.
QUEUE_PANEL_ITEMS = 5

register = template.Library()


def panel_rows(rows_of, filter_query):
    """One row per content kind with something to do: its name, how many, and a link to the
    admin list filtered to them."""
    rows = []
    for model in content_kinds():
        count = rows_of(model.objects).count()
        if count:
            opts = model._meta
            rows.append(
                {
                    "name": opts.verbose_name_plural.capitalize(),
                    "count": count,
                    "published": model.objects.published().count(),
                    "url": reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
                    + filter_query,
                }
            )
    return sorted(rows, key=lambda row: row["name"])


@register.inclusion_tag("admin/review_panel.html")
def review_panel():
    return {"rows": panel_rows(lambda objects: objects.review_due(), "?review=due")}


@register.inclusion_tag("admin/source_panel.html")
def source_panel():
    return {
        "rows": panel_rows(
            lambda objects: objects.published().without_primary_source(),
            "?status__exact=published&sources=secondary_only",
        )
    }


@register.inclusion_tag("admin/queue_panel.html")
def queue_panel():
    """The review queue's first items on the admin home: what waits, oldest first."""
    waiting = review_queue.waiting_changes() + review_queue.in_review()
    _, due_count = review_queue.due_for_review()
    return {
        "waiting": waiting[:QUEUE_PANEL_ITEMS],
        "waiting_count": len(waiting),
        "returned": Revision.objects.filter(state=Revision.State.RETURNED).count(),
        "due_count": due_count,
        "url": reverse("admin:education_review_queue"),
        "returned_url": reverse("admin:education_revision_changelist") + "?state=returned",
    }
