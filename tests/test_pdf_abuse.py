"""PDFs and search cost the server real work: repeats are cached, floods are limited, and a
PDF fetches nothing but the site's own static files (issue 18)."""

import re
import urllib.request
from pathlib import Path
from unittest import mock

import django_ratelimit.core
import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse

from education import handouts
from education.models import Drug
from education.ratelimits import PDF_RATE, SEARCH_RATE

from handout_pdf import pdf_text, squash
from questionnaire_flow import GREW_ON_AROMATASE_INHIBITOR, walk

pytestmark = pytest.mark.django_db

#: Two readers who answered differently.
ANSWERS = GREW_ON_AROMATASE_INHIBITOR
OTHER_ANSWERS = {**ANSWERS, "spread": ["liver"]}
RESULTS_PDF = reverse("education:questionnaire-handout")


@pytest.fixture
def renders():
    """Counts WeasyPrint renders (each is about a quarter of a second of CPU)."""
    with mock.patch.object(handouts, "HTML", wraps=handouts.HTML) as spy:
        yield spy


@pytest.fixture
def one_window(monkeypatch):
    """Keep every request in one rate-limit window, so a test that starts near the end of a
    minute does not see its count reset halfway."""
    monkeypatch.setattr(django_ratelimit.core, "_get_window", lambda value, period: 10**10)


def limit(rate):
    return int(rate.split("/")[0])


# 1. The reader's results PDF is cached, under a key that hides the answers.


def test_the_same_answers_make_the_results_pdf_once(client, renders):
    walk(client, ANSWERS)
    first = client.get(RESULTS_PDF)
    second = client.get(RESULTS_PDF)
    assert first.content == second.content
    assert renders.call_count == 1
    assert "private" in second["Cache-Control"] and "no-store" in second["Cache-Control"]

    client.get(RESULTS_PDF + "?size=large")
    assert renders.call_count == 2
    client.get(RESULTS_PDF + "?paper=a4")
    assert renders.call_count == 3

    # Another reader with the same answers gets the same PDF without a new render.
    same = Client()
    walk(same, ANSWERS)
    assert same.get(RESULTS_PDF).content == first.content
    assert renders.call_count == 3

    # Different answers make their own PDF.
    other = Client()
    walk(other, OTHER_ANSWERS)
    _, other_text = pdf_text(other.get(RESULTS_PDF))
    assert renders.call_count == 4
    assert "liver" in other_text.lower() and "liver" not in pdf_text(first)[1].lower()

    # An edit to the content makes a new one: the rules behind the results may have changed.
    Drug.objects.get(slug="elacestrant").save()
    client.get(RESULTS_PDF)
    assert renders.call_count == 5


def test_the_results_pdf_cache_key_is_a_hash_not_the_answers(client, monkeypatch):
    keys = []
    real = handouts.cache

    class Recording:
        def get(self, key, *args, **kwargs):
            keys.append(key)
            return real.get(key, *args, **kwargs)

        def set(self, key, *args, **kwargs):
            keys.append(key)
            return real.set(key, *args, **kwargs)

    walk(client, ANSWERS)
    monkeypatch.setattr(handouts, "cache", Recording())
    pdf_text(client.get(RESULTS_PDF))
    assert keys
    for key in keys:
        assert re.fullmatch(r"handout:[0-9a-f]{64}", key), key
        for question, values in ANSWERS.items():
            assert question not in key and not any(value in key for value in values)


def test_the_order_of_answers_does_not_matter_to_the_cache():
    options = handouts.HandoutOptions("normal", "letter")
    made = []

    def make():
        made.append(1)
        return b"%PDF-"

    handouts.cached_results_pdf({"a": ["x", "y"], "b": ["z"]}, options, make)
    handouts.cached_results_pdf({"b": ["z"], "a": ["y", "x"]}, options, make)
    assert made == [1]
    handouts.cached_results_pdf({"b": ["z"], "a": ["x"]}, options, make)
    handouts.cached_results_pdf(
        {"b": ["z"], "a": ["y", "x"]}, handouts.HandoutOptions("large", "letter"), make
    )
    assert made == [1, 1, 1]


# 2. Each address may ask for only so many PDFs and searches a minute.


def assert_friendly_429(response):
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    page = response.content.decode()
    assert "You have asked for a lot of pages in a short time." in page
    assert "Please wait a minute and try again." in page
    assert "<nav" in page  # the site's own page, with its menu, not a bare error
    assert "no-store" in response.get("Cache-Control", "")


def test_too_many_pdfs_from_one_address_get_a_friendly_429(client, one_window):
    url = reverse("education:drug-handout", args=["letrozole"])
    for _ in range(limit(PDF_RATE)):
        assert client.get(url).status_code == 200
    assert_friendly_429(client.get(url))
    # Every kind of PDF counts against the same allowance.
    assert_friendly_429(
        client.get(reverse("education:article-handout", args=["when-cancer-grows"]))
    )
    assert_friendly_429(client.get(RESULTS_PDF))
    # Another reader's address is not limited.
    assert Client(REMOTE_ADDR="10.1.2.3").get(url).status_code == 200


