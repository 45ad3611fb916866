from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models


class RevisionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(state=Revision.State.PENDING)

    def for_object(self, obj):
        # Joined by name, not looked up: a page always makes the same number of queries.
        return self.filter(
            content_type__app_label=obj._meta.app_label,
            content_type__model=obj._meta.model_name,
            object_id=obj.pk,
        )

    def change_notes(self):
        """Approved changes with a public note, newest first: what readers see."""
        return (
            self.filter(state=Revision.State.APPROVED)
            .exclude(public_note="")
            .order_by("-reviewed_at", "-pk")
        )


class Revision(models.Model):
    """A change an editor proposes to something the public already sees.

    The live row keeps its published text until a medical reviewer approves the revision;
    then ``data`` (the whole proposed row: its fields, links and inline rows) is applied.
    A revision never changes once made: saving again makes a new one and marks the older
    one replaced, so a reviewer always approves exactly the version they read.
    """

    class State(models.TextChoices):
        PENDING = "pending", "Waiting for review"
        APPROVED = "approved", "Approved"
        RETURNED = "returned", "Sent back to the editor"
        REPLACED = "replaced", "Replaced by a newer change"

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField(
        null=True, blank=True, help_text="Empty for a new row, made when it is approved."
    )
    object_repr = models.CharField(max_length=300)
    base_version = models.PositiveIntegerField(
        null=True, blank=True, help_text="The live row's edit version the change was made from."
    )
    data = models.JSONField(help_text="The whole proposed row: fields, links and inline rows.")
    state = models.CharField(
        max_length=10, choices=State.choices, default=State.PENDING, db_index=True
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    summary = models.CharField(
        max_length=300, blank=True, help_text="The editor's note for the reviewer: what and why."
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    comment = models.TextField(
        blank=True, help_text="The reviewer's comment when sending a change back."
    )
    public_note = models.CharField(
        max_length=200,
        blank=True,
        help_text="One line for readers, shown on the page with the date, e.g. 'Added the 2026 "
        "approval for ...'.",
    )

    objects = RevisionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "change for review"
        verbose_name_plural = "changes for review"
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"Change to {self.object_repr} ({self.get_state_display().lower()})"

    @property
    def model(self):
        return self.content_type.model_class()

    def live_object(self):
        if self.object_id is None:
            return None
        return self.model._base_manager.filter(pk=self.object_id).first()
