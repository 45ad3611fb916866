"""Putting text into CSS, such as a handout's title in its page footer."""

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def css_string(value):
    """The text for inside a quoted CSS string: every character but ASCII letters, digits and
    spaces becomes a CSS escape (a backslash, hex digits, then a space the parser drops), so
    quotes, backslashes and ``</style>`` cannot end the string or the <style> element.
    (``escapejs`` writes JavaScript's ``\\u002D``, which CSS prints as "u002D".)"""
    return mark_safe(
        "".join(
            char if char == " " or (char.isascii() and char.isalnum()) else f"\\{ord(char):x} "
            for char in str(value)
        )
    )
