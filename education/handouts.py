"""PDF handouts: a page's plain facts on paper, made with WeasyPrint from HTML templates.

A handout carries what a reader takes to an appointment: what it is, what to watch for,
questions with room for notes, where the facts came from, the date it was made, and the
page's address with a QR code back to it.
"""

import segno
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseBadRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import capfirst
from weasyprint import HTML

from .models import ContentVersion

SIZES = {"normal", "large"}
PAPERS = {"letter": "letter", "a4": "A4"}
CACHE_TIMEOUT = 60 * 60 * 24


class HandoutOptions:
    """The reader's choice of type size and paper, from the query string."""

    def __init__(self, size, paper):
        self.size = size
        self.paper = paper

    @classmethod
    def from_request(cls, request):
        """Options, or None if the query string asks for something we do not make."""
        size = request.GET.get("size", "normal")
        paper = request.GET.get("paper", "letter")
        if size not in SIZES or paper not in PAPERS:
            return None
        return cls(size, paper)

    @property
    def page_size(self):
        return PAPERS[self.paper]

    @property
    def large(self):
        return self.size == "large"


def qr_svg(url):
    """A QR code for the address, as an SVG data URI an <img> can show."""
    return segno.make(url, error="m").svg_data_uri(scale=4, border=2)


def render_pdf(template, context, request, options):
    page_url = context["page_url"]
    html = render_to_string(
        template,
        {
            **context,
            "options": options,
            "made_on": timezone.localdate(),
            "qr": qr_svg(page_url),
        },
        request=request,
    )
    return HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()


def pdf_response(pdf, filename):
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def bad_options_response():
    return HttpResponseBadRequest(
        "This handout comes in size=normal or size=large, on paper=letter or paper=a4.",
        content_type="text/plain; charset=utf-8",
    )


def cached_pdf(key_parts, make):
    """Content handouts are the same for everyone: keep them per content version and day."""
    key = ":".join(
        ["handout", str(ContentVersion.current()), str(timezone.localdate()), *key_parts]
    )
    pdf = cache.get(key)
    if pdf is None:
        pdf = make()
        cache.set(key, pdf, CACHE_TIMEOUT)
    return pdf


def markdown_list_items(source):
    """The items of a Markdown bullet list, as plain strings."""
    return [
        line.strip()[2:].strip()
        for line in (source or "").splitlines()
        if line.strip()[:2] in ("- ", "* ")
    ]


class HandoutMixin:
    """Turns a content detail view into its PDF handout, using the same context."""

    handout_template = None
    default_questions = ()

    def handout_questions(self):
        return list(self.default_questions)

    def handout_context(self, context):
        return {}

    def render_to_response(self, context, **response_kwargs):
        options = HandoutOptions.from_request(self.request)
        if options is None:
            return bad_options_response()
        context.update(
            glossary_linker=None,  # no links on paper
            title=capfirst(str(getattr(self.object, "display_name", self.object))),
            page_url=self.request.build_absolute_uri(self.object.get_absolute_url()),
            questions=self.handout_questions(),
            **self.handout_context(context),
        )

        def make():
            return render_pdf(self.handout_template, context, self.request, options)

        if self.request.user.is_staff:  # staff may be previewing a draft: never cache it
            pdf = make()
        else:
            pdf = cached_pdf([self.request.path, options.size, options.paper], make)
        return pdf_response(pdf, f"{self.object.slug}-handout.pdf")
