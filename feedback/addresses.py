"""The reader's network address, for the feedback form's limit only (it is never stored).

django-ratelimit calls ``client_address`` (settings.RATELIMIT_IP_META_KEY) and keeps a count,
for an hour, in the cache under a hash of the address. Behind a proxy every request comes from
the proxy's address; set FEEDBACK_CLIENT_IP_HEADER to the header the proxy puts the reader's
address in (such as X-Real-IP), and make the proxy overwrite any value the client sent.
"""

import ipaddress

from django.conf import settings

#: Requests whose address cannot be read share one count instead of failing.
UNKNOWN = "0.0.0.0"


def client_address(request):
    header = getattr(settings, "FEEDBACK_CLIENT_IP_HEADER", "")
    candidates = [request.headers.get(header, "")] if header else []
    candidates.append(request.META.get("REMOTE_ADDR", ""))
    for value in candidates:
        try:
            return str(ipaddress.ip_address(value.strip()))
        except ValueError:
            continue
    return UNKNOWN
