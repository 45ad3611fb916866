from django.db import models


class LoadedRow(models.Model):
    """What ``load_content`` last wrote to one row: a fingerprint of the row as it stood.

    A row whose fingerprint still matches has not been changed since it was loaded, so
    ``load_content --update`` may replace it; a row that no longer matches was edited in
    the admin and is left alone. A record whose row is gone means an editor deleted it,
    so the row is not added back.
    """

    model = models.CharField(max_length=100, help_text="app_label.model_name")
    natural_key = models.CharField(max_length=300, help_text="The row's natural key, as JSON.")
    fingerprint = models.CharField(max_length=64)
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["model", "natural_key"], name="one_record_per_row")
        ]

    def __str__(self):
        return f"{self.model} {self.natural_key}"
