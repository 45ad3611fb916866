"""What's new: dated treatment changes on a page, in a feed, on the home page, under review."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse

from education.models import Status, TreatmentUpdate

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def listed_titles(soup):
    return [a.get_text(strip=True) for a in soup.select(".update-item a")]


def test_the_page_lists_every_published_entry_newest_first_with_its_date(client):
    soup = soup_of(client.get(reverse("education:whats-new")))
    entries = list(TreatmentUpdate.objects.published())
    assert len(entries) >= 13
    assert listed_titles(soup) == [e.title for e in entries]
    dates = [t["datetime"] for t in soup.select(".update-item time")]
    assert dates == sorted(dates, reverse=True)
    assert dates[-1] >= "2023-01-01"


def test_an_entry_links_to_the_pages_the_site_changed_and_cites_its_sources(client):
    entry = TreatmentUpdate.objects.get(slug="vepdegestrant-2026")
    soup = soup_of(client.get(entry.get_absolute_url()))
    changed = soup.find(id="changed-heading").find_parent("section")
    hrefs = {a["href"] for a in changed.find_all("a")}
    assert reverse("education:drug-detail", args=["vepdegestrant"]) in hrefs
    assert reverse("education:feature-detail", args=["esr1-mutation"]) in hrefs
    for href in hrefs:
        assert client.get(href).status_code == 200, href
    cited = soup.select(".sources li")
    assert len(cited) == entry.sources.count() > 0
    assert "Not yet medically reviewed." in soup.get_text()


def test_every_entry_cites_a_source_and_links_a_changed_page():
    for entry in TreatmentUpdate.objects.published():
        assert entry.sources.exists(), entry.slug
        linked = entry.drugs.count() + entry.features.count() + entry.treatment_types.count()
        assert linked + entry.articles.count() > 0, entry.slug


def test_the_feed_parses_and_lists_the_entries_newest_first(client, settings):
    response = client.get(reverse("education:whats-new-feed"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") == "What's new in metastatic breast cancer treatment"
    items = channel.findall("item")
    entries = list(TreatmentUpdate.objects.published())
    assert [i.findtext("title") for i in items] == [e.title for e in entries]
    first = items[0]
    assert first.findtext("link") == settings.SITE_URL + entries[0].get_absolute_url()
    assert entries[0].happened_on.strftime("%d %b %Y") in first.findtext("pubDate")
    assert first.findtext("description") == entries[0].summary


def test_pages_point_feed_readers_to_the_feed(client):
    for path in [reverse("education:home"), reverse("education:whats-new")]:
        soup = soup_of(client.get(path))
        link = soup.find("link", rel="alternate", type="application/rss+xml")
        assert link and link["href"] == reverse("education:whats-new-feed"), path


def test_the_home_page_shows_the_latest_three_entries(client):
    soup = soup_of(client.get(reverse("education:home")))
    section = soup.find(id="updates-heading").find_parent("section")
    newest = list(TreatmentUpdate.objects.published()[:4])
    assert listed_titles(section) == [e.title for e in newest[:3]]
    assert section.find("a", href=reverse("education:whats-new"))


def test_a_new_entry_shows_everywhere_only_once_it_is_published(client, staff_client):
    entry = TreatmentUpdate.objects.create(
        slug="a-newer-approval",
        title="A newer approval",
        happened_on=datetime.date(2026, 11, 1),
        summary="Something changed.",
        body="More about it.",
        status=Status.REVIEW,
    )
    for path in [reverse("education:whats-new"), reverse("education:home")]:
        assert "A newer approval" not in client.get(path).content.decode(), path
    assert b"A newer approval" not in client.get(reverse("education:whats-new-feed")).content
    assert entry.get_absolute_url().encode() not in client.get("/sitemap.xml").content
    assert client.get(entry.get_absolute_url()).status_code == 404
    assert staff_client.get(entry.get_absolute_url()).status_code == 200  # preview

    entry.status = Status.PUBLISHED
    entry.save()
    home = soup_of(client.get(reverse("education:home")))
    assert listed_titles(home.find(id="updates-heading").find_parent("section"))[0] == entry.title
    assert b"A newer approval" in client.get(reverse("education:whats-new-feed")).content
    assert entry.get_absolute_url().encode() in client.get("/sitemap.xml").content


def test_the_feed_address_cannot_be_taken_by_an_entry():
    entry = TreatmentUpdate(
        slug="feed",
        title="T",
        happened_on=datetime.date(2026, 1, 1),
        summary="S",
        body="B",
    )
    with pytest.raises(ValidationError) as error:
        entry.full_clean()
    assert "slug" in error.value.message_dict


def status_choices(client, django_user_model, username, group):
    """The statuses a member of the group is offered on a new What's new entry."""
    user = django_user_model.objects.create_user(
        username, password="a-long-test-password", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    soup = soup_of(client.get(reverse("admin:education_treatmentupdate_add")))
    return {o["value"] for o in soup.find("select", {"name": "status"}).find_all("option")}


def test_editors_write_entries_and_only_reviewers_publish_them(client, django_user_model):
    assert status_choices(client, django_user_model, "edna", "Editors") == {"draft", "review"}
    assert "published" in status_choices(client, django_user_model, "rita", "Medical reviewers")
