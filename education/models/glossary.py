from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .base import EditorialModel
from .drugs import split_commas
from .kinds import ContentKind


class GlossaryTerm(EditorialModel):
    """A medical word and its plain meaning; linked wherever it first appears in a body."""

    #: The fields with a copy in each language (education/translation.py).
    translated_fields = ("term", "aliases", "definition", "more")

    content_kind = ContentKind(
        "glossary",
        _("Word list"),
        rank=8,
        singular=_("Word"),
        names=("term", "alias_list"),
        summary="definition",
        body=("more",),
        search_weight=0.25,
    )

    readable_fields = ("definition", "more")

    # Unique in each language (Meta): the word is one of its copies, term_en or term_es.
    term = models.CharField(max_length=120, help_text="The word as readers see it.")
    aliases = models.CharField(
        max_length=300,
        blank=True,
        help_text="Other spellings or forms that should link here, separated by commas.",
    )
    definition = models.TextField(
        help_text="A plain definition in one to three short sentences. No Markdown."
    )
    more = models.TextField(blank=True, help_text="More detail, if useful. Markdown.")

    class Meta:
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(fields=[f"term_{code}"], name=f"unique_glossary_term_{code}")
            for code, _ in settings.LANGUAGES
        ]

    def __str__(self):
        return self.term

    def get_absolute_url(self):
        return reverse("education:glossary-detail", args=[self.slug])

    @property
    def alias_list(self):
        return split_commas(self.aliases)
