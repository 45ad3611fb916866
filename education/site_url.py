"""The site's own address for links that leave the page: handouts, QR codes, feeds, sitemaps.

Built from ``settings.SITE_URL`` alone, never from the request's Host header, so a request
with a made-up Host cannot put its address into a page, PDF or cache entry other readers get.
"""

from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(path):
    """The full address of a path on this site, such as ``absolute_url("/drugs/")``."""
    return settings.SITE_URL + path


def site_domain():
    """The host (and port, if any) of SITE_URL, as the sitemap framework wants it."""
    return urlsplit(settings.SITE_URL).netloc


def site_protocol():
    return urlsplit(settings.SITE_URL).scheme
