"""The guided questionnaire as data: questions, their answers, and the rules.

The engine (``education.questionnaire.engine``) is code; the medicine is here, so
editors can change what a situation leads to without a code change. Question keys
and answer values are fixed: links, tests and printed handouts rely on them.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from education.text import reading_grade

from .base import (
    EditorialQuerySet,
    KeyManager,
    SlugManager,
    SpanishEdition,
    Versioned,
    WordsPublished,
)
from .drugs import split_commas


class Question(SpanishEdition, Versioned):
    """One question, asked on a page of its own."""

    #: The fields with a copy in each language (education/translation.py).
    translated_fields = ("text", "hint", "help", "test_to_ask")

    key = models.SlugField(
        max_length=40,
        unique=True,
        help_text="Fixed field name, e.g. 'her2'. Do not change: links and handouts use it.",
    )
    text = models.CharField(max_length=200, help_text="The question, as the reader sees it.")
    hint = models.TextField(blank=True, help_text="A short plain hint shown under the question.")
    help = models.TextField(
        blank=True,
        help_text="Markdown shown below the answers, e.g. a link to the page that explains "
        "the test: [What does HER2-positive mean?](/cancer-features/her2-positive/)",
    )
    multiple = models.BooleanField(
        default=False, help_text="Tick if the reader may choose more than one answer."
    )
    test_to_ask = models.CharField(
        max_length=300,
        blank=True,
        help_text="What to ask the care team when the reader is not sure of this answer.",
    )
    order = models.PositiveSmallIntegerField(help_text="Position in the questionnaire.")

    objects = KeyManager()
    # History: registered with its language copies (education/translation.py).

    class Meta:
        ordering = ["order"]

    def __str__(self):
        return self.text

    def natural_key(self):
        return (self.key,)

    def grouped_choices(self, label):
        """The answers as form choices, in order, those with a heading gathered under it where
        it first appears, so a long list (18 earlier treatments) stays easy to scan.
        ``label(choice)`` is what each answer shows."""
        choices, groups = [], {}
        for choice in self.choices.all():
            item = (choice.value, label(choice))
            if not choice.group:
                choices.append(item)
            elif choice.group in groups:
                groups[choice.group].append(item)
            else:
                groups[choice.group] = [item]
                choices.append((choice.group, groups[choice.group]))
        return choices


class AnswerChoiceManager(models.Manager):
    def get_by_natural_key(self, question_key, value):
        return self.get(question__key=question_key, value=value)


class AnswerChoice(WordsPublished, models.Model):
    """One answer a reader can choose."""

    #: The fields with a copy in each language (education/translation.py).
    translated_fields = ("label", "hint")

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    value = models.SlugField(
        max_length=40, help_text="Fixed value, e.g. 'positive'. Do not change once in use."
    )
    label = models.CharField(max_length=200, help_text="The answer as the reader sees it.")
    hint = models.CharField(max_length=300, blank=True, help_text="A short hint under the answer.")
    group = models.CharField(
        max_length=60,
        blank=True,
        help_text="For long lists: the heading this answer is shown under, e.g. 'Hormone therapy'. "
        "Answers with the same heading are shown together, where the first of them comes.",
    )
    exclusive = models.BooleanField(
        default=False,
        help_text="For several-answer questions: this answer cannot be chosen with others "
        "(e.g. 'None' or 'I'm not sure').",
    )
    order = models.PositiveSmallIntegerField(default=0)

    objects = AnswerChoiceManager()
    # History: registered with its language copies (education/translation.py).

    class Meta:
        ordering = ["question", "order"]
        constraints = [
            models.UniqueConstraint(fields=["question", "value"], name="unique_answer_value")
        ]

    def __str__(self):
        return f"{self.question.key}: {self.label}"

    def words_published_in(self, language):
        return self.question.words_published_in(language)

    def natural_key(self):
        return (self.question.key, self.value)

    natural_key.dependencies = ["education.question"]


class AnswerCondition(models.Model):
    """A test on one answer: does the reader's answer include any of these values?"""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    values = models.CharField(
        max_length=200,
        help_text="Answer values, separated by commas, e.g. 'negative, low'. The condition "
        "holds if the reader chose any of them.",
    )
    negate = models.BooleanField(
        default=False,
        help_text="Tick to turn it round: the condition holds if the reader chose none of them.",
    )

    class Meta:
        abstract = True

    def __str__(self):
        word = "not in" if self.negate else "in"
        return f"{self.question.key} {word} {self.values}"

    @property
    def value_list(self):
        return split_commas(self.values)

    def clean(self):
        super().clean()
        if self.question_id is not None:
            errors = unknown_answers(self.question, self.value_list)
            if errors:
                raise ValidationError({"values": errors})


