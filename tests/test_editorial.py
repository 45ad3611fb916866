"""The editorial cycle in the admin: edit, send for review, publish, see it live, undo it."""

import shutil
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from education.content import FIXTURE_LAYOUT, fixture_paths, natural_order, serialize_rows
from education.models import Drug, LoadedRow, Source, SourceKind, Status

from admin_forms import change_url, edit, form_data, member_of

pytestmark = pytest.mark.django_db


def test_groups_exist_and_only_reviewers_may_publish():
    editors = Group.objects.get(name="Editors")
    reviewers = Group.objects.get(name="Medical reviewers")
    assert not editors.permissions.filter(codename="publish_content").exists()
    assert reviewers.permissions.filter(codename="publish_content").exists()
    assert editors.permissions.filter(codename="change_drug").exists()
    assert not editors.permissions.filter(codename="delete_drug").exists()


def test_editor_cannot_publish_even_with_a_crafted_post(editor):
    drug = Drug.objects.get(slug="letrozole")
    drug.status = Status.REVIEW
    drug.save()
    response = edit(editor, drug, status="published", summary="Changed by an editor.")
    assert response.status_code in (200, 403)
    drug.refresh_from_db()
    assert drug.status == Status.REVIEW
    assert drug.summary != "Changed by an editor."
    assert drug.last_reviewed_on is None and drug.reviewed_by == ""


def test_editor_form_offers_draft_and_review_only(editor):
    drug = Drug.objects.get(slug="letrozole")
    drug.status = Status.DRAFT
    drug.save()
    soup = BeautifulSoup(editor.get(change_url(drug)).content, "html.parser")
    options = {o["value"] for o in soup.find("select", {"name": "status"}).find_all("option")}
    assert options == {"draft", "review"}


def test_editor_writes_a_draft_sends_it_for_review_then_reviewer_publishes(
    client, django_user_model
):
    member_of(django_user_model, client, "Editors", "edna")
    drug = Drug.objects.get(slug="letrozole")
    drug.status = Status.DRAFT
    drug.save()
    response = edit(client, drug, status="review", summary="Letrozole (Femara) is a hormone pill.")
    assert response.status_code == 302
    drug.refresh_from_db()
    assert drug.status == Status.REVIEW
    client.logout()
    assert client.get(drug.get_absolute_url()).status_code == 404  # not live while in review

    member_of(django_user_model, client, "Medical reviewers", "rita")
    response = edit(client, drug, status="published", whole_page_reviewed="on")
    assert response.status_code == 302
    drug.refresh_from_db()
    assert drug.status == Status.PUBLISHED
    assert drug.last_reviewed_on == timezone.localdate()
    assert drug.reviewed_by == "Rita Tester"
    client.logout()
    page = client.get(drug.get_absolute_url()).content.decode()
    assert "Letrozole (Femara) is a hormone pill." in page
    assert "Medically reviewed by Rita Tester on" in page


def test_history_records_who_changed_what_and_revert_restores_it(reviewer):
    drug = Drug.objects.get(slug="anastrozole")
    original = drug.summary
    edit(reviewer, drug, status="published", summary="A wrong summary.")
    drug.refresh_from_db()
    assert drug.summary == "A wrong summary."
    latest, before = drug.history.all()[:2]
    assert latest.history_user.username == "rita"
    assert before.summary == original

    history = reviewer.get(reverse("admin:education_drug_history", args=[drug.pk]))
    assert history.status_code == 200
    added = BeautifulSoup(history.content, "html.parser").select("ul.history-changes ins")
    assert "A wrong summary." in " ".join(i.get_text() for i in added)  # the diff of the change

    revert_url = reverse("admin:education_drug_simple_history", args=[drug.pk, before.history_id])
    response = reviewer.post(revert_url, form_data(reviewer.get(revert_url).content.decode()))
    assert response.status_code == 302
    drug.refresh_from_db()
    assert drug.summary == original


def test_review_due_is_flagged_in_lists_and_on_the_admin_index(reviewer):
    overdue = Drug.objects.get(slug="tamoxifen")
    overdue.last_reviewed_on = timezone.localdate() - timedelta(days=400)
    overdue.reviewed_by = "Someone"
    overdue.save()
    fresh = Drug.objects.get(slug="letrozole")
    fresh.last_reviewed_on = timezone.localdate() - timedelta(days=10)
    fresh.reviewed_by = "Someone"
    fresh.save()

    due = reviewer.get(reverse("admin:education_drug_changelist") + "?review=due")
    soup = BeautifulSoup(due.content, "html.parser")
    names = {a.get_text() for a in soup.select("#result_list th a")}
    assert "tamoxifen" in names and "letrozole" not in names
    assert "Overdue since" in due.content.decode()

    index = BeautifulSoup(reviewer.get(reverse("admin:index")).content, "html.parser")
    panel = index.find(id="review-panel")
    drugs_row = panel.find("a", string="Drugs").find_parent("tr")
    expected = Drug.objects.review_due().count()
    assert drugs_row.find("td").get_text().startswith(f"{expected} of")


