"""Limits per reader's address on the pages that cost the server the most to make.

A PDF takes about a quarter of a second of CPU and a search scores every page, so one client
asking for thousands of them could slow the site for everyone. django-ratelimit counts each
address's requests in the default cache (see RATELIMIT_IP_META_KEY in settings); past the
limit it raises ``Ratelimited``, which its middleware turns into ``too_many_requests``
(settings.RATELIMIT_VIEW). Public content pages come from the page cache and are not limited.
"""

from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django_ratelimit.decorators import ratelimit

#: PDFs (content handouts and the results handout, counted together) one address may ask for.
PDF_RATE = "30/m"
#: Searches one address may make.
SEARCH_RATE = "60/m"
#: Seconds a limited reader is asked to wait: the limits count per minute.
RETRY_AFTER = 60

pdf_limit = ratelimit(group="pdf", key="ip", rate=PDF_RATE)
search_limit = ratelimit(group="search", key="ip", rate=SEARCH_RATE)


def too_many_requests(request, exception=None):
    """The friendly "please wait" page, with 429 and Retry-After; never stored by a cache."""
    response = render(request, "429.html", status=429)
    response["Retry-After"] = str(RETRY_AFTER)
    add_never_cache_headers(response)
    return response
