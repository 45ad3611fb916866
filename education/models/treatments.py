from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .base import EditorialModel, KeyPointsPage
from .kinds import ContentKind


class TreatmentType(KeyPointsPage, EditorialModel):
    """A kind of treatment, such as hormone therapy or radiation therapy."""

    #: The fields with a copy in each language (education/translation.py).
    translated_fields = ("name", "summary", "key_points", "body", "how_given", "goals")

    content_kind = ContentKind(
        "treatment",
        _("Kinds of treatment"),
        rank=4,
        singular=_("Treatment"),
        purpose=_(
            "This page explains this kind of treatment: what it aims to do, how it is given, and the drugs in it."
        ),
        names=("name",),
        body=("body", "how_given", "goals"),
    )

    readable_fields = ("key_points", "summary", "body", "how_given", "goals")

    class Scope(models.TextChoices):
        SYSTEMIC = "systemic", _("Whole body (systemic)")
        LOCAL = "local", _("One area (local)")
        SUPPORTIVE = "supportive", _("Support and comfort")

    name = models.CharField(max_length=120, help_text="Plain name, e.g. 'Hormone therapy'.")
    scope = models.CharField(
        max_length=12,
        choices=Scope.choices,
        help_text="Whether it treats the whole body, one area, or supports comfort and care.",
    )
    summary = models.TextField(
        help_text="One or two plain sentences: what it is and why it might matter to the reader."
    )
    body = models.TextField(
        blank=True, help_text="The main text, in Markdown. Use ## headings a reader would ask."
    )
    how_given = models.TextField(blank=True, help_text="How it is given, in Markdown.")
    goals = models.TextField(blank=True, help_text="What it aims to do, in Markdown.")
    order = models.PositiveSmallIntegerField(default=0, help_text="Position in the list.")

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("education:treatment-detail", args=[self.slug])


class DrugFamily(EditorialModel):
    """A group of drugs that work the same way, such as aromatase inhibitors."""

    #: The fields with a copy in each language (education/translation.py).
    translated_fields = ("name", "summary")

    # Shown on its treatment type's page.
    content_kind = ContentKind(
        "drug_family", _("Drug families"), rank=10, singular=_("Drug family"), has_page=False
    )

    name = models.CharField(max_length=120, help_text="Plain name, e.g. 'Aromatase inhibitors'.")
    treatment_type = models.ForeignKey(
        TreatmentType,
        on_delete=models.PROTECT,
        related_name="families",
        help_text="The kind of treatment this family belongs to.",
    )
    summary = models.TextField(help_text="One or two plain sentences on how these drugs work.")

    class Picture(models.TextChoices):
        """Drawings of how a family's drugs work (``templates/includes/pictures/``)."""

        ADC = "adc", "An antibody carrying chemo to a cancer cell"
        HER2_ANTIBODY = "her2-antibody", "An antibody blocking HER2's signals to grow"

    picture = models.CharField(
        max_length=20,
        choices=Picture.choices,
        blank=True,
        help_text="A drawing of how these drugs work, shown with the family and on each of its "
        "drugs' pages and handouts under 'How does it work?'.",
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Position within its type.")

    class Meta:
        ordering = ["order", "name"]
        verbose_name_plural = "drug families"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{self.treatment_type.get_absolute_url()}#{self.slug}"
