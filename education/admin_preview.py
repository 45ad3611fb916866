"""A real preview: the change form, unsaved, shown as the public page in a new tab.

The "Preview" button on a content page's change form posts the form as it is (HTML
``formaction`` and ``formtarget``: no JavaScript) to ``<change url>preview/``. The admin's own
form checks it, and the public page's own view and template render the unsaved row, with a
banner. Nothing is saved: no status change, no history, no revision.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.urls import path, resolve, reverse

from .admin_workflow import stored_version


class PreviewMixin:
    """For a ModelAdmin of content with a page of its own (``content_kind.has_page``)."""

    def get_urls(self):
        opts = self.opts
        return [
            path(
                "<path:object_id>/change/preview/",
                self.admin_site.admin_view(self.preview_view),
                name=f"{opts.app_label}_{opts.model_name}_preview",
            ),
            *super().get_urls(),
        ]

    def has_preview(self):
        kind = getattr(self.model, "content_kind", None)
        return bool(kind and kind.has_page)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        if self.has_preview():
            opts = self.opts
            extra_context["preview_url"] = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_preview", args=[object_id]
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def preview_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_preview():
            raise Http404("This kind of content has no page of its own.")
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404("No such page.")
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        data = request.POST.copy()
        # Nothing is saved, so someone else's save since the form was opened does not matter.
        data["opened_version"] = stored_version(self.model, obj.pk)
        form = self.get_form(request, obj, change=True)(data, request.FILES, instance=obj)
        if not form.is_valid():
            return TemplateResponse(
                request,
                "admin/education/preview_errors.html",
                {
                    **self.admin_site.each_context(request),
                    "opts": self.opts,
                    "title": f"Cannot preview {obj}",
                    "form": form,
                },
                status=400,
            )
        instance = form.save(commit=False)  # in memory only
        # Links as the form has them: each link field reads the ticked rows, not the saved ones.
        instance._prefetched_objects_cache = {
            field.name: form.cleaned_data[field.name]
            for field in instance._meta.many_to_many
            if field.name in form.cleaned_data
        }
        return self.render_public_page(request, instance)

    def render_public_page(self, request, instance):
        """The public page's own view builds the context and picks the template."""
        match = resolve(instance.get_absolute_url())
        view = match.func.view_class()
        view.setup(request, *match.args, **match.kwargs)
        view.object = instance
        view.previewing = view.pending = None
        context = view.get_context_data(object=instance)
        context["unsaved_preview"] = True
        response = TemplateResponse(request, view.get_template_names(), context)
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        return response
