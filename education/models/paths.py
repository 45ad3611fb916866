"""Treatment paths: what usually comes first, next and later for one kind of metastatic breast
cancer, drawn as steps.

A path is made of the questionnaire's own treatment rules, placed in order: a step *is* a rule
(its conditions, its line, the drugs and pages it links to), so the path page, the results
page's "You may be here" and the questionnaire read one set of medicine, on one engine
(``education.questionnaire.paths``). The path's own conditions say which readers it is for.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .base import EditorialModel, KeyPointsPage, WordsPublished
from .kinds import ContentKind
from .questionnaire import AnswerCondition, Rule


class TreatmentPath(KeyPointsPage, EditorialModel):
    """One kind of metastatic breast cancer and the steps its treatment usually takes."""

    #: The fields with a copy in each language (education/translation.py).
    translated_fields = ("title", "short_name", "summary", "key_points", "intro", "caption", "men")

    content_kind = ContentKind(
        "path",
        _("Treatment paths"),
        rank=6,
        singular=_("Treatment path"),
        purpose=_(
            "This page shows the usual order of treatments for this kind of cancer, and how to find where you may be on it."
        ),
        names=("display_name", "short_name"),
        body=("intro", "men"),
        # A path's name is a test result's ("HER2-low"): a reader who types it wants to know
        # what the result means first, and the path after.
        search_weight=0.5,
    )

    readable_fields = ("key_points", "summary", "intro", "caption", "men")

    title = models.CharField(
        max_length=120,
        help_text="The kind of cancer, in plain words, e.g. 'HR-positive, HER2-negative'.",
    )
    short_name = models.CharField(
        max_length=60,
        blank=True,
        help_text="Another name readers use for this kind of cancer, e.g. 'TNBC'. Search finds "
        "the path by it.",
    )
    summary = models.TextField(help_text="One or two plain sentences: who this path is for.")
    intro = models.TextField(
        help_text="Shown above the steps. Say that it shows what usually happens, and that "
        "care teams choose by the person. Plain words, Markdown."
    )
    caption = models.CharField(
        max_length=300,
        help_text="A line or two under the drawing: how to read it, e.g. 'The steps go in "
        "order. The words in italics say which test result opens a step.' The stages run top to "
        "bottom on screen and left to right on paper, so do not say which way.",
    )
    men = models.TextField(
        blank=True,
        help_text="Where treatment differs for men with this kind of cancer. Plain words. "
        "Leave empty if it does not.",
    )
    checked_on = models.DateField(
        help_text="The date the steps were last checked against the sources listed. Only a "
        "date a real check happened."
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Position in the list.")

    class Meta:
        ordering = ["order", "title"]

    def __str__(self):
        return self.title

    @property
    def display_name(self):
        return f"Treatment path: {self.title}"

    def get_absolute_url(self):
        return reverse("education:path-detail", args=[self.slug])


class PathConditionManager(models.Manager):
    def get_by_natural_key(self, path_slug, question_key):
        return self.get(path__slug=path_slug, question__key=question_key)


class PathCondition(AnswerCondition):
    """Which readers a path is for: it fits when all its conditions hold."""

    path = models.ForeignKey(TreatmentPath, on_delete=models.CASCADE, related_name="conditions")

    objects = PathConditionManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["path", "question"], name="one_path_condition_per_answer"
            )
        ]

    def natural_key(self):
        return (self.path.slug, self.question.key)

    natural_key.dependencies = ["education.treatmentpath", "education.question"]


class PathStepManager(models.Manager):
    def get_by_natural_key(self, path_slug, rule_slug):
        return self.get(path__slug=path_slug, rule__slug=rule_slug)


class PathStep(WordsPublished, models.Model):
    """One treatment on a path: a questionnaire rule, at a stage."""

    #: The fields with a copy in each language (education/translation.py).
    translated_fields = ("label", "branch")

    class Stage(models.TextChoices):
        # The headings of a path's drawing and list, for readers: translated.
        FIRST = "first", _("First treatment")
        NEXT = "next", _("When it grows")
        LATER = "later", _("Later")

    path = models.ForeignKey(TreatmentPath, on_delete=models.CASCADE, related_name="steps")
    rule = models.ForeignKey(
        Rule,
        on_delete=models.PROTECT,
        related_name="path_steps",
        limit_choices_to={"group": Rule.Group.TREATMENTS},
        help_text="The treatment rule this step shows: its conditions, drugs and links.",
    )
    stage = models.CharField(
        max_length=5,
        choices=Stage.choices,
        help_text="Where the step is drawn. Usually the rule's own line.",
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Position within its stage.")
    label = models.CharField(
        max_length=60,
        help_text="The few words in the step's box, e.g. 'Hormone therapy + CDK4/6 inhibitor'.",
    )
    branch = models.CharField(
        max_length=120,
        blank=True,
        help_text="The test result that opens this branch, as readers see it, e.g. 'ESR1 change "
        "found'. Empty for a step every reader on the path may reach.",
    )
    branch_test = models.ForeignKey(
        "education.CancerFeature",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="path_steps",
        help_text="The test result page the branch links to.",
    )

    objects = PathStepManager()
    # History: registered with its language copies (education/translation.py).

    class Meta:
        ordering = ["path", "order"]
        constraints = [models.UniqueConstraint(fields=["path", "rule"], name="one_step_per_rule")]

    def __str__(self):
        return f"{self.path}: {self.label}"

    def words_published_in(self, language):
        return self.path.words_published_in(language)

    def natural_key(self):
        return (self.path.slug, self.rule.slug)

    natural_key.dependencies = ["education.treatmentpath", "education.rule"]

    def clean(self):
        super().clean()
        if self.branch_test_id and not self.branch:
            raise ValidationError({"branch": "Say which result opens this branch."})
