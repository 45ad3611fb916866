"""The survival page leads with each figure in everyday words, the exact one beside it."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from education.everyday_numbers import in_everyday_words
from education.models import SurvivalStatistic


@pytest.mark.parametrize(
    ("figure", "unit", "words"),
    [
        (31.0, "percent", "about 31 in 100 people"),
        (12.4, "percent", "about 12 in 100 people"),
        (36.4, "months", "about 3 years"),
        (30.0, "months", "about 2 and a half years"),
        (24.0, "months", "about 2 years"),
        (2.5, "months", "about 2 and a half months"),
        (1.1, "months", "about 1 month"),
        (0.4, "months", "about half a month"),
        (154794.0, "people", "about 155,000 people"),
        (5.0, "furlongs", ""),
    ],
)
def test_a_figure_in_everyday_words(figure, unit, words):
    assert in_everyday_words(figure, unit) == words


@pytest.mark.django_db
def test_each_survival_figure_is_said_in_everyday_words_on_the_page(client):
    soup = BeautifulSoup(client.get(reverse("education:survival")).content, "html.parser")
    for stat in SurvivalStatistic.objects.published():
        section = soup.find("section", id=stat.slug)
        assert (
            section.find(class_="everyday").get_text()
            == stat.everyday[0].upper() + stat.everyday[1:]
        )
    treated = SurvivalStatistic.objects.get(slug="median-survival-treated")
    assert treated.everyday == "about 3 years"
