"""Template tags for content pages: Markdown bodies and survival pictures."""

from django import template
from django.utils.safestring import mark_safe

from education.languages import links_in_reader_language
from education.text import render_markdown

register = template.Library()


@register.simple_tag(takes_context=True)
def markdown(context, source):
    """Render an editor's Markdown safely, linking glossary terms on their first appearance,
    its links to this site's pages in the reader's language.

    The page's ``glossary_linker`` (set by the view) remembers which terms it has linked,
    so a term is linked once per page, not once per section.
    """
    html = links_in_reader_language(render_markdown(source))
    linker = context.get("glossary_linker")
    if linker is not None:
        html = linker.link(html)
    return mark_safe(html)  # nh3 has already sanitised it


@register.inclusion_tag("includes/icon_array.html")
def icon_array(percent, label):
    """A 10 x 10 grid of people, ``percent`` of them filled in (rounded to whole people)."""
    filled = round(float(percent))
    cells = [
        {"x": (i % 10) * 24 + 2, "y": (i // 10) * 24 + 2, "filled": i < filled} for i in range(100)
    ]
    return {"cells": cells, "filled": filled, "label": label}


@register.inclusion_tag("includes/month_bars.html")
def month_bars(statistics):
    """Horizontal bars comparing figures given in months, the longest at 75% of the width
    (room for its value beside it), the others in proportion.

    Each bar is drawn in SVG; its label and value are plain text beside it, so they wrap on a
    phone and read aloud in order.
    """
    largest = max((float(s.figure) for s in statistics), default=0) or 1
    return {
        "bars": [
            {"stat": s, "width": f"{max(1, round(float(s.figure) / largest * 75))}%"}
            for s in statistics
        ]
    }
