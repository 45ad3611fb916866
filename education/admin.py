"""Editorial admin: every content model, with review workflow, history and reading levels."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import URLField
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from . import admin_lockouts, models, review_queue, revisions
from .admin_grades import grade_badge, reading_levels_html
from .admin_layout import LanguageCopiesMixin, PageLayoutMixin, RequiredHelpInline, english_copy
from .admin_preview import PreviewMixin
from .admin_rules import AnswerConditionForm, ConditionFormSet, RuleAdminMixin
from .admin_sources import CitedByMixin, CitesSourceFilterMixin
from .admin_workflow import DecisionForm, ProposedInlineFormSet, ReviewedAdmin, decide
from .editorial import can_publish, field_grades, record_review
from .glossary import glossary_linker
from .models import Status
from .models.questionnaire import RULE_LINKED_FIELDS
from .text import render_markdown

admin.site.site_header = "Metastatic Breast Cancer Treatment Guide: editorial admin"
admin.site.site_title = "MBC guide admin"
admin.site.index_title = "Content"
admin_lockouts.register(admin.site)  # reviewers unlock locked-out people


class ReviewDueFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("due", "Review due (never, or over 12 months ago)"), ("current", "Reviewed")]

    def queryset(self, request, queryset):
        if self.value() == "due":
            return queryset.review_due()
        if self.value() == "current":
            return queryset.published().exclude(pk__in=queryset.review_due())
        return queryset


class PrimarySourceFilter(admin.SimpleListFilter):
    """Which pages rest only on patient-education pages, news or other secondary sources."""

    title = "sources"
    parameter_name = "sources"

    def lookups(self, request, model_admin):
        return [
            ("secondary_only", "No primary source (only secondary)"),
            ("primary", "Has a primary source"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "secondary_only":
            return queryset.without_primary_source()
        if self.value() == "primary":
            return queryset.exclude(pk__in=queryset.without_primary_source())
        return queryset


#: Only a medical reviewer sets these to published: the page, and its Spanish words.
STATUS_FIELDS = ("status", "spanish_status")


class WorkflowAdmin(PageLayoutMixin, ReviewedAdmin):
    """Draft → in review → published. Only medical reviewers publish, enforced on save.

    An editor's change to a published row waits for review as a revision (``ReviewedAdmin``).
    """

    actions = ["send_for_review", "publish"]

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not can_publish(request.user):
            actions.pop("publish", None)  # reviewers' only: editors are not offered it
        return actions

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        for name in STATUS_FIELDS:
            status = form.base_fields.get(name)
            if status and not can_publish(request.user):
                status.choices = [c for c in status.choices if c[0] != Status.PUBLISHED]
                status.help_text = (
                    "Choose 'In review' when it is ready. A medical reviewer checks and "
                    "publishes it."
                )
        return form

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        # Spanish words a reviewer published stay so for an editor: a change to them is
        # reviewed with the page.
        spanish_published = getattr(obj, "spanish_status", None) == Status.PUBLISHED
        if spanish_published and not can_publish(request.user) and "spanish_status" not in readonly:
            readonly.append("spanish_status")
        return readonly

    def save_model(self, request, obj, form, change):
        # The form hides "published" from editors; this also stops a crafted request.
        if not can_publish(request.user) and not self.proposes(request, obj):
            stored = {}
            if obj.pk is not None:
                stored = self.model._base_manager.filter(pk=obj.pk).values(*STATUS_FIELDS)[0]
            for name in STATUS_FIELDS:
                if getattr(obj, name) == Status.PUBLISHED != stored.get(name):
                    raise PermissionDenied("Only a medical reviewer can publish.")
        if obj.status == Status.PUBLISHED and not self.proposes(request, obj):
            if form.cleaned_data.get("whole_page_reviewed"):
                record_review(obj, request.user)
        super().save_model(request, obj, form, change)

    @admin.action(description="Send selected drafts for review")
    def send_for_review(self, request, queryset):
        for obj in queryset.exclude(status=Status.PUBLISHED):
            obj.status = Status.REVIEW
            obj.save()
        self.message_user(request, "Sent for review. Published items were left as they are.")

    @admin.action(description="Publish selected (medical reviewers)")
    def publish(self, request, queryset):
        """Asks first, listing what will go live. Publishing is not a medical review: each
        page's review is recorded on its own form ("I have reviewed the whole page")."""
        if not can_publish(request.user):
            self.message_user(request, "Only a medical reviewer can publish.", messages.ERROR)
            return None
        if request.POST.get("confirmed") != "yes":
            context = {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": "Publish these?",
                "objects": queryset,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "admin/education/publish_confirmation.html", context)
        for obj in queryset:
            obj.status = Status.PUBLISHED
            obj.save()
        self.message_user(
            request,
            f"Published {queryset.count()} item(s). No medical review was recorded: record it "
            "on each page's form after reading it.",
        )
        return None


