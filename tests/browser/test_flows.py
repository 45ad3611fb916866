"""Whole journeys in a real browser: keyboard only, JavaScript off, back and change, print."""

import io

from pypdf import PdfReader

from .conftest import PHONE

ANSWERS = {
    "hormone_receptor": "positive",
    "her2": "negative",
    "menopause": "post",
    "mutations": "pik3ca",
    "diagnosis": "de_novo",
    "spread": "bone",
    "prior_treatments": "aromatase_inhibitor",
    "growing": "yes",
    "serious_symptoms": "no",
}


def current_step(page):
    return page.url.split("?")[0].rstrip("/").split("/")[-1]


def focus_is_visible(page):
    """The focused element draws an outline or a ring the reader can see."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (el === document.body) return true;  // nothing focused yet: no focus stop
            const style = getComputedStyle(el);
            const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
            return outline || (style.boxShadow && style.boxShadow !== 'none');
        }"""
    )


def tab_to(page, predicate_js, limit=40):
    """Press Tab until the focused element matches; check focus is visible at each stop."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        assert focus_is_visible(page), page.evaluate("document.activeElement.outerHTML")
        if page.evaluate(predicate_js):
            return
    raise AssertionError(f"never reached: {predicate_js}")


def test_the_whole_questionnaire_with_the_keyboard_alone(site, page):
    # The site runs under its strict Content-Security-Policy here: nothing may be blocked.
    blocked = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security" in message.text else None
        ),
    )
    page.goto(site + "/questionnaire/")
    tab_to(page, "document.activeElement.textContent.includes('Start the questions')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert current_step(page) == "hormone_receptor"

    # Submitting nothing puts focus on the error summary.
    tab_to(page, "document.activeElement.textContent.trim() === 'Continue'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_selector(".error-summary")
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    # Only the message is in the error colour: the answers read as before.
    colour = "el => getComputedStyle(el).color"
    body = page.eval_on_selector("main", colour)
    assert {page.eval_on_selector_all(".form-check-label", f"ls => ls.map({colour})")[0]} == {body}
    assert page.eval_on_selector(".invalid-feedback", colour) != body

    while "/questionnaire/questions/" in page.url:
        step = current_step(page)
        value = ANSWERS[step]
        if page.get_attribute(f"input[value='{value}']", "type") == "radio":
            # Tab reaches a radio group once; the arrow keys move (and select) within it.
            tab_to(page, f"document.activeElement.name === '{step}-{step}'")
            for _ in range(6):
                if page.evaluate(f"document.activeElement.value === '{value}'"):
                    break
                page.keyboard.press("ArrowDown")
        else:
            tab_to(page, f"document.activeElement.value === '{value}'")
        page.keyboard.press("Space")
        assert page.is_checked(f"input[value='{value}']")
        tab_to(page, "document.activeElement.textContent.trim() === 'Continue'")
        with page.expect_navigation():
            page.keyboard.press("Enter")
    assert page.url.endswith("/questionnaire/check/")
    tab_to(page, "document.activeElement.textContent.includes('See your list')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/questionnaire/results/")
    assert page.is_visible("text=Targeted pills for a PIK3CA, AKT1 or PTEN change")
    assert not blocked, blocked
    # Every button in the site's colours, none in Bootstrap's own blue (13, 110, 253) or red.
    colours = page.eval_on_selector_all(
        "main .btn", "bs => bs.map(b => getComputedStyle(b).borderTopColor)"
    )
    assert colours and not {"rgb(13, 110, 253)", "rgb(220, 53, 69)"} & set(colours)


def test_the_questionnaire_with_javascript_off_including_back_and_change(site, browser):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(site + "/questionnaire/questions/?reset")
    page.check("input[value='negative']")  # HR-negative
    page.click("button:has-text('Continue')")
    page.check("input[value='negative']")  # HER2-negative
    page.click("button:has-text('Continue')")
    assert current_step(page) == "mutations"  # menopause skipped: it cannot matter

    page.click("a.back-link")
    assert current_step(page) == "her2"
    assert page.is_checked("input[value='negative']")
    page.click("button:has-text('Continue')")

    answers = {
        "mutations": "none",
        "pdl1": "positive",
        "spread": "lung",
        "prior_treatments": "none",
    }
    while "/questionnaire/questions/" in page.url:
        page.check(f"input[value='{answers.get(current_step(page), 'unsure')}']")
        page.click("button:has-text('Continue')")
    assert page.url.endswith("/questionnaire/check/")

    page.click("a[href$='/spread/?change']")
    page.uncheck("input[value='lung']")
    page.check("input[value='brain']")
    page.click("button:has-text('Continue')")
    assert page.url.endswith("/questionnaire/check/")
    assert page.is_visible("dd:has-text('Brain')")

    page.click("text=See your list")
    assert page.is_visible("text=Immunotherapy with chemo")
    assert page.is_visible("text=Treatment aimed at the brain")
    page.click("button:has-text('Clear my answers')")
    assert page.is_visible("text=Your answers have been cleared")
    context.close()


def test_printed_drug_page_has_no_navigation_and_shows_sources(site, page):
    page.goto(site + "/drugs/letrozole/")
    page.emulate_media(media="print")
    assert not page.is_visible("nav.site-nav")
    assert not page.is_visible(".handout-links")
    assert page.is_visible("#sources-heading")
    assert page.is_visible("text=Page last updated")
    printed_link = page.evaluate(
        "getComputedStyle(document.querySelector('.related a'), '::after').content"
    )
    assert "/treatments/" in printed_link  # link targets are printed


def test_no_horizontal_scrolling_at_320px_or_at_200_percent_zoom(site, browser):
    paths = [
        "/",
        "/drugs/",
        "/drugs/fam-trastuzumab-deruxtecan/",
        "/side-effects/low-white-blood-cells/",
        "/survival/",
        "/glossary/",
        "/topics/when-cancer-grows/",
        "/paths/hr-positive-her2-negative/",
        "/questionnaire/questions/?reset",
        "/search/?q=chemo",
    ]
    # 200% zoom of a 1280 px window lays the page out in 640 CSS px.
    for width in (320, 640):
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        for path in paths:
            page.goto(site + path)
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            assert scroll_width <= width, f"{path} is {scroll_width}px wide at {width}px"
        context.close()


def printed_pages(page):
    return PdfReader(io.BytesIO(page.pdf(format="Letter"))).pages


def printed_text(page):
    return " ".join(" ".join(p.extract_text().split()) for p in printed_pages(page))


def test_a_treatment_path_with_the_keyboard_and_on_paper(site, page):
    page.goto(site + "/paths/triple-negative/")
    # The drawing is a picture, not a stop: Tab goes on to the list's links, focus visible.
    tab_to(page, "document.activeElement.closest('.path-branch') !== null")
    assert page.evaluate("document.activeElement.textContent") == "PD-L1-positive"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/cancer-features/pd-l1/")

    page.goto(site + "/paths/")
    paths = page.eval_on_selector_all(
        "main a[href^='/paths/']:not([href='/paths/'])", "links => links.map(a => a.href)"
    )
    assert len(paths) >= 4
    page.emulate_media(media="print")
    for path in paths:
        page.goto(path)
        assert not page.is_visible("nav.site-nav")
        # On paper the drawing, its stages side by side, says it all; the list (with its links)
        # and the one-column drawing are for screens.
        assert page.is_visible(".path-drawing-print svg[role=img]")
        assert not page.is_visible(".path-drawing-screen") and not page.is_visible("ol.path-steps")
        assert len(printed_pages(page)) <= 2, f"{path} prints on more than two Letter pages"
    page.goto(site + "/paths/hr-positive-her2-negative/")
    assert "Hormone therapy + CDK4/6 inhibitor" in printed_text(page)


def test_the_readers_printouts_and_trial_searches_with_the_keyboard_on_a_phone(site, browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site + "/questionnaire/questions/?reset")
    while "/questionnaire/questions/" in page.url:
        value = ANSWERS.get(current_step(page), "unsure")
        page.check(f"input[value='{value}']")
        page.click("button:has-text('Continue')")
    page.click("text=See your list")
    assert page.url.endswith("/questionnaire/results/")

    # From the list to the printouts, then a drug ticked, with the keyboard.
    page.focus("#questions a")  # the link just before the printouts
    tab_to(page, "document.activeElement.textContent.includes('summary card or side-effect')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/questionnaire/results/printouts/")
    tab_to(page, "document.activeElement.value === 'anastrozole'")
    page.keyboard.press("Space")
    assert page.is_checked("input[value='anastrozole']")
    tab_to(page, "document.activeElement.textContent.includes('Make my summary card')", limit=80)
    token = page.input_value(".reader-tools input[name=csrfmiddlewaretoken]")
    with page.expect_response(lambda r: r.url.endswith("/summary.pdf")) as card:
        page.keyboard.press("Enter")
    assert card.value.status == 200
    assert card.value.headers["content-type"] == "application/pdf"
    # What the browser got, read back through the same session (its PDF viewer keeps the body).
    pdf = context.request.post(
        site + "/questionnaire/results/summary.pdf",
        form={"csrfmiddlewaretoken": token, "current": "anastrozole"},
        headers={"Referer": site + "/questionnaire/results/"},
    )
    reader = PdfReader(io.BytesIO(pdf.body()))
    assert len(reader.pages) == 1 and "anastrozole" in reader.pages[0].extract_text()

    # The trial searches are plain links that leave the site with only the search words.
    page.goto(site + "/questionnaire/results/")
    links = page.eval_on_selector_all(".trial-search-links a", "as => as.map(a => [a.href, a.rel])")
    assert links and all(
        href.startswith("https://clinicaltrials.gov/search?cond=") and "noreferrer" in rel
        for href, rel in links
    )
    context.close()
