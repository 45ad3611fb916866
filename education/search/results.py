"""The finished results of a search, as the page shows them: a best match with a snippet, the
rest grouped by kind, and a "Did you mean" when only a misspelling matched."""

import html
import re
from dataclasses import dataclass, field

import tantivy
from django.utils.safestring import mark_safe
from rapidfuzz import fuzz, process


@dataclass
class Hit:
    title_html: str
    url: str
    kind_label: str
    summary_html: str
    #: For the best match: the name the reader's words matched, when not the title
    #: ("Herceptin").
    matched_name: str = ""


@dataclass
class Results:
    #: What the reader typed, trimmed, to show back (escaped by the template).
    query: str
    best: Hit | None = None
    #: Every hit, best first, in the order of relevance.
    hits: list = field(default_factory=list)
    #: [(kind label, [hits])], in the kinds' order; the best match is not repeated.
    groups: list = field(default_factory=list)
    count: int = 0
    #: A name to suggest when only a misspelling of it matched.
    suggestion: str = ""


class Marker:
    """Escapes text and marks the words that start with a searched stem ("bone" and "bones"
    for "bone"). Made once a search, used for every result."""

    def __init__(self, terms):
        stems = sorted({t for t in terms if len(t) > 1}, key=len, reverse=True)
        pattern = "|".join(re.escape(html.escape(stem)) for stem in stems)
        # Not inside an entity such as &amp; or &#x27;.
        self.words = re.compile(rf"(?i)(?<![&#\w])({pattern})\w*") if stems else None

    def __call__(self, text):
        escaped = html.escape(text)  # as Django's escape: & < > " '
        if self.words:
            escaped = self.words.sub(lambda word: f"<mark>{word[0]}</mark>", escaped)
        return mark_safe(escaped)


def snippet_html(index, query, address):
    """The passage of the page's text that best matches, with the matches marked."""
    generator = tantivy.SnippetGenerator.create(index.searcher, query, index.schema, "body")
    generator.set_max_num_chars(220)
    snippet = generator.snippet_from_doc(index.searcher.doc(address))
    fragment = snippet.fragment()
    if not snippet.highlighted():
        return ""
    parts, at = [], 0
    for span in snippet.highlighted():
        parts += [
            html.escape(fragment[at : span.start]),
            f"<mark>{html.escape(fragment[span.start : span.end])}</mark>",
        ]
        at = span.end
    parts.append(html.escape(fragment[at:]))
    return mark_safe("… " + "".join(parts).strip() + " …")


def matched_name(document, query):
    """Which of the page's names the reader typed, or came closest to."""
    names = [document.title, *document.names]
    match = process.extractOne(query, names, scorer=fuzz.WRatio)
    return match[0] if match else ""
