"""The medical reviewer's queue: everything waiting for them, across every kind, oldest first.

Three parts: changes editors proposed to published pages (revisions), new pages editors sent
for review (status "In review"), and published pages due for a full medical review (never
reviewed, or last reviewed over 12 months ago).
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.urls import reverse

from .models import Revision, Rule, Status
from .models.kinds import content_kinds

#: How many of the pages due for a full review the queue lists by name; the rest are counted.
DUE_LISTED = 50


def reviewed_kinds():
    """Every kind of content a medical reviewer signs off."""
    return [*content_kinds(), Rule]


@dataclass(frozen=True)
class QueueItem:
    title: str
    kind: str
    since: datetime | date | None
    who: str
    url: str
    note: str = ""


def admin_url(obj, view="change"):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[obj.pk])


def person(user):
    if user is None:
        return "content loading"
    return user.get_full_name() or user.get_username()


def waiting_changes():
    revisions = Revision.objects.pending().select_related("author", "content_type")
    return [
        QueueItem(
            title=revision.object_repr,
            kind=revision.content_type.name.capitalize(),
            since=revision.created_at,
            who=person(revision.author),
            url=reverse("admin:education_revision_change", args=[revision.pk]),
            note=revision.summary,
        )
        for revision in revisions.order_by("created_at", "pk")
    ]


def in_review():
    items = []
    for model in reviewed_kinds():
        for obj in model.objects.filter(status=Status.REVIEW):
            latest = obj.history.select_related("history_user").first()
            items.append(
                QueueItem(
                    title=str(obj),
                    kind=model._meta.verbose_name.capitalize(),
                    since=latest.history_date if latest else None,
                    who=person(latest.history_user if latest else None),
                    url=admin_url(obj),
                )
            )
    return sorted(items, key=lambda item: item.since.timestamp() if item.since else 0)


def due_for_review():
    """(the oldest ``DUE_LISTED`` due pages, how many are due in all)."""
    rows = [
        (obj.last_reviewed_on or date.min, str(obj), model, obj)
        for model in reviewed_kinds()
        for obj in model.objects.review_due()
    ]
    rows.sort(key=lambda row: (row[0], row[1]))
    items = [
        QueueItem(
            title=title,
            kind=model._meta.verbose_name.capitalize(),
            since=obj.last_reviewed_on,
            who=obj.reviewed_by or "never reviewed",
            url=admin_url(obj),
        )
        for _, title, model, obj in rows[:DUE_LISTED]
    ]
    return items, len(rows)
