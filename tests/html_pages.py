"""Reading a page the way a test looks at it."""

from bs4 import BeautifulSoup


def soup_of(client, url):
    """The page at ``url``, parsed, after checking it answered 200."""
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")
