"""What search looks through: one document per published page, built from each content kind's
declaration (``ContentKind`` on its model), plus the few pages that are not content rows."""

import html
import re
from dataclasses import dataclass, field
from functools import cached_property

from django.urls import reverse
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from education.models import SearchSynonym
from education.models.kinds import ContentKind, content_kinds

#: Pages that are not rows of a content model, as search shows them.
PAGE_KIND = ContentKind("page", _("Pages"), rank=6)
#: Their words, translated when an index is built in a language (``static_documents``).
STATIC_PAGES = [
    {
        "url_name": "education:survival",
        "title": gettext_noop("What the survival numbers mean"),
        "summary": gettext_noop(
            "Survival figures for metastatic breast cancer, who they describe, and why "
            "your outlook can differ."
        ),
        "names": [
            gettext_noop("What the survival numbers mean"),
            gettext_noop("Survival numbers"),
            gettext_noop("Survival"),
            gettext_noop("Survival rate"),
            gettext_noop("How long will I live"),
        ],
        "body": gettext_noop(
            "survival statistics outlook how long people live life expectancy prognosis"
        ),
    },
    {
        "url_name": "education:questionnaire",
        "title": gettext_noop("Find the options to ask your care team about"),
        "summary": gettext_noop(
            "Answer a few questions and get a short list of treatments, tests and "
            "support to ask about."
        ),
        "names": [
            gettext_noop("Find your options"),
            gettext_noop("Questionnaire"),
            gettext_noop("Which treatments fit my cancer"),
        ],
        "body": gettext_noop("questions options my situation which treatments fit my cancer"),
    },
    {
        "url_name": "education:path-list",
        "title": gettext_noop("Treatment paths"),
        "summary": gettext_noop(
            "What usually comes first, next and later for each kind of metastatic breast cancer."
        ),
        "names": [
            gettext_noop("Treatment paths"),
            gettext_noop("Treatment path"),
            gettext_noop("Lines of treatment"),
            gettext_noop("What line am I on"),
            gettext_noop("What comes next"),
        ],
        "body": gettext_noop(
            "order of treatments first line second line later lines what comes next map"
        ),
    },
    {
        "url_name": "education:whats-new",
        "title": gettext_noop("What's new in treatment"),
        "summary": gettext_noop(
            "New FDA approvals and other changes in treatment for metastatic breast "
            "cancer, in plain words."
        ),
        "names": [
            gettext_noop("What's new"),
            gettext_noop("New drugs"),
            gettext_noop("New approvals"),
            gettext_noop("Latest treatments"),
        ],
        "body": gettext_noop("new drugs approved FDA approval changes in treatment"),
    },
]


#: Markdown a reader does not see as words: link targets, emphasis, heading and list marks.
MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
MARKDOWN_MARKS = re.compile(r"^\s*(#+|[-*+>]|\d+\.)\s+|[*_`]+", re.M)


def searched_text(markdown):
    """The words of a Markdown text, for searching and snippets: a few regular expressions,
    since rendering every page's Markdown to HTML would take most of a second."""
    text = MARKDOWN_LINK.sub(r"\1", markdown or "")
    return " ".join(MARKDOWN_MARKS.sub("", text).split())


@dataclass
class Document:
    kind: ContentKind
    title: str
    url: str
    summary: str
    names: list
    body: str
    #: Editors' search synonyms that lead here ("bone mets" for Bone).
    aliases: list = field(default_factory=list)

    # Escaped once for the life of the index, not once for every search that shows them.
    @cached_property
    def escaped_title(self):
        return html.escape(self.title)  # as Django's escape: & < > " '

    @cached_property
    def escaped_summary(self):
        return html.escape(self.summary)


def kind_documents(model):
    kind = model.content_kind
    rows = model.objects.published()
    if kind.select_related:
        rows = rows.select_related(*kind.select_related)
    if kind.prefetch_related:
        rows = rows.prefetch_related(*kind.prefetch_related)
    for row in rows:
        names = kind.values(row, kind.names)
        summary = searched_text(getattr(row, kind.summary))
        yield Document(
            kind=kind,
            title=kind.title(row),
            url=row.get_absolute_url(),
            summary=summary,
            names=names,
            body=" ".join(searched_text(text) for text in kind.values(row, kind.body)),
        )


def static_documents():
    """The pages that are not content rows, in the active language; their English names are
    kept too, for a reader who types them."""
    for page in STATIC_PAGES:
        names = [gettext(name) for name in page["names"]]
        yield Document(
            kind=PAGE_KIND,
            title=gettext(page["title"]),
            url=reverse(page["url_name"]),
            summary=gettext(page["summary"]),
            names=list(dict.fromkeys([*names, *page["names"]])),
            body=gettext(page["body"]),
        )


def build_documents():
    """Every page search can find, with editors' synonyms attached to the page they name.

    A synonym names its page by title or name ("bone mets" means "Bone"); one that names no
    page is returned apart, to be used as a plain rewrite of the query.
    """
    documents = [
        document
        for model in content_kinds()
        if model.content_kind.has_page and model.content_kind.names
        for document in kind_documents(model)
    ]
    documents += static_documents()
    by_name = {}
    for document in reversed(documents):  # the first kind to use a name keeps it
        for name in [document.title, *document.names]:
            by_name[name.casefold()] = document
    rewrites = {}
    for synonym in SearchSynonym.objects.all():
        target = by_name.get(synonym.means.casefold())
        if target is None:
            rewrites[synonym.phrase.casefold()] = synonym.means
        else:
            target.aliases.append(synonym.phrase)
    return documents, rewrites
