"""What a reader tells us about a mistake or something missing. The reader's address is not kept."""

from django.db import models
from django.utils.text import Truncator

#: The longest message a reader can send, in characters.
MAX_MESSAGE = 3000
#: The longest site path kept with a message.
MAX_PAGE = 500


class Feedback(models.Model):
    class Status(models.TextChoices):
        NEW = "new", "New"
        IN_PROGRESS = "in_progress", "In progress"
        ANSWERED = "answered", "Answered"

    page = models.CharField(
        max_length=MAX_PAGE, blank=True, help_text="The page on this site the reader came from."
    )
    message = models.TextField(max_length=MAX_MESSAGE)
    email = models.EmailField(blank=True, help_text="Only if the reader wants an answer.")
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.NEW, db_index=True
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    editor_note = models.TextField(
        blank=True, help_text="For the editorial team only: what was checked, changed or answered."
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "feedback message"
        verbose_name_plural = "feedback messages"

    def __str__(self):
        return f"{self.page or 'No page'}: {self.first_words()}"

    def first_words(self, words=12):
        return Truncator(" ".join(self.message.split())).words(words)
