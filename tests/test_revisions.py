"""Published pages stay live while edits wait for review; nothing an editor types is lost."""

import difflib

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from education.content import fixture_dir
from education.models import (
    AnswerChoice,
    Drug,
    DrugSideEffect,
    Question,
    Revision,
    SearchSynonym,
    SideEffect,
    Source,
    Status,
)

from admin_forms import change_url, edit, form_data, member_of

pytestmark = pytest.mark.django_db

NEW_SUMMARY = "Letrozole (Femara) is a pill that lowers the estrogen in your body."


def review_url(revision):
    return reverse("admin:education_revision_change", args=[revision.pk])


def public_text(client, obj):
    client.logout()
    response = client.get(obj.get_absolute_url())
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def test_an_editors_edit_to_a_published_drug_waits_and_the_public_page_keeps_its_text(
    client, django_user_model
):
    drug = Drug.objects.get(slug="letrozole")
    published_summary = drug.summary
    member_of(django_user_model, client, "Editors", "edna")
    response = edit(client, drug, summary=NEW_SUMMARY, change_summary="Simpler first line")
    revision = Revision.objects.get()
    assert response.status_code == 302 and response["Location"] == review_url(revision)
    assert revision.state == Revision.State.PENDING and revision.summary == "Simpler first line"

    drug.refresh_from_db()
    assert drug.summary == published_summary and drug.status == Status.PUBLISHED
    page = public_text(client, drug)
    assert NEW_SUMMARY not in page and published_summary[:40] in page


def test_a_reviewer_sees_the_difference_and_approving_publishes_it_with_name_and_date(
    client, django_user_model
):
    drug = Drug.objects.get(slug="letrozole")
    member_of(django_user_model, client, "Editors", "edna")
    edit(client, drug, summary=NEW_SUMMARY)
    revision = Revision.objects.get()

    member_of(django_user_model, client, "Medical reviewers", "rita")
    index = BeautifulSoup(client.get(reverse("admin:index")).content, "html.parser")
    assert index.find(id="queue-panel").find("a", string="letrozole")["href"] == review_url(
        revision
    )
    review = BeautifulSoup(client.get(review_url(revision)).content, "html.parser")
    row = review.find("th", string="Summary (English)").find_parent("tr")
    assert row.find("del") and row.find("ins") and NEW_SUMMARY in row.get_text()
    assert "Reading grade of the new text" in row.get_text()
    assert len(review.select("table.revision-diff tbody tr")) == 1  # only what changed

    response = client.post(
        review_url(revision),
        {"approve": "1", "public_note": "Clearer summary.", "whole_page_reviewed": "on"},
    )
    assert response.status_code == 302
    drug.refresh_from_db()
    assert drug.summary == NEW_SUMMARY
    assert drug.reviewed_by == "Rita Tester" and drug.last_reviewed_on == timezone.localdate()
    latest = drug.history.first()
    assert latest.history_user.username == "rita" and "Approved" in latest.history_change_reason
    page = public_text(client, drug)
    assert NEW_SUMMARY in page
    assert "Medically reviewed by Rita Tester on" in page
    assert "Clearer summary." in page  # the public change note, with its date


def test_sent_back_with_a_comment_the_editor_sees_and_carries_on_from(client, django_user_model):
    drug = Drug.objects.get(slug="letrozole")
    editor = member_of(django_user_model, client, "Editors", "edna")
    edit(client, drug, summary=NEW_SUMMARY)
    revision = Revision.objects.get()
    member_of(django_user_model, client, "Medical reviewers", "rita")
    assert client.post(review_url(revision), {"send_back": "1"}).status_code == 200  # needs why
    revision.refresh_from_db()
    assert revision.state == Revision.State.PENDING
    client.post(review_url(revision), {"send_back": "1", "comment": "Say 'hormone pill'."})
    revision.refresh_from_db()
    assert revision.state == Revision.State.RETURNED

    client.force_login(editor)
    form = client.get(change_url(drug)).content.decode()
    assert "Say &#x27;hormone pill&#x27;." in form  # the reviewer's comment
    assert form_data(form)["summary_en"] == NEW_SUMMARY  # their own text, to carry on from
    drug.refresh_from_db()
    assert drug.summary != NEW_SUMMARY


