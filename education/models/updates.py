from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .base import EditorialModel
from .kinds import ContentKind

#: /whats-new/feed/ is the feed, so no entry may have this slug.
RESERVED_SLUG = "feed"


class TreatmentUpdate(EditorialModel):
    """A dated change in treatment (an FDA approval, a new form of a drug) for the "What's new"
    page and feed, with the pages this site changed because of it."""

    #: The fields with a copy in each language (education/translation.py).
    translated_fields = ("title", "summary", "body")

    content_kind = ContentKind(
        "update",
        _("What's new"),
        rank=9,
        singular=_("What's new"),
        names=("title",),
        body=("body",),
        search_weight=0.4,
    )

    readable_fields = ("summary", "body")
    #: Relations kept in the entry's history as well as its sources.
    _history_m2m_fields = ["drugs", "features", "treatment_types", "articles"]

    title = models.CharField(
        max_length=200,
        help_text="What changed, in plain words, e.g. 'A new pill for cancer with an ESR1 change'.",
    )
    happened_on = models.DateField(
        help_text="The date of the change itself, e.g. the day the FDA approved it. "
        "Entries are listed newest first by this date."
    )
    summary = models.TextField(
        help_text="One or two plain sentences: what changed and who it is for. Shown in the "
        "list, on the home page and in the feed. No Markdown."
    )
    body = models.TextField(
        help_text="What it means for readers, in Markdown: who it is for, how it is given, "
        "what the study found, and what to ask the care team."
    )
    drugs = models.ManyToManyField(
        "education.Drug",
        blank=True,
        related_name="updates",
        verbose_name="drug pages",
        help_text="Drug pages this site changed because of it.",
    )
    features = models.ManyToManyField(
        "education.CancerFeature",
        blank=True,
        related_name="updates",
        verbose_name="test-result pages",
        help_text="Test-result pages this site changed because of it.",
    )
    treatment_types = models.ManyToManyField(
        "education.TreatmentType",
        blank=True,
        related_name="updates",
        verbose_name="treatment pages",
        help_text="Treatment pages this site changed because of it.",
    )
    articles = models.ManyToManyField(
        "education.Article",
        blank=True,
        related_name="updates",
        verbose_name="topic pages",
        help_text="Topics this site changed because of it.",
    )

    class Meta:
        ordering = ["-happened_on", "title"]
        verbose_name = "What's new entry"
        verbose_name_plural = "What's new entries"

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.slug == RESERVED_SLUG:
            raise ValidationError({"slug": "This address is the feed's. Choose another."})

    def get_absolute_url(self):
        return reverse("education:whats-new-detail", args=[self.slug])
