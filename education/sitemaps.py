from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import EditorialModel


class StaticPagesSitemap(Sitemap):
    """The home page, the lists, the survival page and the questionnaire's start."""

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
            "questionnaire",
            "privacy",
            "editorial-policy",
        ]

    def location(self, item):
        return reverse(f"education:{item}")


class PublishedSitemap(Sitemap):
    """Every published row of one content model."""

    def __init__(self, model):
        self.model = model

    def items(self):
        # A list, not a QuerySet: the paginator then counts it without another query.
        return list(self.model.objects.published().order_by("slug"))

    def lastmod(self, obj):
        return obj.updated_at


sitemaps = {
    "pages": StaticPagesSitemap,
    **{
        model._meta.model_name: PublishedSitemap(model)
        for model in EditorialModel.__subclasses__()
        if model.has_page
    },
}
