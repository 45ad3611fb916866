"""Changes waiting for review: what an editor proposed, how it differs, and applying it.

An editor's change to something the public already sees is not saved on the live row: it
is kept as a ``Revision`` (the whole proposed row, its links and its inline rows) until a
medical reviewer approves it. This module turns an admin form into that data, compares it
with the live row for the reviewer, and applies it. The admin and the views only call it.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from .diffs import word_diff
from .editorial import MAX_GRADE, MIN_WORDS_TO_WARN
from .models import Revision, Status
from .text import normalise_text, reading_grade

#: Bookkeeping a proposal never carries: set by the database or by the review itself.
NOT_PROPOSED = {"id", "edit_version", "updated_at", "last_reviewed_on", "reviewed_by"}


class RevisionError(Exception):
    """The revision cannot be applied; the message says why, in words for the reviewer."""


def is_public(obj):
    """Whether readers see this row now: published content, or a kind with no drafts."""
    if obj is None or obj.pk is None:
        return False
    status = getattr(obj, "status", None)
    return status is None or status == Status.PUBLISHED


def _proposed_fields(model, exclude=()):
    """The fields a revision holds: each language's copy of a translated field, not its plain
    name (which reads the copy in the active language)."""
    translated = getattr(model, "translated_fields", ())
    return [
        field
        for field in model._meta.concrete_fields
        if field.name not in NOT_PROPOSED
        and field.attname not in exclude
        and field.name not in translated
    ]


def _json(value):
    """A field's value as JSON holds it (dates as ISO text, decimals as text), and text tidied
    as a save would tidy it, so a browser's line endings never show as a change."""
    if isinstance(value, str):
        return normalise_text(value)
    return DjangoJSONEncoder().default(value) if not _plain(value) else value


def _plain(value):
    return value is None or isinstance(value, str | int | float | bool)


def row_fields(obj, exclude=()):
    return {
        field.attname: _json(field.value_from_object(obj))
        for field in _proposed_fields(type(obj), exclude)
    }


def capture(obj, form, formsets):
    """The whole row the admin form proposes, without saving anything.

    ``obj`` carries the form's new values (the admin has run ``save_form(commit=False)``);
    links come from the form's cleaned data and inline rows from the valid formsets.
    """
    data = {"fields": row_fields(obj), "m2m": {}, "inlines": {}}
    for field in type(obj)._meta.many_to_many:
        if field.name in form.cleaned_data:
            data["m2m"][field.name] = sorted(item.pk for item in form.cleaned_data[field.name])
    for formset in formsets:
        fk = formset.fk
        rows = []
        for child_form in formset.forms:
            if not child_form.has_changed() and child_form.instance.pk is None:
                continue  # an empty extra row
            if formset.can_delete and formset._should_delete_form(child_form):
                continue
            rows.append(
                {
                    "pk": child_form.instance.pk,
                    "fields": row_fields(child_form.instance, exclude={fk.attname}),
                }
            )
        data["inlines"][formset.model._meta.label] = {"fk": fk.attname, "rows": rows}
    return data


def propose(obj, data, user, summary=""):
    """Keep ``data`` as the pending change to ``obj`` (or a new row when ``obj.pk`` is None).

    A newer proposal replaces an older pending one: the older is kept, marked replaced.
    """
    content_type = ContentType.objects.get_for_model(type(obj))
    with transaction.atomic():
        if obj.pk is not None:
            Revision.objects.pending().filter(content_type=content_type, object_id=obj.pk).update(
                state=Revision.State.REPLACED
            )
        return Revision.objects.create(
            content_type=content_type,
            object_id=obj.pk,
            object_repr=str(obj)[:300],
            base_version=_stored_version(obj),
            data=data,
            author=user,
            summary=summary,
        )


def _stored_version(obj):
    if obj.pk is None:
        return None
    return type(obj)._base_manager.filter(pk=obj.pk).values_list("edit_version", flat=True).first()


