"""The admin side of the review workflow, shared by every editable kind of content.

- A change to something readers already see, made by someone who cannot publish, is kept as
  a pending ``Revision``; the public page keeps the published text until a medical reviewer
  approves it (``RevisionAdmin``).
- A save made from a form opened before someone else's save is refused (optimistic locking
  on ``edit_version``); the form keeps everything typed.
- A reviewer saving directly may write a one-line public change note.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from . import revisions
from .diffs import word_diff, word_list_diff
from .editorial import can_publish
from .models import Revision, Status
from .text import normalise_text

#: Form fields the workflow adds to every change form, shown together at the end.
WORKFLOW_FIELDS = ("opened_version", "change_summary", "public_note", "whole_page_reviewed")
WHOLE_PAGE_LABEL = "I have reviewed the whole page"
WHOLE_PAGE_HELP = (
    "Tick only after reading the whole page against its sources: it records today's date and "
    "your name as the page's medical review and restarts its 12-month clock. Publishing a "
    "change alone does not."
)


def stored_version(model, pk):
    return model._base_manager.filter(pk=pk).values_list("edit_version", flat=True).first()


def changed_since(obj, opened):
    """Who changed what since version ``opened``, from the history, in one line."""
    records = list(obj.history.filter(edit_version__gt=opened).order_by("history_date"))
    names, people = [], []
    for record in records:
        previous = record.prev_record
        if previous is not None:
            for change in record.diff_against(previous).changes:
                label = type(obj)._meta.get_field(change.field).verbose_name.capitalize()
                if change.field != "edit_version" and label not in names:
                    names.append(label)
        who = (
            record.history_user.get_full_name() or record.history_user.get_username()
            if (record.history_user)
            else "content loading"
        )
        people.append(f"{who} at {timezone.localtime(record.history_date):%H:%M on %b %-d}")
    what = ", ".join(names) or "its links or rows"
    return f"Changed: {what}. By {'; '.join(people)}." if people else ""


#: Bookkeeping the history never shows as a change.
NOT_SHOWN_IN_HISTORY = {"edit_version", "updated_at"}


class WordDiffHistory(HistoricalRecordContextHelper):
    """The history list: every changed field in full, word by word; bookkeeping and changes
    of line endings or trailing spaces (from before text was tidied on save) left out."""

    def context_for_delta_changes(self, delta):
        rows = []
        for change in delta.changes:
            if change.field in NOT_SHOWN_IN_HISTORY or _same_text(change.old, change.new):
                continue
            field = self.model._meta.get_field(change.field)
            old = self.prepare_delta_change_value(change, change.old)
            new = self.prepare_delta_change_value(change, change.new)
            if isinstance(old, list) or isinstance(new, list):
                diff = word_list_diff([str(v) for v in old or []], [str(v) for v in new or []])
            else:
                diff = word_diff(_text(old), _text(new))
            rows.append({"field": str(field.verbose_name).capitalize(), "diff": diff})
        return rows


def _text(value):
    return "" if value is None else str(value)


def _same_text(old, new):
    return (
        isinstance(old, str) and isinstance(new, str) and normalise_text(old) == normalise_text(new)
    )


class ReviewedForm(forms.ModelForm):
    """Every change form: the version it was opened at, and a note for the review."""

    opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    change_summary = forms.CharField(
        label="What you changed, for the reviewer",
        max_length=300,
        required=False,
        help_text="One line, e.g. 'Fixed a typo in How it works'. The reviewer sees it.",
    )
    public_note = forms.CharField(
        label="Public change note",
        max_length=200,
        required=False,
        help_text="One line readers see on the page with today's date, e.g. 'Added the 2026 "
        "approval for HER2-low cancer'. Leave empty for small fixes such as a typo.",
    )

    whole_page_reviewed = forms.BooleanField(
        label=WHOLE_PAGE_LABEL, required=False, help_text=WHOLE_PAGE_HELP
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["opened_version"].initial = stored_version(
                type(self.instance), self.instance.pk
            )

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned
        current = stored_version(type(self.instance), self.instance.pk)
        opened = cleaned.get("opened_version")
        if opened != current:
            # Let the next save go through on purpose: the form now carries today's version.
            self.data = self.data.copy()
            self.data[self.add_prefix("opened_version")] = current
            detail = changed_since(self.instance, opened) if opened else ""
            raise ValidationError(
                "Someone else changed this page since you opened it. %(detail)s Your text is "
                "still in the form below and nothing was saved. Open the page in a new tab to "
                "see their change, then save again here to keep yours.",
                code="stale",
                params={"detail": detail},
            )
        return cleaned


class ProposedInlineFormSet(BaseInlineFormSet):
    """Inline rows as the pending proposal has them, when an editor reopens a proposal."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        proposal = getattr(self.instance, "proposal", None)
        inline = proposal and proposal.data.get("inlines", {}).get(self.model._meta.label)
        self._proposed = None if self.is_bound or not inline else inline["rows"]
        if self._proposed is not None:
            new_rows = [row["fields"] for row in self._proposed if row["pk"] is None]
            self.initial_extra = new_rows
            self.extra = max(self.extra, len(new_rows))

    def get_queryset(self):
        queryset = super().get_queryset()
        if getattr(self, "_proposed", None) is None:
            return queryset
        live = {row.pk: row for row in queryset}
        rows = []
        for row in self._proposed:
            if row["pk"] in live:
                revisions.preview(live[row["pk"]], {"fields": row["fields"]})
                rows.append(live[row["pk"]])
        return rows


