from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .base import EditorialModel, KeyPointsPage
from .kinds import ContentKind


class CancerFeature(KeyPointsPage, EditorialModel):
    """A test result that steers treatment, such as HER2-positive or a BRCA mutation."""

    #: The fields with a copy in each language (education/translation.py).
    translated_fields = ("name", "summary", "key_points", "body", "how_tested", "treatment_impact")

    content_kind = ContentKind(
        "feature",
        _("Test results"),
        rank=3,
        singular=_("Test result"),
        purpose=_(
            "This page explains what this test result means and how it can change your treatment."
        ),
        names=("name",),
        body=("body", "how_tested", "treatment_impact"),
    )

    readable_fields = ("key_points", "summary", "body", "how_tested", "treatment_impact")
    #: Relations kept in the page's history as well as its sources.
    _history_m2m_fields = ["drugs"]

    class Kind(models.TextChoices):
        RECEPTOR = "receptor", _("Hormone receptors")
        HER2 = "her2", "HER2"
        GENE = "gene", _("Gene changes")
        IMMUNE = "immune", _("Immune markers")

    name = models.CharField(max_length=120, help_text="Plain name, e.g. 'HER2-positive'.")
    kind = models.CharField(
        max_length=10, choices=Kind.choices, help_text="Which kind of test this result is from."
    )
    summary = models.TextField(help_text="One or two plain sentences: what this result means.")
    body = models.TextField(help_text="What the result means, in more depth. Markdown.")
    how_tested = models.TextField(blank=True, help_text="How the test is done. Markdown.")
    treatment_impact = models.TextField(
        help_text="How this result changes the treatments the care team may discuss. Markdown."
    )
    drugs = models.ManyToManyField(
        "education.Drug",
        blank=True,
        related_name="features",
        help_text="Drugs used for cancers with this result.",
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Position in the list.")

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("education:feature-detail", args=[self.slug])
