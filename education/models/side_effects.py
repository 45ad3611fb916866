from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .base import EditorialModel, KeyPointsPage
from .drugs import split_commas
from .kinds import ContentKind


class SideEffect(KeyPointsPage, EditorialModel):
    """A side effect, what helps, and when to call the care team.

    Warning signs are kept in three fields, one per urgency level, so every sign
    carries how urgent it is and the page can show the most urgent first.
    """

    #: The fields with a copy in each language (education/translation.py).
    translated_fields = (
        "name",
        "other_names",
        "summary",
        "key_points",
        "body",
        "what_helps",
        "call_now",
        "call_today",
        "mention_next_visit",
    )

    content_kind = ContentKind(
        "side_effect",
        _("Side effects"),
        rank=2,
        singular=_("Side effect"),
        purpose=_(
            "This page explains this side effect: what it is, when to call your care team about it, and what can help."
        ),
        names=("name", "other_name_list"),
        body=("body", "what_helps", "call_now", "call_today", "mention_next_visit"),
    )

    readable_fields = (
        "key_points",
        "summary",
        "body",
        "what_helps",
        "call_now",
        "call_today",
        "mention_next_visit",
    )

    name = models.CharField(max_length=120, help_text="Plain name, e.g. 'Mouth sores'.")
    other_names = models.CharField(
        max_length=300,
        blank=True,
        help_text="Medical or other names, separated by commas, e.g. 'stomatitis, mucositis'.",
    )
    summary = models.TextField(help_text="One or two plain sentences: what it is.")
    body = models.TextField(
        blank=True, help_text="More about it: why it happens, how long it lasts. Markdown."
    )
    what_helps = models.TextField(help_text="What can help, as a Markdown list.")
    call_now = models.TextField(
        blank=True,
        help_text="Call now or go to the emergency room: warning signs, as a Markdown list.",
    )
    call_today = models.TextField(
        blank=True, help_text="Call your care team today: warning signs, as a Markdown list."
    )
    mention_next_visit = models.TextField(
        blank=True, help_text="Mention at your next visit: signs, as a Markdown list."
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("education:side-effect-detail", args=[self.slug])

    @property
    def other_name_list(self):
        return split_commas(self.other_names)
