from datetime import UTC, datetime

from django.core.cache import cache
from django.db import DatabaseError, models
from django.db.models import F
from django.utils import timezone

CACHE_KEY = "content-version"
#: How long an app server may reuse the version it read. With a shared cache (Redis) a bump
#: reaches every server at once; with per-process memory caches, within this many seconds.
CACHE_SECONDS = 2
#: The last version any app server read, kept without expiry: with the database gone, the
#: page cache goes on serving the pages it has under it.
LAST_KNOWN_KEY = "content-version:last-known"


class ContentVersion(models.Model):
    """One number that goes up whenever any content is saved or deleted, and when.

    Cached public pages are stored under the current number, so an edit or an unpublish
    shows at once: every app server reads the number from the database (through the cache for
    at most ``CACHE_SECONDS``). The time is the pages' Last-Modified.
    """

    version = models.PositiveBigIntegerField(default=1)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "content version"

    def __str__(self):
        return f"Content version {self.version}"

    #: The last version this process read from the database.
    _last_known = None

    @classmethod
    def current_row(cls):
        """The current version (an unsaved stand-in before the first change).

        If the database cannot be read, the last version known (this process's, else the
        cache's); with none known, the database's error.
        """
        row = cache.get(CACHE_KEY)
        if row is None:
            try:
                row = cls.objects.filter(pk=1).first() or cls(
                    version=0, changed_at=datetime(2026, 1, 1, tzinfo=UTC)
                )
            except DatabaseError:
                row = cls._last_known or cache.get(LAST_KNOWN_KEY)
                if row is None:
                    raise
                return row
            cache.set(CACHE_KEY, row, CACHE_SECONDS)
            cache.set(LAST_KNOWN_KEY, row, None)
        ContentVersion._last_known = row
        return row

    @classmethod
    def current(cls):
        return cls.current_row().version

    @classmethod
    def bump(cls):
        now = timezone.now()
        if not cls.objects.filter(pk=1).update(version=F("version") + 1, changed_at=now):
            cls.objects.get_or_create(pk=1, defaults={"changed_at": now})
        cache.delete(CACHE_KEY)
