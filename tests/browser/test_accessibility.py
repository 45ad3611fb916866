"""axe-core over every page type, at desktop and phone widths: no WCAG A/AA violations."""

import pytest
from django.utils import translation

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
    # Spanish twins: the interface's words and the pages' own words in Spanish.
    "es-home": "/es/",
    "es-treatment": "/es/treatments/hormone-therapy/",
    "es-drug": "/es/drugs/trastuzumab/",
    "es-side-effect": "/es/side-effects/low-white-blood-cells/",
    "es-feature": "/es/cancer-features/her2-positive/",
    "es-path": "/es/paths/hr-positive-her2-negative/",
    "es-spread-site": "/es/spread/bone/",
    "es-survival": "/es/survival/",
    "es-glossary": "/es/glossary/",
    "es-topic": "/es/topics/when-cancer-grows/",
    "es-whats-new-entry": "/es/whats-new/tdxd-pertuzumab-first-treatment-2025/",
    "es-search-results": "/es/search/?q=quimioterapia",
    "es-questionnaire": "/es/questionnaire/",
    "es-not-found": "/es/drugs/no-such-drug/",
}


def words_in(language):
    """The interface's words as a reader of ``language`` sees them, to find buttons by."""

    def words(english):
        with translation.override(language):
            return translation.gettext(english)

    return words


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


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_questionnaire_step_check_answers_and_results_have_no_violations(
    site, browser, viewport, language
):
    """End to end in each language, at each width: every page of the way passes axe."""
    words = words_in(language)
    prefix = "" if language == "en" else f"/{language}"
    context = browser.new_context(viewport=viewport, bypass_csp=True)  # to inject axe-core
    page = context.new_page()
    found = {}
    page.goto(site + prefix + "/questionnaire/")
    assert page.locator("html").get_attribute("lang") == language
    page.click(f"text={words('Start the questions')}")
    # First, the error state of a step.
    page.click(f"button:has-text('{words('Continue')}')")
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
        page.click(f"button:has-text('{words('Continue')}')")
    assert steps == len(STEPS)  # all unsure: every question is asked
    assert page.url.endswith(prefix + "/questionnaire/check/")
    if violations := axe_violations(page):
        found["check"] = violations
    screenshot(page, "check-answers")
    page.click(f"text={words('See your list')}")
    if violations := axe_violations(page):
        found["results"] = violations
    screenshot(page, "results")
    page.click(f"main a[href='{prefix}/questionnaire/results/printouts/']")
    if violations := axe_violations(page):
        found["printouts"] = violations
    screenshot(page, "printouts")
    page.goto(site + prefix + "/questionnaire/results/")
    assert page.locator("main").get_attribute("lang") is None  # its words are the page's own
    page.click(f"#questions a[href^='{prefix}/my-questions/add/']")
    if violations := axe_violations(page):
        found["save-questions"] = violations
    page.click(f"button:has-text('{words('Save to my questions')}')")
    assert page.url.endswith(prefix + "/my-questions/")
    if violations := axe_violations(page):
        found["my-questions"] = violations
    screenshot(page, "my-questions")
    context.close()
    assert not found, found
