"""The questionnaire over HTTP, as a reader's browser would use it."""

import io
import re
from statistics import median

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse
from test_engine import SITUATIONS

from education.models import Question, Rule, TreatmentPath
from education.questionnaire.answers import SESSION_KEY
from education.questionnaire.results import STEPS

from handout_pdf import pdf_text
from questionnaire_flow import (
    CHECK,
    PREFIX,
    RESULTS,
    START,
    post_form,
    post_step,
    step_of,
    step_url,
    walk,
)

pytestmark = pytest.mark.django_db


def option_titles(client):
    soup = BeautifulSoup(client.get(RESULTS).content, "html.parser")
    return {h.get_text(strip=True) for h in soup.select("article.option h3")}


def rule_title(slug):
    return Rule.objects.get(slug=slug).title


HR_POS = {
    "hormone_receptor": ["positive"],
    "her2": ["negative"],
    "menopause": ["post"],
    "mutations": ["pik3ca"],
    "spread": ["bone"],
    "prior_treatments": ["aromatase_inhibitor", "cdk46"],
    "growing": ["yes"],
    "serious_symptoms": ["no"],
}


def test_hr_positive_flow_skips_pd_l1_and_lists_the_right_options(client):
    asked = walk(client, HR_POS)
    assert "pdl1" not in asked
    assert asked == [s for s in STEPS if s != "pdl1"]
    titles = option_titles(client)
    for slug in ("hr-growing-after-ai", "pik3ca-akt1-pten", "bone-spread", "clinical-trials"):
        assert rule_title(slug) in titles
    for slug in ("hr-negative-chemo", "her2-first", "tnbc-pdl1-immunotherapy"):
        assert rule_title(slug) not in titles


def test_triple_negative_flow_asks_pd_l1_and_offers_immunotherapy(client):
    answers = {
        "hormone_receptor": ["negative"],
        "her2": ["negative"],
        "mutations": ["none"],
        "pdl1": ["positive"],
        "spread": ["lung"],
        "prior_treatments": ["none"],
        "serious_symptoms": ["no"],
    }
    asked = walk(client, answers)
    assert "pdl1" in asked
    assert "menopause" not in asked  # hormone therapy is not an option, so it cannot matter
    assert "growing" not in asked  # no treatment yet, so nothing to have grown on
    titles = option_titles(client)
    assert rule_title("tnbc-pdl1-immunotherapy") in titles
    assert rule_title("hr-negative-chemo") in titles


def test_options_link_to_their_plain_explanations(client):
    walk(client, HR_POS)
    soup = BeautifulSoup(client.get(RESULTS).content, "html.parser")
    links = [a["href"] for a in soup.select("article.option a")]
    assert "/drugs/alpelisib/" in links
    for href in set(links):
        assert client.get(href).status_code == 200, href


def test_results_have_groups_questions_advice_line_and_answer_controls(client):
    walk(client, HR_POS)
    page = client.get(RESULTS).content.decode()
    for text in (
        "Treatments to ask about",
        "Tests to ask about",
        "Help with symptoms and spread",
        "Support for you",
        "Questions to ask your care team",
        "This is not medical advice",
        "Start again",
        "Clear my answers",
        CHECK,
    ):
        assert text in page
    assert Rule.objects.get(slug="pik3ca-akt1-pten").question_to_ask in page


def main_words(client):
    """Words in the results' main text: the page without its header, navigation and footer."""
    soup = BeautifulSoup(client.get(RESULTS).content, "html.parser")
    return len(soup.find("main").get_text(" ", strip=True).split())


