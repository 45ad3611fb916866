from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from education.warning_signs import names_of

from .base import (
    EditorialModel,
    EditorialQuerySet,
    KeyPointsPage,
    SlugManager,
    Status,
    WordsPublished,
)
from .kinds import ContentKind


def split_commas(value):
    return [part.strip() for part in value.split(",") if part.strip()]


class DrugQuerySet(EditorialQuerySet):
    def published(self):
        """A drug is public only while its family is public too."""
        return self.filter(status=Status.PUBLISHED, family__status=Status.PUBLISHED)

    def names_by_pk(self):
        """{pk: every name a text may call the drug}, to tell which drug a sentence is about."""
        rows = self.only("generic_name", "brand_names", "other_names")
        return {d.pk: names_of(d.generic_name, d.brand_name_list, d.other_name_list) for d in rows}


class Drug(KeyPointsPage, EditorialModel):
    """One medicine, named by its generic name, with its brand names."""

    #: The fields with a copy in each language (education/translation.py).
    translated_fields = (
        "key_points",
        "other_names",
        "how_given",
        "summary",
        "how_it_works",
        "who_for",
        "combinations",
        "notice",
        "questions",
        "side_effects_note",
    )

    content_kind = ContentKind(
        "drug",
        _("Drugs"),
        rank=1,
        singular=_("Drug"),
        purpose=_(
            "This page explains what this drug is, who may get it, how it is given, its side effects, and what to ask your care team."
        ),
        names=("generic_name", "brand_name_list", "other_name_list"),
        # A search for a side effect or a family also finds the drugs in it.
        body=(
            "who_for",
            "how_it_works",
            "how_given",
            "combinations",
            "notice",
            "side_effects_note",
            "family.name",
            "side_effect_names",
        ),
        select_related=("family",),
        prefetch_related=("side_effects",),
    )

    readable_fields = (
        "key_points",
        "summary",
        "how_given",
        "how_it_works",
        "who_for",
        "combinations",
        "notice",
        "side_effects_note",
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
    label_source = models.ForeignKey(
        "education.Source",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="labelled_drugs",
        verbose_name="label or monograph",
        help_text="The drug's US label (prescribing information), or an authoritative monograph "
        "where no copy of the label lists its side effects. The side-effect list below follows "
        "it. Add it to the sources too.",
    )
    side_effects_note = models.TextField(
        blank=True,
        help_text="Shown above the side-effect table: who the label's figures come from (for "
        "example, people taking it with fulvestrant), and any other common side effects that "
        "have no page of their own. Markdown.",
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
    def side_effect_names(self):
        return [side_effect.name for side_effect in self.side_effects.all()]

    @property
    def display_name(self):
        """Generic name first, brand in parentheses, as the style guide asks."""
        brands = self.brand_name_list
        return f"{self.generic_name} ({brands[0]})" if brands else self.generic_name


class DrugSideEffectQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Editors see every link; readers only those whose side-effect page is published."""
        return self if user.is_staff else self.filter(side_effect__status=Status.PUBLISHED)


class DrugSideEffectManager(models.Manager):
    def get_by_natural_key(self, drug_slug, side_effect_slug):
        return self.get(drug__slug=drug_slug, side_effect__slug=side_effect_slug)


class DrugSideEffect(WordsPublished, models.Model):
    """One side effect of one drug as the drug's label gives it: how often, how serious, and
    whether it is part of the label's boxed warning (the FDA's most serious kind)."""

    #: The fields with a copy in each language (education/translation.py).
    translated_fields = ("note",)

    class Frequency(models.TextChoices):
        COMMON = "common", _("Common")
        LESS_COMMON = "less_common", _("Less common")
        RARE = "rare", _("Rare")
        UNKNOWN = "unknown", _("Not known")

        @classmethod
        def for_percent(cls, percent):
            """Common is 10 or more in 100, less common 1 to 9 in 100, rare under 1 in 100."""
            if percent >= 10:
                return cls.COMMON
            return cls.LESS_COMMON if percent >= 1 else cls.RARE

    drug = models.ForeignKey("education.Drug", on_delete=models.CASCADE)
    side_effect = models.ForeignKey("education.SideEffect", on_delete=models.CASCADE)
    frequency = models.CharField(
        max_length=12,
        choices=Frequency.choices,
        default=Frequency.COMMON,
        help_text="How often people taking this drug get it: common is 10 or more in 100, "
        "less common 1 to 9 in 100, rare under 1 in 100; not known when the label gives no "
        "figure and no word for it. Set from the percent when there is one.",
    )
    percent = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text="How many in 100 people had it in the label's studies, e.g. 35. Leave empty "
        "when the label gives no figure.",
    )
    serious = models.BooleanField(
        default=False,
        help_text="Tick if the label warns about it (a boxed warning or a warning and "
        "precaution), or it can be life-threatening.",
    )
    boxed_warning = models.BooleanField(
        default=False,
        verbose_name="in the boxed warning",
        help_text="Tick if it is part of the label's boxed warning, the FDA's most serious "
        "kind. The drug page and handout show it first, before the side-effect table.",
    )
    note = models.CharField(
        max_length=300,
        blank=True,
        help_text="Anything specific to this drug, e.g. 'Heart tests before and during treatment.'",
    )
    source = models.ForeignKey(
        "education.Source",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="side_effect_links",
        help_text="Where this row comes from: usually the drug's label. Needed for a boxed "
        "warning or a percent.",
    )

    objects = DrugSideEffectManager.from_queryset(DrugSideEffectQuerySet)()
    # History: registered with its language copies (education/translation.py).

    class Meta:
        ordering = [
            "-boxed_warning",
            "-serious",
            "frequency",
            models.F("percent").desc(nulls_last=True),
            "side_effect__name",
        ]
        constraints = [
            models.UniqueConstraint(fields=["drug", "side_effect"], name="unique_drug_side_effect")
        ]

    def __str__(self):
        return f"{self.drug} – {self.side_effect}"

    def words_published_in(self, language):
        return self.drug.words_published_in(language)

    def natural_key(self):
        return (self.drug.slug, self.side_effect.slug)

    natural_key.dependencies = ["education.drug", "education.sideeffect", "education.source"]

    def clean(self):
        errors = {}
        if self.boxed_warning and not self.serious:
            errors["serious"] = "A boxed warning is always serious: tick Serious too."
        if (self.boxed_warning or self.percent is not None) and not self.source_id:
            errors["source"] = "Cite where a boxed warning or a percent comes from."
        if errors:
            raise ValidationError(errors)
        if self.percent is not None:
            self.frequency = self.Frequency.for_percent(self.percent)

    @property
    def how_often(self):
        """'About 35 in 100' when the label gives a figure, else the frequency's name."""
        if self.percent:
            return gettext("About %(percent)s in 100") % {"percent": self.percent}
        return self.get_frequency_display()
