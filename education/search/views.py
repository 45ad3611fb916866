"""The search page: shows ``search()``'s finished results; queries are never stored."""

from django.utils.decorators import method_decorator
from django.views.generic import TemplateView

from education.ratelimits import search_limit

from . import search


@method_decorator(search_limit, name="dispatch")
class SearchView(TemplateView):
    template_name = "education/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        results = search(self.request.GET.get("q", ""))
        context.update(results=results, query=results.query)  # query: the header's search box
        return context
