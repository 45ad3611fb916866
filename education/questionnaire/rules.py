"""Reading the questionnaire's questions and rules from the database for the engine."""

from django.db.models import Prefetch

from education.models import (
    Article,
    CancerFeature,
    Drug,
    Question,
    Rule,
    SpreadSite,
    TreatmentType,
)

from .engine import Condition, Link, RuleSpec


def to_condition(row):
    return Condition(question=row.question.key, values=frozenset(row.value_list), negate=row.negate)


def rule_links(rule):
    """Links to the plain explanation of everything a rule mentions, drugs first."""
    links = [Link(d.display_name, d.get_absolute_url(), "drug") for d in rule.drugs.all()]
    links += [Link(t.name, t.get_absolute_url(), "treatment") for t in rule.treatment_types.all()]
    links += [Link(f.name, f.get_absolute_url(), "feature") for f in rule.features.all()]
    links += [Link(s.name, s.get_absolute_url(), "spread") for s in rule.spread_sites.all()]
    links += [Link(a.title, a.get_absolute_url(), "article") for a in rule.articles.all()]
    return tuple(links)


def published_rules():
    """Every published rule as a RuleSpec, linking only to published pages."""
    rules = Rule.objects.published().prefetch_related(
        Prefetch("conditions__question"),
        Prefetch("drugs", queryset=Drug.objects.published()),
        Prefetch("treatment_types", queryset=TreatmentType.objects.published()),
        Prefetch("features", queryset=CancerFeature.objects.published()),
        Prefetch("spread_sites", queryset=SpreadSite.objects.published()),
        Prefetch("articles", queryset=Article.objects.published()),
    )
    return [
        RuleSpec(
            slug=rule.slug,
            title=rule.title,
            group=rule.group,
            reason=rule.reason,
            may_apply_reason=rule.may_apply_reason,
            question_to_ask=rule.question_to_ask,
            conditions=tuple(to_condition(c) for c in rule.conditions.all()),
            links=rule_links(rule),
            order=rule.order,
        )
        for rule in rules
    ]


def questions():
    """Questions in order, with their choices and ask-conditions loaded."""
    return list(
        Question.objects.prefetch_related("choices", "ask_conditions__question").order_by("order")
    )
