"""Turning a reader's answers and the rules into the results they read.

Pure Python, like the engine beside it: answers, rules and questions come in as plain data and
the grouped, ordered results go out. The results page, its handout (and later the treatment
paths) only present what ``shape`` returns.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy

from .engine import FIRST, GROWING, LATER, NEXT, UNSURE, evaluate

#: The questions, in the order they are asked. Keys are fixed: links, tests and handouts use them.
STEPS = (
    "hormone_receptor",
    "her2",
    "menopause",
    "mutations",
    "pdl1",
    "diagnosis",
    "spread",
    "prior_treatments",
    "growing",
    "serious_symptoms",
)

#: The group of rules shown first, in a box, before anything else: call your care team today.
URGENT = "urgent"
#: The groups of rules that are the same for everyone, or are tests: never shrunk to a name.
TESTS, SUPPORT = "tests", "support"
#: Results that most options depend on. When the reader is not sure of them, the page leads with
#: asking for them, and every option that only may apply shrinks to its name in one short list.
KEY_RESULTS = ("hormone_receptor", "her2")
LINE_RANK = {"": 0, FIRST: 0, NEXT: 1, LATER: 2}
#: Questions for the care team that every reader's list ends with.
#: (Translated when the list is made, into the reader's language.)
ALWAYS_ASK = (
    gettext_lazy("What is the goal of my treatment?"),
    gettext_lazy("What side effects should I call you about right away?"),
)


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

    @property
    def tried(self):
        return self.match.tried

    @property
    def if_grows(self):
        return self.match.if_grows

    @property
    def sort_key(self):
        return (
            LINE_RANK.get(self.rule.line, 0),
            self.tried,
            not self.certain,
            self.rule.order,
            self.rule.slug,
        )


@dataclass(frozen=True)
class Group:
    value: str
    label: str
    options: tuple


@dataclass(frozen=True)
class Results:
    #: The "call your care team today" options, shown first; empty when there are none.
    urgent: tuple
    #: What to ask for first when the reader is not sure of the results most options hang on.
    first_ask: tuple
    #: Treatments that hang on those results: shown as a short list of names, not as cards.
    depends: tuple
    #: The cancer is stable: keep going with the care team's plan; later options are "if it grows".
    stable: bool
    #: The other groups, in the order the rules' groups are declared, empty groups left out.
    groups: tuple
    #: Questions for the care team: the tests to ask for, then the rules' own questions.
    care_team_questions: tuple

    @property
    def questions_to_ask(self):
        """The list the reader sees and may save: theirs, then those every list ends with."""
        return [*self.care_team_questions, *(str(question) for question in ALWAYS_ASK)]

    def pages_of(self, kind):
        """Addresses of the pages of one kind (a content kind's key, such as a drug's) that the
        options link to, each once, in the order the page shows them. An option the cancer has
        already grown on is left out: it is not offered again."""
        options = [*self.depends, *(option for group in self.groups for option in group.options)]
        return tuple(
            dict.fromkeys(
                link.url
                for option in options
                if not option.tried
                for link in option.rule.links
                if link.kind == kind
            )
        )


def shape(answers, rules, tests_to_ask, group_labels):
    """Results for these answers.

    ``rules`` are engine ``RuleSpec`` objects; ``tests_to_ask`` maps a question key to what to
    ask the care team when the reader is not sure of it; ``group_labels`` is the (value, label)
    list of rule groups in display order.
    """
    answers = completed(answers)
    options = [
        Option(
            match=match,
            tests=tuple(tests_to_ask[k] for k in match.unknown_questions if tests_to_ask.get(k)),
        )
        for match in evaluate(answers, rules)
    ]
    unsure_of = [key for key in KEY_RESULTS if UNSURE in answers[key]]
    depends = tuple(
        o
        for o in options
        if unsure_of and not o.certain and o.rule.group not in (URGENT, TESTS, SUPPORT)
    )
    # A test card that only asks for a result already asked for first would say it twice.
    repeats = {
        o
        for o in options
        if o.rule.group == TESTS
        and o.rule.conditions
        and {c.question for c in o.rule.conditions} <= set(unsure_of)
    }
    shown = [o for o in options if o not in depends and o not in repeats and o.rule.group != URGENT]
    groups = tuple(
        Group(
            value,
            label,
            tuple(sorted((o for o in shown if o.rule.group == value), key=lambda o: o.sort_key)),
        )
        for value, label in group_labels
        if value != URGENT
    )
    first_ask = tuple(tests_to_ask[key] for key in unsure_of if tests_to_ask.get(key))
    tests = [test for option in shown for test in option.tests if test not in first_ask]
    asked = [option.rule.question_to_ask for option in shown if option.rule.question_to_ask]
    return Results(
        # Only a reader who said yes gets the box; "not sure" is not a reason to alarm anyone.
        urgent=tuple(o for o in options if o.rule.group == URGENT and o.certain),
        first_ask=first_ask,
        depends=depends,
        stable=answers[GROWING] == ["no"],
        groups=tuple(group for group in groups if group.options),
        care_team_questions=tuple(dict.fromkeys([*first_ask, *tests, *asked])),
    )
