"""The search page: shows ``search()``'s finished results; queries are never stored."""

from django.template.loader import render_to_string
from django.utils.decorators import method_decorator
from django.utils.safestring import SafeString
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from education.ratelimits import search_limit

from . import search


# never_cache: no browser (a shared computer) or cache on the way keeps what someone searched for.
@method_decorator([never_cache, search_limit], name="dispatch")
class SearchView(TemplateView):
    """The results are drawn by a Jinja2 template (templates/jinja2/), then set inside the
    site's pages (base.html): the one page made afresh for every search, so the part of it
    that depends on the search is drawn by the faster engine."""

    template_name = "education/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        results = search(self.request.GET.get("q", ""))
        body = render_to_string(
            "education/search_body.html", {"results": results}, self.request, using="jinja2"
        )
        context.update(results=results, body=SafeString(body))  # escaped by Jinja2
        return context
