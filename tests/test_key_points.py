"""Every content page opens with what it is for and a few key points, and lists the words it
uses with their meanings: on screen and on its handout."""

import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from education.models import Drug, DrugSideEffect, GlossaryTerm
from education.models.base import KeyPointsPage
from education.models.kinds import content_kinds
from education.text import reading_grade

from admin_forms import edit
from handout_pdf import pdf_text, squash

MAX_GRADE = 8
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def key_point_kinds():
    return [model for model in content_kinds() if issubclass(model, KeyPointsPage)]


def published_pages():
    return [row for model in key_point_kinds() for row in model.objects.published()]


def page(client, obj):
    response = client.get(obj.get_absolute_url())
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def other_text(obj):
    """Everything the page says besides its key points, as the model holds it."""
    fields = [f for f in obj._meta.concrete_fields if f.name != "key_points"]
    text = " ".join(str(getattr(obj, f.attname) or "") for f in fields)
    if isinstance(obj, Drug):
        links = DrugSideEffect.objects.filter(drug=obj)
        text += " ".join(f"{link.percent} {link.note}" for link in links)
    if hasattr(obj, "steps"):
        text += " ".join(step.label for step in obj.steps.all())
    return text


@pytest.mark.django_db
def test_every_published_page_has_three_to_five_plain_key_points():
    pages = published_pages()
    assert len(pages) > 100
    least, most = KeyPointsPage.KEY_POINTS_RANGE
    for obj in pages:
        points = obj.key_point_list
        assert least <= len(points) <= most, obj
        assert reading_grade(*points) <= MAX_GRADE, (obj, reading_grade(*points))
        for point in points:
            assert point.endswith((".", "?", "!")) and len(point.split()) <= 30, (obj, point)


@pytest.mark.django_db
def test_key_points_bring_no_number_the_page_does_not_state():
    """A summary only restates its page: a figure found nowhere else on it was made up."""
    for obj in published_pages():
        stated = set(NUMBER.findall(other_text(obj)))
        for point in obj.key_point_list:
            for number in NUMBER.findall(point):
                assert number in stated, (obj, point, number)


@pytest.mark.django_db
def test_a_page_opens_with_its_purpose_then_its_key_points(client):
    drug = Drug.objects.published().get(slug="trastuzumab")
    soup = page(client, drug)
    purpose = soup.find(class_="page-purpose")
    assert purpose.find_previous("h1") == soup.find("h1")
    assert "what this drug is" in purpose.get_text()
    box = soup.find("section", class_="key-points")
    assert [li.get_text() for li in box.find_all("li")] == drug.key_point_list
    # The FDA's boxed warning stays first; the key points come before the page's sections.
    assert soup.find(class_="boxed-warning") in box.find_all_previous()
    assert soup.find("nav", class_="page-contents") in box.find_all_next()
    for model in key_point_kinds():
        obj = model.objects.published().first()
        soup = page(client, obj)
        assert soup.find("section", class_="key-points"), model
        if model.content_kind.purpose:
            assert soup.find(class_="page-purpose").get_text() == model.content_kind.purpose


@pytest.mark.django_db
def test_the_handout_prints_the_key_points_and_the_words_it_uses(client):
    drug = Drug.objects.published().get(slug="abemaciclib")
    _, text = pdf_text(client.get(reverse("education:drug-handout", args=[drug.slug])))
    flat = squash(text)
    assert squash("Key points") in flat
    for point in drug.key_point_list:
        assert squash(point) in flat
    assert squash("Words used in this handout") in flat
    targeted = GlossaryTerm.objects.get(slug="targeted-therapy")
    assert squash(targeted.definition) in flat


@pytest.mark.django_db
def test_a_page_lists_each_glossary_word_it_uses_once_with_its_meaning(client):
    soup = page(client, Drug.objects.published().get(slug="abemaciclib"))
    words = soup.find("section", class_="words-used")
    names = [dt.get_text() for dt in words.find_all("dt")]
    assert len(names) == len(set(names)) and "Targeted therapy" in names
    linked = {a["href"] for a in soup.select("article a.glossary-link")}
    assert {a["href"] for a in words.select("dt a")} == linked
    meaning = words.find("dt", string="Targeted therapy").find_next_sibling("dd").get_text()
    assert meaning == GlossaryTerm.objects.get(slug="targeted-therapy").definition


@pytest.mark.django_db
def test_an_editor_is_told_when_a_page_has_too_few_or_too_many_key_points(editor):
    drug = Drug.objects.get(slug="letrozole")
    before = drug.key_points
    for lines in (["One point."] * 2, ["A point."] * 6):
        response = edit(editor, drug, key_points="\n".join(lines))
        assert response.status_code == 200
        assert f"This has {len(lines)}." in response.content.decode()
    drug.refresh_from_db()
    assert drug.key_points == before


def test_bullet_marks_an_editor_types_are_not_shown_twice():
    drug = Drug(key_points="- First point.\n\n* Second point.\n\u2022 Third point.\n")
    assert drug.key_point_list == ["First point.", "Second point.", "Third point."]