def test_all_unsure_gives_a_short_useful_page(client):
    walk(client, {})
    soup = BeautifulSoup(client.get(RESULTS).content, "html.parser")
    first = soup.select_one("section.first-ask")
    assert first is not None and soup.find("h1").find_next("section") is first
    assert "First, ask for these results" in first.get_text()
    for key in ("hormone_receptor", "her2"):
        assert Question.objects.get(key=key).test_to_ask in first.get_text()
    # The treatments that hang on those results are names only, not cards.
    names = [li.get_text(strip=True) for li in first.select("ul.depends-list li")]
    assert rule_title("hr-first-hormone-cdk46") in names
    assert rule_title("hr-first-hormone-cdk46") not in option_titles(client)
    assert soup.select("#tests article.option"), "tests to ask about"
    assert soup.select("#support article.option"), "support"
    maybe = soup.select("article.option-maybe")
    assert maybe, "options that may apply"
    assert "May apply, depending on your answers" in maybe[0].get_text()
    assert maybe[0].select("ul.tests-to-ask li"), "says which test to ask about"
    assert main_words(client) <= 1200


def test_back_link_goes_to_the_previous_question_asked(client):
    walk(client, HR_POS)
    soup = BeautifulSoup(client.get(step_url("spread")).content, "html.parser")
    assert soup.find("a", class_="back-link")["href"] == step_url("diagnosis")
    soup = BeautifulSoup(client.get(step_url("diagnosis")).content, "html.parser")
    assert soup.find("a", class_="back-link")["href"] == step_url("mutations")
    soup = BeautifulSoup(client.get(step_url("hormone_receptor")).content, "html.parser")
    assert soup.find("a", class_="back-link")["href"] == reverse("education:questionnaire")


def test_going_back_shows_the_earlier_answer_still_chosen(client):
    walk(client, HR_POS)
    soup = BeautifulSoup(client.get(step_url("her2")).content, "html.parser")
    assert soup.find("input", {"value": "negative"}).has_attr("checked")


def test_check_answers_lists_each_answer_with_a_change_link(client):
    walk(client, HR_POS)
    soup = BeautifulSoup(client.get(CHECK).content, "html.parser")
    rows = soup.select(".summary-row")
    assert len(rows) == len(STEPS) - 1
    assert "PIK3CA, AKT1 or PTEN" in soup.get_text()
    change = [a["href"] for a in soup.select(".summary-row .change a")]
    assert step_url("her2") + "?change" in change


def test_changing_one_answer_returns_to_check_answers(client):
    walk(client, HR_POS)
    client.get(step_url("spread") + "?change")
    response = post_step(client, "spread", ["brain"])
    assert client.get(response["Location"])["Location"] == CHECK
    assert "Brain" in client.get(CHECK).content.decode()
    assert rule_title("brain-spread") in option_titles(client)
    assert rule_title("bone-spread") not in option_titles(client)


def test_a_change_that_makes_a_new_question_matter_asks_it_first(client):
    walk(client, HR_POS)
    client.get(step_url("hormone_receptor") + "?change")
    response = post_step(client, "hormone_receptor", ["negative"])
    # PD-L1 now matters and was never answered, so the reader is sent to it.
    response = client.get(response["Location"])
    assert step_of(response["Location"]) == "pdl1"
    response = post_step(client, "pdl1", ["positive"])
    assert client.get(response["Location"])["Location"] == CHECK
    titles = option_titles(client)
    assert rule_title("tnbc-pdl1-immunotherapy") in titles
    assert rule_title("hr-growing-after-ai") not in titles


def test_back_from_a_question_a_change_made_necessary_keeps_the_change(client):
    walk(client, HR_POS)
    client.get(step_url("hormone_receptor") + "?change")
    response = post_step(client, "hormone_receptor", ["negative"])
    pdl1_url = client.get(response["Location"])["Location"]
    soup = BeautifulSoup(client.get(pdl1_url).content, "html.parser")
    back = soup.select_one("a.back-link")["href"]
    # Back leads to the question before it (menopause no longer matters), not to a check page
    # that still shows the answers from before the change; the change is kept.
    assert back == step_url("mutations") != CHECK
    assert client.get(back).status_code == 200
    changed = BeautifulSoup(client.get(step_url("hormone_receptor")).content, "html.parser")
    assert changed.find("input", {"value": "negative"}).has_attr("checked")


def test_on_each_questionnaire_page_links_with_the_same_words_go_to_the_same_place(client):
    asked = walk(client, HR_POS)
    pages = [step_url(step) for step in asked] + [CHECK, RESULTS]
    for url in pages:
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        seen = {}
        for link in soup.select("main a[href]"):
            words = " ".join(link.get_text(" ", strip=True).split())
            assert seen.setdefault(words, link["href"]) == link["href"], (url, words)


