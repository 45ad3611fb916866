"""PDF handouts: a page's plain facts on paper, made with WeasyPrint from HTML templates.

A handout carries what a reader takes to an appointment: what it is, what to watch for,
questions with room for notes, where the facts came from, the date it was made, and the
page's address with a QR code back to it.
"""

import hashlib
import json
import mimetypes
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import segno
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseBadRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .glossary import glossary_linker
from .models import ContentVersion
from .ratelimits import pdf_limit
from .site_url import absolute_url
from .templatetags.css import css_string

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


class StaticFilesFetcher(URLFetcher):
    """What WeasyPrint may load while making a PDF: ``data:`` URLs (the QR code) and the
    site's own static files, read from disk. Anything else — ``file:`` paths, other sites,
    the site's own pages — raises, and WeasyPrint leaves that image or stylesheet out, so no
    text in a template or in content can make the server read a file or call an address."""

    def __init__(self):
        super().__init__(allowed_protocols=("data",), allow_redirects=False)

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        path = static_file(url)
        if path is None:
            raise ValueError(f"Handouts load only data: URLs and this site's static files: {url}")
        mime_type, _ = mimetypes.guess_type(path.name)
        return URLFetcherResponse(
            url, path.read_bytes(), {"Content-Type": mime_type or "application/octet-stream"}
        )


def static_file(url):
    """The file on disk for a static file's address on this site, or None."""
    prefix = absolute_url(settings.STATIC_URL)
    if not url.startswith(prefix):
        return None
    name = unquote(urlsplit(url).path.removeprefix(urlsplit(prefix).path))
    if not name or any(part in ("", ".", "..") for part in name.split("/")) or "\\" in name:
        return None
    if staticfiles_storage.exists(name):  # collected (and hashed) files, as in production
        return Path(staticfiles_storage.path(name))
    found = finders.find(name)  # the source folders, as in development and tests
    return Path(found) if found else None


def page_numbers():
    """The footer's "Page 2 of 5" in the reader's language, as a CSS ``content`` value: the
    translated words in quoted strings, the page counters where they go."""
    words = re.split(r"(\{page\}|\{pages\})", _("Page {page} of {pages}"))
    return mark_safe(  # the words escaped by css_string, the rest ours
        " ".join(
            f"counter({part[1:-1]})" if part in ("{page}", "{pages}") else f'"{css_string(part)}"'
            for part in words
            if part
        )
    )


def render_pdf(template, context, request, options):
    page_url = context["page_url"]
    html = render_to_string(
        template,
        {
            **context,
            "options": options,
            "made_on": timezone.localdate(),
            "qr": qr_svg(page_url),
            "page_numbers": page_numbers(),
        },
        request=request,
    )
    # PDF/UA: tagged for screen readers (a structure tree in reading order, the language, the
    # title shown as the document's name), which plain PDFs are not.
    return HTML(
        string=html, base_url=absolute_url("/"), url_fetcher=StaticFilesFetcher()
    ).write_pdf(pdf_variant="pdf/ua-1")


def pdf_response(pdf, filename):
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def bad_options_response():
    return HttpResponseBadRequest(
        _("This handout comes in size=normal or size=large, on paper=letter or paper=a4."),
        content_type="text/plain; charset=utf-8",
    )


def pdf_cache_key(key_parts):
    """A SHA-256 of the parts (anything JSON can hold), the content version, today's date (a
    handout prints the date it was made) and the language (it prints the date in its words).
    Hashed, so a reader's answers never appear in the cache's list of keys."""
    made_of = [
        ContentVersion.current(),
        str(timezone.localdate()),
        translation.get_language(),
        *key_parts,
    ]
    return "handout:" + hashlib.sha256(json.dumps(made_of, sort_keys=True).encode()).hexdigest()


def cached_pdf(key_parts, make):
    """A PDF is the same for everyone who asks with the same parts: keep it per content
    version and day, and make it only when it is not kept yet."""
    key = pdf_cache_key(key_parts)
    pdf = cache.get(key)
    if pdf is None:
        pdf = make()
        cache.set(key, pdf, CACHE_TIMEOUT)
    return pdf


def cached_results_pdf(answers, options, make):
    """A reader's results PDF depends only on their answers: readers who gave the same
    answers, in any order, share one."""
    canonical = {question: sorted(values) for question, values in answers.items()}
    return cached_pdf(["results", canonical, options.size, options.paper], make)


class HandoutMixin:
    """Turns a content view into its PDF handout, using the same context. A view without one
    ``object`` uses ``WholePageHandoutMixin``."""

    handout_template = None
    default_questions = ()
    #: Whether readers share one cached PDF of the page. False for a reader's own list: never
    #: cached, on the server or on the way (``private, no-store``).
    shared = True

    @method_decorator(pdf_limit)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def handout_questions(self):
        return list(self.default_questions)

    def handout_context(self, context):
        return {}

    def handout_title(self):
        return capfirst(str(getattr(self.object, "display_name", self.object)))

    def handout_page(self):
        """The address of the page the handout prints."""
        return self.object.get_absolute_url()

    def handout_filename(self):
        return f"{self.object.slug}-handout.pdf"

    def render_to_response(self, context, **response_kwargs):
        options = HandoutOptions.from_request(self.request)
        if options is None:
            return bad_options_response()
        context.update(
            # No links on paper, but the words the handout uses are listed with their meanings.
            glossary_linker=glossary_linker(exclude_url=self.handout_page(), links=False),
            title=self.handout_title(),
            page_url=absolute_url(self.handout_page()),
            questions=self.handout_questions(),
            **self.handout_context(context),
        )

        def make():
            return render_pdf(self.handout_template, context, self.request, options)

        if self.request.user.is_staff or not self.shared:  # a draft, or one reader's own
            pdf = make()
        else:
            pdf = cached_pdf([self.request.path, options.size, options.paper], make)
        response = pdf_response(pdf, self.handout_filename())
        if not self.shared:  # one reader's own: no shared cache on the way may keep it either
            response["Cache-Control"] = "private, no-store"
        return response


class WholePageHandoutMixin(HandoutMixin):
    """A handout of a page that is not one object (the survival numbers, the diary, a reader's
    questions): it declares its title, its page's URL name and its file name."""

    handout_heading = ""
    page_url_name = ""
    pdf_filename = ""

    def handout_title(self):
        return str(self.handout_heading)  # a lazy translation, in the reader's language

    def handout_page(self):
        return reverse(self.page_url_name)

    def handout_filename(self):
        return self.pdf_filename
