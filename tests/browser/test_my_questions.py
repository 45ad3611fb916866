""" "My questions" in a real browser: with JavaScript the buttons change the list in place,
keep focus with the question and say what they did; without it, the same buttons post and the
page reloads. Either way the list the server keeps is the one the reader sees."""

from playwright.sync_api import expect

QUESTIONS = "ol.my-questions > li > p"


def save_a_drugs_questions(page, site):
    page.goto(site + "/drugs/trastuzumab/")
    page.click("text=Save these questions to my list")
    page.click("button:has-text('Save to my questions')")
    assert page.url.endswith("/my-questions/")
    return page.locator(QUESTIONS).all_inner_texts()


def button(page, number, action):
    return page.locator("ol.my-questions > li").nth(number).locator(f"button[value={action}]")


def test_moving_and_removing_change_the_list_in_place(site, page):
    saved = save_a_drugs_questions(page, site)
    assert len(saved) >= 3
    page.evaluate("window.stayedOnThisPage = true")

    button(page, 0, "down").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#my-questions-status")).to_have_text(f"Moved down: {saved[0]}")
    assert page.locator(QUESTIONS).all_inner_texts() == [saved[1], saved[0], *saved[2:]]
    # Focus moved with the question, onto the same button, so it can go down again.
    assert page.evaluate("document.activeElement.value") == "down"
    assert (
        page.evaluate("document.activeElement.closest('li').querySelector('p').textContent")
        == saved[0]
    )

    page.keyboard.press("Enter")
    order = [saved[1], saved[2], saved[0], *saved[3:]]
    expect(page.locator(QUESTIONS)).to_have_text(order)
    expect(page.locator("#my-questions-status")).to_have_text(f"Moved down: {saved[0]}")

    button(page, 0, "remove").click()
    expect(page.locator("#my-questions-status")).to_have_text(f"Removed from your list: {saved[1]}")
    assert page.locator(QUESTIONS).all_inner_texts() == order[1:]
    # Focus goes to the question that took the removed one's place.
    assert page.evaluate("document.activeElement.querySelector('p').textContent") == order[1]
    assert page.evaluate("window.stayedOnThisPage") is True  # no reload

    page.reload()  # the server kept every change
    assert page.locator(QUESTIONS).all_inner_texts() == order[1:]


def test_a_list_changed_in_another_tab_is_shown_as_it_is_now(site, page):
    saved = save_a_drugs_questions(page, site)
    other = page.context.new_page()
    other.goto(site + "/my-questions/")
    last = len(saved) - 1
    button(other, last, "remove").click()  # no JavaScript needed to know it is gone
    expect(other.locator(QUESTIONS)).to_have_count(last)

    button(page, last, "remove").click()  # this tab still shows it
    expect(page.locator("#my-questions-status")).to_contain_text(
        "That question is no longer on your list"
    )
    expect(page.locator(QUESTIONS)).to_have_count(last)
    assert page.locator(QUESTIONS).all_inner_texts() == saved[:last]


def test_without_javascript_the_buttons_post_and_the_page_reloads(site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    saved = save_a_drugs_questions(page, site)
    with page.expect_navigation():
        button(page, 0, "down").click()
    assert page.url.endswith("/my-questions/#question-1")
    assert page.locator(QUESTIONS).all_inner_texts() == [saved[1], saved[0], *saved[2:]]
    with page.expect_navigation():
        button(page, 1, "remove").click()
    assert page.locator(QUESTIONS).all_inner_texts() == [saved[1], *saved[2:]]
    context.close()
