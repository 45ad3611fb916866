"""Editorial admin: every content model, searchable and filterable by status."""

from django.contrib import admin

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
