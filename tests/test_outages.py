"""The site keeps serving when Redis or the database fails, and readers cannot spoil the cache.

Redis here is a real redis-server (tests/redis_server.py): stopped, paused (accepts
connections, never answers) and restarted.
"""

import gzip
import logging
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import OperationalError, connection
from django.db.backends.sqlite3.base import DatabaseWrapper
from django.test import Client
from redis_server import RedisServer

from education.models import ContentVersion
from education.models.version import CACHE_KEY
from mbcsite.settings import redis_cache, sqlite_must_exist

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["/", "/drugs/trastuzumab/", "/side-effects/", "/search/?q=tamoxifen"]
PDF = "/drugs/trastuzumab/handout.pdf"


@pytest.fixture
def redis(settings):
    """The site's cache on a real Redis (as with REDIS_URL), for one test."""
    server = RedisServer().start()
    settings.CACHES = {**settings.CACHES, "default": redis_cache(server.url)}
    yield server
    server.stop()


def page_entries():
    """How many pages the cache holds (the test's local-memory cache)."""
    return sum(":page:" in key for key in cache._cache)


def test_pages_are_cached_in_redis_and_served_from_it(redis, client):
    first = client.get("/drugs/trastuzumab/", HTTP_ACCEPT_ENCODING="gzip")
    assert first.status_code == 200
    keys = cache.client.get_client().keys("*page:*")
    assert len(keys) == 1
    second = client.get("/drugs/trastuzumab/", HTTP_ACCEPT_ENCODING="gzip")
    assert second.content == first.content and second["ETag"] == first["ETag"]


def test_with_redis_stopped_every_page_and_pdf_still_answers(redis, client):
    redis.stop()
    for path in [*PAGES, PDF]:
        assert client.get(path).status_code == 200, path
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json() == {"status": "ok", "database": "ok", "cache": "down"}


def test_a_redis_that_never_answers_does_not_hang_pages(redis, client):
    client.get("/drugs/trastuzumab/")
    redis.pause()
    started = time.monotonic()
    for path in PAGES * 3:
        assert client.get(path).status_code == 200, path
    # Twelve pages, each of which would have waited 31 s for Redis before.
    assert time.monotonic() - started < 10
    assert client.get("/healthz").json()["cache"] == "down"


def test_the_cache_comes_back_when_redis_does(redis, client, monkeypatch):
    from mbcsite import redis_cache as backend

    monkeypatch.setattr(backend, "PAUSE_SECONDS", 0)
    redis.pause()
    client.get("/healthz")
    redis.resume()
    assert client.get("/healthz").json()["cache"] == "ok"
    client.get("/drugs/")
    assert cache.client.get_client().keys("*page:*")


def test_a_failing_redis_is_logged_once_a_minute_not_once_a_call(redis, client, caplog):
    redis.stop()
    with caplog.at_level(logging.WARNING, logger="mbcsite.cache"):
        for _ in range(10):
            client.get("/drugs/trastuzumab/")
    warnings = [r for r in caplog.records if r.name == "mbcsite.cache"]
    assert len(warnings) == 1
    assert "not answering" in warnings[0].getMessage()


def refuse_every_query(execute, sql, params, many, context):
    """As when the database server is unreachable or its file is gone."""
    raise OperationalError("could not connect to server")


@pytest.fixture
def database_gone():
    with connection.execute_wrapper(refuse_every_query):
        yield


def test_healthz_reports_the_database_and_cache_separately(client):
    response = client.get("/healthz")
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_when_the_database_is_gone(client, database_gone):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "down"


def test_with_the_database_gone_cached_pages_are_still_served(client):
    page = client.get("/drugs/trastuzumab/")
    assert page.status_code == 200
    reader = Client(raise_request_exception=False)
    with connection.execute_wrapper(refuse_every_query):
        cache.delete(CACHE_KEY)  # the version's short cache has run out
        again = reader.get("/drugs/trastuzumab/")
        assert again.status_code == 200
        assert again.content == page.content
        # A page not in the cache gets the friendly outage page, not a 500.
        missing = reader.get("/drugs/letrozole/")
    assert missing.status_code == 503
    assert missing["Retry-After"] == "60"
    assert b"not available right now" in missing.content


def test_with_the_database_gone_and_no_version_known_pages_are_503(client):
    ContentVersion._last_known = None
    cache.clear()
    reader = Client(raise_request_exception=False)
    with connection.execute_wrapper(refuse_every_query):
        response = reader.get("/drugs/")
    assert response.status_code == 503


def test_a_missing_sqlite_file_is_an_error_not_a_new_empty_database(tmp_path):
    path = tmp_path / "moved-away.sqlite3"
    database = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)}
    sqlite_must_exist(database)
    # Whatever database the tests run on, this one is SQLite, with no options of another.
    wrapper = DatabaseWrapper({**connection.settings_dict, **database, "OPTIONS": {}}, "missing")
    with pytest.raises(OperationalError):
        wrapper.ensure_connection()
    assert not path.exists()
    sqlite3.connect(path).close()  # a real file opens as before
    wrapper.ensure_connection()
    wrapper.close()


def test_every_host_port_and_case_shares_one_cache_entry(client, settings):
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
    hosts = ["localhost", "LOCALHOST:6666", "127.0.0.1:8000", "localhost:1", "testserver"]
    bodies = {client.get("/drugs/", HTTP_HOST=host).content for host in hosts * 10}
    assert page_entries() == 1
    assert len(bodies) == 1
    assert b"6666" not in bodies.pop()


def test_query_strings_of_any_kind_skip_the_cache(client):
    for suffix in ["?&", "?x=1", "?&&", "?a"]:
        assert client.get(f"/drugs/{suffix}").status_code == 200
    assert page_entries() == 0


def test_a_made_up_encoding_cannot_take_compression_away_from_others(client):
    client.get("/drugs/", HTTP_ACCEPT_ENCODING="xgzip")
    response = client.get("/drugs/", HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert response["Content-Encoding"] == "gzip"
    assert b"</html>" in gzip.decompress(response.content)


@pytest.mark.parametrize("path", ["/sitemap.xml", "/robots.txt", "/whats-new/feed/"])
def test_sitemap_robots_and_feed_name_the_site_url_not_the_host(client, settings, path):
    settings.ALLOWED_HOSTS = ["localhost"]
    settings.SITE_URL = "https://mbc.example.org"
    body = client.get(path, HTTP_HOST="LOCALHOST:6666").content.decode()
    assert "https://mbc.example.org/" in body
    assert "6666" not in body and "LOCALHOST" not in body


def test_shared_caches_keep_public_pages_apart_from_signed_in_readers(client):
    response = client.get("/drugs/")
    assert "public" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_healthz_answers_plain_http_when_the_site_is_https_only():
    """With DJANGO_SECURE=1 every page redirects plain HTTP to HTTPS, but not /healthz, which
    load balancers ask from inside."""
    code = (
        "import django; django.setup(); from django.test import Client; c = Client(); "
        "print(c.get('/healthz').status_code, c.get('/drugs/').status_code)"
    )
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))},
        "DJANGO_SETTINGS_MODULE": "mbcsite.settings",
        "DJANGO_SECRET_KEY": "x" * 50,
        "DJANGO_SECURE": "1",
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": "sqlite://:memory:",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    health, page = result.stdout.split()
    assert page == "301"
    assert health != "301"  # 503 here: this empty database has no tables
