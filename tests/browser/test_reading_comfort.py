"""Reading comfort, measured in Chromium: lines of a comfortable length on a wide screen, and a
phone header that leaves most of the first screen to the page, with its menu reachable by
keyboard and working without JavaScript."""

from .conftest import DESKTOP
from .test_flows import tab_to

#: Characters a line holds in each long paragraph of the page: its width over the average
#: width of its own letters, in its own font.
CHARACTERS_A_LINE = """() => {
  const context = document.createElement('canvas').getContext('2d');
  return [...document.querySelectorAll('main p')]
    .map(p => [p, p.textContent.replace(/\\s+/g, ' ').trim()])
    .filter(([, text]) => text.length > 200)
    .map(([p, text]) => {
      const style = getComputedStyle(p);
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      return Math.round(p.clientWidth / (context.measureText(text).width / text.length));
    });
}"""
PAGES = ["/", "/drugs/trastuzumab/", "/topics/when-cancer-grows/", "/survival/"]
PHONE_SCREEN = {"width": 375, "height": 812}


def test_body_text_runs_at_most_about_75_characters_a_line_on_a_wide_screen(site, browser):
    page = browser.new_page(viewport=DESKTOP)
    measured = {}
    for path in PAGES:
        page.goto(site + path)
        measured[path] = page.evaluate(CHARACTERS_A_LINE)
    assert all(measured.values()), measured  # each page has long paragraphs to measure
    assert max(max(lines) for lines in measured.values()) <= 75, measured
    # The menu button is for phones: on a wide screen the links show as they are.
    assert page.is_visible("nav.site-nav") and not page.is_visible(".site-menu summary")


def test_on_a_phone_the_header_takes_at_most_a_quarter_of_the_screen(site, browser):
    context = browser.new_context(viewport=PHONE_SCREEN, java_script_enabled=False)
    page = context.new_page()
    for path in PAGES:
        page.goto(site + path)
        height = page.eval_on_selector("header.site-header", "e => e.offsetHeight")
        assert height <= PHONE_SCREEN["height"] / 4, f"{path}: header {height}px"
    # The links hide behind "Menu", which opens without JavaScript.
    assert not page.is_visible("text=Word list")
    page.click(".site-menu summary")
    assert page.is_visible(".site-menu >> text=Word list")


def test_the_phone_menu_opens_and_its_links_work_by_keyboard(site, browser):
    page = browser.new_page(viewport=PHONE_SCREEN)
    page.goto(site + "/drugs/")
    tab_to(page, "document.activeElement.tagName === 'SUMMARY'")
    page.keyboard.press("Enter")
    tab_to(page, "document.activeElement.textContent === 'Side effects'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/side-effects/")
