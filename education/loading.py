"""Loading the content files into the database without overwriting an editor's work.

``load_content`` (the command) is a thin wrapper around ``load_files``. Every row a load
writes (added or replaced) gets a ``LoadedRow`` record: a fingerprint of the row as it stood
after the load. Comparing a row's current fingerprint with its record tells whether anyone
changed it since; a record whose row is gone means an editor deleted it.

Modes:

- ``add`` (the default, what ``make run`` uses): add rows the database does not have; never
  touch a row that exists, and never add back a row an editor deleted.
- ``update``: also replace rows nobody changed since they were loaded, when the files differ.
- ``force``: replace every existing row that differs from the files.

Rows are written with Django's raw fixture saves (as ``loaddata`` does: natural keys, no
``save()`` logic), so simple_history records nothing by itself; the load then writes one
history entry per row it wrote, with the reason ``loaded from fixtures``.
"""

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from enum import StrEnum

from django.conf import settings
from django.core import serializers
from django.core.exceptions import ObjectDoesNotExist
from django.core.serializers.base import (
    DEFER_FIELD,
    DeserializationError,
    deserialize_fk_value,
    deserialize_m2m_values,
)
from django.db import DEFAULT_DB_ALIAS, transaction
from django.utils import timezone, translation
from simple_history.utils import get_history_manager_for_model, get_m2m_field_name

from .cache import one_version_bump
from .content import serialize_rows
from .models import LoadedRow

#: The change reason of the history entry of every row a load adds or replaces.
HISTORY_REASON = "loaded from fixtures"
#: The change reason of the first history entry of a row that had none.
FIRST_HISTORY_REASON = "first history entry, made by load_content"


class Mode(StrEnum):
    ADD = "add"
    UPDATE = "update"
    FORCE = "force"


class Reason(StrEnum):
    """Why a row in the files was not written."""

    EDITED = "changed by an editor since it was loaded"
    DELETED = "deleted by an editor"
    NEWER_IN_FILES = "the files have a newer version"
    UNTRACKED = "differs from the files, and has no record of being loaded"
    MISSING_REFERENCE = "names a row that is not in the database"


#: What the summary says after the skipped rows, for each reason present.
HINTS = {
    Reason.EDITED: "Rows changed by an editor keep the editor's version. "
    "`load_content --force` overwrites them with the files' version.",
    Reason.UNTRACKED: "Rows with no record of being loaded were loaded before load_content kept "
    "records, and may have been edited since. `load_content --force` overwrites them with the "
    "files' version.",
    Reason.NEWER_IN_FILES: "`load_content --update` takes the files' version of rows nobody "
    "has changed since they were loaded.",
    Reason.DELETED: "Rows an editor deleted are never added back.",
    Reason.MISSING_REFERENCE: "A row naming a row that is not in the database (often one an "
    "editor deleted) cannot be loaded.",
}


@dataclass
class Skipped:
    label: str
    key: str
    reason: Reason


@dataclass
class FileReport:
    """What loading one file did."""

    name: str
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    #: Rows written without a link they name, because the linked row is not in the database.
    notes: list[str] = field(default_factory=list)

    def summary(self):
        return (
            f"{self.name}: added {self.added}, replaced {self.replaced}, "
            f"unchanged {self.unchanged}, skipped {len(self.skipped)}"
        )


def natural_key_json(obj):
    """A row's natural key as ``LoadedRow`` stores it."""
    return json.dumps(list(obj.natural_key()), ensure_ascii=False)


def describe_key(key):
    """``["olaparib", "nausea"]`` -> ``olaparib / nausea``, for people reading the summary."""
    try:
        return " / ".join(str(part) for part in json.loads(key))
    except (TypeError, ValueError):
        return key


def m2m_names(model):
    return [f.name for f in model._meta.many_to_many if f.remote_field.through._meta.auto_created]


def canonical(model, row):
    """The serialised row with its links sorted: two rows with the same links compare equal,
    whatever order the database returns them in."""
    for name in m2m_names(model):
        if name in row["fields"]:
            row["fields"][name] = sorted(row["fields"][name], key=json.dumps)
    return row


def content_form(obj):
    """A database row as the files hold it (``serialize_rows``), links sorted."""
    (row,) = serialize_rows([obj])
    return canonical(type(obj), row)


def same_as_file(item, raw, current, form):
    """Whether writing the file's version of an existing row would change nothing.

    ``form`` is ``content_form(current)``. Fields are compared by value (the deserialised
    object holds the file's, so how the file writes a date or a number does not matter);
    links, and references not resolved yet, as the file names them. A link field the file
    leaves out is not written, so it is not compared.
    """
    model = type(current)
    deferred = {f.name for f in item.deferred_fields}
    # A language copy the file has and the database lacks is not in ``form``.
    for name in dict.fromkeys([*form["fields"], *raw["fields"]]):
        value = form["fields"].get(name)
        field_ = model._meta.get_field(name)
        if field_.many_to_many or name in deferred:
            if name not in raw["fields"]:
                continue
            named = raw["fields"][name]
            if field_.many_to_many:
                named = sorted(named, key=json.dumps)
            if named != value:
                return False
        elif field_.value_from_object(item.object) != field_.value_from_object(current):
            return False
    return True


