"""axe-core over every page type, at desktop and phone widths: no WCAG A/AA violations."""

import pytest

from education.questionnaire.results import STEPS

from .conftest import DESKTOP, PHONE, axe_violations, screenshot

CONTENT_PAGES = {
    "home": "/",
    "treatments": "/treatments/",
    "treatment": "/treatments/hormone-therapy/",
    "drugs": "/drugs/",
    "drug": "/drugs/trastuzumab/",
    "drug-without-side-effects-yet": "/drugs/vepdegestrant/",
    "side-effects": "/side-effects/",
    "side-effect": "/side-effects/low-white-blood-cells/",
    "features": "/cancer-features/",
    "feature": "/cancer-features/her2-positive/",
    "paths": "/paths/",
    "path": "/paths/hr-positive-her2-negative/",
    "spread-sites": "/spread/",
    "spread-site": "/spread/bone/",
    "survival": "/survival/",
    "glossary": "/glossary/",
    "glossary-term": "/glossary/her2/",
    "topics": "/topics/",
    "topic": "/topics/when-cancer-grows/",
    "whats-new": "/whats-new/",
    "whats-new-entry": "/whats-new/tdxd-pertuzumab-first-treatment-2025/",
    "questionnaire": "/questionnaire/",
    "not-found": "/drugs/no-such-drug/",
    "search-results": "/search/?q=Herceptin",
    "search-nothing-found": "/search/?q=qwxzzzv",
    "search-did-you-mean": "/search/?q=tamoxifin",
    "editorial-policy": "/editorial-policy/",
    "feedback": "/feedback/?page=/drugs/trastuzumab/",
    "feedback-thanks": "/feedback/thanks/?page=/drugs/trastuzumab/",
    # Spanish twins: the page frame in Spanish, words not yet translated marked as English.
    "es-home": "/es/",
    "es-drug": "/es/drugs/trastuzumab/",
    "es-questionnaire": "/es/questionnaire/",
    "es-not-found": "/es/drugs/no-such-drug/",
}


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_content_page_type_has_no_violations(site, browser, viewport):
    context = browser.new_context(viewport=viewport, bypass_csp=True)  # to inject axe-core
    page = context.new_page()
    found = {}
    for name, path in CONTENT_PAGES.items():
        page.goto(site + path)
        violations = axe_violations(page)
        if violations:
            found[name] = violations
        screenshot(page, name)
    context.close()
    assert not found, found


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_questionnaire_step_check_answers_and_results_have_no_violations(
    site, browser, viewport
):
    context = browser.new_context(viewport=viewport, bypass_csp=True)  # to inject axe-core
    page = context.new_page()
    found = {}
    page.goto(site + "/questionnaire/")
    page.click("text=Start the questions")
    # First, the error state of a step.
    page.click("button:has-text('Continue')")
    if violations := axe_violations(page):
        found["step-error"] = violations
    screenshot(page, "step-error")
    steps = 0
    while "/questionnaire/questions/" in page.url:
        steps += 1
        step = page.url.split("?")[0].rstrip("/").split("/")[-1]
        if violations := axe_violations(page):
            found[step] = violations
        screenshot(page, f"step-{step}")
        page.check("input[value='unsure']")
        page.click("button:has-text('Continue')")
    assert steps == len(STEPS)  # all unsure: every question is asked
    assert page.url.endswith("/questionnaire/check/")
    if violations := axe_violations(page):
        found["check"] = violations
    screenshot(page, "check-answers")
    page.click("text=See your list")
    if violations := axe_violations(page):
        found["results"] = violations
    screenshot(page, "results")
    page.click("text=Make your summary card or side-effect diary")
    if violations := axe_violations(page):
        found["printouts"] = violations
    screenshot(page, "printouts")
    page.goto(site + "/questionnaire/results/")
    page.click("#questions >> text=Save these questions to my list")
    if violations := axe_violations(page):
        found["save-questions"] = violations
    page.click("button:has-text('Save to my questions')")
    assert page.url.endswith("/my-questions/")
    if violations := axe_violations(page):
        found["my-questions"] = violations
    screenshot(page, "my-questions")
    context.close()
    assert not found, found
