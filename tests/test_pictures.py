"""Pictures where they help a reader understand: how a family of drugs works, and the HER2
score scale, each with a line on how to read it."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from education.models import CancerFeature, Drug, DrugFamily, TreatmentType

from handout_pdf import pdf_text, squash
from html_pages import soup_of

pytestmark = pytest.mark.django_db


def test_a_drug_shows_its_familys_drawing_under_how_it_works_and_others_show_none(client):
    with_picture = Drug.objects.published().exclude(family__picture="")
    assert {drug.family.picture for drug in with_picture} == {"adc", "her2-antibody"}
    for drug in with_picture:
        soup = soup_of(client, drug.get_absolute_url())
        figure = soup.find("figure", class_="picture")
        assert figure.find_previous("h2").get_text() == "How does it work?", drug
        assert figure.find("svg")["role"] == "img" and figure.find("title").get_text()
        assert figure.find(class_="picture-how").get_text().startswith("How to read this")
        assert len(figure.find("ol").find_all("li")) >= 2
    plain = Drug.objects.published().filter(family__picture="").first()
    assert not soup_of(client, plain.get_absolute_url()).find("figure", class_="picture")


def test_a_kind_of_treatment_shows_a_drawing_once_for_families_that_share_it(client):
    adcs = TreatmentType.objects.get(slug="antibody-drug-conjugates")
    assert adcs.families.filter(picture="adc").count() == 2
    soup = soup_of(client, adcs.get_absolute_url())
    assert len(soup.find_all("figure", class_="picture")) == 1


def test_an_editor_chooses_a_familys_drawing_in_the_admin(admin_client):
    family = DrugFamily.objects.get(slug="her2-antibodies")
    url = reverse("admin:education_drugfamily_change", args=[family.pk])
    form = BeautifulSoup(admin_client.get(url).content, "html.parser")
    options = [
        o["value"] for o in form.find("select", attrs={"name": "picture"}).find_all("option")
    ]
    assert options == ["", *DrugFamily.Picture.values]


def test_the_her2_pages_show_the_score_scale_and_other_results_do_not(client):
    for feature in CancerFeature.objects.published():
        soup = soup_of(client, feature.get_absolute_url())
        scale = soup.find("figure", class_="her2-scale")
        if feature.kind == CancerFeature.Kind.HER2:
            scores = [s.get_text() for s in scale.find_all(class_="her2-score")]
            assert scores == ["0", "1+", "2+", "3+"]
            assert "How to read this" in scale.find("figcaption").get_text()
        else:
            assert scale is None, feature


def test_the_handout_prints_the_drawing_and_its_steps(client):
    _, text = pdf_text(client.get(reverse("education:drug-handout", args=["trastuzumab"])))
    assert squash("The antibody sticks to HER2 and blocks its signals") in squash(text)
    _, text = pdf_text(client.get(reverse("education:feature-handout", args=["her2-low"])))
    assert squash("A second test of the HER2 gene (ISH) decides") in squash(text)