def fingerprint(form):
    text = json.dumps(form, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def describe_raw(raw):
    """Name a row that could not be deserialised by the rows it refers to."""
    refs = [
        f"{name} {'/'.join(value)}"
        for name, value in raw.get("fields", {}).items()
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value)
    ]
    return ", ".join(refs) or "(no natural key)"


def record_history(model, rows, history_type, reason, date, using):
    """One history entry per row, as simple_history would have made for a normal save.

    The manager's ``bulk_history_create`` (what ``populate_history`` uses) writes the row's
    fields; it does not write the links the history keeps (``m2m_fields``), so they are
    copied here the way ``HistoricalRecords.create_historical_record_m2ms`` copies them.
    """
    if not rows:
        return
    for row in rows:
        row._history_user = None
    manager = get_history_manager_for_model(model)
    entries = manager.bulk_history_create(
        rows,
        update=history_type == "~",
        default_change_reason=reason,
        default_date=date,
    )
    history_model = manager.model
    pk_name = model._meta.pk.attname
    for m2m_field in history_model._history_m2m_fields:
        m2m_history_model = getattr(history_model, m2m_field.name).model
        through = m2m_field.remote_field.through
        owner = get_m2m_field_name(m2m_field)
        links = defaultdict(list)
        owner_ids = [row.pk for row in rows]
        for link in through._base_manager.using(using).filter(**{f"{owner}__in": owner_ids}):
            links[getattr(link, f"{owner}_id")].append(link)
        names = [f.attname for f in through._meta.fields]
        m2m_history_model.objects.using(using).bulk_create(
            m2m_history_model(history=entry, **{name: getattr(link, name) for name in names})
            for entry in entries
            for link in links[getattr(entry, pk_name)]
        )


def give_rows_a_first_history(model, date, using):
    """Rows with no history at all (from before the site kept history) get their first entry,
    so the first edit in the admin can be compared with, and reverted to, what was there."""
    history_model = get_history_manager_for_model(model).model
    pk_name = model._meta.pk.attname
    rows = list(
        model._base_manager.using(using).exclude(
            pk__in=history_model.objects.using(using).values(pk_name)
        )
    )
    record_history(model, rows, "+", FIRST_HISTORY_REASON, date, using)


