"""The questionnaire's rules engine: answers and rules in, matches with reasons out.

Pure Python: it knows nothing of Django, HTTP or the database. Rules arrive as plain
``RuleSpec`` objects (built from the database by ``education.questionnaire.rules``).

Each condition asks whether a reader's answer to one question includes any of some
values. It can be true, false, or unknown: unknown when the reader was not sure, or has not
answered yet. A question skipped because it cannot matter (an empty answer) is not unknown.
A rule *applies* when all its conditions are true, *may apply* when none is false but some
are unknown, and is left out when any is false.
"""

from dataclasses import dataclass, field
from enum import Enum

UNSURE = "unsure"
#: The answers the engine reads to know where a reader is in treatment.
GROWING, PRIOR = "growing", "prior_treatments"
#: A rule's line: a next or later treatment waits until the cancer grows.
FIRST, NEXT, LATER = "first", "next", "later"


class Truth(Enum):
    TRUE = "true"
    FALSE = "false"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Condition:
    question: str
    values: frozenset
    negate: bool = False


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    kind: str


@dataclass(frozen=True)
class RuleSpec:
    slug: str
    title: str
    group: str
    reason: str
    may_apply_reason: str = ""
    question_to_ask: str = ""
    conditions: tuple = ()
    links: tuple = ()
    order: int = 0
    line: str = ""
    #: How the line reads on a card, e.g. "Usually a first treatment".
    line_label: str = ""
    #: Earlier treatments (prior_treatments values) that, if the cancer grew on them, mean this
    #: option is not offered again; ``after_it`` then says what usually comes after.
    not_after: frozenset = frozenset()
    after_it: str = ""


@dataclass(frozen=True)
class Match:
    rule: RuleSpec
    certain: bool
    #: Questions whose answers the reader was not sure of, and that decide this rule.
    unknown_questions: tuple = field(default=())
    #: The cancer grew on this treatment already: it is not offered again.
    tried: bool = False
    #: A next or later treatment while the cancer is stable: for if it grows.
    if_grows: bool = False

    @property
    def reason(self):
        if self.tried:
            return self.rule.after_it or self.rule.reason
        if self.certain:
            return self.rule.reason
        return self.rule.may_apply_reason or self.rule.reason


def check(condition, answers):
    """Whether one condition holds for these answers: TRUE, FALSE or UNKNOWN.

    A missing answer is unknown (not answered yet). An empty one means the question was
    skipped because earlier answers showed it cannot matter: none of its values was chosen.
    """
    answer = answers.get(condition.question)
    if answer is not None and not answer:
        return Truth.TRUE if condition.negate else Truth.FALSE
    given = set(answer or ())
    known = given - {UNSURE}
    if condition.negate:
        if known & condition.values:
            return Truth.FALSE
        return Truth.UNKNOWN if UNSURE in given or not given else Truth.TRUE
    if given & condition.values:
        return Truth.TRUE
    return Truth.UNKNOWN if UNSURE in given or not given else Truth.FALSE


def check_all(conditions, answers):
    """FALSE if any condition fails; else TRUE, or UNKNOWN with the questions left unknown
    (each once, in order)."""
    unknown = []
    for condition in conditions:
        truth = check(condition, answers)
        if truth is Truth.FALSE:
            return Truth.FALSE, ()
        if truth is Truth.UNKNOWN and condition.question not in unknown:
            unknown.append(condition.question)
    return (Truth.UNKNOWN if unknown else Truth.TRUE), tuple(unknown)


def evaluate_rule(rule, answers):
    """A Match if the rule applies or may apply, else None.

    A next or later treatment also needs the cancer to be growing: while it is stable the match
    is marked ``if_grows``; before any treatment (the growing question skipped) there is no next
    yet. A rule whose treatment the cancer already grew on is marked ``tried``.
    """
    truth, unknown = check_all(rule.conditions, answers)
    if truth is Truth.FALSE:
        return None
    unknown = list(unknown)
    growing = answers.get(GROWING)
    if_grows = False
    if rule.line in (NEXT, LATER):
        if growing is not None and not growing:
            return None
        if growing is None or UNSURE in growing:
            if GROWING not in unknown:
                unknown.append(GROWING)
        elif "yes" not in growing:
            if_grows = True
    grew_on = set(answers.get(PRIOR) or ()) & rule.not_after
    tried = bool(grew_on) and "yes" in (growing or ())
    return Match(
        rule=rule,
        certain=not unknown,
        unknown_questions=tuple(unknown),
        tried=tried,
        if_grows=if_grows,
    )


def evaluate(answers, rules):
    """Every rule that applies or may apply, certain ones first, then in rule order."""
    matches = [m for m in (evaluate_rule(rule, answers) for rule in rules) if m]
    return sorted(matches, key=lambda m: (not m.certain, m.rule.order, m.rule.slug))


def should_ask(conditions, answers):
    """A question is asked unless an earlier answer shows it cannot matter."""
    return all(check(condition, answers) is not Truth.FALSE for condition in conditions)