def test_change_form_shows_reading_grades_and_warns_above_grade_8(reviewer):
    drug = Drug.objects.get(slug="exemestane")
    drug.how_it_works = (
        "Exemestane, an irreversible steroidal aromatase inactivator, substantially diminishes "
        "circulating oestrogen concentrations through covalent enzymatic modification, "
        "consequently attenuating hormonally mediated proliferative signalling pathways "
        "within malignant mammary epithelial populations, particularly following progression "
        "on nonsteroidal inhibitors."
    )
    drug.save()
    page = reviewer.get(change_url(drug)).content.decode()
    assert "Reading grade" in page
    assert "above grade 8" in page
    listing = reviewer.get(reverse("admin:education_drug_changelist") + "?q=exemestane")
    assert "above grade 8" in listing.content.decode()


def test_markdown_preview_renders_like_the_public_page(reviewer):
    drug = Drug.objects.get(slug="fulvestrant")
    drug.how_it_works = "It **blocks** estrogen. <script>alert(1)</script>"
    drug.save()
    page = reviewer.get(change_url(drug)).content.decode()
    assert "<strong>blocks</strong>" in page
    assert "<script>alert(1)</script>" not in page


def snapshot():
    models = [model for group in FIXTURE_LAYOUT.values() for model in group]
    return {model._meta.label: serialize_rows(natural_order(model)) for model in models}


def test_export_writes_the_files_load_content_reads(tmp_path):
    call_command("export_content", dir=tmp_path, verbosity=0)
    for path in fixture_paths():
        assert (tmp_path / path.name).read_text() == path.read_text(), path.name


def test_export_then_load_round_trips_an_edit(tmp_path):
    drug = Drug.objects.get(slug="olaparib")
    drug.summary = "An edited summary, exported and loaded again."
    drug.save()
    call_command("export_content", dir=tmp_path, verbosity=0)
    before = snapshot()
    for group in reversed(list(FIXTURE_LAYOUT.values())):
        for model in reversed(group):
            model.objects.all().delete()
    # A fresh database: nothing loaded yet (otherwise every row counts as deleted by an
    # editor, and load_content rightly does not add it back).
    LoadedRow.objects.all().delete()
    call_command("load_content", dir=tmp_path, verbosity=0)
    assert snapshot() == before
    assert Drug.objects.get(slug="olaparib").summary == drug.summary
    shutil.rmtree(tmp_path)


def test_an_edit_or_unpublish_shows_at_once_despite_the_page_cache(client):
    drug = Drug.objects.get(slug="pertuzumab")
    listing = reverse("education:drug-list")
    assert client.get(drug.get_absolute_url()).status_code == 200  # now cached
    assert f'href="{drug.get_absolute_url()}"' in client.get(listing).content.decode()
    drug.summary = "A brand new summary."
    drug.save()
    assert "A brand new summary." in client.get(drug.get_absolute_url()).content.decode()
    drug.status = Status.DRAFT
    drug.save()
    assert client.get(drug.get_absolute_url()).status_code == 404
    assert f'href="{drug.get_absolute_url()}"' not in client.get(listing).content.decode()


def test_sources_are_filtered_by_kind(reviewer):
    url = reverse("admin:education_source_changelist")
    soup = BeautifulSoup(reviewer.get(url + "?kind__exact=regulator").content, "html.parser")
    kinds = {td.get_text(strip=True) for td in soup.select("td.field-kind")}
    assert kinds == {"Label or regulator (FDA, DailyMed)"}
    shown = len(soup.select("#result_list tbody tr"))
    assert shown == min(Source.objects.filter(kind=SourceKind.REGULATOR).count(), 100)


def test_pages_resting_only_on_secondary_sources_are_listed_and_counted(reviewer):
    drug = Drug.objects.get(slug="letrozole")
    url = reverse("admin:education_drug_changelist") + "?sources=secondary_only"
    assert "letrozole" not in reviewer.get(url).content.decode()
    drug.sources.remove(*drug.sources.primary())
    listed = BeautifulSoup(reviewer.get(url).content, "html.parser").select("#result_list a")
    assert "letrozole" in [a.get_text(strip=True) for a in listed]
    panel = BeautifulSoup(reviewer.get(reverse("admin:index")).content, "html.parser").find(
        id="source-panel"
    )
    row = panel.find("a", string="Drugs").find_parent("tr")
    assert "1 of" in row.get_text()
    assert reviewer.get(panel.find("a", string="Drugs")["href"]).status_code == 200
