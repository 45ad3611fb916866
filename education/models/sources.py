from django.db import models
from simple_history.models import HistoricalRecords

from .base import KeyManager, Versioned
from .source_kinds import PRIMARY_KINDS, SourceKind


class SourceQuerySet(models.QuerySet):
    def primary(self):
        return self.filter(kind__in=PRIMARY_KINDS)

    def primary_first(self):
        """Labels and regulators first, then NCI, guidelines and papers, then leaflets and news:
        the order the kinds are declared in."""
        rank = models.Case(
            *(models.When(kind=kind, then=position) for position, kind in enumerate(SourceKind)),
            output_field=models.IntegerField(),
        )
        return self.order_by(rank, "publisher", "title")


class Source(Versioned):
    """A document a fact comes from, cited by its original publisher."""

    key = models.SlugField(
        max_length=80,
        unique=True,
        help_text="A short, stable name used by the content files, e.g. 'acs-stage-iv-2019'.",
    )
    title = models.CharField(max_length=300, help_text="The document's own title.")
    publisher = models.CharField(
        max_length=200, help_text="Who published it, e.g. 'American Cancer Society'."
    )
    kind = models.CharField(
        max_length=12,
        choices=SourceKind.choices,
        default=SourceKind.SECONDARY,
        db_index=True,
        help_text="Labels, regulators, NCI, guidelines and journal articles are primary "
        "sources. Every drug page needs at least one.",
    )
    url = models.URLField(max_length=500, blank=True, help_text="Where to read it online.")
    published_on = models.DateField(
        null=True, blank=True, help_text="The date the publisher gives for this version, if any."
    )
    accessed_on = models.DateField(
        null=True, blank=True, help_text="The date we last read it at that address."
    )
    citation = models.CharField(
        max_length=300,
        blank=True,
        help_text="Journal reference for research papers, e.g. 'JCO 2021;39(15_suppl):1095'.",
    )

    objects = KeyManager.from_queryset(SourceQuerySet)()
    history = HistoricalRecords()

    class Meta:
        ordering = ["publisher", "title"]
        # Publishing is one permission for all content; it lives here, with the sources
        # every published fact must cite. Medical reviewers have it; editors do not.
        permissions = [("publish_content", "Can publish content and record a medical review")]

    def __str__(self):
        return f"{self.publisher}: {self.title}"

    def natural_key(self):
        return (self.key,)
