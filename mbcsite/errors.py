"""The site's answer when something breaks on our side.

A lost database is not a bug but an outage: the reader gets a 503 saying to come back soon
(with Retry-After), and the load balancer may send the next request to a server that can
answer. Everything else is the usual 500 page. Neither page reads the database.
"""

import sys

from django.db import DatabaseError
from django.http import HttpResponse
from django.template import loader

RETRY_AFTER_SECONDS = 60


def server_error(request):
    # Rendered without the request: no context processor may touch what just failed.
    if isinstance(sys.exc_info()[1], DatabaseError):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponse(loader.render_to_string("500.html"), status=500)
