"""Project-level checks an operator would notice."""

import re
import shutil
import subprocess
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


def test_make_test_stops_at_once_naming_the_command_that_installs_what_is_missing(tmp_path):
    """A machine without Java (here: a PATH holding every other tool) is told what to install
    before anything is installed or run."""
    tools = tmp_path / "bin"
    tools.mkdir()
    for tool in ("grep", "fc-list", "npm", "redis-server", "msgfmt"):
        found = shutil.which(tool)
        if found:
            (tools / tool).symlink_to(found)
    run = subprocess.run(
        [shutil.which("make"), "--no-print-directory", "prerequisites"],
        cwd=ROOT,
        env={"PATH": str(tools)},
        capture_output=True,
        text=True,
    )
    assert run.returncode != 0
    assert "sudo apt-get install -y default-jre-headless" in run.stdout


def test_make_run_takes_a_port():
    run = subprocess.run(
        [shutil.which("make"), "-n", "run", "PORT=8001"], cwd=ROOT, capture_output=True, text=True
    )
    assert "runserver 127.0.0.1:8001" in run.stdout
