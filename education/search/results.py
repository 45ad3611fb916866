"""The finished results of a search, as the page shows them: a best match with a snippet, the
rest grouped by kind, and a "Did you mean" when only a misspelling matched."""

import html
import re
from dataclasses import dataclass, field

import tantivy
from django.utils.safestring import SafeString
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
class Group:
    """The hits on one kind of page, after the best match."""

    label: str
    hits: list


@dataclass
class Results:
    #: What the reader typed, trimmed, to show back (escaped by the template).
    query: str
    best: Hit | None = None
    #: Every hit, best first, in the order of relevance.
    hits: list = field(default_factory=list)
    #: [Group], in the kinds' order; the best match is not repeated.
    groups: list = field(default_factory=list)
    count: int = 0
    #: A name to suggest when only a misspelling of it matched.
    suggestion: str = ""


#: The rest of a word, after the stem it starts with.
WORD_REST = re.compile(r"\w*")


class Marker:
    """Marks, in escaped text, the words that start with a searched stem ("bone" and "bones"
    for "bone"). Made once a search, used for every result.

    It looks for each stem with ``str.find`` rather than one regular expression: a search
    marks about 24 titles and summaries, and the expression's scan of every letter was a
    fifth of the search's time.
    """

    def __init__(self, terms):
        # Escaped and in lower case, as the lower-case copy of the text they are found in.
        stems = {html.escape(term).lower() for term in terms if len(term) > 1}
        self.stems = sorted(stems, key=len, reverse=True)

    def __call__(self, escaped):
        lowered = escaped.lower()
        if len(lowered) != len(escaped):  # a letter whose lower case is longer: leave as it is
            return SafeString(escaped)
        spans = []
        for stem in self.stems:
            at = lowered.find(stem)
            while at != -1:
                before = lowered[at - 1] if at else " "
                # A word's start, not inside a word or an entity such as &amp; or &#x27;.
                if before.isalnum() or before in "_&#":
                    at = lowered.find(stem, at + 1)
                    continue
                end = WORD_REST.match(lowered, at + len(stem)).end()
                spans.append((at, end))
                at = lowered.find(stem, end)
        if not spans:
            return SafeString(escaped)
        parts, done = [], 0
        for start, end in sorted(spans):
            if start < done:  # inside a word a longer stem marked already
                continue
            parts += [escaped[done:start], "<mark>", escaped[start:end], "</mark>"]
            done = end
        parts.append(escaped[done:])
        return SafeString("".join(parts))


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
    return SafeString("… " + "".join(parts).strip() + " …")


def matched_name(document, query):
    """Which of the page's names the reader typed, or came closest to."""
    names = [document.title, *document.names]
    match = process.extractOne(query, names, scorer=fuzz.WRatio)
    return match[0] if match else ""