def unknown_answers(question, values):
    """Error messages for each of ``values`` that ``question`` does not offer as an answer."""
    offered = [choice.value for choice in question.choices.all()]
    return [
        ValidationError(
            "'%(value)s' is not an answer to '%(question)s'. Its answers are: %(answers)s.",
            code="unknown_answer",
            params={"value": value, "question": question.text, "answers": ", ".join(offered)},
        )
        for value in dict.fromkeys(values)
        if value not in offered
    ]


class QuestionConditionManager(models.Manager):
    def get_by_natural_key(self, asked_question_key, question_key):
        return self.get(asked_question__key=asked_question_key, question__key=question_key)


class QuestionCondition(AnswerCondition):
    """When to ask a question: it is skipped when an earlier answer shows it cannot matter."""

    asked_question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="ask_conditions"
    )

    objects = QuestionConditionManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["asked_question", "question"], name="one_ask_condition_per_answer"
            )
        ]

    def __str__(self):
        return f"Ask '{self.asked_question.key}' if {self.question.key} in {self.values}"

    def natural_key(self):
        return (self.asked_question.key, self.question.key)

    natural_key.dependencies = ["education.question"]


#: The question whose answers a rule's "not after" names: the treatments the reader has had.
PRIOR_TREATMENTS = "prior_treatments"
#: The pages a rule links to, in the order its links are listed (drugs first). Its history
#: keeps each of these, and the questionnaire and the rule admin read them from here.
RULE_LINKED_FIELDS = (
    "drugs",
    "treatment_types",
    "features",
    "spread_sites",
    "side_effects",
    "articles",
)


