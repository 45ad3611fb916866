"""The questionnaire's rules in the admin: answers offered as checkboxes, and the rule's card.

A condition (``RuleCondition``, ``QuestionCondition``) and a rule's "not after" store answer
values as comma-separated text. Editors tick them instead: every question's answers, grouped
under the question, each checkbox named ``<question key>:<value>`` because several questions
share values ("unsure", "yes", "positive"). The form checks the ticked answers belong to the
chosen question and stores the plain values back as text; the model's ``clean()`` then refuses
any value its question does not offer (a crafted or pasted value too).

The rule's change form also shows the reading grade of its texts and its card as readers see
it on the results page, built by the questionnaire's own engine and results code.
"""

import re
from dataclasses import dataclass

from django import forms
from django.contrib import admin
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe

from .admin_grades import reading_levels_html
from .admin_workflow import ProposedInlineFormSet, ReviewedForm
from .models import Question, Rule, Status
from .models.drugs import split_commas
from .models.questionnaire import PRIOR_TREATMENTS
from .questionnaire.engine import GROWING, LATER, NEXT, UNSURE
from .questionnaire.results import KEY_RESULTS, URGENT
from .questionnaire.rules import LINKED_PAGES, results_for, rule_links, rule_spec

#: Between a question's key and an answer value in a checkbox's value: ``her2:low``.
KEY_SEP = ":"
#: A value as posted: an answer value, or ``key:value``. Anything else is not an answer at all.
POSTED_VALUE = re.compile(r"^([a-z0-9_-]+:)?[a-z0-9_-]+$")


def answers_of(question):
    return [choice.value for choice in question.choices.all()]


def stored_text(original, values):
    """``values`` as the comma-separated text to store. Unchanged values keep ``original``'s
    text exactly (order and spacing), so a save from the form changes only what was changed."""
    before = split_commas(original or "")
    if set(values) == set(before):
        return original
    kept = [v for v in before if v in values]
    separator = "," if "," in (original or "") and ", " not in original else ", "
    return separator.join([*kept, *(v for v in dict.fromkeys(values) if v not in kept)])


class GroupedCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes in folding groups (``<details>``), open where something is ticked."""

    template_name = "admin/education/widgets/grouped_checkboxes.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["groups"] = [
            {"label": group, "options": options, "open": any(o["selected"] for o in options)}
            for group, options, _ in context["widget"]["optgroups"]
        ]
        return context

    def _render(self, template_name, context, renderer=None):
        # The project's templates, so the markup lives with the admin's other templates.
        return mark_safe(render_to_string(template_name, context))


class AnswerValuesField(forms.MultipleChoiceField):
    """Ticked answers, as a list of posted values (``key:value`` or plain values).

    Any well-formed value passes here, so that a value the question does not offer gets the
    model's own message, which names the question and its answers.
    """

    widget = GroupedCheckboxes

    def to_python(self, value):
        items = super().to_python(value)
        return [part for item in items for part in split_commas(item)]

    def valid_value(self, value):
        return bool(POSTED_VALUE.match(value))


def offer_stored(field, stored):
    """Add any stored value the checkboxes do not offer, ticked, so it is seen (and refused
    on saving) rather than dropped without a word."""
    offered = {
        value
        for entry, label in field.choices
        for value in ([v for v, _ in label] if isinstance(label, list | tuple) else [entry])
    }
    unknown = [value for value in stored if value not in offered]
    if unknown:
        field.choices = [
            *field.choices,
            ("Stored, but not an answer: untick", [(value, value) for value in unknown]),
        ]


def split_posted(item):
    """``("her2", "low")`` from ``"her2:low"``; ``("", "low")`` from ``"low"``."""
    key, _, value = item.rpartition(KEY_SEP)
    return key, value


class AnswerConditionForm(forms.ModelForm):
    """A condition row: its question, and that question's answers as checkboxes."""

    values = AnswerValuesField(
        label="Answers",
        help_text="Tick the answers of the chosen question. The condition holds if the "
        "reader chose any of them (with 'negate', if they chose none of them).",
    )

    def __init__(self, *args, questions=None, **kwargs):
        super().__init__(*args, **kwargs)
        if questions is None:
            questions = list(Question.objects.prefetch_related("choices"))
        self.fields["values"].choices = [
            (
                question.text,
                [
                    (f"{question.key}{KEY_SEP}{choice.value}", f"{choice.label} ({choice.value})")
                    for choice in question.choices.all()
                ],
            )
            for question in questions
        ]
        initial = self.initial.get("values")
        if isinstance(initial, str):
            keys = {question.pk: question.key for question in questions}
            key = keys.get(self.initial.get("question", self.initial.get("question_id")))
            self.initial["values"] = [
                f"{key}{KEY_SEP}{value}" if key else value for value in split_commas(initial)
            ]
            offer_stored(self.fields["values"], self.initial["values"])

    def clean(self):
        cleaned = super().clean()
        question, ticked = cleaned.get("question"), cleaned.get("values")
        if ticked is None:
            return cleaned
        pairs = [split_posted(item) for item in ticked]
        if question is not None:
            others = [value for key, value in pairs if key and key != question.key]
            if others:
                self.add_error(
                    "values",
                    forms.ValidationError(
                        "Tick only answers of '%(question)s'. These are answers to another "
                        "question: %(others)s.",
                        code="other_question",
                        params={"question": question.text, "others": ", ".join(others)},
                    ),
                )
                return cleaned
        original = self.instance.values if self.instance.pk else ""
        cleaned["values"] = stored_text(original, [value for _, value in pairs])
        return cleaned