def test_inline_rows_wait_for_review_too(client, django_user_model):
    drug = Drug.objects.get(slug="letrozole")
    links = drug.side_effect_links.count() if hasattr(drug, "side_effect_links") else None
    links = DrugSideEffect.objects.filter(drug=drug).count()
    member_of(django_user_model, client, "Editors", "edna")
    data = form_data(client.get(change_url(drug)).content.decode())
    prefix = next(k for k in data if k.endswith("-TOTAL_FORMS")).removesuffix("-TOTAL_FORMS")
    data[f"{prefix}-0-DELETE"] = "on"
    client.post(change_url(drug), data)
    assert DrugSideEffect.objects.filter(drug=drug).count() == links  # still live
    revision = Revision.objects.get()
    member_of(django_user_model, client, "Medical reviewers", "rita")
    assert "Removed" in client.get(review_url(revision)).content.decode()
    client.post(review_url(revision), {"approve": "1"})
    assert DrugSideEffect.objects.filter(drug=drug).count() == links - 1


def test_a_second_stale_save_is_refused_and_loses_nothing(client, django_user_model):
    drug = Drug.objects.get(slug="anastrozole")
    member_of(django_user_model, client, "Medical reviewers", "rita")
    stale = form_data(client.get(change_url(drug)).content.decode())
    assert edit(client, drug, summary="First reviewer's summary.").status_code == 302

    stale["summary_en"] = "Second reviewer's summary."
    response = client.post(change_url(drug), stale)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Someone else changed this page since you opened it" in text
    assert "Summary" in text and "Rita Tester" in text  # what changed, and who
    assert form_data(text)["summary_en"] == "Second reviewer's summary."  # kept in the form
    drug.refresh_from_db()
    assert drug.summary == "First reviewer's summary."

    # Saving again, having seen the other change, is a deliberate choice and goes through.
    assert client.post(change_url(drug), form_data(text)).status_code == 302
    drug.refresh_from_db()
    assert drug.summary == "Second reviewer's summary."


def test_approval_applies_exactly_the_revision_the_reviewer_read(client, django_user_model):
    drug = Drug.objects.get(slug="letrozole")
    editor = member_of(django_user_model, client, "Editors", "edna")
    edit(client, drug, summary="First proposal.")
    first = Revision.objects.get()
    edit(client, drug, summary="Second proposal.")
    first.refresh_from_db()
    assert first.state == Revision.State.REPLACED
    member_of(django_user_model, client, "Medical reviewers", "rita")
    client.post(review_url(first), {"approve": "1"})
    drug.refresh_from_db()
    assert "proposal" not in drug.summary  # the replaced one is never applied

    second = Revision.objects.pending().get()
    edit(client, drug, summary="A reviewer's own edit.")  # the live page moves on
    response = client.post(review_url(second), {"approve": "1"}, follow=True)
    assert "Someone else changed this page" in response.content.decode()
    drug.refresh_from_db()
    assert drug.summary == "A reviewer's own edit."
    assert editor  # the editor's proposal is still there to redo
    assert Revision.objects.pending().filter(pk=second.pk).exists()


def test_staff_preview_the_pending_version_at_the_public_address(client, django_user_model):
    drug = Drug.objects.get(slug="letrozole")
    member_of(django_user_model, client, "Editors", "edna")
    edit(client, drug, summary=NEW_SUMMARY)
    revision = Revision.objects.get()
    page = client.get(drug.get_absolute_url()).content.decode()
    assert "A change to this page is waiting for review" in page and NEW_SUMMARY not in page
    preview = client.get(f"{drug.get_absolute_url()}?revision={revision.pk}").content.decode()
    assert NEW_SUMMARY in preview and "Preview of a change" in preview
    assert client.get(f"{drug.get_absolute_url()}?revision=x").status_code == 404
    client.logout()
    public = client.get(f"{drug.get_absolute_url()}?revision={revision.pk}").content.decode()
    assert NEW_SUMMARY not in public and "Preview" not in public


def test_saving_from_a_browser_stores_tidy_text(reviewer, tmp_path):
    drug = Drug.objects.get(slug="exemestane")
    lines = drug.how_it_works.split("\n")
    response = edit(reviewer, drug, how_it_works="\r\n".join(line + "  " for line in lines))
    assert response.status_code == 302
    drug.refresh_from_db()
    assert drug.how_it_works == "\n".join(lines).rstrip("\n")
    latest, before = drug.history.all()[:2]
    changed = {c.field for c in latest.diff_against(before).changes}
    assert changed <= {"edit_version", "last_reviewed_on", "reviewed_by"}  # no text changed

    # The content files show only the time of the save, not every line.
    call_command("export_content", dir=tmp_path, verbosity=0)
    committed = (fixture_dir() / "drugs.json").read_text().splitlines()
    exported = (tmp_path / "drugs.json").read_text().splitlines()
    changed_lines = [line for line in difflib.ndiff(committed, exported) if line[:2] == "+ "]
    assert len(changed_lines) == 1, changed_lines  # updated_at


