"""The reader's own printouts from their results: a summary card that folds from one page, and
a side-effect diary for the drugs they tick. Posted, never in an address; nothing is stored."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from education import diary
from education.models import Drug, DrugSideEffect, SideEffect

from handout_pdf import pdf_text, squash
from questionnaire_flow import GREW_ON_AROMATASE_INHIBITOR, RESULTS, walk

pytestmark = pytest.mark.django_db
CARD = reverse("education:questionnaire-summary-card")
DIARY = reverse("education:questionnaire-diary")


def test_the_results_page_leads_to_both_with_every_published_drug_to_tick(client):
    walk(client, GREW_ON_AROMATASE_INHIBITOR)
    results = BeautifulSoup(client.get(RESULTS).content, "html.parser")
    printouts = results.find("section", class_="reader-tools").find("a")["href"]
    assert printouts == reverse("education:questionnaire-printouts")
    soup = BeautifulSoup(client.get(printouts).content, "html.parser")
    form = soup.find("form", class_="reader-tools")
    assert form["method"] == "post" and form["action"] == CARD
    assert {b.get("formaction") for b in form.find_all("button")} == {None, DIARY}
    ticks = {box["value"] for box in form.find_all("input", attrs={"name": "current"})}
    assert ticks == set(Drug.objects.published().values_list("slug", flat=True))


def test_the_summary_card_is_one_page_with_results_drugs_phones_and_signs(client):
    walk(client, GREW_ON_AROMATASE_INHIBITOR)
    response = client.post(CARD, {"current": ["palbociclib", "fulvestrant"]})
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    reader, text = pdf_text(response)
    assert len(reader.pages) == 1
    flat = squash(text)
    for words in (
        "My test results",
        "HER2-negative",
        "ESR1",
        "Where it has spread",
        "Bones",
        "An aromatase inhibitor",
        "palbociclib (Ibrance)",
        "fulvestrant (Faslodex)",
        "Nights and weekends",
        "100.4°F (38°C)",
        "If you take palbociclib",
        "low white blood cells",
        "/drugs/palbociclib/",
    ):
        assert squash(words) in flat, words
    assert "deruxtecan" not in text  # only the signs that fit the reader's drugs


def test_the_card_without_drugs_leaves_lines_to_write_them(client):
    walk(client, GREW_ON_AROMATASE_INHIBITOR)
    reader, text = pdf_text(client.post(CARD, {}))
    assert len(reader.pages) == 1 and squash("The drugs I take now") in squash(text)


def test_the_personal_diary_adds_the_noticeable_side_effects_of_the_readers_drugs(client):
    walk(client, GREW_ON_AROMATASE_INHIBITOR)
    _, text = pdf_text(client.post(DIARY, {"current": ["capecitabine"]}))
    flat = squash(text)
    listed = DrugSideEffect.objects.filter(
        drug__slug="capecitabine", side_effect__slug__in=diary.NOTICEABLE
    )
    extra = [link.side_effect for link in listed if link.side_effect.slug not in diary.DAILY]
    assert any(se.slug == "hand-foot-syndrome" for se in extra)
    for side_effect in extra:
        assert squash(side_effect.name) in flat
    for slug in diary.DAILY:
        assert squash(SideEffect.objects.get(slug=slug).name) in flat
    assert squash("capecitabine (Xeloda)") in flat
    # Found only by a blood test: not a diary row.
    assert squash("Low white blood cells") not in flat.split(squash("Week 1"))[1]


def test_a_tampered_drug_gets_a_clear_400_and_a_get_is_refused(client):
    walk(client, GREW_ON_AROMATASE_INHIBITOR)
    response = client.post(CARD, {"current": ["not-a-drug"]})
    assert response.status_code == 400
    assert "We do not know one of the drugs you ticked" in response.content.decode()
    assert client.get(CARD).status_code == 405


def test_without_answers_the_tools_say_there_are_none(client):
    response = client.post(CARD, {"current": ["palbociclib"]})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")


def test_nothing_the_reader_ticks_is_kept(client):
    walk(client, GREW_ON_AROMATASE_INHIBITOR)
    session_before = dict(client.session)
    client.post(DIARY, {"current": ["capecitabine"]})
    assert dict(client.session) == session_before


def test_the_personal_diary_adds_the_side_effects_of_the_drugs_the_results_name(client):
    walk(client, GREW_ON_AROMATASE_INHIBITOR)
    results = BeautifulSoup(client.get(RESULTS).content, "html.parser")
    linked = {a["href"] for a in results.find_all("a", href=True)}
    reader, text = pdf_text(client.post(DIARY, {"current": ["capecitabine"]}))
    intro = squash(text).split(squash("Use this diary"))[0]
    named = [
        drug
        for drug in Drug.objects.published()
        if squash(drug.display_name) in intro.split(squash("your list of options names"))[-1]
    ]
    assert len(named) >= 5
    for drug in named:
        assert drug.get_absolute_url() in linked, drug
    assert "capecitabine" not in {drug.slug for drug in named}  # ticked: named once, above
    rows = {
        link.side_effect
        for link in DrugSideEffect.objects.filter(
            drug__in=named, side_effect__slug__in=diary.NOTICEABLE
        ).select_related("side_effect")
        if link.serious or link.frequency == DrugSideEffect.Frequency.COMMON
    }
    assert {se.slug for se in rows} - set(diary.DAILY), "the options add rows"
    weeks = [page.extract_text() for page in reader.pages if "Day 7" in page.extract_text()]
    assert len(weeks) == diary.WEEKS
    for week in weeks:  # every row, and the notes, still on the week's one page
        for side_effect in rows:
            assert squash(side_effect.name) in squash(week), side_effect
        assert squash("Medicine I took for it") in squash(week) and "Notes" in week
    assert squash("Leave a row blank if it does not apply to you") in squash(text)


def test_the_personal_diary_leaves_out_drugs_the_cancer_grew_on(client):
    walk(client, GREW_ON_AROMATASE_INHIBITOR | {"prior_treatments": ["cdk46", "sacituzumab"]})
    results = BeautifulSoup(client.get(RESULTS).content, "html.parser")
    tried = Drug.objects.get(slug="sacituzumab-govitecan")
    # The results page still shows the option, marked as tried, with its drug's link.
    assert results.find("a", href=tried.get_absolute_url())
    _, text = pdf_text(client.post(DIARY, {}))
    assert squash("your list of options names") in squash(text)
    assert squash(tried.display_name) not in squash(text)