class EditorialAdmin(PreviewMixin, CitesSourceFilterMixin, WorkflowAdmin):
    """Content pages: status and review columns, reading grades, and a Markdown preview."""

    list_display = ["__str__", "status", "last_reviewed_on", "review_due", "worst_grade"]
    list_filter = ["status", ReviewDueFilter, PrimarySourceFilter]
    search_fields = ["slug", "name"]
    readonly_fields = [
        "updated_at",
        "last_reviewed_on",
        "reviewed_by",
        "reading_levels",
        "preview",
    ]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["sources"]
    # After the inline rows (a drug's side effects), not in the fieldsets: see admin_layout.
    after_inlines = ("reading_levels", "preview")
    after_inlines_title = "Reading level and preview"

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        for name, (grade, warn) in (field_grades(obj) if obj else {}).items():
            name = english_copy(self.model, name)  # the grades are of the English words
            if name in form.base_fields:
                field = form.base_fields[name]
                field.help_text = format_html("{} {}", field.help_text, grade_badge(grade, warn))
        return form

    @admin.display(description="Review due")
    def review_due(self, obj):
        if not obj.is_published:
            return "–"
        due = obj.review_due_on
        if due is None:
            return format_html('<strong class="review-due">{}</strong>', "Never reviewed")
        label = "Overdue since {}" if obj.is_review_due else "{}"
        return format_html(label, due.isoformat())

    @admin.display(description="Worst reading grade")
    def worst_grade(self, obj):
        grades = field_grades(obj).values()
        return grade_badge(*max(grades, key=lambda g: (g[1], g[0]))) if grades else "–"

    @admin.display(description="Reading level of each text")
    def reading_levels(self, obj):
        return reading_levels_html(obj)

    @admin.display(description="Preview (as on the public page)")
    def preview(self, obj):
        if not obj or not obj.pk:
            return "Save to see a preview."
        linker = glossary_linker(exclude_url=obj.get_absolute_url())
        sections = [
            format_html(
                '<h3>{}</h3><div class="markdown-preview">{}</div>',
                name.replace("_", " ").capitalize(),
                mark_safe(linker.link(render_markdown(getattr(obj, name)))),  # sanitised by nh3
            )
            for name in obj.readable_fields
            if getattr(obj, name)
        ]
        return mark_safe("".join(sections))


class DrugSideEffectInline(LanguageCopiesMixin, RequiredHelpInline, admin.TabularInline):
    model = models.DrugSideEffect
    formset = ProposedInlineFormSet
    extra = 1
    fields = ["side_effect", "boxed_warning", "serious", "percent", "frequency", "note", "source"]
    autocomplete_fields = ["side_effect", "source"]


class SideEffectDrugInline(LanguageCopiesMixin, RequiredHelpInline, admin.TabularInline):
    """The same rows from the side effect's side: the drugs that can cause it."""

    model = models.DrugSideEffect
    fk_name = "side_effect"
    formset = ProposedInlineFormSet  # an editor's change to a published page waits for review
    extra = 1
    fields = ["drug", "boxed_warning", "serious", "percent", "frequency", "note", "source"]
    autocomplete_fields = ["drug", "source"]
    verbose_name = "drug that can cause it"
    verbose_name_plural = "drugs that can cause it"


