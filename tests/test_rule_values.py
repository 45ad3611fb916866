"""Rule and condition values are checked: only answers the question offers, ticked in the admin."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from education.models import (
    AnswerChoice,
    Question,
    QuestionCondition,
    Revision,
    Rule,
    RuleCondition,
)

from admin_forms import change_url, edit, form_data

pytestmark = pytest.mark.django_db

HER2_QUESTION = "What is your cancer’s HER2 result?"


def her2_condition():
    return RuleCondition.objects.filter(question__key="her2", negate=False).select_related("rule")[
        0
    ]


def row_prefix(data, condition):
    """The inline form prefix ("conditions-2") of this condition's row in the posted form."""
    return next(
        name.removesuffix("-id")
        for name, value in data.items()
        if name.endswith("-id") and value == str(condition.pk)
    )


def test_a_condition_refuses_a_value_its_question_does_not_offer():
    condition = her2_condition()
    condition.values = "low, ultralow"
    with pytest.raises(ValidationError) as refused:
        condition.full_clean()
    message = refused.value.message_dict["values"][0]
    assert message.startswith(
        f"'ultralow' is not an answer to '{HER2_QUESTION}'. Its answers are: "
    )
    for value in ["positive", "low", "negative", "unsure"]:
        assert value in message
    condition.values = "low, negative"
    condition.full_clean()  # every value offered: fine


def test_ask_conditions_and_not_after_are_checked_too():
    ask = QuestionCondition.objects.select_related("question")[0]
    ask.values = f"{ask.value_list[0]}, nonsense"
    with pytest.raises(ValidationError, match="'nonsense' is not an answer to"):
        ask.full_clean()
    rule = Rule.objects.exclude(not_after="")[0]
    rule.not_after = "tdxd, radiotherapy"
    with pytest.raises(ValidationError) as refused:
        rule.full_clean()
    assert refused.value.message_dict["not_after"] == [
        "'radiotherapy' is not an answer to 'Which treatments have you had since the cancer "
        "spread?'. Its answers are: "
        + ", ".join(
            Question.objects.get(key="prior_treatments").choices.values_list("value", flat=True)
        )
        + "."
    ]


def test_every_rule_and_condition_in_the_content_files_uses_offered_answers():
    """Content bug guard: the loaded fixtures pass the same checks the admin makes."""
    for model in (RuleCondition, QuestionCondition, Rule):
        for row in model.objects.all():
            row.clean()


def test_a_posted_value_the_question_does_not_offer_is_refused_and_nothing_is_saved(reviewer):
    condition = her2_condition()
    rule = condition.rule
    before = (condition.values, rule.edit_version, rule.history.count())
    data = form_data(reviewer.get(change_url(rule)).content.decode())
    data[f"{row_prefix(data, condition)}-values"] = ["her2:low", "her2:ultralow"]
    response = reviewer.post(change_url(rule), data)

    assert response.status_code == 200  # the form again, with the error
    text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    assert f"'ultralow' is not an answer to '{HER2_QUESTION}'. Its answers are:" in text
    condition.refresh_from_db()
    rule.refresh_from_db()
    assert (condition.values, rule.edit_version, rule.history.count()) == before
    assert not Revision.objects.exists()


def test_typed_values_are_checked_the_same_way(reviewer):
    """A pasted "low, ultralow" (not a ticked box) gets the same message."""
    condition = her2_condition()
    data = form_data(reviewer.get(change_url(condition.rule)).content.decode())
    data[f"{row_prefix(data, condition)}-values"] = "low, ultralow"
    response = reviewer.post(change_url(condition.rule), data)
    assert response.status_code == 200
    assert "&#x27;ultralow&#x27; is not an answer to" in response.content.decode()


def test_answers_of_another_question_are_refused(reviewer):
    condition = her2_condition()
    data = form_data(reviewer.get(change_url(condition.rule)).content.decode())
    data[f"{row_prefix(data, condition)}-values"] = ["her2:low", "pdl1:positive"]
    response = reviewer.post(change_url(condition.rule), data)
    assert response.status_code == 200
    assert "Tick only answers of" in response.content.decode()
    assert RuleCondition.objects.get(pk=condition.pk).values == condition.values


def test_the_checkboxes_show_the_questions_answers_ticked_as_stored(reviewer):
    condition = her2_condition()
    page = BeautifulSoup(reviewer.get(change_url(condition.rule)).content, "html.parser")
    data = form_data(str(page))
    name = f"{row_prefix(data, condition)}-values"
    boxes = page.find_all("input", attrs={"type": "checkbox", "name": name})
    by_value = {box["value"]: box for box in boxes}
    for choice in AnswerChoice.objects.filter(question__key="her2"):
        box = by_value[f"her2:{choice.value}"]
        label = box.find_parent("label").get_text(" ", strip=True)
        assert choice.label in label and f"({choice.value})" in label
        assert box.has_attr("checked") == (choice.value in condition.value_list)
    # Grouped under the question's own words, and the HER2 group is open: it has ticks.
    group = by_value["her2:low"].find_parent("details")
    assert group.summary.get_text(strip=True) == HER2_QUESTION and group.has_attr("open")
    assert set(data[name]) == {f"her2:{v}" for v in condition.value_list}