def test_missing_answer_gives_the_form_back_with_an_error_summary(client):
    client.get(START)
    response = post_step(client, "hormone_receptor", None)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.find(class_="error-summary")
    assert summary and summary.has_attr("autofocus")
    assert "Select an answer" in summary.get_text()
    assert summary.find("a")["href"] == "#id_hormone_receptor-hormone_receptor_0"
    assert soup.title.get_text().startswith("Error:")


@pytest.mark.parametrize(
    "step, values",
    [
        ("hormone_receptor", ["maybe"]),
        ("hormone_receptor", ["<script>alert(1)</script>"]),
        ("hormone_receptor", ["positive", "negative"]),
    ],
)
def test_tampered_values_are_refused_with_an_error_not_a_500(client, step, values):
    client.get(START)
    response = post_step(client, step, values)
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert "<script>alert(1)</script>" not in page


def test_none_cannot_be_chosen_with_a_gene_change(client):
    walk(client, HR_POS)
    client.get(step_url("mutations"))
    response = post_step(client, "mutations", ["none", "brca"])
    assert response.status_code == 200
    assert "cannot be chosen with other answers" in response.content.decode()


def test_missing_management_form_is_a_400(client):
    client.get(START)
    response = post_form(
        client, step_url("hormone_receptor"), {"hormone_receptor-hormone_receptor": "positive"}
    )
    assert response.status_code == 400


def test_unknown_step_goes_back_to_the_first_question(client):
    client.get(START)
    response = client.get(step_url("not_a_question"))
    assert response.status_code == 302
    assert step_of(response["Location"]) == "hormone_receptor"


def test_jumping_to_results_early_shows_a_clear_page(client):
    client.get(START)
    post_step(client, "hormone_receptor", ["positive"])
    response = client.get(RESULTS)
    assert response.status_code == 200
    assert "You have not answered the questions yet" in response.content.decode()
    assert "You have not answered the questions yet" in client.get(CHECK).content.decode()


def test_another_browser_never_sees_these_answers(client):
    walk(client, HR_POS)
    other = Client()
    assert "You have not answered the questions yet" in other.get(RESULTS).content.decode()


def test_clear_my_answers_forgets_them(client):
    walk(client, HR_POS)
    response = client.post(reverse("education:questionnaire-clear"), {"then": "intro"})
    assert response["Location"] == reverse("education:questionnaire")
    assert "cleared" in client.get(response["Location"]).content.decode()
    assert "You have not answered the questions yet" in client.get(RESULTS).content.decode()


def test_start_again_clears_and_opens_the_first_question(client):
    walk(client, HR_POS)
    response = client.post(reverse("education:questionnaire-clear"), {"then": "start"})
    response = client.get(response["Location"])
    assert step_of(response["Location"]) == "hormone_receptor"
    soup = BeautifulSoup(client.get(response["Location"]).content, "html.parser")
    assert not soup.select("input[checked]")


def table_counts():
    counts = {}
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            table = model._meta.db_table
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - table names from Django
            counts[table] = cursor.fetchone()[0]
    return counts


def test_no_answer_reaches_the_database_or_a_url(client):
    before = table_counts()
    response = client.get(START)
    locations = [response["Location"]]
    url = locations[0]
    while step_of(url) in STEPS:
        response = post_step(client, step_of(url), HR_POS.get(step_of(url), ["unsure"]))
        url = response["Location"]
        locations.append(url)
        if step_of(url) == "done":
            url = client.get(url)["Location"]
            locations.append(url)
    client.get(RESULTS)
    assert table_counts() == before
    for location in locations:
        assert "positive" not in location and "pik3ca" not in location
    # The answers live only in the reader's own signed session cookie.
    assert client.cookies["sessionid"].value


