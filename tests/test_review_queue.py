"""A medical reviewer's day: one queue, word-level diffs, publishing apart from reviewing,
and restoring an old version that really restores it."""

from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from education.models import Article, Drug, Revision, Rule, Status

from admin_forms import change_url, edit, form_data, member_of

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:education_review_queue")


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def review_url(revision):
    return reverse("admin:education_revision_change", args=[revision.pk])


def test_one_queue_lists_changes_new_pages_and_due_reviews_oldest_first(client, django_user_model):
    member_of(django_user_model, client, "Editors", "edna")
    edit(client, Drug.objects.get(slug="letrozole"), summary="First proposed summary.")
    edit(client, Drug.objects.get(slug="anastrozole"), summary="Second proposed summary.")
    article = Article.objects.published().first()
    article.status = Status.REVIEW
    article.save()

    member_of(django_user_model, client, "Medical reviewers", "rita")
    queue = soup_of(client.get(QUEUE))
    waiting = [a.get_text() for a in queue.select("#queue-waiting tbody th a")]
    assert waiting == ["letrozole", "anastrozole"]  # oldest first
    assert "Edna Tester" in queue.find(id="queue-waiting").get_text()
    assert article.title in queue.find(id="queue-in-review").get_text()
    due = queue.find(id="queue-due")
    assert "never" in due.get_text() and "Rule" in due.get_text()  # rules are reviewed too
    link = queue.select_one("#queue-waiting tbody th a")["href"]
    assert "What changes" in client.get(link).content.decode()  # straight to the diff

    home = soup_of(client.get(reverse("admin:index"))).find(id="queue-panel")
    assert [a.get_text() for a in home.select("tbody th a")][:2] == waiting
    assert home.find("a", string="Open the review queue")["href"] == QUEUE


def test_publishing_a_change_is_not_a_medical_review_unless_the_whole_page_was(
    client, django_user_model
):
    drug = Drug.objects.get(slug="letrozole")
    member_of(django_user_model, client, "Editors", "edna")
    edit(client, drug, summary="A typo fixed.")
    member_of(django_user_model, client, "Medical reviewers", "rita")
    client.post(review_url(Revision.objects.get()), {"approve": "1"})
    drug.refresh_from_db()
    assert drug.summary == "A typo fixed." and drug.last_reviewed_on is None

    edit(client, drug, whole_page_reviewed="on")
    drug.refresh_from_db()
    assert drug.last_reviewed_on == timezone.localdate() and drug.reviewed_by == "Rita Tester"


def test_bulk_publishing_asks_first_and_records_no_review(reviewer):
    drafts = list(Drug.objects.all()[:2])
    for drug in drafts:
        drug.status = Status.DRAFT
        drug.save()
    url = reverse("admin:education_drug_changelist")
    chosen = {"action": "publish", "_selected_action": [d.pk for d in drafts]}
    confirm = soup_of(reviewer.post(url, chosen))
    assert {li.contents[0].strip() for li in confirm.select(".publish-list li")} == {
        str(d) for d in drafts
    }
    assert all(Drug.objects.get(pk=d.pk).status == Status.DRAFT for d in drafts)
    reviewer.post(url, {**chosen, "confirmed": "yes"})
    for drug in drafts:
        drug.refresh_from_db()
        assert drug.status == Status.PUBLISHED and drug.last_reviewed_on is None


def test_a_rule_has_a_medical_review_date(reviewer):
    rule = Rule.objects.published().first()
    assert edit(reviewer, rule, whole_page_reviewed="on").status_code == 302
    rule.refresh_from_db()
    assert rule.last_reviewed_on == timezone.localdate() and rule.reviewed_by == "Rita Tester"
    assert not Rule.objects.review_due().filter(pk=rule.pk).exists()


def test_the_diff_shows_the_whole_text_word_by_word(client, django_user_model):
    drug = Drug.objects.get(slug="letrozole")
    long_text = drug.who_for
    new_text = long_text.replace("menopause", "the menopause", 1)
    assert new_text != long_text and len(long_text) > 200
    member_of(django_user_model, client, "Editors", "edna")
    edit(client, drug, who_for=new_text)
    member_of(django_user_model, client, "Medical reviewers", "rita")
    page = soup_of(client.get(review_url(Revision.objects.get())))
    diff = page.select_one("table.revision-diff .word-diff")
    assert [ins.get_text().strip() for ins in diff.find_all("ins")] == ["the"]
    assert not diff.find_all("del")
    assert diff.get_text(" ").split() == new_text.split()  # the full text, not "[27 chars]"
    assert len(page.select("table.revision-diff tbody tr")) == 1  # only the field that changed


def test_the_history_shows_changes_word_by_word_and_only_real_ones(reviewer):
    drug = Drug.objects.get(slug="exemestane")
    new_text = drug.how_it_works + " It is a pill."
    edit(reviewer, drug, how_it_works=new_text)
    page = soup_of(reviewer.get(reverse("admin:education_drug_history", args=[drug.pk])))
    changes = page.select_one("ul.history-changes")
    fields = {li.strong.get_text() for li in changes.find_all("li")}
    assert "How it works:" in fields
    assert not {"Edit version:", "Updated at:"} & fields
    assert changes.find("ins").get_text().strip() == "It is a pill."
    assert "chars]" not in changes.get_text()


def test_an_editors_restore_waits_for_review_and_a_reviewers_restore_publishes(
    client, django_user_model
):
    drug = Drug.objects.get(slug="tamoxifen")
    original = drug.summary
    rita = member_of(django_user_model, client, "Medical reviewers", "rita")
    drug.status = Status.DRAFT
    drug.summary = "An old draft summary."
    drug.save()
    old = drug.history.first()
    drug.status = Status.PUBLISHED
    drug.summary = original
    drug.save()
    restore = reverse("admin:education_drug_simple_history", args=[drug.pk, old.history_id])

    member_of(django_user_model, client, "Editors", "edna")
    page = client.get(restore).content.decode()
    for href in {a["href"] for a in BeautifulSoup(page, "html.parser").select(".breadcrumbs a")}:
        target = urljoin(restore, href)
        assert client.get(target, follow=True).status_code == 200, href
    response = client.post(restore, form_data(page))
    assert response.status_code == 302
    drug.refresh_from_db()
    assert drug.summary == original and drug.status == Status.PUBLISHED  # live page unchanged
    revision = Revision.objects.pending().get()
    assert revision.data["fields"]["summary_en"] == "An old draft summary."

    client.force_login(rita)
    client.post(restore, form_data(client.get(restore).content.decode()))
    drug.refresh_from_db()
    assert drug.summary == "An old draft summary." and drug.status == Status.PUBLISHED
    assert change_url(drug)
