"""The admin index's panels: what needs a medical review, and what rests only on secondary
sources."""

from django import template
from django.urls import reverse

from education.models import EditorialModel, Revision

register = template.Library()


def panel_rows(rows_of, filter_query):
    """One row per content kind with something to do: its name, how many, and a link to the
    admin list filtered to them."""
    rows = []
    for model in EditorialModel.__subclasses__():
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


@register.inclusion_tag("admin/changes_panel.html")
def changes_panel():
    """Changes waiting for a medical reviewer, and those sent back to their editors."""
    return {
        "pending": Revision.objects.pending().count(),
        "returned": Revision.objects.filter(state=Revision.State.RETURNED).count(),
        "url": reverse("admin:education_revision_changelist"),
    }
