"""Render every kind of handout and print the time and page count of each.

Run from the project root after `make run` has loaded the content (or any database with it):
    DJANGO_DEBUG=1 .venv/bin/python bench/handouts.py
Prints the first (cold) render, the median of fresh renders, and a cached fetch.
"""

import io
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mbcsite.settings")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.test import Client  # noqa: E402
from pypdf import PdfReader  # noqa: E402

HANDOUTS = {
    "drug": "/drugs/trastuzumab/handout.pdf",
    "drug, large print": "/drugs/trastuzumab/handout.pdf?size=large",
    "treatment type": "/treatments/hormone-therapy/handout.pdf",
    "side effect": "/side-effects/low-white-blood-cells/handout.pdf",
    "article": "/topics/when-cancer-grows/handout.pdf",
}
RUNS = 5
RESULTS = "/questionnaire/results/handout.pdf"
ANSWERS = {
    "hormone_receptor": "positive",
    "her2": "low",
    "menopause": "post",
    "mutations": "esr1",
    "spread": "bone",
    "prior_treatments": "aromatase_inhibitor",
    "growing": "yes",
    "serious_symptoms": "no",
}


def timed(client, url):
    start = time.perf_counter()
    response = client.get(url)
    return time.perf_counter() - start, response


def answer_questionnaire(client):
    url = client.get("/questionnaire/questions/?reset")["Location"]
    while "/done/" not in url:
        step = url.split("?")[0].rstrip("/").split("/")[-1]
        data = {"questionnaire_wizard-current_step": step, f"{step}-{step}": ANSWERS[step]}
        url = client.post(url, data)["Location"]
    client.get(url)


def main():
    client = Client(HTTP_HOST="localhost")
    answer_questionnaire(client)
    HANDOUTS["results"] = RESULTS
    print(f"{'handout':24} {'cold s':>7} {'median s':>9} {'cached s':>9} {'pages':>6}")
    for name, url in HANDOUTS.items():
        cache.clear()
        cold, response = timed(client, url)
        fresh = []
        for _ in range(RUNS):
            cache.clear()
            fresh.append(timed(client, url)[0])
        cached, _ = timed(client, url)
        pages = len(PdfReader(io.BytesIO(response.content)).pages)
        print(f"{name:24} {cold:7.3f} {statistics.median(fresh):9.3f} {cached:9.4f} {pages:6}")


if __name__ == "__main__":
    main()
