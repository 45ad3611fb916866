from django.db import models
from django.utils.translation import gettext_lazy as _

from education.everyday_numbers import in_everyday_words

from .base import EditorialModel
from .kinds import ContentKind


class SurvivalStatistic(EditorialModel):
    """One survival figure, always shown with who it describes, its years and a caveat."""

    #: The fields with a copy in each language (education/translation.py).
    translated_fields = ("title", "population", "data_years", "explanation", "caveat")

    readable_fields = ("population", "explanation", "caveat")
    # Shown on the survival page.
    content_kind = ContentKind(
        "survival_figure",
        _("Survival figures"),
        rank=11,
        singular=_("Survival figure"),
        has_page=False,
    )

    class Measure(models.TextChoices):
        RELATIVE_5YR = "relative_5yr", _("5-year relative survival")
        MEDIAN = "median", _("Median survival")
        PREVALENCE = "prevalence", _("People living with it")

    class Unit(models.TextChoices):
        PERCENT = "percent", _("percent")
        MONTHS = "months", _("months")
        PEOPLE = "people", _("people")

    title = models.CharField(max_length=200, help_text="Plain heading for this figure.")
    measure = models.CharField(max_length=20, choices=Measure.choices)
    figure = models.DecimalField(
        max_digits=10, decimal_places=1, help_text="The number exactly as the source gives it."
    )
    unit = models.CharField(max_length=10, choices=Unit.choices)
    population = models.TextField(help_text="Who the figure describes, in plain words.")
    data_years = models.CharField(
        max_length=100, help_text="The years the data come from, e.g. 'diagnosed 2013 to 2019'."
    )
    explanation = models.TextField(help_text="What the number means, in plain words. Markdown.")
    caveat = models.TextField(
        help_text="What a reader should know about this figure in particular (its years, who "
        "was left out), shown as 'About this number'. The page says once, for every figure, why "
        "one person's outlook can differ: do not repeat that here. Markdown list."
    )
    source = models.ForeignKey(
        "education.Source",
        on_delete=models.PROTECT,
        related_name="statistics",
        help_text="The original publisher of this figure.",
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Position on the page.")

    class Meta:
        ordering = ["order", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"/survival/#{self.slug}"

    @property
    def everyday(self):
        """The figure as people say it: "about 31 in 100 people", "about 3 years"."""
        return in_everyday_words(self.figure, self.unit)

    @property
    def is_percent(self):
        return self.unit == self.Unit.PERCENT
