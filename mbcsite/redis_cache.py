"""The shared cache on Redis, made so a Redis that is down or stuck never fails or stalls a page.

django-redis does the work: short connect and read timeouts (settings), and with
``IGNORE_EXCEPTIONS`` every failed call counts as a miss ("render without the cache"). This
backend adds what it lacks:

- **A pause after a failure.** A Redis that accepts connections but never answers would cost
  each call its full read timeout, several times a page. After one failure this process skips
  Redis for ``PAUSE_SECONDS``, then tries again: a page costs one timeout at most, not one per
  call.
- **Quiet logs.** One warning a minute while Redis is failing, not one per call.
"""

import logging
import time

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted

logger = logging.getLogger("mbcsite.cache")

PAUSE_SECONDS = 5
LOG_EVERY_SECONDS = 60


class _Outages:
    """Stands in for django-redis's logger, which it tells of every failure it ignores."""

    def __init__(self):
        self.paused_until = 0.0
        self.logged_at = None

    def exception(self, message, *args, **kwargs):
        now = time.monotonic()
        self.paused_until = now + PAUSE_SECONDS
        if self.logged_at is None or now - self.logged_at >= LOG_EVERY_SECONDS:
            self.logged_at = now
            logger.warning(
                "The cache (Redis) is not answering; pages are made without it.", exc_info=True
            )

    @property
    def paused(self):
        return time.monotonic() < self.paused_until


class FailOpenRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._ignore_exceptions = True
        self._log_ignored_exceptions = True
        self.logger = self.outages = _Outages()

    @property
    def client(self):
        # Raised inside django-redis's calls, which turn it into a miss like any failure.
        if self.outages.paused:
            raise ConnectionInterrupted(connection=None)
        return super().client

    def is_up(self):
        """Whether Redis answers now (for /healthz): a real round trip, unless paused."""
        if self.outages.paused:
            return False
        try:
            return bool(super().client.get_client().ping())
        except Exception:  # noqa: BLE001 - any failure means "down"; health checks never raise
            self.outages.exception("ping failed")
            return False