@admin.register(models.Source)
class SourceAdmin(CitedByMixin, ReviewedAdmin):
    list_display = ["title", "publisher", "kind", "published_on", "url"]
    list_filter = ["kind"]
    search_fields = ["title", "publisher", "key", "url"]
    formfield_overrides = {URLField: {"assume_scheme": "https"}}
    prepopulated_fields = {"key": ["title"]}


@admin.register(models.TreatmentType)
class TreatmentTypeAdmin(EditorialAdmin):
    list_filter = ["status", ReviewDueFilter, PrimarySourceFilter, "scope"]
    page_fieldsets = [
        (None, ["name", "scope", "summary", "key_points", "goals", "how_given", "body"]),
        ("Sources", ["sources"]),
    ]


@admin.register(models.DrugFamily)
class DrugFamilyAdmin(EditorialAdmin):
    list_filter = ["status", ReviewDueFilter, PrimarySourceFilter, "treatment_type"]
    autocomplete_fields = ["treatment_type", "sources"]
    # Shown as a section of its kind of treatment's page.
    page_fieldsets = [
        (None, ["name", "summary", "picture"]),
        ("Links and sources", ["treatment_type", "sources"]),
    ]


@admin.register(models.Drug)
class DrugAdmin(EditorialAdmin):
    list_display = ["generic_name", "brand_names", "family", *EditorialAdmin.list_display[1:]]
    list_filter = [
        "status",
        ReviewDueFilter,
        PrimarySourceFilter,
        "family__treatment_type",
        "family",
    ]
    list_select_related = ["family"]
    search_fields = ["generic_name", "brand_names", "other_names"]
    prepopulated_fields = {"slug": ["generic_name"]}
    autocomplete_fields = ["family", "label_source", "sources"]
    inlines = [DrugSideEffectInline]
    page_fieldsets = [
        (
            None,
            [
                "generic_name",
                "brand_names",
                "other_names",
                "family",
                "summary",
                "key_points",
                "notice",
                "how_given",
                "how_it_works",
                "who_for",
                "approvals_checked_on",
                "combinations",
                "side_effects_note",
                "questions",
            ],
        ),
        ("Links and sources", ["label_source", "sources"]),
    ]


@admin.register(models.SideEffect)
class SideEffectAdmin(EditorialAdmin):
    search_fields = ["name", "other_names"]
    inlines = [SideEffectDrugInline]
    page_fieldsets = [
        (
            None,
            [
                "name",
                "other_names",
                "summary",
                "key_points",
                "call_now",
                "call_today",
                "mention_next_visit",
                "body",
                "what_helps",
            ],
        ),
        ("Sources", ["sources"]),
    ]


@admin.register(models.CancerFeature)
class CancerFeatureAdmin(EditorialAdmin):
    list_filter = ["status", ReviewDueFilter, PrimarySourceFilter, "kind"]
    autocomplete_fields = ["sources", "drugs"]
    page_fieldsets = [
        (None, ["name", "kind", "summary", "key_points", "body", "how_tested", "treatment_impact"]),
        ("Links and sources", ["drugs", "sources"]),
    ]


@admin.register(models.SpreadSite)
class SpreadSiteAdmin(EditorialAdmin):
    autocomplete_fields = ["sources", "drugs", "treatment_types"]
    page_fieldsets = [
        (None, ["name", "summary", "key_points", "body", "local_treatments"]),
        ("Links and sources", ["treatment_types", "drugs", "sources"]),
    ]


@admin.register(models.SurvivalStatistic)
class SurvivalStatisticAdmin(EditorialAdmin):
    list_display = ["title", "figure", "unit", "data_years", *EditorialAdmin.list_display[1:]]
    prepopulated_fields = {"slug": ["title"]}
    search_fields = ["title", "population"]
    autocomplete_fields = ["source", "sources"]
    # Shown as a section of the survival page.
    page_fieldsets = [
        (
            None,
            [
                "title",
                "figure",
                "unit",
                "measure",
                "population",
                "data_years",
                "explanation",
                "caveat",
            ],
        ),
        ("Sources", ["source", "sources"]),
    ]


