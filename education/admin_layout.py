"""Change forms laid out like the public page they edit.

- ``page_fieldsets`` on a content admin names the content fields in the order a reader meets
  them on the page, then the page's links and sources. "Publishing" (status, address, review
  record) follows; a field the layout leaves out is added to its first fieldset, so a new
  model field is never missing from the form.
- ``after_inlines`` fields (the reading levels and the preview) show after the inline rows, so
  a page's rows (a drug's side effects) come before them.
- Every required field's help text starts with "(required)".
- Once a row is published its address (slug) is fixed: the field is shown but not editable.
  (A draft's rename keeps its old address as a redirect: ``education.redirects``.)
- A translated field is one row, its English box then its Spanish box ("Summary (English)",
  "Summary (Spanish)"); in an inline table, a column each. Admins name the plain field; the
  form edits the copies.
"""

from django.conf import settings
from django.contrib.admin import helpers
from django.contrib.admin.options import InlineModelAdmin
from django.contrib.admin.utils import flatten

from .models import Status

REQUIRED = "(required)"
#: Last on every content form, in this order, those the model has.
PUBLISHING_FIELDS = (
    "status",
    "spanish_status",
    "slug",
    "order",
    "updated_at",
    "last_reviewed_on",
    "reviewed_by",
)


def mark_required(field):
    """Start the help text of a required field a person fills in with "(required)"."""
    help_text = str(field.help_text or "")
    if field.required and not field.disabled and not field.widget.is_hidden:
        if not help_text.startswith(REQUIRED):
            field.help_text = f"{REQUIRED} {help_text}".rstrip()


def copies(model, name):
    """A translated field's copies, English first (``summary_en``, ``summary_es``); any other
    field as it is."""
    if name in getattr(model, "translated_fields", ()):
        return tuple(f"{name}_{code}" for code, _ in settings.LANGUAGES)
    return (name,)


def english_copy(model, name):
    return copies(model, name)[0]


def with_copies(model, names):
    """``names`` with each translated field replaced by its copies, for an inline's columns."""
    return [copy for name in names for copy in copies(model, name)]


def form_field_names(model):
    """The model fields a ModelAdmin form can edit, in declaration order."""
    names = []
    translated = getattr(model, "translated_fields", ())
    for field in model._meta.get_fields():
        if field.auto_created or not getattr(field, "editable", False):
            continue
        if field.name in translated:
            continue  # edited as its copies
        if field.many_to_many and not field.remote_field.through._meta.auto_created:
            continue  # edited through an inline (a drug's side effects)
        if field.concrete or field.many_to_many:
            names.append(field.name)
    return names


def laid_out(model, page_fieldsets, readonly_fields=()):
    """``page_fieldsets`` with any editable field they leave out, then "Publishing"."""
    translated = getattr(model, "translated_fields", ())
    fieldsets = [
        (name, {"fields": [copies(model, name) if name in translated else name for name in fields]})
        for name, fields in page_fieldsets
    ]
    listed = {name for _, options in fieldsets for name in flatten(options["fields"])}
    model_fields = {field.name for field in model._meta.get_fields()}
    publishing = [
        name
        for name in PUBLISHING_FIELDS
        if name in model_fields
        and name not in listed
        and (name in readonly_fields or model._meta.get_field(name).editable)
    ]
    missing = [
        name for name in form_field_names(model) if name not in listed and name not in publishing
    ]
    fieldsets[0][1]["fields"] += missing
    return [*fieldsets, ("Publishing", {"fields": publishing})]


class PageLayoutMixin:
    """For content admins: see the module doc. Comes before ``ReviewedAdmin`` in the bases."""

    change_form_template = "admin/education/page_change_form.html"
    #: (fieldset name, fields) pairs in the public page's order; empty: Django's default.
    page_fieldsets = ()
    #: Read-only fields shown after the inline rows, in a fieldset of their own.
    after_inlines = ()
    after_inlines_title = ""

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        if self.page_fieldsets:
            self.fieldsets = laid_out(model, self.page_fieldsets, self.readonly_fields)
        self.prepopulated_fields = {
            name: [english_copy(model, source) for source in sources]
            for name, sources in self.prepopulated_fields.items()
        }

    def address_is_fixed(self, obj):
        return getattr(obj, "status", None) == Status.PUBLISHED

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        slug = form.base_fields.get("slug")
        if slug is not None and obj is not None and self.address_is_fixed(obj):
            # Shown but not editable, and a posted value is ignored. (Disabled rather than
            # read-only so the form keeps the field its prepopulated_fields names.)
            slug.disabled = True
            slug.help_text = (
                "Fixed once published: links, bookmarks, printed handouts and the content "
                "files use it."
            )
        return form

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # After every get_form (status, reading grades): the form's own copies of its fields,
        # and their bound fields, which copied the help text when the admin first read them.
        form = context["adminform"].form
        for name, field in form.fields.items():
            mark_required(field)
            form[name].help_text = field.help_text
        if self.after_inlines:
            context["after_inlines"] = helpers.Fieldset(
                context["adminform"].form,
                name=self.after_inlines_title,
                readonly_fields=self.after_inlines,
                fields=self.after_inlines,
                model_admin=self,
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def view_on_site(self, obj):
        """The page's own address on this host. (Django's default goes through the sites
        framework, whose one Site row names a fixed domain.)"""
        get_url = getattr(obj, "get_absolute_url", None)
        return get_url() if get_url else None


class LanguageCopiesMixin:
    """For admins and inlines without ``page_fieldsets``: the form edits each translated
    field's copies, never the plain field (which reads the copy in the active language). A
    change form puts a field's copies on one row; an inline table gives each a column."""

    def get_fields(self, request, obj=None):
        model = self.model
        translated = getattr(model, "translated_fields", ())
        if not translated:
            return super().get_fields(request, obj)
        every_copy = {copy for name in translated for copy in copies(model, name)}
        fields = [name for name in super().get_fields(request, obj) if name not in every_copy]
        if isinstance(self, InlineModelAdmin):
            return with_copies(model, fields)
        return [copies(model, name) if name in translated else name for name in fields]


class RequiredHelpInline:
    """For inlines: required fields' help text starts with "(required)" too."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        for field in formset.form.base_fields.values():  # a new form class on each call
            mark_required(field)
        return formset
