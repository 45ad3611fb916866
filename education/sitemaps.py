from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import x_robots_tag
from django.contrib.sites.requests import RequestSite
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse

from .models.kinds import content_kinds
from .site_url import site_domain, site_protocol


class LanguagesSitemap(Sitemap):
    """Each page in each language it is published in, naming its twins (``hreflang``)."""

    i18n = True
    alternates = True


class StaticPagesSitemap(LanguagesSitemap):
    """The home page, the lists, the survival page, the questionnaire's start, and the pages
    about the site."""

    def items(self):
        return [
            "home",
            "treatment-list",
            "drug-list",
            "side-effect-list",
            "feature-list",
            "spread-list",
            "survival",
            "glossary-list",
            "article-list",
            "whats-new",
            "path-list",
            "questionnaire",
            "privacy",
            "editorial-policy",
        ]

    def location(self, item):
        return reverse(f"education:{item}")


class PublishedSitemap(LanguagesSitemap):
    """Every published row of one content model, in each language its words are published in."""

    def __init__(self, model):
        self.model = model

    def items(self):
        # A list, not a QuerySet: the paginator then counts it without another query.
        return list(self.model.objects.published().order_by("slug"))

    def lastmod(self, obj):
        return obj.updated_at

    def get_languages_for_item(self, item):
        return item.languages_published


sitemaps = {
    "pages": StaticPagesSitemap,
    **{
        model._meta.model_name: PublishedSitemap(model)
        for model in content_kinds()
        if model.content_kind.has_page
    },
}


@x_robots_tag
def sitemap(request, sitemaps):
    """Django's sitemap view, naming the site by SITE_URL.

    Django's own takes the domain from the sites framework's Site row (installed for the
    redirects of old addresses, where it is a placeholder); like the pages, handouts and feed,
    the sitemap names the one address set in SITE_URL, never the request's Host.
    """
    site = RequestSite(request)
    site.domain = site.name = site_domain()
    urls = []
    for entry in sitemaps.values():
        entry = entry() if callable(entry) else entry
        try:
            urls += entry.get_urls(
                page=request.GET.get("p", 1), site=site, protocol=site_protocol()
            )
        except (EmptyPage, PageNotAnInteger) as error:
            raise Http404("No such page of the sitemap.") from error
    return TemplateResponse(
        request, "sitemap.xml", {"urlset": urls}, content_type="application/xml"
    )