class ConditionFormSet(ProposedInlineFormSet):
    """Condition rows, reading the questions and their answers once for all rows."""

    @cached_property
    def questions(self):
        return list(Question.objects.prefetch_related("choices").order_by("order"))

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "questions": self.questions}


class RuleForm(ReviewedForm):
    """A rule, with "not after" as checkboxes of the earlier-treatments answers."""

    not_after = AnswerValuesField(
        required=False,
        label="Not after",
        help_text=Rule._meta.get_field("not_after").help_text.replace(
            "Answer values of", "Answers to"
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        question = Question.objects.filter(key=PRIOR_TREATMENTS).prefetch_related("choices").first()
        self.fields["not_after"].choices = (
            question.grouped_choices(lambda c: f"{c.label} ({c.value})") if question else []
        )
        initial = self.initial.get("not_after")
        if isinstance(initial, str):
            self.initial["not_after"] = split_commas(initial)
            offer_stored(self.fields["not_after"], self.initial["not_after"])

    def clean_not_after(self):
        values = [split_posted(item)[1] for item in self.cleaned_data["not_after"]]
        return stored_text(self.instance.not_after if self.instance.pk else "", values)


@dataclass(frozen=True)
class CardVariant:
    caption: str
    results: object


def example_answers(rule, questions):
    """Answers that make every condition of ``rule`` hold, or None when none can."""
    answers = {}
    for condition in rule.conditions.all():
        question = questions.get(condition.question.key)
        offered = [v for v in answers_of(question) if v != UNSURE] if question else []
        values = condition.value_list
        if condition.negate:
            pick = [v for v in offered if v not in values]
        else:
            pick = [v for v in values if v != UNSURE] or values
        if not pick:
            return None
        answers[condition.question.key] = pick[:1]
    if rule.line in (NEXT, LATER):
        answers.setdefault(GROWING, ["yes"])
    return answers


class CardPreview:
    """What readers see of one rule on the results page, for a few example readers.

    The answers are built from the rule's own conditions, then the results page's own code
    (``shape``) decides where and how the rule shows; nothing here decides it again.
    """

    def __init__(self, rule):
        self.rule = rule
        self.questions = {q.key: q for q in Question.objects.prefetch_related("choices")}
        live = (
            Rule.objects.filter(pk=rule.pk)
            .prefetch_related(
                *(
                    Prefetch(field, queryset=model.objects.published())
                    for field, model in LINKED_PAGES
                )
            )
            .first()
        )
        # Links as readers get them: to published pages only.
        self.spec = rule_spec(rule, links=rule_links(live) if live else ())

    def question_text(self, key):
        question = self.questions.get(key)
        return question.text if question else key

    def label(self, key, value):
        question = self.questions.get(key)
        labels = {c.value: c.label for c in question.choices.all()} if question else {}
        return labels.get(value, value)

    def said(self, answers):
        return "; ".join(
            f"{self.question_text(key)} {', '.join(self.label(key, v) for v in values)}"
            for key, values in answers.items()
        )

    def results(self, answers):
        """The results for these answers, or None when the rule does not show in them."""
        results = results_for(answers, [self.spec], self.questions.values())
        shown = [*results.urgent, *results.depends, *(o for g in results.groups for o in g.options)]
        return results if shown else None

    def variants(self):
        """When it applies; when the reader was not sure of an answer that decides it; when
        the cancer grew on it already. Empty when its conditions can never all hold."""
        answers = example_answers(self.rule, self.questions)
        if answers is None:
            return []
        wanted = [
            (f"When it applies, e.g. for a reader who answered: {self.said(answers)}", answers)
        ]
        if not answers:
            wanted = [("It shows for every reader.", answers)]
        decisive = sorted(
            (c.question.key for c in self.rule.conditions.all()),
            key=lambda key: key not in KEY_RESULTS,  # what readers are most often unsure of
        )
        if decisive and self.rule.group != URGENT:
            key = decisive[0]
            wanted.append(
                (
                    f"When it may apply: the reader was not sure of '{self.question_text(key)}'",
                    {**answers, key: [UNSURE]},
                )
            )
        if self.spec.not_after and self.rule.after_it:
            grew_on = sorted(self.spec.not_after)[0]
            wanted.append(
                (
                    f"When the cancer grew on it: {self.label(PRIOR_TREATMENTS, grew_on)}",
                    {
                        **answers,
                        PRIOR_TREATMENTS: [*answers.get(PRIOR_TREATMENTS, []), grew_on],
                        GROWING: ["yes"],
                    },
                )
            )
        variants = [(caption, self.results(answers)) for caption, answers in wanted]
        return [CardVariant(caption, results) for caption, results in variants if results]


class RuleAdminMixin:
    """The rule's form: "not after" as checkboxes, its reading grade and its card."""

    form = RuleForm
    extra_readonly_fields = ("reading_levels", "card_preview")

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        return [*readonly, *(f for f in self.extra_readonly_fields if f not in readonly)]

    @admin.display(description="Reading level of each text")
    def reading_levels(self, obj):
        return reading_levels_html(obj)

    @admin.display(description="As readers see it on the results page")
    def card_preview(self, obj):
        if not obj or not obj.pk:
            return "Save to see the rule's card."
        return render_to_string(
            "admin/education/rule_card_preview.html",
            {
                "variants": CardPreview(obj).variants(),
                "published": obj.status == Status.PUBLISHED,
                "rule": obj,
            },
        )
