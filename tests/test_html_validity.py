"""Every page type is valid HTML, by the Nu HTML checker (the W3C's validator: npm's vnu-jar,
run on Java), so browsers and screen readers get what the templates mean."""

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.conf import settings

from education.views import SurvivalView

from html_pages import sitemap_paths
from questionnaire_flow import GREW_ON_AROMATASE_INHIBITOR, RESULTS, START, post_step, step_of, walk

pytestmark = pytest.mark.django_db

VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
#: Pages of each type to check: the first ones of each kind in the sitemap.
EACH_TYPE = 2
#: Pages the sitemap does not list: search, the questionnaire's steps and results, forms, errors.
OTHER_PAGES = [
    "/search/?q=bone+pain+relief",
    "/search/?q=Kisqaly",
    "/search/?q=zzzzqqq",
    "/feedback/?page=/drugs/",
    "/no-such-page/",
    # Spanish twins: the language link, the notice and English words marked as English.
    "/es/drugs/trastuzumab/",
    "/es/no-such-page/",
]


def page_types(paths):
    """The first ``EACH_TYPE`` addresses of each shape: /drugs/ once, /drugs/<slug>/ twice."""
    seen, chosen = {}, []
    for path in paths:
        parts = path.strip("/").split("/")
        shape = (parts[0], len(parts))
        seen[shape] = seen.get(shape, 0) + 1
        if seen[shape] <= EACH_TYPE:
            chosen.append(path)
    return chosen


def check_html(pages):
    """{name: [error messages]} from the Nu HTML checker, for {name: html}."""
    java = shutil.which("java")
    assert java and VNU.exists(), (
        "The Nu HTML checker needs Java and npm's vnu-jar: "
        "apt-get install default-jre-headless && npm ci"
    )
    folder = Path(tempfile.mkdtemp(prefix="vnu-pages-"))
    try:
        for number, html in enumerate(pages.values()):
            (folder / f"{number:03}.html").write_bytes(html)
        names = dict(enumerate(pages))
        run = subprocess.run(
            [java, "-jar", str(VNU), "--errors-only", "--format", "json", "--exit-zero-always"]
            + [str(file) for file in sorted(folder.iterdir())],
            capture_output=True,
            text=True,
            timeout=300,
        )
        errors = {}
        for message in json.loads(run.stderr)["messages"]:
            number = int(Path(message["url"]).stem)
            errors.setdefault(names[number], []).append(
                f"line {message.get('lastLine')}: {message['message']}"
            )
        return errors
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_every_page_type_is_valid_html(client, settings):
    settings.RATELIMIT_ENABLE = False
    pages = {}
    for path in page_types(sitemap_paths(client)) + OTHER_PAGES:
        pages[path] = client.get(path).content
    # The questionnaire: a question, the same question sent with no answer, and the results.
    first = client.get(START)["Location"]
    pages["a question"] = client.get(first).content
    pages["a question sent with no answer"] = post_step(client, step_of(first), []).content
    walk(client, GREW_ON_AROMATASE_INHIBITOR)
    pages["the results"] = client.get(RESULTS).content
    pages["the printouts"] = client.get(RESULTS + "printouts/").content
    pages["saving questions"] = client.get("/my-questions/add/", {"page": RESULTS}).content
    pages["no saved questions"] = client.get("/my-questions/").content
    client.post("/my-questions/add/", {"page": "/survival/", "question": SurvivalView.questions})
    pages["saved questions"] = client.get("/my-questions/").content
    for path in ("/topics/clinical-trials/", "/treatments/clinical-trials/"):
        pages[path] = client.get(path).content  # with the trial searches
    assert len(pages) > 30
    assert check_html(pages) == {}