def apply(revision, reviewer, public_note="", record_review=None):
    """Apply exactly this pending revision to the live row, as ``reviewer``.

    Refused (``RevisionError``) when the revision is no longer pending or the live row
    changed since the revision was made: the reviewer would be approving text they did not
    read. ``record_review(obj, reviewer)``, given only when the reviewer reviewed the whole
    page, records the medical review.
    """
    model = revision.model
    with transaction.atomic():
        revision = Revision.objects.select_for_update().get(pk=revision.pk)
        if revision.state != Revision.State.PENDING:
            raise RevisionError(
                f"This change is no longer waiting for review: it was "
                f"{revision.get_state_display().lower()}."
            )
        if revision.object_id is None:
            obj = model()
        else:
            obj = model._base_manager.select_for_update().filter(pk=revision.object_id).first()
            if obj is None:
                raise RevisionError("The page this change was made to has been deleted.")
            if obj.edit_version != revision.base_version:
                raise RevisionError(
                    "Someone else changed this page since this change was made. Ask the "
                    "editor to open the page again and redo the change, so nothing is lost."
                )
        _set_fields(obj, revision.data["fields"])
        if hasattr(obj, "status"):
            obj.status = Status.PUBLISHED
        if record_review:
            record_review(obj, reviewer)
        obj._history_user = reviewer
        obj._change_reason = f"Approved change #{revision.pk}" + (
            f": {public_note}" if public_note else ""
        )
        obj.save()
        for name, pks in revision.data.get("m2m", {}).items():
            getattr(obj, name).set(pks)
        for label, inline in revision.data.get("inlines", {}).items():
            _apply_inline(obj, label, inline)
        revision.object_id = obj.pk
        revision.state = Revision.State.APPROVED
        revision.reviewer = reviewer
        revision.reviewed_at = timezone.now()
        revision.public_note = public_note
        revision.save()
    return obj


def send_back(revision, reviewer, comment):
    with transaction.atomic():
        revision = Revision.objects.select_for_update().get(pk=revision.pk)
        if revision.state != Revision.State.PENDING:
            raise RevisionError("This change is no longer waiting for review.")
        revision.state = Revision.State.RETURNED
        revision.reviewer = reviewer
        revision.reviewed_at = timezone.now()
        revision.comment = comment
        revision.save()
    return revision


def _set_fields(obj, values):
    by_attname = {field.attname: field for field in type(obj)._meta.concrete_fields}
    for attname, value in values.items():
        field = by_attname.get(attname)
        if field is not None and field.name not in NOT_PROPOSED:
            setattr(obj, attname, field.to_python(value))


def _apply_inline(obj, label, inline):
    from django.apps import apps

    child_model = apps.get_model(label)
    existing = {row.pk: row for row in child_model._base_manager.filter(**{inline["fk"]: obj.pk})}
    keep = {row["pk"] for row in inline["rows"] if row["pk"] is not None}
    for pk, row in existing.items():
        if pk not in keep:
            row._history_user = obj._history_user
            row.delete()
    for row in inline["rows"]:
        child = existing.get(row["pk"]) or child_model()
        _set_fields(child, row["fields"])
        setattr(child, inline["fk"], obj.pk)
        child._history_user = obj._history_user
        child.save()


def preview(obj, data):
    """``obj`` with a proposal's field values, in memory only: to show staff the page, or the
    form, as the proposal has it. Links and inline rows are not touched."""
    _set_fields(obj, data["fields"])
    return obj