def test_saving_unchanged_keeps_the_stored_text_and_a_change_is_stored_as_text(reviewer):
    condition = her2_condition()
    original = condition.values
    assert edit(reviewer, condition.rule).status_code == 302
    condition.refresh_from_db()
    assert condition.values == original  # byte for byte: the content files stay the same

    data = form_data(reviewer.get(change_url(condition.rule)).content.decode())
    name = f"{row_prefix(data, condition)}-values"
    data[name] = ["her2:positive", "her2:unsure"]
    assert reviewer.post(change_url(condition.rule), data).status_code == 302
    condition.refresh_from_db()
    assert set(condition.value_list) == {"positive", "unsure"}


def test_not_after_is_ticked_from_the_earlier_treatments_grouped_as_readers_see_them(reviewer):
    rule = Rule.objects.get(not_after="tucatinib, tdm1")
    page = BeautifulSoup(reviewer.get(change_url(rule)).content, "html.parser")
    ticked = {
        box["value"] for box in page.find_all("input", attrs={"name": "not_after"}, checked=True)
    }
    assert ticked == {"tucatinib", "tdm1"}
    her2_drugs = next(
        d for d in page.select("#id_not_after details") if d.summary.get_text() == "HER2 drugs"
    )
    assert {box["value"] for box in her2_drugs.find_all("input")} == {
        "her2_therapy",
        "tdxd",
        "tdm1",
        "tucatinib",
    }
    assert edit(reviewer, rule).status_code == 302
    rule.refresh_from_db()
    assert rule.not_after == "tucatinib, tdm1"  # unchanged text, as stored

    data = form_data(reviewer.get(change_url(rule)).content.decode())
    data["not_after"] = ["tucatinib", "radiotherapy"]
    response = reviewer.post(change_url(rule), data)
    assert response.status_code == 200
    assert "&#x27;radiotherapy&#x27; is not an answer to" in response.content.decode()


def test_ask_only_if_conditions_use_the_checkboxes_too(reviewer):
    ask = QuestionCondition.objects.select_related("asked_question", "question")[0]
    page = BeautifulSoup(reviewer.get(change_url(ask.asked_question)).content, "html.parser")
    ticked = {box["value"] for box in page.select("input[name$='-values'][checked]")}
    assert ticked == {f"{ask.question.key}:{v}" for v in ask.value_list}


def test_the_rule_form_shows_its_reading_grade_and_its_card_as_readers_see_it(reviewer):
    rule = Rule.objects.published().filter(group="treatments").exclude(conditions=None)[0]
    page = BeautifulSoup(reviewer.get(change_url(rule)).content, "html.parser")
    levels = page.select_one(".field-reading_levels").get_text(" ", strip=True)
    assert "Whole page: Reading grade" in levels and "reason: Reading grade" in levels

    previews = page.select(".field-card_preview .rule-card-preview")
    assert previews, "no card preview"
    card = previews[0].select_one("article.option")
    assert card.h3.get_text(strip=True) == rule.title
    assert rule.reason.split(".")[0] in card.get_text(" ", strip=True)
    assert "When it applies" in previews[0].get_text()
    # The reader who was not sure of a deciding answer: a "may apply" card or the short list.
    assert any("may apply" in p.get_text() for p in previews[1:])


def test_a_rule_the_cancer_grew_on_shows_what_comes_after_it(reviewer):
    rule = Rule.objects.exclude(not_after="").exclude(after_it="")[0]
    page = BeautifulSoup(reviewer.get(change_url(rule)).content, "html.parser")
    text = page.select_one(".field-card_preview").get_text(" ", strip=True)
    assert "When the cancer grew on it" in text
    assert rule.after_it.split(".")[0] in text


def test_an_editors_ticked_answers_on_a_published_rule_wait_for_review_as_text(editor):
    condition = her2_condition()
    rule = condition.rule
    assert rule.status == "published"
    data = form_data(editor.get(change_url(rule)).content.decode())
    data[f"{row_prefix(data, condition)}-values"] = ["her2:positive", "her2:low"]
    response = editor.post(change_url(rule), data)
    assert response.status_code == 302
    revision = Revision.objects.get()
    rows = revision.data["inlines"]["education.RuleCondition"]["rows"]
    proposed = next(row for row in rows if row["pk"] == condition.pk)
    assert set(proposed["fields"]["values"].replace(" ", "").split(",")) == {"positive", "low"}
    assert RuleCondition.objects.get(pk=condition.pk).values == condition.values  # still live

    # Reopened, the form shows the proposal's ticks.
    page = BeautifulSoup(editor.get(change_url(rule)).content, "html.parser")
    name = f"{row_prefix(form_data(str(page)), condition)}-values"
    ticked = {box["value"] for box in page.select(f"input[name='{name}'][checked]")}
    assert ticked == {"her2:positive", "her2:low"}


def test_a_stored_value_that_is_not_an_answer_is_shown_ticked_and_refused_not_dropped(reviewer):
    condition = her2_condition()
    RuleCondition.objects.filter(pk=condition.pk).update(values="positive, ultralow")
    page = BeautifulSoup(reviewer.get(change_url(condition.rule)).content, "html.parser")
    box = page.find("input", attrs={"value": "her2:ultralow"})
    assert box.has_attr("checked")
    assert "not an answer" in box.find_parent("details").summary.get_text()
    response = edit(reviewer, condition.rule)
    assert response.status_code == 200
    assert "&#x27;ultralow&#x27; is not an answer to" in response.content.decode()
    assert RuleCondition.objects.get(pk=condition.pk).values == "positive, ultralow"