def test_editors_change_a_rule_and_the_results_change(client):
    walk(client, HR_POS)
    rule = Rule.objects.get(slug="bone-spread")
    rule.title = "Keeping your bones strong"
    rule.save()
    assert "Keeping your bones strong" in option_titles(client)
    rule.status = "draft"
    rule.save()
    assert "Keeping your bones strong" not in option_titles(client)


def test_question_help_links_resolve(client):
    for question in Question.objects.all():
        for href in re.findall(r"\]\((/[^)]*)\)", question.help):
            assert client.get(href).status_code == 200, (question.key, href)


def test_every_question_offers_not_sure(client):
    for question in Question.objects.prefetch_related("choices"):
        assert "unsure" in {c.value for c in question.choices.all()}, question.key
        assert question.test_to_ask, question.key


def test_answers_are_forgotten_when_the_browser_closes(client):
    walk(client, HR_POS)
    cookie = client.cookies["sessionid"]
    assert not cookie["expires"] and not cookie["max-age"]  # a browser-session cookie
    assert cookie["httponly"]


def test_a_tampered_step_name_is_a_400(client):
    client.get(START)
    response = post_form(
        client,
        step_url("hormone_receptor"),
        {f"{PREFIX}-current_step": "not-a-step", "hormone_receptor-hormone_receptor": "positive"},
    )
    assert response.status_code == 400


FIRST_TREATMENT = {**HR_POS, "mutations": ["none"], "prior_treatments": ["none"]}


def test_a_first_treatment_reader_is_not_told_to_retest_a_growing_cancer(client):
    """The skipped "is it growing?" question is not read as "not sure"."""
    asked = walk(client, FIRST_TREATMENT)
    assert "growing" not in asked
    titles = option_titles(client)
    assert rule_title("retest-when-growing") not in titles
    assert rule_title("hr-first-hormone-cdk46") in titles


def test_serious_problems_open_the_results_with_a_call_today_box(client):
    walk(client, {**FIRST_TREATMENT, "serious_symptoms": ["yes"]})
    soup = BeautifulSoup(client.get(RESULTS).content, "html.parser")
    box = soup.select_one("section.urgent-box")
    assert box is not None
    # Nothing comes between the page heading and the box.
    assert soup.find("h1").find_next_sibling() is box
    text = box.get_text(" ", strip=True)
    assert "Call your care team today" in text and "911" in text
    links = {a["href"] for a in box.find_all("a")}
    for path in (
        "/side-effects/fever/",
        "/side-effects/cough-and-shortness-of-breath/",
        "/spread/bone/",
        "/spread/brain/",
    ):
        assert path in links
    for href in links:
        assert client.get(href).status_code == 200, href
    # The box's rule is not repeated among the options below it.
    assert rule_title("serious-symptoms-call-today") not in option_titles(client)


def test_the_results_handout_opens_with_the_call_today_box(client):
    walk(client, {**FIRST_TREATMENT, "serious_symptoms": ["yes"]})
    _, text = pdf_text(client.get(reverse("education:questionnaire-handout")))
    assert 0 <= text.find("Call your care team today") < text.find("Your answers")


@pytest.mark.parametrize("answer", ["no", "unsure"])
def test_no_call_today_box_without_a_yes(client, answer):
    walk(client, {**FIRST_TREATMENT, "serious_symptoms": [answer]})
    soup = BeautifulSoup(client.get(RESULTS).content, "html.parser")
    assert soup.select_one("section.urgent-box") is None


def test_the_reviewers_sheet_gives_every_question_and_rule_in_plain_words():
    out = io.StringIO()
    call_command("questionnaire_report", stdout=out)
    sheet = out.getvalue()
    for question in Question.objects.all():
        assert question.text in sheet
    for rule in Rule.objects.prefetch_related("sources"):
        assert f"{rule.title}  [{rule.slug}," in sheet
        assert rule.reason in sheet
        for source in rule.sources.all():
            assert source.title in sheet
    # Conditions read as sentences with the answers' own words, not field names and values.
    assert 'the answer to "Is your cancer hormone receptor-positive?" is "No, it is' in sheet
    assert 'is not "None yet"' in sheet
    assert "Line: Usually a later treatment" in sheet
    assert (
        'Not offered again if the cancer grew on: "T-DXd: trastuzumab deruxtecan (Enhertu)"'
        in sheet
    )
    # Treatment paths too: whom each is for, and every step with the rule behind it.
    for path in TreatmentPath.objects.prefetch_related("steps__rule"):
        assert f"{path.title}  [{path.slug}," in sheet
        for step in path.steps.all():
            assert f"{step.label}" in sheet and f"[rule {step.rule.slug}" in sheet
    assert "When it grows: Hormone pill for an ESR1 change (if: ESR1 change found)" in sheet