@admin.register(models.GlossaryTerm)
class GlossaryTermAdmin(EditorialAdmin):
    prepopulated_fields = {"slug": ["term"]}
    search_fields = ["term", "aliases", "definition"]
    page_fieldsets = [
        (None, ["term", "aliases", "definition", "more"]),
        ("Sources", ["sources"]),
    ]


@admin.register(models.Article)
class ArticleAdmin(EditorialAdmin):
    list_filter = ["status", ReviewDueFilter, PrimarySourceFilter, "section"]
    prepopulated_fields = {"slug": ["title"]}
    search_fields = ["title", "summary", "body"]
    autocomplete_fields = ["sources", "treatment_types", "drugs"]
    page_fieldsets = [
        (None, ["title", "section", "summary", "key_points", "body"]),
        ("Links and sources", ["treatment_types", "drugs", "sources"]),
    ]


@admin.register(models.TreatmentUpdate)
class TreatmentUpdateAdmin(EditorialAdmin):
    list_display = ["title", "happened_on", *EditorialAdmin.list_display[1:]]
    date_hierarchy = "happened_on"
    prepopulated_fields = {"slug": ["title"]}
    search_fields = ["title", "summary", "body"]
    autocomplete_fields = ["sources", "drugs", "features", "treatment_types", "articles"]
    page_fieldsets = [
        (None, ["title", "happened_on", "summary", "body"]),
        (
            "Pages this site changed because of it",
            ["drugs", "features", "treatment_types", "articles"],
        ),
        ("Sources", ["sources"]),
    ]


class AnswerChoiceInline(LanguageCopiesMixin, admin.TabularInline):
    model = models.AnswerChoice
    formset = ProposedInlineFormSet
    extra = 0


class QuestionConditionInline(admin.TabularInline):
    model = models.QuestionCondition
    form = AnswerConditionForm
    formset = ConditionFormSet
    fk_name = "asked_question"
    extra = 0
    verbose_name = "ask only if"
    verbose_name_plural = "ask only if (all must hold)"


