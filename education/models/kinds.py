"""What the rest of the site needs to know about each kind of content, declared on its model.

Each content model says once, as ``content_kind = ContentKind(...)``, what readers call it, how
search finds it, and whether it has a page of its own. The search index, the sitemap, the review
panel and queue, the readability report and the questionnaire's rule links read these
declarations (through ``content_kinds()``) instead of keeping lists of their own. (The page
cache listens to every model in the content files, ``content.FIXTURE_LAYOUT``: sources and
questions change pages too.)
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ContentKind:
    #: A short key, used in search results ("drug").
    key: str
    #: What a group of these is called, for readers ("Drugs").
    label: str
    #: Where the group comes in search results, and which kind wins a tie: lower first.
    rank: int
    #: What one of these is called, in front of its title where kinds mix ("Topic: Clinical
    #: trials" beside "Treatment: Clinical trials").
    singular: str = ""
    #: Whether each row has a page of its own (a drug family or a survival figure is part of
    #: another page): such rows are in the sitemap and the search.
    has_page: bool = True
    #: Attributes naming a row as readers call it: its name, brand and other names, aliases.
    #: Each is a string or a list of strings. Searched with the most weight.
    names: tuple = ()
    #: The short summary shown under a search result; searched with more weight than the body.
    summary: str = "summary"
    #: Attributes with the rest of the prose (Markdown); searched with the least weight.
    #: "family.name" follows a relation.
    body: tuple = ()
    #: How much a match in this kind counts against the same match in others: a word-list
    #: entry or a news item is short, so plain word counting would put it above the page
    #: that explains the thing in full.
    search_weight: float = 1.0
    #: The page's first line, saying what the page is for: a reader should know at once
    #: whether they are in the right place. Empty where the title and summary already say it.
    purpose: str = ""
    #: Relations search reads for each row, fetched with the rows (``body`` paths, and
    #: properties that read them).
    select_related: tuple = ()
    prefetch_related: tuple = ()

    def title(self, obj):
        """What a row is called on its page: a drug by generic and brand name."""
        return str(getattr(obj, "display_name", None) or self.values(obj, self.names)[0])

    def values(self, obj, attributes):
        """The non-empty strings the attributes hold for this row, lists flattened."""
        found = []
        for path in attributes:
            value = obj
            for part in path.split("."):
                value = getattr(value, part)
            values = value if isinstance(value, list | tuple) else [value]
            found += [str(v) for v in values if v]
        return found


def content_kinds():
    """Every content model with a declared kind, in the order of their ranks."""
    from .base import EditorialModel

    models = [m for m in EditorialModel.__subclasses__() if m.content_kind is not None]
    return sorted(models, key=lambda model: model.content_kind.rank)
