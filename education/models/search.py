from django.db import models
from simple_history.models import HistoricalRecords

from .base import Versioned


class SearchSynonymManager(models.Manager):
    def get_by_natural_key(self, phrase):
        return self.get(phrase=phrase)


class SearchSynonym(Versioned):
    """What readers type, and what the site should search for instead.

    For words heard in the clinic that are not a page's name: "bone mets" means "Bone"
    (the spread site), "chemo" means "Chemotherapy".
    """

    phrase = models.CharField(
        max_length=100,
        unique=True,
        help_text="What a reader types, in lower case, e.g. 'bone mets'.",
    )
    means = models.CharField(
        max_length=200,
        help_text="The page name to search for instead, exactly as it is written, e.g. 'Bone'.",
    )

    objects = SearchSynonymManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["phrase"]

    def __str__(self):
        return f"{self.phrase} → {self.means}"

    def natural_key(self):
        return (self.phrase,)
