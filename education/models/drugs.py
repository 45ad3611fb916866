from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from .base import EditorialModel, EditorialQuerySet, SlugManager, Status


def split_commas(value):
    return [part.strip() for part in value.split(",") if part.strip()]


class DrugQuerySet(EditorialQuerySet):
    def published(self):
        """A drug is public only while its family is public too."""
        return self.filter(status=Status.PUBLISHED, family__status=Status.PUBLISHED)


class Drug(EditorialModel):
    """One medicine, named by its generic name, with its brand names."""

    readable_fields = (
        "summary",
        "how_given",
        "how_it_works",
        "who_for",
        "combinations",
        "notice",
        "questions",
    )

    generic_name = models.CharField(
        max_length=120,
        unique=True,
        help_text="The generic name, in lower case as used in text, e.g. 'trastuzumab'.",
    )
    brand_names = models.CharField(
        max_length=300,
        blank=True,
        help_text="Brand names, separated by commas, e.g. 'Herceptin, Herceptin Hylecta'.",
    )
    other_names = models.CharField(
        max_length=300,
        blank=True,
        help_text="Short names people hear in the clinic, separated by commas, e.g. 'T-DM1'.",
    )
    family = models.ForeignKey(
        "education.DrugFamily",
        on_delete=models.PROTECT,
        related_name="drugs",
        help_text="The drug family it belongs to.",
    )
    how_given = models.TextField(
        help_text="How it is given: pill, into a vein (IV), or a shot, and how often. Markdown."
    )
    summary = models.TextField(
        help_text="One or two plain sentences: what it is and who it is for."
    )
    how_it_works = models.TextField(help_text="How it works, in plain words. Markdown.")
    who_for = models.TextField(help_text="Who might get it. Markdown.")
    combinations = models.TextField(blank=True, help_text="Drugs it is often given with. Markdown.")
    notice = models.TextField(
        blank=True,
        help_text="An important notice shown near the top, e.g. an approval that was "
        "withdrawn. Leave empty if there is none.",
    )
    questions = models.TextField(
        blank=True, help_text="Questions a reader may want to ask about it. A Markdown list."
    )
    approvals_checked_on = models.DateField(
        null=True,
        blank=True,
        verbose_name="FDA-approved uses checked on",
        help_text="The day someone last checked 'Who might get it?' against the drug's current "
        "FDA label or approval notices. The page shows it. Leave empty until a real check.",
    )
    side_effects = models.ManyToManyField(
        "education.SideEffect",
        through="education.DrugSideEffect",
        related_name="drugs",
        blank=True,
    )

    objects = SlugManager.from_queryset(DrugQuerySet)()

    class Meta:
        ordering = ["generic_name"]

    def __str__(self):
        return self.generic_name

    def get_absolute_url(self):
        return reverse("education:drug-detail", args=[self.slug])

    @property
    def brand_name_list(self):
        return split_commas(self.brand_names)

    @property
    def other_name_list(self):
        return split_commas(self.other_names)

    @property
    def display_name(self):
        """Generic name first, brand in parentheses, as the style guide asks."""
        brands = self.brand_name_list
        return f"{self.generic_name} ({brands[0]})" if brands else self.generic_name


class DrugSideEffectManager(models.Manager):
    def get_by_natural_key(self, drug_slug, side_effect_slug):
        return self.get(drug__slug=drug_slug, side_effect__slug=side_effect_slug)


class DrugSideEffect(models.Model):
    """How often a drug causes a side effect, and whether it is serious."""

    class Frequency(models.TextChoices):
        COMMON = "common", "Common"
        LESS_COMMON = "less_common", "Less common"
        RARE = "rare", "Rare"

    drug = models.ForeignKey("education.Drug", on_delete=models.CASCADE)
    side_effect = models.ForeignKey("education.SideEffect", on_delete=models.CASCADE)
    frequency = models.CharField(
        max_length=12,
        choices=Frequency.choices,
        default=Frequency.COMMON,
        help_text="How often people taking this drug get it, as the sources describe.",
    )
    serious = models.BooleanField(
        default=False, help_text="Tick if this is a serious side effect of this drug."
    )
    note = models.CharField(
        max_length=300,
        blank=True,
        help_text="Anything specific to this drug, e.g. 'Heart tests before and during treatment.'",
    )

    objects = DrugSideEffectManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-serious", "frequency", "side_effect__name"]
        constraints = [
            models.UniqueConstraint(fields=["drug", "side_effect"], name="unique_drug_side_effect")
        ]

    def __str__(self):
        return f"{self.drug} – {self.side_effect}"

    def natural_key(self):
        return (self.drug.slug, self.side_effect.slug)

    natural_key.dependencies = ["education.drug", "education.sideeffect"]
