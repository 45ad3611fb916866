"""An "On this page" list for long pages, made from the headings the page already has.

A page's template wraps its article in ``{% filter on_this_page %}`` and marks where the list
goes with ``<!--on-this-page-->``. Pages with fewer than ``MIN_SECTIONS`` sections get no list:
a short page is easier to read without one.
"""

import html
import re

from django import template
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext

register = template.Library()

MARKER = "<!--on-this-page-->"
#: Sections a page needs before it gets a list.
MIN_SECTIONS = 4
#: A second-level heading, with its attributes and its content (our templates' own markup).
HEADING = re.compile(r"<h2(?P<attributes>[^>]*)>(?P<content>.*?)</h2>", re.S)
ID = re.compile(r'\sid="(?P<id>[^"]+)"')
TAG = re.compile(r"<[^>]+>")


@register.filter
def on_this_page(page):
    """The page with an "On this page" list at its marker, each heading after the marker
    given an id to link to (its own, or one made from its words)."""
    page = str(page)
    before, marker, after = page.partition(MARKER)
    if not marker:
        return mark_safe(page)
    sections, used = [], set(ID.findall(before))

    def named(match):
        attributes, content = match["attributes"], match["content"]
        found = ID.search(attributes)
        words = html.unescape(TAG.sub("", content)).strip()
        if found:
            anchor = found["id"]
        else:
            anchor = base = slugify(words) or "section"
            number = 2
            while anchor in used:
                anchor, number = f"{base}-{number}", number + 1
            attributes = f' id="{anchor}"{attributes}'
        used.add(anchor)
        sections.append((anchor, words))
        return f"<h2{attributes}>{content}</h2>"

    after = HEADING.sub(named, after)
    if len(sections) < MIN_SECTIONS:
        return mark_safe(before + after)
    items = "".join(
        f'<li><a href="#{anchor}">{html.escape(words)}</a></li>' for anchor, words in sections
    )
    heading = html.escape(gettext("On this page"))
    contents = (
        '<nav class="page-contents" aria-labelledby="page-contents-heading">'
        f'<h2 id="page-contents-heading">{heading}</h2>'
        f"<ul>{items}</ul></nav>"
    )
    return mark_safe(before + contents + after)  # the page was safe; the words are escaped