def note_direct_change(obj, data, reviewer, note):
    """A reviewer's own change, saved directly: kept as an approved revision for its public
    note, so the page lists it with the changes reviewers approved."""
    return Revision.objects.create(
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=obj.pk,
        object_repr=str(obj)[:300],
        base_version=obj.edit_version,
        data=data,
        state=Revision.State.APPROVED,
        author=reviewer,
        reviewer=reviewer,
        reviewed_at=timezone.now(),
        public_note=note,
    )


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str
    markdown: bool
    grade: float | None

    @property
    def diff(self):
        """The whole text, words taken out struck through and words put in marked."""
        return word_diff(self.old, self.new)

    @property
    def grade_warning(self):
        """Above grade 8, for a text long enough for its grade to mean something."""
        return (
            self.grade is not None
            and self.grade > MAX_GRADE
            and len(self.new.split()) >= MIN_WORDS_TO_WARN
        )


def changes(revision):
    """What the revision changes, field by field, for the reviewer: old and new text (with
    the new text's reading grade), links added and removed, and inline rows changed."""
    model = revision.model
    live = revision.live_object()
    proposed = model()
    _set_fields(proposed, revision.data["fields"])
    readable = set(getattr(model, "readable_fields", ()))
    result = []
    for field in _proposed_fields(model):
        new = _display(proposed, field)
        old = _display(live, field) if live else ""
        if new != old:
            is_text = isinstance(field, models.TextField)
            graded = _words_of(field) in readable and _language_of(field) == settings.LANGUAGE_CODE
            grade = reading_grade(new) if is_text and new and graded else None
            result.append(FieldChange(_label(field), old, new, is_text, grade))
    for name, pks in revision.data.get("m2m", {}).items():
        field = model._meta.get_field(name)
        old_pks = set(getattr(live, name).values_list("pk", flat=True)) if live else set()
        if set(pks) != old_pks:
            related = field.related_model._base_manager
            added = ", ".join(str(o) for o in related.filter(pk__in=set(pks) - old_pks))
            removed = ", ".join(str(o) for o in related.filter(pk__in=old_pks - set(pks)))
            result.append(
                FieldChange(
                    _label(field),
                    removed and f"Removed: {removed}",
                    added and f"Added: {added}",
                    False,
                    None,
                )
            )
    for label, inline in revision.data.get("inlines", {}).items():
        result += _inline_changes(live, label, inline)
    return result


def _inline_changes(live, label, inline):
    from django.apps import apps

    child_model = apps.get_model(label)
    existing = (
        {row.pk: row for row in child_model._base_manager.filter(**{inline["fk"]: live.pk})}
        if live
        else {}
    )
    name = child_model._meta.verbose_name.capitalize()
    result = []
    seen = set()
    for row in inline["rows"]:
        child = child_model()
        _set_fields(child, row["fields"])
        setattr(child, inline["fk"], live.pk if live else None)
        old = existing.get(row["pk"])
        seen.add(row["pk"])
        fields = _proposed_fields(child_model, exclude={inline["fk"]})
        old_text = _row_text(old, fields) if old else ""
        new_text = _row_text(child, fields)
        if old_text != new_text:
            result.append(FieldChange(name, old_text, new_text, False, None))
    for pk, old in existing.items():
        if pk not in seen:
            fields = _proposed_fields(child_model, exclude={inline["fk"]})
            result.append(FieldChange(name, _row_text(old, fields), "Removed", False, None))
    return result


def _row_text(obj, fields):
    return "; ".join(
        f"{_label(field)}: {_display(obj, field)}" for field in fields if _display(obj, field)
    )


def _words_of(field):
    """The field a language copy is of (``summary`` for ``summary_es``); else the field."""
    return getattr(field, "translated_field", field).name


def _language_of(field):
    return getattr(field, "language", settings.LANGUAGE_CODE)


def _label(field):
    label = str(field.verbose_name)  # "summary (Spanish)": keep the language's capital
    return label[:1].upper() + label[1:]


def _display(obj, field):
    if obj is None:
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(field.value_from_object(obj), ""))
    if isinstance(field, models.ForeignKey):
        value = getattr(obj, field.attname)
        if value is None:
            return ""
        related = field.related_model._base_manager.filter(pk=value).first()
        return str(related) if related else ""
    value = field.value_from_object(obj)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)