class Loader:
    """One load: reads the files in order, writes rows, then does the bookkeeping."""

    def __init__(self, mode, using=DEFAULT_DB_ALIAS):
        self.mode = Mode(mode)
        self.using = using
        self.now = timezone.now()
        self.records = {
            (record.model, record.natural_key): record for record in LoadedRow.objects.using(using)
        }
        #: (label, key) -> fingerprint of rows found equal to the files.
        self.seen = {}
        #: (deserialised object, "+" or "~", file report), in the order written.
        self.written = []
        self.models = []

    def load_file(self, path):
        report = FileReport(path.name)
        for raw in json.loads(path.read_text(encoding="utf-8")):
            self.load_row(raw, report)
        return report

    def load_row(self, raw, report):
        try:
            # One row at a time, so a row naming a missing row is skipped, not fatal.
            (item,) = serializers.deserialize(
                "python", [raw], using=self.using, handle_forward_references=True
            )
        except ObjectDoesNotExist:
            report.skipped.append(
                Skipped(raw["model"], describe_raw(raw), Reason.MISSING_REFERENCE)
            )
            return
        obj = item.object
        model = type(obj)
        if model not in self.models:
            self.models.append(model)
        label = model._meta.label_lower

        if obj.pk is None:
            key = natural_key_json(obj)
            if (label, key) in self.records:
                report.skipped.append(Skipped(label, key, Reason.DELETED))
            else:
                self.write(item, "+", report)
                report.added += 1
            return

        # The row as it stands, with the rows it names (for its natural key and its form).
        foreign_keys = [f.name for f in model._meta.concrete_fields if f.is_relation]
        current = model._base_manager.using(self.using).select_related(*foreign_keys).get(pk=obj.pk)
        key = natural_key_json(current)
        record = self.records.get((label, key))
        now = content_form(current)
        if same_as_file(item, raw, current, now):
            self.seen[(label, key)] = fingerprint(now)
            report.unchanged += 1
            return
        if self.mode is Mode.FORCE:
            reason = None
        elif record is None:
            reason = Reason.UNTRACKED
        elif record.fingerprint != fingerprint(now):
            reason = Reason.EDITED
        elif self.mode is Mode.UPDATE:
            reason = None
        else:
            reason = Reason.NEWER_IN_FILES
        if reason:
            report.skipped.append(Skipped(label, key, reason))
            return
        if hasattr(current, "edit_version"):
            # An editor's form opened before the load is now refused as stale.
            obj.edit_version = current.edit_version + 1
        self.write(item, "~", report)
        report.replaced += 1

    def write(self, item, history_type, report):
        # Links set while saving would each make a history entry without a reason; the load
        # writes one entry per row at the end instead.
        item.object.skip_history_when_saving = True
        item.save(using=self.using)
        self.written.append((item, history_type, report))

    def save_deferred(self, item, report):
        """Set what named rows later in the files, as ``loaddata`` does. Links to rows that
        are not in the database at all are left out, and said so."""
        try:
            item.save_deferred_fields(using=self.using)
            return
        except (DeserializationError, ObjectDoesNotExist):
            pass
        item.m2m_data, missing = {}, []
        for deferred, value in item.deferred_fields.items():
            if deferred.many_to_many:
                found = []
                for one in value:
                    pks = deserialize_m2m_values(deferred, [one], self.using, True)
                    if pks == DEFER_FIELD:
                        missing.append(f"{deferred.name} {'/'.join(map(str, one))}")
                    else:
                        found += pks
                item.m2m_data[deferred.name] = found
            else:
                pk = deserialize_fk_value(deferred, value, self.using, True)
                if pk == DEFER_FIELD:
                    missing.append(f"{deferred.name} {'/'.join(map(str, value))}")
                else:
                    setattr(item.object, deferred.attname, pk)
        item.save(using=self.using)
        obj = item.object
        report.notes.append(
            f"{obj._meta.label_lower} {describe_key(natural_key_json(obj))}: written without "
            f"{', '.join(missing)} (not in the database)"
        )

    def finish(self):
        for item, _, report in self.written:
            if item.deferred_fields:
                self.save_deferred(item, report)
        for item, _, _ in self.written:
            del item.object.skip_history_when_saving

        by_model = defaultdict(lambda: {"+": [], "~": []})
        for item, history_type, _ in self.written:
            by_model[type(item.object)][history_type].append(item.object.pk)
        for model, pks in by_model.items():
            for history_type, ids in pks.items():
                # Fresh from the database: the fingerprint and history are of what was stored.
                rows = list(model._base_manager.using(self.using).filter(pk__in=ids))
                for row in rows:
                    self.seen[(model._meta.label_lower, natural_key_json(row))] = fingerprint(
                        content_form(row)
                    )
                record_history(model, rows, history_type, HISTORY_REASON, self.now, self.using)

        for model in self.models:
            give_rows_a_first_history(model, self.now, self.using)
        self.save_records()

    def save_records(self):
        new, changed = [], []
        for (label, key), print_ in self.seen.items():
            record = self.records.get((label, key))
            if record is None:
                new.append(LoadedRow(model=label, natural_key=key, fingerprint=print_))
            elif record.fingerprint != print_:
                record.fingerprint, record.loaded_at = print_, self.now
                changed.append(record)
        LoadedRow.objects.using(self.using).bulk_create(new)
        LoadedRow.objects.using(self.using).bulk_update(changed, ["fingerprint", "loaded_at"])


def load_files(paths, mode=Mode.ADD, using=DEFAULT_DB_ALIAS):
    """Load the files in order, in one transaction; returns a ``FileReport`` per file.

    Rows in later files may name rows in earlier ones (by natural key). The content version
    moves on once if anything was written, and not at all otherwise.
    """
    # The plain name of a translated field is its English copy (education/translation.py).
    with (
        translation.override(settings.LANGUAGE_CODE),
        transaction.atomic(using=using),
        one_version_bump(),
    ):
        loader = Loader(mode, using)
        reports = [loader.load_file(path) for path in paths]
        loader.finish()
    return reports


def summary_lines(reports):
    """The summary a person reads: a line per file, the skipped rows, and what to do."""
    lines = [report.summary() for report in reports]
    skipped = [(report.name, row) for report in reports for row in report.skipped]
    if skipped:
        lines += ["", "Skipped:"]
        lines += [
            f"  {name}: {row.label} {describe_key(row.key)}: {row.reason}" for name, row in skipped
        ]
    notes = [(report.name, note) for report in reports for note in report.notes]
    if notes:
        lines += ["", "Written without some links:"]
        lines += [f"  {name}: {note}" for name, note in notes]
    reasons = {row.reason for _, row in skipped}
    hints = [hint for reason, hint in HINTS.items() if reason in reasons]
    if hints:
        lines += ["", *hints]
    return lines
