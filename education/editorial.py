"""The editorial workflow, shared by the admin: who may publish, and what publishing records."""

from django.utils import timezone

from .models import Status
from .text import reading_grade

PUBLISH_PERMISSION = "education.publish_content"
MAX_GRADE = 8
#: Below this many words a reading grade swings wildly (a list of drug names can score 14),
#: so short texts are shown their grade but not warned; the whole page's grade still counts.
MIN_WORDS_TO_WARN = 30


def can_publish(user):
    return user.has_perm(PUBLISH_PERMISSION)


def record_review(obj, user):
    """Publishing by a medical reviewer is a review: note who and when."""
    if getattr(obj, "status", None) == Status.PUBLISHED and hasattr(obj, "last_reviewed_on"):
        obj.last_reviewed_on = timezone.localdate()
        obj.reviewed_by = user.get_full_name() or user.get_username()


def field_grades(obj):
    """{field name: (reading grade, whether to warn)} for each prose field that has text."""
    grades = {}
    for name in getattr(obj, "readable_fields", ()):
        text = getattr(obj, name)
        if text:
            grade = reading_grade(text)
            grades[name] = (grade, grade > MAX_GRADE and len(text.split()) >= MIN_WORDS_TO_WARN)
    return grades
