"""My questions: a reader saves questions from the site's lists, orders them, prints them, and
they vanish with "Clear my answers". Kept only in the reader's session, never the database."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from education.models import Article, Drug
from education.text import markdown_list_items, question_items
from education.views import SurvivalView

from handout_pdf import pdf_text, squash
from questionnaire_flow import GREW_ON_AROMATASE_INHIBITOR, RESULTS, walk

pytestmark = pytest.mark.django_db
ADD = reverse("education:my-questions-add")
LIST = reverse("education:my-questions")
PDF = reverse("education:my-questions-handout")


def listed(client):
    soup = BeautifulSoup(client.get(LIST).content, "html.parser")
    return [li.find("p").get_text() for li in soup.select("ol.my-questions > li")]


def save(client, page, questions):
    return client.post(ADD, {"page": page, "question": questions})


def test_a_reader_saves_orders_prints_and_clears_their_questions(client):
    drug = Drug.objects.get(slug="abemaciclib")
    offered = markdown_list_items(drug.questions)
    page = BeautifulSoup(client.get(drug.get_absolute_url()).content, "html.parser")
    link = page.select_one("section.questions .save-questions a")["href"]
    form = BeautifulSoup(client.get(link).content, "html.parser")
    assert [box["value"] for box in form.select("input[name=question][checked]")] == offered

    with CaptureQueriesContext(connection) as queries:
        assert save(client, drug.get_absolute_url(), offered[:2]).url == LIST
        client.get(reverse("education:survival"))  # reading on keeps the list
        save(client, reverse("education:survival"), [SurvivalView.questions[0]])
        save(client, drug.get_absolute_url(), offered[:1])  # saved once, not twice
        moved = client.post(LIST, {"action": "down", "number": "0"})
    writes = [q["sql"] for q in queries.captured_queries if not q["sql"].startswith("SELECT")]
    assert writes == []  # nothing about the reader reaches the database
    assert listed(client) == [offered[1], offered[0], SurvivalView.questions[0]]
    assert moved.url == LIST + "#question-1"  # the page opens where the question went

    removed = client.post(LIST, {"action": "remove", "number": "2"})
    assert listed(client) == [offered[1], offered[0]]
    assert removed.url == LIST + "#question-1"  # the last is gone: the one before it
    response = client.get(PDF)
    assert "no-store" in response["Cache-Control"]
    _, text = pdf_text(response)
    assert squash(offered[1]) in squash(text) and squash(offered[0]) in squash(text)

    client.post(reverse("education:questionnaire-clear"), {"then": "intro"})
    assert listed(client) == []


def test_one_readers_pdf_is_never_anothers(client, django_user_model):
    from django.test import Client

    other = Client()
    drug = Drug.objects.get(slug="abemaciclib")
    first, second = markdown_list_items(drug.questions)[:2]
    save(client, drug.get_absolute_url(), [first])
    save(other, drug.get_absolute_url(), [second])
    _, mine = pdf_text(client.get(PDF))
    _, theirs = pdf_text(other.get(PDF))
    assert squash(first) in squash(mine) and squash(first) not in squash(theirs)


def test_questions_from_the_results_page_can_be_saved(client):
    walk(client, GREW_ON_AROMATASE_INHIBITOR)
    soup = BeautifulSoup(client.get(RESULTS).content, "html.parser")
    link = soup.select_one("#questions .save-questions a")["href"]
    form = BeautifulSoup(client.get(link).content, "html.parser")
    offered = [box["value"] for box in form.select("input[name=question]")]
    assert "What is the goal of my treatment?" in offered
    save(client, RESULTS, offered[:3])
    assert listed(client) == offered[:3]


def test_only_the_sites_own_questions_are_saved_and_bad_posts_get_a_clear_400(client):
    drug = Drug.objects.get(slug="abemaciclib")
    assert client.get(ADD).url == LIST  # no page named: the list itself
    assert client.get(ADD, {"page": "/no-such-page/"}).status_code == 404
    assert client.get(ADD, {"page": reverse("education:privacy")}).status_code == 404
    response = save(client, drug.get_absolute_url(), ["Can I have a pony?"])
    assert response.status_code == 400 and "Tick at least one" in response.content.decode()
    assert save(client, drug.get_absolute_url(), []).status_code == 400
    assert listed(client) == []
    assert client.post(LIST, {"action": "remove", "number": "7"}).status_code == 400
    save(client, drug.get_absolute_url(), markdown_list_items(drug.questions)[:1])
    assert client.post(LIST, {"action": "explode", "number": "0"}).status_code == 400
    assert client.post(LIST, {"action": "remove", "number": "-1"}).status_code == 400


def test_every_page_with_a_list_offers_to_save_it(client):
    for url in (
        Drug.objects.get(slug="letrozole").get_absolute_url(),
        reverse("education:survival"),
        reverse("education:article-detail", args=["questions-to-ask"]),
    ):
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        assert soup.select_one(".save-questions a")["href"].startswith(ADD), url
    footer = BeautifulSoup(client.get("/").content, "html.parser").find("footer")
    assert footer.find("a", href=LIST)
    without = [a for a in Article.objects.published() if not question_items(a.body)]
    assert without, "a topic with no questions, to check it offers none"
    soup = BeautifulSoup(client.get(without[0].get_absolute_url()).content, "html.parser")
    assert not soup.select(".save-questions")


def test_the_questions_to_ask_topic_offers_only_its_questions(client):
    page = reverse("education:article-detail", args=["questions-to-ask"])
    form = BeautifulSoup(client.get(ADD, {"page": page}).content, "html.parser")
    offered = [box["value"] for box in form.select("input[name=question]")]
    assert "Who do I call at night or on weekends?" in offered
    assert all(question.endswith("?") for question in offered)
