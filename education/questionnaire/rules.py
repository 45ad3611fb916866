"""Reading the questionnaire's questions and rules from the database for the engine."""

from django.db.models import Prefetch

from education.models import PathStep, Question, Rule, TreatmentPath
from education.models.questionnaire import RULE_LINKED_FIELDS

from .engine import Condition, Link, RuleSpec
from .paths import STAGES, PathSpec, StepSpec
from .results import shape


def to_condition(row):
    return Condition(question=row.question.key, values=frozenset(row.value_list), negate=row.negate)


#: The kinds of page a rule links to, in the order its links are listed: the rule's field and
#: the page model (whose ``content_kind`` says what one is called and how it is titled).
LINKED_PAGES = tuple(
    (field, Rule._meta.get_field(field).related_model) for field in RULE_LINKED_FIELDS
)


def rule_links(rule):
    """Links to the plain explanation of everything a rule mentions, drugs first. Each title
    says what kind of page it is, so a "Clinical trials" topic and a "Clinical trials"
    treatment page never read the same."""
    return tuple(
        Link(
            f"{model.content_kind.singular}: {model.content_kind.title(page)}",
            page.get_absolute_url(),
            model.content_kind.key,
        )
        for field, model in LINKED_PAGES
        for page in getattr(rule, field).all()
    )


def published_rules():
    """Every published rule as a RuleSpec, linking only to published pages."""
    rules = Rule.objects.published().prefetch_related(
        Prefetch("conditions__question"),
        *(Prefetch(field, queryset=model.objects.published()) for field, model in LINKED_PAGES),
    )
    return [rule_spec(rule) for rule in rules]


def rule_spec(rule, links=None):
    """One rule as the engine reads it; ``links`` default to the rule's own (see ``rule_links``)."""
    return RuleSpec(
        slug=rule.slug,
        title=rule.title,
        group=rule.group,
        reason=rule.reason,
        may_apply_reason=rule.may_apply_reason,
        question_to_ask=rule.question_to_ask,
        conditions=tuple(to_condition(c) for c in rule.conditions.all()),
        links=rule_links(rule) if links is None else links,
        order=rule.order,
        line=rule.line,
        line_label=rule.get_line_display() if rule.line else "",
        not_after=frozenset(rule.not_after_list),
        after_it=rule.after_it,
    )


def questions():
    """Questions in order, with their choices and ask-conditions loaded."""
    return list(
        Question.objects.prefetch_related("choices", "ask_conditions__question").order_by("order")
    )


def tests_to_ask(asked):
    """What to ask the care team for each question (by key) when the reader is not sure."""
    return {question.key: question.test_to_ask for question in asked}


def results_for(answers, published=None, asked=None):
    """The reader's results (see ``results.shape``) from the published questions and rules;
    ``published``: the published RuleSpecs, ``asked``: the questions, if already read."""
    tests = tests_to_ask(questions() if asked is None else asked)
    specs = published_rules() if published is None else published
    return shape(answers, specs, tests, Rule.Group.choices)


def published_paths(rules=None):
    """Every published treatment path as a PathSpec, with only its steps whose rule is published.

    ``rules``: the published RuleSpecs by slug, if already read (the results page has them).
    """
    if rules is None:
        rules = {rule.slug: rule for rule in published_rules()}
    paths = TreatmentPath.objects.published().prefetch_related(
        "conditions__question",
        Prefetch("steps", queryset=PathStep.objects.select_related("rule", "branch_test")),
    )
    return [path_spec(path, rules) for path in paths]


def path_spec(path, rules):
    steps = sorted(path.steps.all(), key=lambda step: (STAGES.index(step.stage), step.order))
    return PathSpec(
        slug=path.slug,
        title=path.title,
        url=path.get_absolute_url(),
        conditions=tuple(to_condition(c) for c in path.conditions.all()),
        steps=tuple(
            StepSpec(
                rule=rules[step.rule.slug],
                stage=step.stage,
                label=step.label,
                branch=step.branch,
                branch_link=branch_link(step.branch_test),
            )
            for step in steps
            if step.rule.slug in rules
        ),
    )


def branch_link(feature):
    if feature is None or not feature.is_published:
        return None
    return Link(feature.name, feature.get_absolute_url(), feature.content_kind.key)
