from django.contrib import admin

from .models import Feedback


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    """Readers' messages. Editors read them and keep track: status and an internal note."""

    list_display = ("created_at", "status", "page", "first_words")
    list_filter = ("status", "created_at")
    date_hierarchy = "created_at"
    search_fields = ("message", "page", "editor_note")
    fields = ("created_at", "page", "message", "email", "status", "editor_note")
    readonly_fields = ("created_at", "page", "message", "email")

    @admin.display(description="Message")
    def first_words(self, obj):
        return obj.first_words()

    def has_add_permission(self, request):
        return False  # messages come from readers, through the form