class ReviewedAdmin(SimpleHistoryAdmin):
    """Editors propose changes to public rows; reviewers publish them. See the module doc."""

    form = ReviewedForm
    change_form_template = "admin/education/reviewed_change_form.html"
    object_history_list_template = "admin/education/object_history_list.html"

    def get_historical_record_context_helper(self, request, historical_record):
        return WordDiffHistory(self.model, historical_record)

    def proposes(self, request, obj):
        """Whether this save becomes a pending revision instead of changing the live row."""
        if can_publish(request.user):
            return False
        if obj is None or obj.pk is None:
            return not hasattr(self.model, "status")  # a new source, question or synonym
        return revisions.is_public(self.model._base_manager.get(pk=obj.pk))

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (
                name,
                {**options, "fields": [f for f in options["fields"] if f not in WORKFLOW_FIELDS]},
            )
            for name, options in super().get_fieldsets(request, obj)
        ]
        if not can_publish(request.user):
            mine = ["opened_version", "change_summary"]
        elif hasattr(self.model, "last_reviewed_on"):
            mine = ["opened_version", "public_note", "whole_page_reviewed"]
        else:
            mine = ["opened_version", "public_note"]
        return [*fieldsets, ("Your change", {"fields": mine})]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        has_status = hasattr(self.model, "status")
        if (
            has_status
            and obj is not None
            and "status" not in readonly
            and self.proposes(request, obj)
        ):
            readonly.append("status")  # it stays published; the change waits for review
        return readonly

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is not None and request.method == "GET" and self.proposes(request, obj):
            proposal = (
                Revision.objects.for_object(obj)
                .filter(state__in=[Revision.State.PENDING, Revision.State.RETURNED])
                .filter(base_version=obj.edit_version)
                .first()
            )
            if proposal is not None:
                revisions.preview(obj, proposal.data)
                obj.proposal = proposal
        return obj

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Restore an earlier version: an editor's restore of a public row waits for review
        like any change; a reviewer's restore is published."""
        request.restoring = True
        return super().history_form_view(request, object_id, version_id, extra_context)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and self.proposes(request, obj):
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        restoring = getattr(request, "restoring", False)
        if self.proposes(request, obj):
            if restoring:  # the restore form has no inline rows and saves links itself
                data = revisions.capture(obj, form, [])
                request.revision = revisions.propose(
                    obj, data, request.user, "Restore an earlier version"
                )
                form.save_m2m = lambda: None
                return
            request.proposal_for = obj  # kept in save_related, with the inline rows
            return
        if restoring and hasattr(obj, "status"):
            obj.status = Status.PUBLISHED  # a reviewer's restore is the published version
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        obj = form.instance
        if getattr(request, "proposal_for", None) is obj:
            data = revisions.capture(obj, form, formsets)
            summary = form.cleaned_data.get("change_summary", "")
            request.revision = revisions.propose(obj, data, request.user, summary)
            return
        super().save_related(request, form, formsets, change)
        note = form.cleaned_data.get("public_note")
        if note and can_publish(request.user) and revisions.is_public(obj):
            Revision.objects.for_object(obj).pending().update(state=Revision.State.REPLACED)
            revisions.note_direct_change(obj, revisions.capture(obj, form, []), request.user, note)

    def construct_change_message(self, request, form, formsets, add=False):
        if getattr(request, "revision", None):
            return f"Proposed a change for review (change #{request.revision.pk})."
        return super().construct_change_message(request, form, formsets, add)

    def log_addition(self, request, obj, message):
        if obj.pk is not None:  # a proposed new row has no id yet: its revision records it
            return super().log_addition(request, obj, message)

    def response_add(self, request, obj, post_url_continue=None):
        if getattr(request, "revision", None):
            return self.proposal_saved(request)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if getattr(request, "revision", None):
            return self.proposal_saved(request)
        return super().response_change(request, obj)

    def proposal_saved(self, request):
        self.message_user(
            request,
            "Your change is saved and waiting for a medical reviewer. Readers see the "
            "published version until it is approved.",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(
            reverse("admin:education_revision_change", args=[request.revision.pk])
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        obj = self.model._base_manager.filter(pk=object_id).first()
        if obj is not None:
            extra_context["open_revisions"] = (
                Revision.objects.for_object(obj)
                .filter(state__in=[Revision.State.PENDING, Revision.State.RETURNED])
                .select_related("author", "reviewer")[:5]
            )
            extra_context["proposes"] = self.proposes(request, obj)
        return super().change_view(request, object_id, form_url, extra_context)


class DecisionForm(forms.Form):
    whole_page_reviewed = forms.BooleanField(
        label=WHOLE_PAGE_LABEL, required=False, help_text=WHOLE_PAGE_HELP
    )
    public_note = forms.CharField(
        label="Public change note (optional)",
        max_length=200,
        required=False,
        help_text="One line readers see on the page with today's date.",
    )
    comment = forms.CharField(
        label="Comment for the editor",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed when you send the change back: say what to fix.",
    )

    def clean(self):
        cleaned = super().clean()
        if "send_back" in self.data and not cleaned.get("comment"):
            self.add_error("comment", "Say what the editor should fix.")
        return cleaned


def revision_link(revision):
    return format_html(
        '<a href="{}">{}</a>',
        reverse("admin:education_revision_change", args=[revision.pk]),
        revision,
    )


def decide(request, revision, form, record_review):
    """Approve or send back ``revision`` from the reviewer's POST; return a message."""
    if not can_publish(request.user):
        raise PermissionDenied("Only a medical reviewer can approve or send back a change.")
    if "send_back" in request.POST:
        revisions.send_back(revision, request.user, form.cleaned_data["comment"])
        return "Sent back to the editor with your comment."
    whole_page = form.cleaned_data["whole_page_reviewed"]
    revisions.apply(
        revision,
        request.user,
        form.cleaned_data["public_note"],
        record_review=record_review if whole_page else None,
    )
    if whole_page:
        return "Published, with your name and today's date as the page's medical review."
    return "Published. The page's medical review date is unchanged."