def test_how_the_cancer_was_found_is_always_asked_after_the_test_results(client):
    for answers in (HR_POS, {"hormone_receptor": ["negative"], "her2": ["positive"]}, {}):
        asked = walk(client, answers)
        assert "diagnosis" in asked
        assert asked.index("diagnosis") > asked.index("mutations")
        assert asked.index("diagnosis") < asked.index("spread")


def test_earlier_treatments_are_grouped_and_named_as_people_know_them(client):
    walk(client, HR_POS)
    soup = BeautifulSoup(client.get(step_url("prior_treatments")).content, "html.parser")
    text = soup.get_text(" ", strip=True)
    for heading in ("Hormone therapy", "Targeted pills", "HER2 drugs", "Immunotherapy"):
        assert heading in [s.get_text(strip=True) for s in soup.select("fieldset strong")]
    for name in ("Enhertu", "Kadcyla", "Tukysa", "Trodelvy", "Datroway", "Orserdu", "Truqap"):
        assert name in text
    assert len(soup.select("input[name='prior_treatments-prior_treatments']")) == 18


def test_a_her2_drug_the_cancer_grew_on_is_not_offered_again(client):
    walk(
        client,
        {
            "hormone_receptor": ["negative"],
            "her2": ["positive"],
            "diagnosis": ["de_novo"],
            "prior_treatments": ["her2_therapy", "tdxd"],
            "growing": ["yes"],
            "serious_symptoms": ["no"],
        },
    )
    soup = BeautifulSoup(client.get(RESULTS).content, "html.parser")
    tried = soup.select_one("#rule-her2-growing").find_parent("article")
    assert "You have had this, and the cancer grew on it" in tried.get_text()
    assert "tucatinib" in tried.get_text()
    assert "T-DXd (Enhertu) is usually the next treatment" not in soup.get_text()
    after = soup.select_one("#rule-her2-after-tdxd").find_parent("article")
    assert "Usually a later treatment" in after.get_text()


def test_a_stable_cancer_keeps_the_plan_and_next_steps_say_if_it_grows(client):
    walk(client, {**HR_POS, "growing": ["no"]})
    soup = BeautifulSoup(client.get(RESULTS).content, "html.parser")
    assert "keep going with your care team's plan" in soup.select_one(".stable-note").get_text()
    card = soup.select_one("#rule-hr-growing-after-ai").find_parent("article")
    assert "If it grows" in card.get_text()


def show_results(client, answers):
    session = client.session
    session[SESSION_KEY] = answers
    session.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    return main_words(client)


def test_results_stay_short_across_the_engine_situations(client):
    words = [show_results(client, answers) for _, answers, *_ in SITUATIONS]
    assert median(words) <= 900, sorted(words)


@pytest.mark.parametrize("answers", [HR_POS, {}, {"hormone_receptor": ["negative"]}])
def test_the_question_counter_goes_up_by_one_and_its_total_never_changes(client, answers):
    counters = []
    client.get(START)
    url = step_url("hormone_receptor")
    while step_of(url) in STEPS:
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        counters.append(soup.select_one(".step-count").get_text(strip=True))
        step = step_of(url)
        response = post_step(client, step, list(answers.get(step, ["unsure"])))
        url = response["Location"]
        if step_of(url) == "done":
            url = client.get(url)["Location"]
    numbers = [int(re.search(r"Question (\d+)", c).group(1)) for c in counters]
    assert numbers == list(range(1, len(counters) + 1))
    assert {re.search(r"of up to (\d+)", c).group(1) for c in counters} == {str(len(STEPS))}