def test_too_many_searches_from_one_address_get_a_friendly_429(client, one_window):
    url = reverse("education:search") + "?q=x"
    for _ in range(limit(SEARCH_RATE)):
        assert client.get(url).status_code == 200
    assert_friendly_429(client.get(url))
    assert Client(REMOTE_ADDR="10.1.2.3").get(url).status_code == 200
    # Content pages are not limited by searching.
    assert client.get(reverse("education:drug-list")).status_code == 200


# 3. WeasyPrint fetches nothing but data: URLs and the site's own static files.

REFUSED = [
    "file:///etc/passwd",
    "http://example.org/x.png",
    "https://example.org/x.png",
    "http://169.254.169.254/latest/meta-data/",
    "ftp://example.org/x.png",
    "{site}/drugs/letrozole/",  # our own pages are not static files
    "{site}{static}../../../etc/passwd",
    "{site}{static}%2e%2e/%2e%2e/mbcsite/settings.py",
    "{site}{static}css/no-such-file.css",
    "http://evil.example{static}css/print.css",  # the static path on another host
]


@pytest.mark.parametrize("url", REFUSED)
def test_the_pdf_fetcher_refuses_anything_but_our_static_files(url):
    url = url.format(site=settings.SITE_URL, static=settings.STATIC_URL)
    with mock.patch.object(urllib.request.OpenerDirector, "open") as opened:
        with pytest.raises(ValueError):
            handouts.StaticFilesFetcher().fetch(url)
    opened.assert_not_called()


def test_the_pdf_fetcher_serves_static_files_from_disk_and_data_urls():
    fetcher = handouts.StaticFilesFetcher()
    url = f"{settings.SITE_URL}{settings.STATIC_URL}css/print.css?v=1"
    response = fetcher.fetch(url)
    assert response.read() == Path(finders.find("css/print.css")).read_bytes()
    assert response.content_type == "text/css"
    assert fetcher.fetch("data:text/plain,ok").read() == b"ok"


def test_a_handout_never_fetches_files_or_other_sites(client):
    """A template that names a local file or another site's image: WeasyPrint skips them."""
    html = (
        '<img src="file:///etc/passwd"><img src="http://example.org/x.png">'
        '<link rel="stylesheet" href="/static/css/print.css"><p>Hello</p>'
    )
    fetched = []
    real_open = urllib.request.OpenerDirector.open

    def recording_open(self, url, *args, **kwargs):
        fetched.append(getattr(url, "full_url", url))
        if not fetched[-1].startswith("data:"):
            raise OSError("the test allows no network or file access")
        return real_open(self, url, *args, **kwargs)

    with (
        mock.patch.object(handouts, "render_to_string", return_value=html),
        mock.patch.object(urllib.request.OpenerDirector, "open", recording_open),
    ):
        pdf = handouts.render_pdf(
            "handouts/drug.html",
            {"page_url": settings.SITE_URL + "/"},
            None,
            handouts.HandoutOptions("normal", "letter"),
        )
    assert pdf.startswith(b"%PDF-")
    assert [url for url in fetched if not url.startswith("data:")] == []


# 4. Addresses in PDFs come from SITE_URL, never the request's Host header.


@pytest.mark.parametrize("results", [False, True])
def test_a_handout_shows_the_site_address_not_the_host_header(client, settings, results):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    if results:
        walk(client, ANSWERS)
        url, path = RESULTS_PDF, reverse("education:questionnaire")
    else:
        url = reverse("education:drug-handout", args=["trastuzumab"])
        path = reverse("education:drug-detail", args=["trastuzumab"])
    _, text = pdf_text(client.get(url, HTTP_HOST="LOCALHOST:6666"))
    assert squash(settings.SITE_URL + path) in squash(text)
    assert "6666" not in text and "LOCALHOST" not in text


# 5. The footer prints any title as it is.


def test_the_footer_prints_the_drug_name_with_its_hyphen(client):
    drug = Drug.objects.get(slug="ado-trastuzumab-emtansine")
    reader, text = pdf_text(client.get(reverse("education:drug-handout", args=[drug.slug])))
    assert "u002D" not in text and "002D" not in text
    for page in reader.pages:  # the footer is on every page, the heading only on the first
        assert "Ado-trastuzumab" in squash(page.extract_text())


def test_the_footer_title_cannot_break_out_of_its_css_string(client):
    from django.template import Context, Template

    title = 'He said "x\\y" </style><script>alert(1)</script> é — ✓ \'end'
    css = Template('{% load css %}"{{ title|css_string }}"').render(Context({"title": title}))
    assert "<" not in css and ">" not in css and "'" not in css
    assert css.count('"') == 2  # only the quotes around the string
    body = css[1:-1]
    # Decode the CSS escapes as a browser does: \ + hex digits + an optional space.
    decoded = re.sub(r"\\([0-9a-fA-F]{1,6}) ?", lambda m: chr(int(m.group(1), 16)), body)
    assert decoded == title
