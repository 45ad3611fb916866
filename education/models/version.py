from django.db import models
from django.db.models import F


class ContentVersion(models.Model):
    """One number that goes up whenever any content is saved or deleted.

    Cached public pages are stored under the current number, so an edit or an unpublish
    shows at once on every app server: they all read the number from the database.
    """

    version = models.PositiveBigIntegerField(default=1)

    class Meta:
        verbose_name = "content version"

    def __str__(self):
        return f"Content version {self.version}"

    @classmethod
    def current(cls):
        row = cls.objects.filter(pk=1).values_list("version", flat=True).first()
        return row or 0

    @classmethod
    def bump(cls):
        if not cls.objects.filter(pk=1).update(version=F("version") + 1):
            cls.objects.get_or_create(pk=1)
