from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .base import EditorialModel, EditorialQuerySet, KeyPointsPage, SlugManager
from .kinds import ContentKind


class ArticleQuerySet(EditorialQuerySet):
    def by_section(self):
        """(section label, articles) pairs in the order the sections are declared."""
        articles = list(self)
        return [
            (label, [a for a in articles if a.section == value])
            for value, label in Article.Section.choices
            if any(a.section == value for a in articles)
        ]


class Article(KeyPointsPage, EditorialModel):
    """A topic that is not one drug: local treatment, palliative care, living with MBC..."""

    #: The fields with a copy in each language (education/translation.py).
    translated_fields = ("title", "summary", "key_points", "body")

    content_kind = ContentKind(
        "article", _("Topics"), rank=7, singular=_("Topic"), names=("title",), body=("body",)
    )

    readable_fields = ("key_points", "summary", "body")
    #: Relations kept in the page's history as well as its sources.
    _history_m2m_fields = ["treatment_types", "drugs"]

    class Section(models.TextChoices):
        TREATMENT = "treatment", _("Treatment")
        LIVING = "living", _("Living with metastatic breast cancer")
        ABOUT = "about", _("About this site")

    title = models.CharField(max_length=200)
    section = models.CharField(
        max_length=12, choices=Section.choices, help_text="Where it is listed on the home page."
    )
    summary = models.TextField(help_text="One or two plain sentences: what this page covers.")
    body = models.TextField(help_text="The main text, in Markdown, with ## headings.")
    treatment_types = models.ManyToManyField(
        "education.TreatmentType", blank=True, related_name="articles"
    )
    drugs = models.ManyToManyField("education.Drug", blank=True, related_name="articles")
    order = models.PositiveSmallIntegerField(default=0, help_text="Position in its section.")

    objects = SlugManager.from_queryset(ArticleQuerySet)()

    class Meta:
        ordering = ["section", "order", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("education:article-detail", args=[self.slug])
