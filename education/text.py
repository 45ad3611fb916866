"""Turning editors' Markdown into safe HTML, glossary links and plain text.

Editors write Markdown. It is rendered, then sanitised with nh3 so that no script,
event handler or ``javascript:`` link can reach a page, whatever is typed in the admin.
"""

import re
from html import escape
from html.parser import HTMLParser
from typing import NamedTuple

import markdown
import nh3
import textstat
from textstat.backend import metrics as readability

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "dd", "dl", "dt", "em", "h2", "h3", "h4",
    "hr", "li", "ol", "p", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
NO_LINK_TAGS = {"a", "h1", "h2", "h3", "h4", "code"}
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "td", "th", "dt", "dd", "blockquote"}


def render_markdown(source):
    """Markdown to sanitised HTML."""
    html = markdown.markdown(source or "", extensions=["tables", "sane_lists"])
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )


class GlossaryWord(NamedTuple):
    """A glossary term as a page uses it."""

    name: str
    url: str
    definition: str


class GlossaryLinker:
    """Links the first appearance of each glossary term on a page to its definition.

    One linker serves one page, so a term linked in one section is not linked again
    in the next. Text inside links, headings and code is left alone.
    """

    def __init__(self, terms, links=True):
        # terms: iterable of (phrase, url, definition, name); name is the term the phrase
        # stands for (a phrase may be an alias), the phrase itself if left out.
        # links=False finds the terms without linking them: for paper.
        self.by_phrase = {}
        for phrase, url, definition, *name in terms:
            if phrase.strip():
                word = GlossaryWord(name[0] if name else phrase.strip(), url, definition)
                self.by_phrase.setdefault(phrase.strip().lower(), word)
        phrases = sorted(self.by_phrase, key=len, reverse=True)
        self.pattern = (
            re.compile(r"\b(" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE)
            if phrases
            else None
        )
        self.links = links
        self.linked_urls = set()
        #: The terms found on the page, in the order they first appear: the page lists them
        #: with their definitions, so a reader sees what a word means in print too.
        self.words_used = []

    def link(self, html):
        if self.pattern is None:
            return html
        out = []
        skip_depth = 0
        for part in re.split(r"(<[^>]+>)", html):
            if part.startswith("<"):
                tag = re.match(r"</?\s*([a-zA-Z0-9]+)", part)
                name = tag.group(1).lower() if tag else ""
                if name in NO_LINK_TAGS:
                    skip_depth += -1 if part.startswith("</") else 1
                out.append(part)
            elif skip_depth > 0 or not part.strip():
                out.append(part)
            else:
                out.append(self.pattern.sub(self._replace, part))
        return "".join(out)

    def _replace(self, match):
        word = self.by_phrase[match.group(1).lower()]
        if word.url in self.linked_urls:
            return match.group(0)
        self.linked_urls.add(word.url)
        self.words_used.append(word)
        if not self.links:
            return match.group(0)
        return (
            f'<a class="glossary-link" href="{escape(word.url)}" title="{escape(word.definition)}">'
            f"{match.group(0)}</a>"
        )


class _BlockText(HTMLParser):
    """Collects the text of each block (paragraph, list item, heading) separately."""

    def __init__(self):
        super().__init__()
        self.blocks = [[]]

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.blocks.append([])

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self.blocks.append([])

    def handle_data(self, data):
        self.blocks[-1].append(data)


def plain_text(source):
    """Markdown to plain text, one sentence-ending mark per block.

    A list item or heading is read as a unit of its own, so it is given a full stop
    if it has none; otherwise a bulleted list would be scored as one long sentence.
    """
    parser = _BlockText()
    parser.feed(render_markdown(source))
    sentences = []
    for block in parser.blocks:
        text = " ".join("".join(block).split())
        if text:
            sentences.append(text if text[-1] in ".!?:;" else text + ".")
    return " ".join(sentences)


def reading_grade(*sources):
    """Flesch-Kincaid grade of the given Markdown texts read together as one page."""
    text = " ".join(plain_text(s) for s in sources if s)
    return round(textstat.flesch_kincaid_grade(text), 1) if text else 0.0


def spanish_reading_ease(*sources):
    """Fernández-Huerta reading ease of Spanish Markdown texts read together as one page:
    higher is easier (60 to 70 is "normal", 70 to 80 "fairly easy"). None for no text.

    textstat's module-level functions read one global language; its metric takes the
    language as an argument, so English and Spanish pages can be measured side by side.
    """
    text = " ".join(plain_text(s) for s in sources if s)
    return round(readability.fernandez_huerta(text, "es"), 1) if text else None


def normalise_text(value):
    """Text as an edit should store it: ``\\n`` line endings, no spaces at the ends of
    lines, no blank lines at the end. A browser sends ``\\r\\n``; without this, one save
    from the admin rewrites every line of a page in the history and the content files."""
    lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).rstrip("\n")


def markdown_list_items(source):
    """The items of a Markdown bullet list, as plain strings."""
    return [
        line.strip()[2:].strip()
        for line in (source or "").splitlines()
        if line.strip()[:2] in ("- ", "* ")
    ]


def question_items(source):
    """The items of a Markdown list that are questions: what a reader may save to ask."""
    return [item for item in markdown_list_items(source) if item.endswith("?")]
