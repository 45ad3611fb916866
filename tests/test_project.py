"""Project-level checks an operator would notice."""

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.template import loader

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_models_and_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_500_page_renders_without_a_request_or_database():
    html = loader.get_template("500.html").render()
    assert "Sorry, something went wrong" in html


def test_wsgi_application_loads():
    from mbcsite.wsgi import application

    assert callable(application)


def pinned(lock_file):
    """{package name: version} of a lock file's `name==version` lines."""
    pins = {}
    for line in Path(lock_file).read_text().splitlines():
        if "==" in line and not line.startswith((" ", "#")):
            name, version = line.split(" ")[0].split(";")[0].split("==")
            pins[name.lower().replace("_", "-")] = version
    return pins


def test_every_requirement_is_in_the_lock_file():
    """A package added to requirements.txt without `make lock` would be missing from
    `make install` (which installs the lock, hashes checked)."""
    pins = pinned(ROOT / "requirements.lock")
    wanted = [
        re.split(r"[<>=!\[ ;]", line.strip())[0].lower().replace("_", "-")
        for line in (ROOT / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith(("#", "-"))
    ]
    assert [name for name in wanted if name not in pins] == []
    assert pins["django"].startswith("5.2.")
