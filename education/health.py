"""A health check for load balancers and monitors: can this app server read the content, and
is the shared cache answering?

The database is what pages are made from: without it the answer is 503, so a load balancer
sends readers elsewhere. Without the cache pages are still made, only slower: 200, with
``"cache": "down"`` for the monitor.
"""

from django.core.cache import cache
from django.db import DatabaseError
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from .models import ContentVersion


def database_is_up():
    try:
        ContentVersion.objects.exists()  # a real table, not just "SELECT 1"
    except DatabaseError:
        return False
    return True


def cache_is_up():
    """A real round trip to a shared cache; a per-process memory cache is always up."""
    is_up = getattr(cache, "is_up", None)
    return is_up() if is_up else True


@never_cache
def healthz(request):
    database = database_is_up()
    report = {
        "status": "ok" if database else "unavailable",
        "database": "ok" if database else "down",
        "cache": "ok" if cache_is_up() else "down",
    }
    return JsonResponse(report, status=200 if database else 503)