class Rule(SpanishEdition, Versioned):
    """A situation (conditions on answers) and the option it leads to."""

    #: The fields with a copy in each language (education/translation.py).
    translated_fields = ("title", "reason", "may_apply_reason", "question_to_ask", "after_it")

    class Group(models.TextChoices):
        # Shown first, in a box, before any option: for readers with serious problems now.
        # Headings on the reader's results page: translated (the admin shows them in English).
        URGENT = "urgent", _("Call your care team today")
        TREATMENTS = "treatments", _("Treatments to ask about")
        TESTS = "tests", _("Tests to ask about")
        SYMPTOMS = "symptoms", _("Help with symptoms and spread")
        SUPPORT = "support", _("Support for you")

    slug = models.SlugField(max_length=80, unique=True)
    status = models.CharField(
        max_length=10,
        choices=[("draft", "Draft"), ("review", "In review"), ("published", "Published")],
        default="draft",
        help_text="Only published rules are used.",
    )
    title = models.CharField(max_length=200, help_text="The option, e.g. 'Trastuzumab with chemo'.")
    group = models.CharField(max_length=12, choices=Group.choices)
    reason = models.TextField(
        help_text="Shown when the rule applies. Start with 'Because...', e.g. 'Because your "
        "cancer is HER2-positive, ...'. Plain words."
    )
    may_apply_reason = models.TextField(
        blank=True,
        help_text="Shown when it may apply but the reader was not sure of an answer. Start "
        "with 'If...'. Leave empty to reuse the reason.",
    )
    question_to_ask = models.CharField(
        max_length=300, blank=True, help_text="A question the reader can take to the care team."
    )
    drugs = models.ManyToManyField("education.Drug", blank=True, related_name="rules")
    treatment_types = models.ManyToManyField(
        "education.TreatmentType", blank=True, related_name="rules"
    )
    articles = models.ManyToManyField("education.Article", blank=True, related_name="rules")
    features = models.ManyToManyField("education.CancerFeature", blank=True, related_name="rules")
    spread_sites = models.ManyToManyField("education.SpreadSite", blank=True, related_name="rules")
    side_effects = models.ManyToManyField(
        "education.SideEffect",
        blank=True,
        related_name="rules",
        help_text="Side-effect pages that explain a warning sign the option names.",
    )
    sources = models.ManyToManyField("education.Source", blank=True, related_name="rules")

    class Line(models.TextChoices):
        # How an option's card on the results page says its line: translated.
        ANY = "", "Not a step in treatment"
        FIRST = "first", _("Usually a first treatment")
        NEXT = "next", _("Usually a next treatment")
        LATER = "later", _("Usually a later treatment")

    line = models.CharField(
        max_length=5,
        choices=Line.choices,
        blank=True,
        help_text="Where this treatment usually comes for this kind of cancer. Cards are ordered "
        "by it. A next or later treatment is offered only once the cancer grows; while it is "
        "stable, it shows as 'If it grows'.",
    )
    not_after = models.CharField(
        max_length=200,
        blank=True,
        help_text="Answer values of 'Which treatments have you had…' (e.g. 'tdxd, tdm1'). If the "
        "cancer grew on any of them, this option is not offered again: the card says what "
        "usually comes after it instead.",
    )
    after_it = models.TextField(
        blank=True,
        help_text="Shown instead of the reason when the cancer grew on this treatment: what "
        "usually comes after it. Plain words.",
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Position within its group.")
    last_reviewed_on = models.DateField(
        null=True,
        blank=True,
        help_text="The date a medical reviewer last reviewed the whole rule. Empty until then.",
    )
    reviewed_by = models.CharField(
        max_length=150,
        blank=True,
        help_text="The medical reviewer who last reviewed the whole rule. Empty until then.",
    )

    objects = SlugManager.from_queryset(EditorialQuerySet)()
    # History: registered with its language copies (education/translation.py).
    _history_m2m_fields = [*RULE_LINKED_FIELDS, "sources"]

    class Meta:
        ordering = ["group", "order", "slug"]

    def __str__(self):
        return self.title

    def natural_key(self):
        return (self.slug,)

    #: What the reader sees for this rule, measured for reading level (as content pages are).
    readable_fields = ("reason", "may_apply_reason", "after_it")

    def reading_grade(self):
        """Flesch-Kincaid grade of what the reader sees for this rule."""
        return reading_grade(self.reason, self.may_apply_reason, self.after_it)

    @property
    def not_after_list(self):
        return split_commas(self.not_after)

    def clean(self):
        super().clean()
        values = self.not_after_list
        if values:
            question = Question.objects.filter(key=PRIOR_TREATMENTS).first()
            errors = unknown_answers(question, values) if question else []
            if errors:
                raise ValidationError({"not_after": errors})


class RuleConditionManager(models.Manager):
    def get_by_natural_key(self, rule_slug, question_key):
        return self.get(rule__slug=rule_slug, question__key=question_key)


class RuleCondition(AnswerCondition):
    """One condition of a rule. A rule applies when all of its conditions hold."""

    rule = models.ForeignKey(Rule, on_delete=models.CASCADE, related_name="conditions")

    objects = RuleConditionManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["rule", "question"], name="one_condition_per_answer")
        ]

    def natural_key(self):
        return (self.rule.slug, self.question.key)

    natural_key.dependencies = ["education.rule", "education.question"]
