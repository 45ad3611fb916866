"""Turning a reader's answers and the rules into the results they read.

Pure Python, like the engine beside it: answers, rules and questions come in as plain data and
the grouped, ordered results go out. The results page, its handout (and later the treatment
paths) only present what ``shape`` returns.
"""

from dataclasses import dataclass

from .engine import evaluate

#: The questions, in the order they are asked. Keys are fixed: links, tests and handouts use them.
STEPS = (
    "hormone_receptor",
    "her2",
    "menopause",
    "mutations",
    "pdl1",
    "spread",
    "prior_treatments",
    "growing",
    "serious_symptoms",
)

#: The group of rules shown first, in a box, before anything else: call your care team today.
URGENT = "urgent"


def completed(answers):
    """The answers with every question the reader was not asked marked as skipped ([]).

    A question is skipped only when earlier answers show it cannot matter, so a rule that
    needs it does not apply. Skipped is not the same as "not sure".
    """
    return {step: list(answers.get(step) or []) for step in STEPS}


@dataclass(frozen=True)
class Option:
    """One option on the results page: a rule that applies or may apply."""

    match: object
    #: What to ask the care team to find out, one per answer the reader was not sure of.
    tests: tuple = ()

    @property
    def rule(self):
        return self.match.rule

    @property
    def certain(self):
        return self.match.certain

    @property
    def reason(self):
        return self.match.reason


@dataclass(frozen=True)
class Group:
    value: str
    label: str
    options: tuple


@dataclass(frozen=True)
class Results:
    #: The "call your care team today" options, shown first; empty when there are none.
    urgent: tuple
    #: The other groups, in the order the rules' groups are declared, empty groups left out.
    groups: tuple
    #: Questions for the care team: the tests to ask for, then the rules' own questions.
    care_team_questions: tuple


def shape(answers, rules, tests_to_ask, group_labels):
    """Results for these answers.

    ``rules`` are engine ``RuleSpec`` objects; ``tests_to_ask`` maps a question key to what to
    ask the care team when the reader is not sure of it; ``group_labels`` is the (value, label)
    list of rule groups in display order.
    """
    matches = evaluate(completed(answers), rules)
    options = [
        Option(
            match=match,
            tests=tuple(tests_to_ask[k] for k in match.unknown_questions if tests_to_ask.get(k)),
        )
        for match in matches
    ]
    groups = tuple(
        Group(value, label, tuple(o for o in options if o.rule.group == value))
        for value, label in group_labels
        if value != URGENT
    )
    tests = [test for option in options for test in option.tests]
    asked = [option.rule.question_to_ask for option in options if option.rule.question_to_ask]
    return Results(
        # Only a reader who said yes gets the box; "not sure" is not a reason to alarm anyone.
        urgent=tuple(o for o in options if o.rule.group == URGENT and o.certain),
        groups=tuple(group for group in groups if group.options),
        care_team_questions=tuple(dict.fromkeys([*tests, *asked])),
    )
