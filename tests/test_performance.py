"""Speed a reader feels: constant query counts, revalidation headers, a small page weight."""

import gzip

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from education.models import Drug, DrugFamily, DrugSideEffect, SideEffect, Status

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12
PAGE_TYPES = {
    "home": "/",
    "treatment list": "/treatments/",
    "treatment": "/treatments/hormone-therapy/",
    "drug list": "/drugs/",
    "drug": "/drugs/palbociclib/",
    "side effect list": "/side-effects/",
    "side effect": "/side-effects/low-white-blood-cells/",
    "feature list": "/cancer-features/",
    "feature": "/cancer-features/hormone-receptor-positive/",
    "spread list": "/spread/",
    "spread site": "/spread/bone/",
    "survival": "/survival/",
    "glossary": "/glossary/",
    "glossary term": "/glossary/her2/",
    "topics": "/topics/",
    "topic": "/topics/when-cancer-grows/",
    "whats new": "/whats-new/",
    "whats new entry": "/whats-new/vepdegestrant-2026/",
    "whats new feed": "/whats-new/feed/",
    "sitemap": "/sitemap.xml",
}


def query_counts(client):
    """Queries each page type makes when rendered fresh (the page cache is bypassed)."""
    from django.core.cache import cache

    counts = {}
    for name, path in PAGE_TYPES.items():
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200, path
        counts[name] = len(queries)
    return counts


def add_tenfold_drugs_and_side_effects():
    """Nine more copies of every drug and side effect, each drug linked to every copy of its
    side effects, so lists, details and links all grow tenfold."""
    family = DrugFamily.objects.get(slug="cdk46-inhibitors")
    side_effects = list(SideEffect.objects.all())
    for n in range(9):
        copies = SideEffect.objects.bulk_create(
            SideEffect(
                slug=f"{se.slug}-{n}",
                name=f"{se.name} {n}",
                summary=se.summary,
                what_helps=se.what_helps,
                status=Status.PUBLISHED,
            )
            for se in side_effects
        )
        drugs = Drug.objects.bulk_create(
            Drug(
                slug=f"{d.slug}-{n}",
                generic_name=f"{d.generic_name} {n}",
                brand_names=d.brand_names,
                family=family,
                how_given=d.how_given,
                summary=d.summary,
                how_it_works=d.how_it_works,
                who_for=d.who_for,
                status=Status.PUBLISHED,
            )
            for d in Drug.objects.filter(family=family)[:5]
        )
        DrugSideEffect.objects.bulk_create(
            DrugSideEffect(drug=drug, side_effect=se) for drug in drugs for se in copies[:10]
        )
        palbociclib = Drug.objects.get(slug="palbociclib")
        DrugSideEffect.objects.bulk_create(
            DrugSideEffect(drug=palbociclib, side_effect=se) for se in copies[:5]
        )
        SideEffect.objects.get(slug="low-white-blood-cells").drugs.add(*drugs)


def test_every_page_makes_a_small_constant_number_of_queries(client):
    before = query_counts(client)
    assert all(count <= MAX_QUERIES for count in before.values()), sorted(before.items())
    drugs, side_effects = Drug.objects.count(), SideEffect.objects.count()
    add_tenfold_drugs_and_side_effects()
    assert SideEffect.objects.count() >= 10 * side_effects
    assert Drug.objects.count() > drugs
    assert query_counts(client) == before


def test_public_pages_can_be_revalidated_with_etag_and_last_modified(client):
    path = reverse("education:drug-detail", args=["letrozole"])
    first = client.get(path)
    assert first.has_header("ETag") and first.has_header("Last-Modified")
    assert "public" in first["Cache-Control"] and "must-revalidate" in first["Cache-Control"]
    again = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    since = client.get(path, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


def test_an_edit_changes_etag_and_last_modified(client):
    path = reverse("education:drug-detail", args=["letrozole"])
    first = client.get(path)
    drug = Drug.objects.get(slug="letrozole")
    drug.summary = "A changed summary."
    drug.save()
    response = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 200
    assert "A changed summary." in response.content.decode()


def test_cached_pages_are_served_without_touching_the_database(client):
    path = reverse("education:drug-detail", args=["letrozole"])
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    assert len(queries) == 0


@pytest.mark.parametrize(
    "path",
    [
        reverse("education:questionnaire"),
        reverse("education:questionnaire-check"),
        reverse("education:questionnaire-results"),
    ],
)
def test_session_and_form_pages_are_never_cached_publicly(client, path):
    response = client.get(path)
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_a_drug_page_with_everything_it_loads_is_under_60kb_compressed(client):
    response = client.get(reverse("education:drug-detail", args=["trastuzumab"]))
    total = len(gzip.compress(response.content))
    soup = BeautifulSoup(response.content, "html.parser")
    assert not soup.find_all("script"), "a content page needs no JavaScript"
    # Its stylesheets and icon; not the addresses of its twins in other languages.
    assets = [t["href"] for t in soup.find_all("link", href=True) if t.get("rel") != ["alternate"]]
    assets += [t["src"] for t in soup.find_all("img", src=True)]
    for url in assets:
        name = url.removeprefix(settings.STATIC_URL)
        compressed = settings.STATIC_ROOT / f"{name}.gz"
        original = settings.STATIC_ROOT / name
        total += (compressed if compressed.exists() else original).stat().st_size
    assert total < 60 * 1024, f"{total} bytes"
