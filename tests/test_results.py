"""Shaping the results: a pure function from answers and rules to what the reader sees."""

from education.questionnaire.engine import Condition, RuleSpec
from education.questionnaire.results import STEPS, URGENT, completed, shape

GROUPS = [(URGENT, "Call today"), ("treatments", "Treatments"), ("tests", "Tests")]


def rule(slug, group="treatments", question="", *values, **extra):
    conditions = (Condition(question, frozenset(values)),) if question else ()
    return RuleSpec(slug, slug.title(), group, f"Because {slug}.", conditions=conditions, **extra)


def test_completed_marks_every_question_not_asked_as_skipped():
    answers = completed({"her2": ["positive"]})
    assert set(answers) == set(STEPS)
    assert answers["her2"] == ["positive"] and answers["growing"] == []


def test_groups_keep_their_declared_order_and_empty_ones_are_left_out():
    rules = [rule("b", "tests"), rule("a", "treatments")]
    results = shape({}, rules, {}, GROUPS)
    assert [g.value for g in results.groups] == ["treatments", "tests"]
    assert results.urgent == ()


def test_an_option_carries_the_tests_to_ask_for_what_the_reader_was_unsure_of():
    rules = [rule("io", "treatments", "pdl1", "positive", question_to_ask="Is it for me?")]
    tests = {"pdl1": "Ask for your PD-L1 score.", "growing": ""}
    results = shape({"pdl1": ["unsure"]}, rules, tests, GROUPS)
    (option,) = results.groups[0].options
    assert not option.certain and option.tests == ("Ask for your PD-L1 score.",)
    assert results.care_team_questions == ("Ask for your PD-L1 score.", "Is it for me?")


def test_a_skipped_question_does_not_make_an_option_possible():
    rules = [rule("retest", "tests", "growing", "yes")]
    assert shape({"prior_treatments": ["none"]}, rules, {}, GROUPS).groups == ()


def test_the_urgent_group_is_separate_and_only_for_a_certain_yes():
    rules = [rule("call", URGENT, "serious_symptoms", "yes"), rule("other")]
    yes = shape({"serious_symptoms": ["yes"]}, rules, {}, GROUPS)
    assert [o.rule.slug for o in yes.urgent] == ["call"]
    assert all(o.rule.group != URGENT for g in yes.groups for o in g.options)
    assert shape({"serious_symptoms": ["unsure"]}, rules, {}, GROUPS).urgent == ()
