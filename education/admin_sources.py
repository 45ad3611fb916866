"""Where each source is cited: a "Cited by" list on its form, and a "cites source" filter.

Every way a row can cite a source is read from ``Source._meta.related_objects`` (the
``sources`` links of every page and rule, a drug's label, a side-effect row's source, a
survival figure's source), so a new citing field shows up here with no change. Rows that are
edited inline on another page (a drug's side-effect rows) are shown, and filtered, through that
page.
"""

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django import forms
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.widgets import AutocompleteSelect
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from .models import Source, Status

#: Kinds with this many citing rows or fewer are listed open; longer lists fold.
OPEN_UP_TO = 10


def citing_fields():
    """(model, field name) for every field that points at a source."""
    return [(rel.related_model, rel.field.name) for rel in Source._meta.related_objects]


def inline_parent(model, admin_site):
    """(page model, foreign key) when ``model``'s rows are edited inline on a page's form."""
    for parent, model_admin in admin_site._registry.items():
        for inline in model_admin.inlines:
            if inline.model is model:
                fk = next(
                    f
                    for f in model._meta.get_fields()
                    if f.many_to_one
                    and f.related_model is parent
                    and inline.fk_name in (None, f.name)
                )
                return parent, fk
    return None, None


def citing_paths(model, admin_site):
    """Lookups from ``model`` to the sources its rows cite, its inline rows' included."""
    paths = []
    for citing, name in citing_fields():
        if citing is model:
            paths.append(name)
        elif not admin_site.is_registered(citing):
            parent, fk = inline_parent(citing, admin_site)
            if parent is model:
                paths.append(f"{fk.related_query_name()}__{name}")
    return paths


def source_field(model):
    """The first field of ``model`` that links to sources, for the admin's autocomplete."""
    return next(
        f for f in model._meta.get_fields() if f.related_model is Source and not f.auto_created
    )


def admin_url(obj):
    opts = obj._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return ""


@dataclass
class Citation:
    label: str
    row: object
    #: The page the row is shown on and edited from: itself, or the page of an inline row.
    page: object
    ways: list = field(default_factory=list)

    @property
    def draft_status(self):
        """ "draft" or "in review" for a page readers do not see; empty when published."""
        status = getattr(self.page, "status", Status.PUBLISHED)
        return "" if status == Status.PUBLISHED else self.page.get_status_display().lower()

    @property
    def page_url(self):
        return self.page.get_absolute_url() if hasattr(self.page, "get_absolute_url") else ""


@dataclass
class CitingKind:
    label: str
    citations: list


def cited_by(source, admin_site):
    """Every row citing ``source``, grouped by kind (in alphabetical order), each row once."""
    kinds = {}
    for model, name in citing_fields():
        parent, fk = (
            (None, None) if admin_site.is_registered(model) else inline_parent(model, admin_site)
        )
        rows = model._base_manager.filter(**{name: source})
        if fk is not None:
            rows = rows.select_related(fk.name)
        way = str(model._meta.get_field(name).verbose_name)
        found = kinds.setdefault(model, {})
        for row in rows:
            page = getattr(row, fk.name) if fk is not None else row
            citation = found.setdefault(row.pk, Citation(str(row), row, page))
            citation.ways.append(way)
    return sorted(
        (
            CitingKind(
                str(model._meta.verbose_name_plural).capitalize(),
                sorted(found.values(), key=lambda c: c.label.lower()),
            )
            for model, found in kinds.items()
            if found
        ),
        key=lambda kind: kind.label,
    )


def render_cited_by(source, admin_site):
    kinds = cited_by(source, admin_site)
    if not kinds:
        return "Nothing on the site cites this source."
    total = sum(len(kind.citations) for kind in kinds)
    sections = format_html_join(
        "",
        '<details class="cited-by-kind"{}><summary>{} ({})</summary><ul class="cited-by">{}</ul>'
        "</details>",
        (
            (
                mark_safe(" open") if len(kind.citations) <= OPEN_UP_TO else "",
                kind.label,
                len(kind.citations),
                format_html_join("", "<li>{}</li>", ((citation_html(c),) for c in kind.citations)),
            )
            for kind in kinds
        ),
    )
    return format_html(
        "<p>Cited by {} row(s) of {} kind(s). Changing this source changes what they rest "
        "on.</p>{}",
        total,
        len(kinds),
        sections,
    )


def citation_html(citation):
    parts = [
        format_html('<a href="{}">{}</a>', url, citation.label)
        if (url := admin_url(citation.page))
        else citation.label
    ]
    if citation.draft_status:
        parts.append(format_html(" ({})", citation.draft_status))
    if citation.page_url:
        parts.append(format_html(' · <a href="{}">public page</a>', citation.page_url))
    parts.append(format_html(' · <span class="help">via {}</span>', ", ".join(citation.ways)))
    return format_html("{}" * len(parts), *parts)


class CitedByMixin:
    """For the source's admin: a read-only "Cited by" list on its form."""

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        return readonly if "cited_by" in readonly else [*readonly, "cited_by"]

    @admin.display(description="Cited by")
    def cited_by(self, obj):
        if obj is None or obj.pk is None:
            return "Nothing yet: the source is new."
        return render_cited_by(obj, self.admin_site)


class CitesSourceFilter(admin.SimpleListFilter):
    """Rows citing one source, chosen by typing part of its title or publisher (the admin's
    own autocomplete, which the pages' "sources" fields already use)."""

    title = "cites source"
    parameter_name = "cites_source"
    template = "admin/education/cites_source_filter.html"

    def __init__(self, request, params, model, model_admin):
        super().__init__(request, params, model, model_admin)
        self.model = model
        self.admin_site = model_admin.admin_site
        self.paths = citing_paths(model, self.admin_site)

    def lookups(self, request, model_admin):
        return ()  # chosen in the search box, not from a list of 493

    def has_output(self):
        return bool(self.paths)

    def source_pk(self):
        value = self.value()
        if value and not value.isdigit():
            raise IncorrectLookupParameters(f"No such source: {value!r}")
        return int(value) if value else None

    def queryset(self, request, queryset):
        pk = self.source_pk()
        if pk is None:
            return queryset
        cites = reduce(or_, (Q(**{path: pk}) for path in self.paths))
        return queryset.filter(pk__in=self.model._base_manager.filter(cites).values("pk"))

    def choices(self, changelist):
        pk = self.source_pk()
        chooser = forms.ModelChoiceField(
            queryset=Source.objects.all(),
            required=False,
            widget=AutocompleteSelect(
                source_field(self.model), self.admin_site, attrs={"data-width": "100%"}
            ),
        )
        yield {
            "selected": pk is not None,
            "widget": chooser.widget.render(
                self.parameter_name, pk, attrs={"id": "cites-source-filter"}
            ),
            "keep": [
                (name, value)
                for name, values in changelist.filter_params.items()
                if name != self.parameter_name
                for value in values
            ],
            "clear_url": changelist.get_query_string(remove=[self.parameter_name]),
        }


class CitesSourceFilterMixin:
    """For content lists: adds the "cites source" filter, and the autocomplete it types in."""

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        return filters if CitesSourceFilter in filters else [*filters, CitesSourceFilter]

    @property
    def media(self):
        return super().media + AutocompleteSelect(source_field(self.model), self.admin_site).media
