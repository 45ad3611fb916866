from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .base import EditorialModel
from .drugs import split_commas
from .kinds import ContentKind


class GlossaryTerm(EditorialModel):
    """A medical word and its plain meaning; linked wherever it first appears in a body."""

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

    term = models.CharField(max_length=120, unique=True, help_text="The word as readers see it.")
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

    def __str__(self):
        return self.term

    def get_absolute_url(self):
        return reverse("education:glossary-detail", args=[self.slug])

    @property
    def alias_list(self):
        return split_commas(self.aliases)
