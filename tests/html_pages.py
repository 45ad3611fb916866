"""Reading a page the way a test looks at it."""

import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup


def soup_of(client, url):
    """The page at ``url``, parsed, after checking it answered 200."""
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def sitemap_paths(client):
    """The path of every address the sitemap lists."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return [
        urlsplit(loc).path for loc in re.findall(r"<loc>(.*?)</loc>", response.content.decode())
    ]
