"""The side-effect diary: a week a page, the days across, the side effects a person notices
down, and the fever signs on its first page."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from education import diary
from education.models import SideEffect

from handout_pdf import pdf_text, squash

pytestmark = pytest.mark.django_db
URL = reverse("education:side-effect-diary")


def test_every_side_effect_the_diary_tracks_is_published():
    published = SideEffect.objects.published().filter(slug__in=diary.DAILY)
    assert [se.slug for se in diary.in_diary_order(published)] == list(diary.DAILY)


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_the_diary_prints_a_week_a_page_turned_sideways(client, paper):
    reader, text = pdf_text(client.get(URL, {"paper": paper}))
    flat = squash(text)
    weeks = [
        number
        for number, page in enumerate(reader.pages)
        if "Week" in page.extract_text() and "Day 7" in page.extract_text()
    ]
    assert len(weeks) == diary.WEEKS
    for number in weeks:
        box = reader.pages[number].mediabox
        assert box.width > box.height  # landscape, so seven days fit
        page = squash(reader.pages[number].extract_text())
        for side_effect in SideEffect.objects.filter(slug__in=diary.DAILY):
            assert squash(side_effect.name) in page
        assert squash("Temperature") in page and squash("Medicine I took for it") in page
    first = squash(reader.pages[0].extract_text())
    assert (
        squash("100.4°F (38°C)") in first
        and squash("Call now or go to the emergency room") in first
    )
    assert squash("0 not at all") in flat and squash("Where this information comes from") in flat


def test_large_print_makes_the_diary_larger_not_shorter(client):
    normal, _ = pdf_text(client.get(URL))
    large, _ = pdf_text(client.get(URL, {"size": "large"}))
    assert len(large.pages) > len(normal.pages)


def test_a_bad_option_gets_a_clear_400(client):
    response = client.get(URL, {"paper": "napkin"})
    assert response.status_code == 400


def test_the_diary_is_offered_where_it_helps(client):
    for url in (
        reverse("education:side-effect-list"),
        SideEffect.objects.get(slug="diarrhea").get_absolute_url(),
    ):
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        assert soup.find("a", href=URL), url
