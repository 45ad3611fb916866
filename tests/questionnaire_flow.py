"""Answering the questionnaire over HTTP with Django's test client, as a reader's browser does.

Shared by the tests that need a walked questionnaire (its own flows, handouts, stylesheet).
"""

import re
from urllib.parse import urlencode

from django.urls import reverse

from education.questionnaire.results import STEPS

PREFIX = "questionnaire_wizard"
START = reverse("education:questionnaire-wizard") + "?reset"
CHECK = reverse("education:questionnaire-check")
RESULTS = reverse("education:questionnaire-results")
FORM = "application/x-www-form-urlencoded"

#: A reader whose cancer grew on an aromatase inhibitor, with an ESR1 change and bone spread.
GREW_ON_AROMATASE_INHIBITOR = {
    "hormone_receptor": ["positive"],
    "her2": ["negative"],
    "menopause": ["post"],
    "mutations": ["esr1"],
    "spread": ["bone"],
    "prior_treatments": ["aromatase_inhibitor"],
    "growing": ["yes"],
    "serious_symptoms": ["no"],
}


def step_url(step):
    return reverse("education:questionnaire-step", args=[step])


def post_step(client, step, values):
    data = {f"{PREFIX}-current_step": step}
    if values is not None:
        data[f"{step}-{step}"] = values
    return post_form(client, step_url(step), data)


def post_form(client, url, data):
    """Post as a browser posts a plain form (URL-encoded, not multipart like the test client)."""
    return client.post(url, urlencode(data, doseq=True), content_type=FORM)


def step_of(url):
    match = re.search(r"/questionnaire/questions/([a-z_0-9]+)/", url)
    return match.group(1) if match else None


def walk(client, answers, default=("unsure",)):
    """Answer every question the wizard asks; return the steps it asked, in order."""
    response = client.get(START)
    asked = []
    url = response["Location"]
    while step_of(url) in STEPS:
        step = step_of(url)
        asked.append(step)
        assert client.get(url).status_code == 200
        response = post_step(client, step, list(answers.get(step, default)))
        assert response.status_code == 302, response.content.decode()[:2000]
        url = response["Location"]
        if step_of(url) == "done":
            url = client.get(url)["Location"]
    assert url == CHECK
    return asked
