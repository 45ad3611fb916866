"""The reader's network address, read one way everywhere it is used.

django-axes (admin lockouts, AXES_CLIENT_IP_CALLABLE) and django-ratelimit (the limits on
feedback posts, PDFs and searches, RATELIMIT_IP_META_KEY) both call ``client_address``. Nothing
else keeps it: axes records it with its lockouts, ratelimit counts under a hash of it.

``settings.PROXY_COUNT`` (env DJANGO_PROXY_COUNT) says how many proxies we run in front of the
app. With none, the address is the connection's (REMOTE_ADDR) and X-Forwarded-For is ignored:
anyone can write anything in it. Behind N proxies, each appends the address it got the request
from to X-Forwarded-For, after whatever the client sent. So only the last N entries were written
by our proxies, and the Nth from the right is the address the outermost one saw: the reader (or
the last proxy not ours). Entries further left are the client's own words and never read, so
nobody can take another's address to lock an editor out of the admin or to escape a limit.
"""

import ipaddress

from django.conf import settings

#: Requests whose address cannot be read share one count instead of failing.
UNKNOWN = "0.0.0.0"


def valid_address(value):
    """The address in canonical form, or None if ``value`` is not one."""
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_address(request):
    count = settings.PROXY_COUNT
    if count > 0:
        # Repeated headers arrive joined with commas, in order, as one.
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if len(forwarded) >= count:
            address = valid_address(forwarded[-count])
            if address:
                return address
    # No header, fewer entries than proxies, or garbage: a proxy is misconfigured. The
    # connection's address (the proxy's own) is still one the client cannot choose.
    return valid_address(request.META.get("REMOTE_ADDR", "")) or UNKNOWN
