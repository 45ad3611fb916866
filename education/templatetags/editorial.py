"""The admin index's "Needs review" panel."""

from django import template
from django.urls import reverse

from education.models import EditorialModel

register = template.Library()


@register.inclusion_tag("admin/review_panel.html")
def review_panel():
    rows = []
    for model in EditorialModel.__subclasses__():
        due = model.objects.review_due().count()
        if due:
            opts = model._meta
            rows.append(
                {
                    "name": opts.verbose_name_plural.capitalize(),
                    "count": due,
                    "published": model.objects.published().count(),
                    "url": reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
                    + "?review=due",
                }
            )
    return {"rows": sorted(rows, key=lambda row: row["name"])}
