"""Reading grades in the admin: a badge per text and the list a change form shows."""

from django.utils.html import format_html, format_html_join

from .editorial import MAX_GRADE, field_grades


def grade_badge(grade, warn):
    if warn:
        return format_html(
            '<strong class="grade-warning">Reading grade {} – above grade {}: '
            "use shorter sentences and everyday words.</strong>",
            grade,
            MAX_GRADE,
        )
    return format_html('<span class="grade-ok">Reading grade {}</span>', grade)


def reading_levels_html(obj):
    """Each prose field's grade, and the whole page's, for a saved row."""
    grades = field_grades(obj) if obj and obj.pk else {}
    if not grades:
        return "Save to measure the reading level."
    rows = format_html_join(
        "",
        "<li>{}: {}</li>",
        ((name.replace("_", " "), grade_badge(*g)) for name, g in grades.items()),
    )
    page_grade = obj.reading_grade()
    whole = grade_badge(page_grade, page_grade > MAX_GRADE)
    return format_html(
        "<p>Whole page: {}. Aim for grade 6; no page above grade {}.</p><ul>{}</ul>",
        whole,
        MAX_GRADE,
        rows,
    )