@admin.register(models.Question)
class QuestionAdmin(LanguageCopiesMixin, ReviewedAdmin):
    """Questions can be reworded, not added or removed: the steps and their keys are fixed."""

    list_display = ["order", "text", "key", "multiple"]
    list_display_links = ["text"]
    readonly_fields = ["key"]
    inlines = [AnswerChoiceInline, QuestionConditionInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RuleConditionInline(admin.TabularInline):
    model = models.RuleCondition
    form = AnswerConditionForm
    formset = ConditionFormSet
    extra = 1


class PathConditionInline(admin.TabularInline):
    model = models.PathCondition
    form = AnswerConditionForm
    formset = ConditionFormSet
    extra = 1
    verbose_name = "for readers whose answers"
    verbose_name_plural = "for readers whose answers (all must hold)"


class PathStepInline(LanguageCopiesMixin, RequiredHelpInline, admin.TabularInline):
    model = models.PathStep
    formset = ProposedInlineFormSet  # an editor's change to a published path waits for review
    extra = 1
    fields = ["stage", "order", "rule", "label", "branch", "branch_test"]
    autocomplete_fields = ["rule", "branch_test"]


@admin.register(models.TreatmentPath)
class TreatmentPathAdmin(EditorialAdmin):
    """A kind of cancer and its usual steps, each step one of the questionnaire's treatment
    rules: the path page and the results page's "You may be here" read the same medicine."""

    inlines = [PathConditionInline, PathStepInline]
    search_fields = ["slug", "title", "short_name"]
    prepopulated_fields = {"slug": ["title"]}
    page_fieldsets = [
        (
            None,
            ["title", "short_name", "summary", "key_points", "intro", "caption", "men", "order"],
        ),
        ("Checked and sources", ["checked_on", "sources"]),
    ]

    def get_form(self, request, obj=None, **kwargs):
        # The caption is a sentence or two: a box that shows it whole.
        kwargs["widgets"] = {"caption": forms.Textarea(attrs={"rows": 2})}
        return super().get_form(request, obj, **kwargs)


@admin.register(models.Rule)
class RuleAdmin(RuleAdminMixin, CitesSourceFilterMixin, WorkflowAdmin):
    list_display = ["title", "group", "status", "order"]
    list_filter = ["status", "group"]
    search_fields = ["title", "slug", "reason"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = [*RULE_LINKED_FIELDS, "sources"]
    inlines = [RuleConditionInline]
    # As its card reads on the results page (see admin_layout); the card after the conditions.
    page_fieldsets = [
        (
            None,
            [
                "title",
                "group",
                "line",
                "reason",
                "may_apply_reason",
                "not_after",
                "after_it",
                "question_to_ask",
            ],
        ),
        ("Links and sources", [*RULE_LINKED_FIELDS, "sources"]),
    ]
    after_inlines = RuleAdminMixin.extra_readonly_fields
    after_inlines_title = "Reading level and preview"


@admin.register(models.SearchSynonym)
class SearchSynonymAdmin(ReviewedAdmin):
    list_display = ["phrase", "means"]
    search_fields = ["phrase", "means"]


class RevisionStateFilter(admin.SimpleListFilter):
    """Opens on what needs doing: changes waiting for review or sent back."""

    title = "state"
    parameter_name = "state"
    OPEN = [models.Revision.State.PENDING, models.Revision.State.RETURNED]

    def lookups(self, request, model_admin):
        return [("open", "Waiting or sent back"), ("all", "All"), *models.Revision.State.choices]

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": (self.value() or "open") == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value() or "open"
        if value == "open":
            return queryset.filter(state__in=self.OPEN)
        if value == "all":
            return queryset
        return queryset.filter(state=value)


@admin.register(models.Revision)
class RevisionAdmin(admin.ModelAdmin):
    """Changes waiting for review. Reviewers read the differences and approve or send back;
    editors see their changes and the reviewer's comments. Nobody edits a revision."""

    list_display = ["object_repr", "content_type", "state", "author", "created_at", "reviewer"]
    list_filter = [RevisionStateFilter, "content_type"]
    list_select_related = ["content_type", "author", "reviewer"]
    search_fields = ["object_repr", "summary", "comment", "public_note"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        queue = self.admin_site.admin_view(self.queue_view)
        return [path("queue/", queue, name="education_review_queue"), *super().get_urls()]

    def queue_view(self, request):
        """Everything waiting for a medical reviewer, across every kind, oldest first."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        due, due_count = review_queue.due_for_review()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Review queue",
            "waiting": review_queue.waiting_changes(),
            "in_review": review_queue.in_review(),
            "due": due,
            "due_count": due_count,
        }
        return TemplateResponse(request, "admin/education/review_queue.html", context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        revision = self.get_object(request, object_id)
        if revision is None:
            raise Http404("No such change.")
        if not self.has_view_or_change_permission(request, revision):
            raise PermissionDenied
        form = DecisionForm(request.POST or None)
        if request.method == "POST":
            if form.is_valid():
                try:
                    message = decide(request, revision, form, record_review)
                except revisions.RevisionError as error:
                    self.message_user(request, str(error), messages.ERROR)
                else:
                    self.message_user(request, message, messages.SUCCESS)
                    return HttpResponseRedirect(reverse("admin:education_revision_changelist"))
            revision.refresh_from_db()
        live = revision.live_object()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Review the change to {revision.object_repr}",
            "revision": revision,
            "live": live,
            "changes": revisions.changes(revision),
            "form": form,
            "can_decide": can_publish(request.user)
            and revision.state == models.Revision.State.PENDING,
            "live_admin_url": reverse(
                f"admin:{live._meta.app_label}_{live._meta.model_name}_change", args=[live.pk]
            )
            if live is not None
            else "",
            "stale": live is not None and live.edit_version != revision.base_version,
            "preview_url": live.get_absolute_url() + f"?revision={revision.pk}"
            if live is not None and hasattr(live, "get_absolute_url")
            else "",
        }
        return TemplateResponse(request, "admin/education/revision_review.html", context)