def test_questions_sources_and_synonyms_wait_for_review_too(client, django_user_model):
    member_of(django_user_model, client, "Editors", "edna")
    question = Question.objects.get(key="her2")
    choice = question.choices.first()
    data = form_data(client.get(change_url(question)).content.decode())
    data["text_en"] = "What is your HER2 test result, if you know it?"
    label_field = next(k for k, v in data.items() if k.endswith("-label_en") and v == choice.label)
    data[label_field] = "A new answer label"
    assert client.post(change_url(question), data).status_code == 302
    question.refresh_from_db()
    assert question.text != "What is your HER2 test result, if you know it?"
    assert AnswerChoice.objects.get(pk=choice.pk).label == choice.label

    source = Source.objects.first()
    assert edit(client, source, title="A changed title").status_code == 302
    source.refresh_from_db()
    assert source.title != "A changed title"

    add = reverse("admin:education_searchsynonym_add")
    assert client.get(add).status_code == 200  # editors may keep synonyms (was a 403)
    client.post(add, {"phrase": "hot flushes", "means": "Hot flashes"})
    assert not SearchSynonym.objects.filter(phrase="hot flushes").exists()
    assert Revision.objects.pending().count() == 3

    member_of(django_user_model, client, "Medical reviewers", "rita")
    for revision in Revision.objects.pending():
        assert client.post(review_url(revision), {"approve": "1"}).status_code == 302
    question.refresh_from_db()
    assert question.text == "What is your HER2 test result, if you know it?"
    assert AnswerChoice.objects.get(pk=choice.pk).label == "A new answer label"
    assert SearchSynonym.objects.get(phrase="hot flushes").means == "Hot flashes"


def test_editors_cannot_approve_or_delete_what_readers_see(client, django_user_model):
    member_of(django_user_model, client, "Editors", "edna")
    drug = Drug.objects.get(slug="letrozole")
    edit(client, drug, summary=NEW_SUMMARY)
    revision = Revision.objects.get()
    assert client.post(review_url(revision), {"approve": "1"}).status_code == 403
    source = Source.objects.first()
    delete = reverse("admin:education_source_delete", args=[source.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert Source.objects.filter(pk=source.pk).exists()
    revert_url = reverse(
        "admin:education_drug_simple_history", args=[drug.pk, drug.history.first().history_id]
    )
    client.post(revert_url, form_data(client.get(revert_url).content.decode()))
    drug.refresh_from_db()
    assert drug.summary != NEW_SUMMARY and drug.edit_version == 1


def test_a_question_hint_with_markup_is_shown_as_text(client):
    question = Question.objects.get(key="her2")
    question.hint = '<meta http-equiv="refresh" content="0;url=https://evil.example/">Hint'
    question.save()
    choice = question.choices.first()
    choice.label = "<b>Positive</b>"
    choice.save()
    response = client.get(reverse("education:questionnaire-step", args=["her2"]))
    text = response.content.decode()
    assert "<meta http-equiv" not in text and "&lt;meta http-equiv" in text
    assert "<b>Positive</b>" not in text and "&lt;b&gt;Positive&lt;/b&gt;" in text


def test_both_groups_have_what_they_need_for_synonyms_and_reviews():
    for name in ("Editors", "Medical reviewers"):
        codenames = set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
        assert {"add_searchsynonym", "change_searchsynonym", "view_revision"} <= codenames


def test_the_trust_panel_says_who_reviewed_it_what_changed_and_links_the_policy(client, reviewer):
    side_effect = SideEffect.objects.published().first()
    text = public_text(client, side_effect)
    assert "Written by the site's editorial team" in text
    assert "Not yet medically reviewed." in text
    reviewer_user = Group.objects.get(name="Medical reviewers").user_set.get()
    client.force_login(reviewer_user)
    for number in range(4):
        edit(client, side_effect, public_note=f"Change note {number}.", whole_page_reviewed="on")
    soup = BeautifulSoup(client.get(side_effect.get_absolute_url()).content, "html.parser")
    client.logout()
    soup = BeautifulSoup(client.get(side_effect.get_absolute_url()).content, "html.parser")
    panel = soup.select_one(".trust-panel")
    recent = [li.get_text(" ", strip=True) for li in panel.select("h3 + ul.change-notes li")]
    assert len(recent) == 3 and recent[0].endswith("Change note 3.")
    assert len(panel.select("#page-history li")) == 4
    assert "Medically reviewed by Rita Tester" in panel.get_text()
    assert "Next review due by" in panel.get_text()
    assert panel.find("a", string="How we write and check this site")["href"] == reverse(
        "education:editorial-policy"
    )
