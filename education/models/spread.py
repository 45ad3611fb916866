from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .base import EditorialModel, KeyPointsPage
from .kinds import ContentKind


class SpreadSite(KeyPointsPage, EditorialModel):
    """A part of the body where breast cancer can spread, and what is done there."""

    #: The fields with a copy in each language (education/translation.py).
    translated_fields = ("name", "summary", "key_points", "body", "local_treatments")

    content_kind = ContentKind(
        "spread",
        _("Where cancer spreads"),
        rank=5,
        singular=_("Where it spreads"),
        purpose=_(
            "This page explains what it can mean when breast cancer spreads here, and the treatments aimed at this area."
        ),
        names=("name",),
        body=("body", "local_treatments"),
    )

    readable_fields = ("key_points", "summary", "body", "local_treatments")
    #: Relations kept in the page's history as well as its sources.
    _history_m2m_fields = ["drugs", "treatment_types"]

    name = models.CharField(max_length=120, help_text="Plain name, e.g. 'Bone'.")
    summary = models.TextField(help_text="One or two plain sentences.")
    body = models.TextField(help_text="What spread here can mean and signs to watch. Markdown.")
    local_treatments = models.TextField(
        help_text="Treatments aimed at this area, and what they are for. Markdown."
    )
    drugs = models.ManyToManyField(
        "education.Drug",
        blank=True,
        related_name="spread_sites",
        help_text="Drugs used especially for spread to this area.",
    )
    treatment_types = models.ManyToManyField(
        "education.TreatmentType",
        blank=True,
        related_name="spread_sites",
        help_text="Kinds of treatment used especially for spread to this area.",
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Position in the list.")

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("education:spread-detail", args=[self.slug])
