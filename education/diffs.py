"""Word-level differences between two texts, for reviewers: the whole text, with what was
taken out struck through and what was put in marked, so nothing hides behind "[27 chars]"."""

import difflib
import re

from django.utils.html import escape, format_html_join
from django.utils.safestring import mark_safe

#: Each word with the spaces after it (and any spaces the text starts with): spaces never
#: match on their own, so a rewritten sentence reads as one change, not a patchwork.
TOKENS = re.compile(r"^\s+|\S+\s*")


def word_diff(old, new):
    """HTML of ``new`` with ``<del>``/``<ins>`` marking words removed from and added to
    ``old``. Everything is escaped; line breaks are kept as ``<br>``."""
    old_words, new_words = TOKENS.findall(old or ""), TOKENS.findall(new or "")
    parts = []
    matcher = difflib.SequenceMatcher(
        a=[word.strip() for word in old_words],
        b=[word.strip() for word in new_words],
        autojunk=False,
    )
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(("", "".join(new_words[b1:b2])))
            continue
        if a2 > a1:
            parts.append(("del", "".join(old_words[a1:a2])))
        if b2 > b1:
            parts.append(("ins", "".join(new_words[b1:b2])))
    html = "".join(f"<{tag}>{_lines(text)}</{tag}>" if tag else _lines(text) for tag, text in parts)
    return mark_safe(html)  # every piece was escaped by _lines


def _lines(text):
    return escape(text).replace("\n", "<br>")


def word_list_diff(old, new):
    """For lists (links): the items, with removed ones struck through and added ones marked."""
    old_set, new_set = set(old), set(new)
    rows = [("del", item) for item in old if item not in new_set]
    rows += [("", item) for item in new if item in old_set]
    rows += [("ins", item) for item in new if item not in old_set]
    return format_html_join(", ", "<{0}>{1}</{0}>", ((tag or "span", item) for tag, item in rows))
