"""The feedback form in a real browser: its error state passes axe, the keyboard never reaches
the robot trap, and a message sent with the keyboard alone arrives with its page."""

import pytest

from feedback.models import Feedback

from .conftest import DESKTOP, PHONE, axe_violations, screenshot


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_feedback_error_state_has_no_violations(site, browser, viewport):
    context = browser.new_context(viewport=viewport, bypass_csp=True)  # to inject axe-core
    page = context.new_page()
    page.goto(site + "/feedback/?page=/drugs/trastuzumab/")
    page.click("button:has-text('Send my message')")
    assert page.locator(".error-summary").is_visible()
    violations = axe_violations(page)
    screenshot(page, "feedback-error")
    page.goto(site + "/feedback/?page=/drugs/trastuzumab/")
    page.fill("#id_message", "x")
    page.fill("#id_email", "not an email")
    page.click("button:has-text('Send my message')")
    violations += axe_violations(page)
    context.close()
    assert not violations, violations


def test_a_keyboard_user_sends_a_message_and_never_lands_on_the_trap(site, page):
    page.goto(site + "/drugs/trastuzumab/")
    page.click("footer >> text=Tell us about a mistake or what is missing")
    assert page.locator("input[name=page]").input_value() == "/drugs/trastuzumab/"
    trap = page.locator("input[name=website]")
    assert not trap.is_visible() or trap.bounding_box()["x"] < 0
    page.focus("#id_message")
    page.keyboard.type("The page does not say how often the drip is given.")
    focused = []
    for _ in range(2):
        page.keyboard.press("Tab")
        focused.append(
            page.evaluate("document.activeElement.name || document.activeElement.innerText")
        )
    assert focused == ["email", "Send my message"]  # straight past the trap
    page.keyboard.press("Enter")
    page.wait_for_url("**/feedback/thanks/**")
    assert page.locator("h1").inner_text() == "Thank you. We got your message."
    feedback = Feedback.objects.get()
    assert feedback.page == "/drugs/trastuzumab/"
    assert feedback.message.startswith("The page does not say")
