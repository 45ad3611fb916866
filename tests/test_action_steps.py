"""What to do, in steps a reader can follow: on a drug's page, a side effect's page and the
survival page (PEMAT-P's actionability items)."""

import pytest
from django.urls import reverse

from education.models import Drug, SideEffect
from education.views import SurvivalView

from html_pages import soup_of

pytestmark = pytest.mark.django_db


def test_a_drug_page_says_when_to_call_in_steps_with_the_signs_that_fit_it(client):
    drug = Drug.objects.get(slug="palbociclib")
    box = soup_of(client, drug.get_absolute_url()).find("section", class_="call-signs")
    steps = [li.get_text() for li in box.find("ol", class_="action-steps").find_all("li")]
    assert len(steps) == 3 and "911" in steps[-1]
    named = [a.get_text() for a in box.select("ul.signs a")]
    serious = {
        link.side_effect.name
        for link in drug.drugsideeffect_set.filter(serious=True).select_related("side_effect")
        if link.side_effect.call_now
    }
    assert set(named) == serious and "Lung inflammation" in named
    assert "deruxtecan" not in box.get_text()


def test_a_drug_with_no_serious_side_effect_listed_has_no_empty_box(client):
    drug = Drug.objects.get(slug="vepdegestrant")
    assert not drug.drugsideeffect_set.exists()
    assert not soup_of(client, drug.get_absolute_url()).find("section", class_="call-signs")


def test_each_level_of_urgency_on_a_side_effect_page_has_its_picture(client):
    side_effect = SideEffect.objects.get(slug="low-white-blood-cells")
    soup = soup_of(client, side_effect.get_absolute_url())
    for level in soup.select(".warning-signs .urgency"):
        icon = level.find("h3").find("svg")
        assert icon and icon["aria-hidden"] == "true", level


def test_the_survival_page_ends_with_steps_for_talking_about_the_numbers(client):
    section = soup_of(client, reverse("education:survival")).find(
        "section", attrs={"aria-labelledby": "talk-heading"}
    )
    assert len(section.select("ol.action-steps li")) == 3
    assert [li.get_text() for li in section.select("ul li")] == list(SurvivalView.questions)
