"""/editorial-policy/: who stands behind the site, in plain words, with nothing invented."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from education.cache import release_id
from education.text import reading_grade

pytestmark = pytest.mark.django_db

URL = "/editorial-policy/"
NOT_NAMED = "This copy of the site has not named its owner yet."
NO_EMAIL = "This copy of the site has not given a contact email yet."
NO_FUNDER = "This copy of the site has not said who funds it."


def main_of(response):
    return BeautifulSoup(response.content, "html.parser").find("main")


def text_of(response):
    return " ".join(main_of(response).get_text(" ").split())


@pytest.fixture
def unnamed(settings):
    settings.SITE_OWNER = settings.SITE_CONTACT_EMAIL = settings.SITE_FUNDING = ""
    return settings


def test_the_page_says_how_the_site_is_written_sourced_checked_and_corrected(client, unnamed):
    response = client.get(URL)
    assert response.status_code == 200
    headings = [h.get_text() for h in main_of(response).find_all("h2")]
    assert headings == [
        "How we write",
        "Where the facts come from",
        "How pages are checked",
        "How we fix mistakes",
        "How to reach us",
        "Who runs this site",
    ]
    text = text_of(response)
    for fact in (
        "No part of a page should be harder than 8th grade.",
        "It is not medical advice.",
        "Drug labels and notices from the FDA.",
        "The National Cancer Institute.",
        "Clinical guidelines.",
        "Articles in medical journals",
        "We use them only as extra reading.",
        "A medical reviewer checks each change before it goes on the site.",
        "Each page shows who reviewed it and on what date.",
        "If a page has not had a medical review yet, it says so.",
        "A page is due for a new review 12 months after its last one.",
        "We check what you tell us against our sources.",
        "The page then shows a note that says what changed and when.",
    ):
        assert fact in text, fact
    assert main_of(response).find("a", href="/feedback/")


def test_unset_owner_contact_and_funder_are_said_plainly_never_guessed(client, unnamed):
    response = client.get(URL)
    text = text_of(response)
    assert NOT_NAMED in text and NO_EMAIL in text and NO_FUNDER in text
    assert "mailto:" not in response.content.decode()
    reach = main_of(response).find("h2", string="How to reach us").find_next("p")
    assert reach.find("a", href="/feedback/")


def test_owner_contact_and_funder_come_from_settings(client, settings):
    settings.SITE_OWNER = "The Example Cancer Charity"
    settings.SITE_CONTACT_EMAIL = "editors@example.org"
    settings.SITE_FUNDING = "Donations from readers and a grant from the Example Foundation."
    response = client.get(URL)
    text = text_of(response)
    assert "This copy of the site is run by The Example Cancer Charity." in text
    assert main_of(response).find("a", href="mailto:editors@example.org")
    assert "Who pays for it: Donations from readers and a grant" in text
    assert NOT_NAMED not in text and NO_EMAIL not in text and NO_FUNDER not in text


def test_settings_are_shown_escaped(client, settings):
    settings.SITE_OWNER = "<script>alert(1)</script>"
    settings.SITE_CONTACT_EMAIL = '"><b>x</b>@example.org'
    body = client.get(URL).content.decode()
    assert "<script>alert(1)" not in body and "<b>x</b>" not in body


def test_new_settings_make_new_page_cache_entries(settings):
    """A restart with a new owner must not serve pages cached with the old one."""
    before = release_id()
    try:
        release_id.cache_clear()
        settings.SITE_OWNER = "Someone new"
        assert release_id() != before
    finally:
        release_id.cache_clear()


def test_reading_grade_is_at_most_8(client, unnamed):
    main = main_of(client.get(URL))
    blocks = [
        element.get_text(" ", strip=True) for element in main.find_all(["h1", "h2", "p", "li"])
    ]
    grade = reading_grade(*blocks)
    assert grade <= 8, grade


def test_it_is_a_public_cached_page_with_no_cookie():
    browser = Client()
    response = browser.get(URL)
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert not response.cookies
    assert browser.get(URL, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_linked_from_every_footer_the_privacy_page_and_the_sitemap(client, settings):
    for path in ("/", "/drugs/letrozole/", "/privacy/", "/feedback/"):
        footer = BeautifulSoup(client.get(path).content, "html.parser").find("footer")
        assert footer.find("a", href=URL), path
    assert main_of(client.get("/privacy/")).find("a", href=URL)
    assert f"{settings.SITE_URL}{URL}" in client.get("/sitemap.xml").content.decode()
