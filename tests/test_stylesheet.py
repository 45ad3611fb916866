"""The trimmed Bootstrap build: made from its Sass source, and holding every class the pages use.

Only the parts of Bootstrap the templates use are served (static/scss/bootstrap-site.scss). These
tests catch the two ways that can go wrong: the committed CSS falling behind its source, and a
template starting to use a Bootstrap class whose part was left out.
"""

import json
import re
import shlex
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from questionnaire_flow import CHECK, PREFIX, RESULTS, post_form, step_url, walk

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)
TRIMMED = ROOT / "static" / "vendor" / "bootstrap" / "bootstrap-site.min.css"
FULL = ROOT / "node_modules" / "bootstrap" / "dist" / "css" / "bootstrap.min.css"
CLASS_IN_CSS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')


def css_classes(path):
    text = re.sub(r"/\*.*?\*/", "", path.read_text(), flags=re.S)
    selectors = re.findall(r"([^{}]+)\{", text)
    return {name for selector in selectors for name in CLASS_IN_CSS.findall(selector)}


def classes_on(client, path, data=None):
    response = post_form(client, path, data) if data is not None else client.get(path)
    assert response.status_code in (200, 404), path
    return {
        name
        for value in CLASS_ATTRIBUTE.findall(response.content.decode())
        for name in value.split()
    }


def test_trimmed_bootstrap_is_what_its_sass_source_builds(tmp_path):
    """Runs package.json's `build:css` command, writing to a scratch file instead."""
    if not FULL.exists():
        pytest.fail("node_modules is missing: run `npm ci` (make test does)")
    command = shlex.split(json.loads((ROOT / "package.json").read_text())["scripts"]["build:css"])
    assert command[-1] == str(TRIMMED.relative_to(ROOT))
    out = tmp_path / "built.css"
    command = [str(ROOT / "node_modules" / ".bin" / command[0]), *command[1:-1], str(out)]
    built = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stderr
    assert out.read_bytes() == TRIMMED.read_bytes(), "run `npm run build:css` and commit"


def test_every_bootstrap_class_a_page_uses_is_in_the_trimmed_build(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    paths = [re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"<loc>([^<]+)", sitemap)]
    paths += ["/search/?q=herceptin", "/search/?q=tamoxifin", "/search/?q=zzzz", "/no-such-page/"]
    used = set()
    for path in paths:
        used |= classes_on(client, path)
    used |= classes_on(client, RESULTS)  # not answered yet
    for step in walk(client, {}):  # every question answered "I'm not sure"
        used |= classes_on(client, step_url(step))
        used |= classes_on(client, step_url(step), {f"{PREFIX}-current_step": step})  # error
    used |= classes_on(client, CHECK)
    used |= classes_on(client, RESULTS)

    bootstrap_classes = used & css_classes(FULL)
    assert {"btn", "container", "form-check-input"} <= bootstrap_classes
    missing = bootstrap_classes - css_classes(TRIMMED)
    assert not missing, f"add the Bootstrap parts for {sorted(missing)} to bootstrap-site.scss"
