"""Editorial admin: every content model, searchable and filterable by status."""

from django.contrib import admin
from django.db.models import URLField

from . import models


class EditorialAdmin(admin.ModelAdmin):
    list_filter = ["status"]
    list_display = ["__str__", "status", "updated_at", "last_reviewed_on"]
    readonly_fields = ["updated_at", "last_reviewed_on", "reviewed_by"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["sources"]
    search_fields = ["slug", "name"]


class DrugSideEffectInline(admin.TabularInline):
    model = models.DrugSideEffect
    extra = 1
    autocomplete_fields = ["side_effect"]


@admin.register(models.Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["title", "publisher", "published_on", "url"]
    formfield_overrides = {URLField: {"assume_scheme": "https"}}
    search_fields = ["title", "publisher", "key", "url"]


@admin.register(models.TreatmentType)
class TreatmentTypeAdmin(EditorialAdmin):
    list_filter = ["status", "scope"]


@admin.register(models.DrugFamily)
class DrugFamilyAdmin(EditorialAdmin):
    list_filter = ["status", "treatment_type"]


@admin.register(models.Drug)
class DrugAdmin(EditorialAdmin):
    list_display = ["generic_name", "brand_names", "family", "status", "updated_at"]
    list_filter = ["status", "family__treatment_type", "family"]
    search_fields = ["generic_name", "brand_names", "other_names"]
    prepopulated_fields = {"slug": ["generic_name"]}
    inlines = [DrugSideEffectInline]


@admin.register(models.SideEffect)
class SideEffectAdmin(EditorialAdmin):
    search_fields = ["name", "other_names"]


@admin.register(models.CancerFeature)
class CancerFeatureAdmin(EditorialAdmin):
    list_filter = ["status", "kind"]
    filter_horizontal = ["sources", "drugs"]


@admin.register(models.SpreadSite)
class SpreadSiteAdmin(EditorialAdmin):
    filter_horizontal = ["sources", "drugs", "treatment_types"]


@admin.register(models.SurvivalStatistic)
class SurvivalStatisticAdmin(EditorialAdmin):
    list_display = ["title", "figure", "unit", "data_years", "status"]
    prepopulated_fields = {"slug": ["title"]}
    search_fields = ["title", "population"]


@admin.register(models.GlossaryTerm)
class GlossaryTermAdmin(EditorialAdmin):
    prepopulated_fields = {"slug": ["term"]}
    search_fields = ["term", "aliases", "definition"]


@admin.register(models.Article)
class ArticleAdmin(EditorialAdmin):
    list_filter = ["status", "section"]
    prepopulated_fields = {"slug": ["title"]}
    search_fields = ["title", "summary", "body"]
    filter_horizontal = ["sources", "treatment_types", "drugs"]


class AnswerChoiceInline(admin.TabularInline):
    model = models.AnswerChoice
    extra = 0


class QuestionConditionInline(admin.TabularInline):
    model = models.QuestionCondition
    fk_name = "asked_question"
    extra = 0
    verbose_name = "ask only if"
    verbose_name_plural = "ask only if (all must hold)"


@admin.register(models.Question)
class QuestionAdmin(admin.ModelAdmin):
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
    extra = 1


@admin.register(models.Rule)
class RuleAdmin(admin.ModelAdmin):
    list_display = ["title", "group", "status", "order"]
    list_filter = ["status", "group"]
    search_fields = ["title", "slug", "reason"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = [
        "drugs",
        "treatment_types",
        "articles",
        "features",
        "spread_sites",
        "sources",
    ]
    inlines = [RuleConditionInline]
