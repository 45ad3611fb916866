"""Reading the questionnaire's questions and rules from the database for the engine."""

from django.db.models import Prefetch

from education.models import (
    Article,
    CancerFeature,
    Drug,
    Question,
    Rule,
    SideEffect,
    SpreadSite,
    TreatmentType,
)

from .engine import Condition, Link, RuleSpec


def to_condition(row):
    return Condition(question=row.question.key, values=frozenset(row.value_list), negate=row.negate)


#: How each kind of page is named in front of its title, so two links never read the same
#: (a "Clinical trials" topic and a "Clinical trials" treatment page).
KIND_WORDS = {
    "drug": "Drug",
    "treatment": "Treatment",
    "feature": "Test result",
    "spread": "Where it spreads",
    "side-effect": "Side effect",
    "article": "Topic",
}


def link(page, name, kind):
    return Link(f"{KIND_WORDS[kind]}: {name}", page.get_absolute_url(), kind)


def rule_links(rule):
    """Links to the plain explanation of everything a rule mentions, drugs first."""
    links = [link(d, d.display_name, "drug") for d in rule.drugs.all()]
    links += [link(t, t.name, "treatment") for t in rule.treatment_types.all()]
    links += [link(f, f.name, "feature") for f in rule.features.all()]
    links += [link(s, s.name, "spread") for s in rule.spread_sites.all()]
    links += [link(s, s.name, "side-effect") for s in rule.side_effects.all()]
    links += [link(a, a.title, "article") for a in rule.articles.all()]
    return tuple(links)


def published_rules():
    """Every published rule as a RuleSpec, linking only to published pages."""
    rules = Rule.objects.published().prefetch_related(
        Prefetch("conditions__question"),
        Prefetch("drugs", queryset=Drug.objects.published()),
        Prefetch("treatment_types", queryset=TreatmentType.objects.published()),
        Prefetch("features", queryset=CancerFeature.objects.published()),
        Prefetch("spread_sites", queryset=SpreadSite.objects.published()),
        Prefetch("side_effects", queryset=SideEffect.objects.published()),
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
            line=rule.line,
            line_label=rule.get_line_display() if rule.line else "",
            not_after=frozenset(rule.not_after_list),
            after_it=rule.after_it,
        )
        for rule in rules
    ]


def questions():
    """Questions in order, with their choices and ask-conditions loaded."""
    return list(
        Question.objects.prefetch_related("choices", "ask_conditions__question").order_by("order")
    )
