"""Long pages open with an "On this page" list of their sections; short ones do not."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from education.templatetags.contents import MARKER, MIN_SECTIONS, on_this_page


def page_with(headings):
    return "<article><h1>Title</h1>" + MARKER + "".join(headings) + "</article>"


def test_a_long_page_lists_its_sections_and_each_heading_gets_an_id_to_link_to():
    html = on_this_page(
        page_with(
            [
                '<h2 id="side-effects-heading">Side effects</h2>',
                "<h2>How is it given?</h2>",
                "<h2>Tom &amp; Jerry <em>2</em></h2>",
                "<h2>How is it given?</h2>",
            ]
        )
    )
    soup = BeautifulSoup(html, "html.parser")
    links = [(a["href"], a.get_text()) for a in soup.select("nav.page-contents a")]
    assert links == [
        ("#side-effects-heading", "Side effects"),
        ("#how-is-it-given", "How is it given?"),
        ("#tom-jerry-2", "Tom & Jerry 2"),
        ("#how-is-it-given-2", "How is it given?"),
    ]
    for href, _ in links:
        assert soup.find(id=href[1:]).name == "h2"


def test_a_short_page_gets_no_list():
    headings = [f"<h2>Part {n}</h2>" for n in range(MIN_SECTIONS - 1)]
    assert "page-contents" not in on_this_page(page_with(headings))


@pytest.mark.django_db
def test_a_drug_page_lists_its_sections_after_its_warnings(client):
    soup = BeautifulSoup(
        client.get(reverse("education:drug-detail", args=["trastuzumab"])).content, "html.parser"
    )
    contents = soup.find("nav", class_="page-contents")
    listed = [a.get_text() for a in contents.find_all("a")]
    assert listed[:2] == ["How is it given?", "How does it work?"]
    assert "Side effects" in listed
    # The FDA's boxed warning comes before the list, not after it.
    assert soup.find(class_="boxed-warning") in contents.find_all_previous()


@pytest.mark.django_db
def test_a_side_effect_page_says_when_to_call_before_its_list(client):
    url = reverse("education:side-effect-detail", args=["low-white-blood-cells"])
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    contents = soup.find("nav", class_="page-contents")
    assert contents and soup.find(class_="warning-signs") in contents.find_all_previous()
    assert "When to call your care team" not in contents.get_text()
