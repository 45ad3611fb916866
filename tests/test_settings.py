"""The settings module is configured only by environment variables."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_settings(env):
    """Import the settings in a fresh interpreter with exactly these variables set."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    clean.update(env)
    code = (
        "import mbcsite.settings as s; "
        "print(s.DEBUG, s.ALLOWED_HOSTS, s.DATABASES['default']['ENGINE'], "
        "s.CACHES['default']['BACKEND'], getattr(s, 'SECURE_SSL_REDIRECT', False))"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def test_missing_secret_key_with_debug_off_is_a_clear_error():
    result = load_settings({})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_debug_only_on_when_exactly_1():
    assert load_settings({"DJANGO_DEBUG": "1"}).stdout.startswith("True")
    assert load_settings({"DJANGO_DEBUG": "true", "DJANGO_SECRET_KEY": "x"}).stdout.startswith(
        "False"
    )


def test_environment_configures_hosts_database_cache_and_https():
    result = load_settings(
        {
            "DJANGO_SECRET_KEY": "x",
            "DJANGO_ALLOWED_HOSTS": "example.org, www.example.org",
            "DATABASE_URL": "postgres://u:p@localhost:5432/mbc",
            "REDIS_URL": "redis://localhost:6379/0",
            "DJANGO_SECURE": "1",
        }
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "['example.org', 'www.example.org']" in out
    assert "postgresql" in out
    assert "RedisCache" in out
    assert out.strip().endswith("True")


def test_defaults_are_sqlite_and_local_memory_cache():
    result = load_settings({"DJANGO_SECRET_KEY": "x"})
    assert "sqlite3" in result.stdout
    assert "LocMemCache" in result.stdout
    assert result.stdout.strip().endswith("False")
