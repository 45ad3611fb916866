"""A real preview: the unsaved change form shown as the public page, and nothing saved."""

import pytest
from bs4 import BeautifulSoup
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.urls import reverse

from education.models import Drug, DrugFamily, Revision, Source, SurvivalStatistic
from education.models.version import ContentVersion

from admin_forms import change_url, form_data, member_of

pytestmark = pytest.mark.django_db

NEW_SUMMARY = "Letrozole is a pill that lowers the estrogen your body makes. Preview text."


def preview_url(obj):
    return change_url(obj) + "preview/"


def open_form(client, obj):
    response = client.get(change_url(obj))
    assert response.status_code == 200
    return response.content.decode()


def page_text(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def snapshot(obj):
    obj = type(obj)._base_manager.get(pk=obj.pk)
    return (
        obj.summary,
        obj.status,
        obj.edit_version,
        obj.updated_at,
        obj.history.count(),
        sorted(obj.sources.values_list("pk", flat=True)),
        Revision.objects.count(),
        ContentVersion.objects.values_list("version", flat=True).first(),
    )


def test_the_change_form_has_a_preview_button_that_posts_the_form_to_a_new_tab(editor):
    drug = Drug.objects.get(slug="letrozole")
    soup = BeautifulSoup(open_form(editor, drug), "html.parser")
    button = soup.find("button", string="Preview")
    assert button["type"] == "submit"
    assert button["formaction"] == preview_url(drug)
    assert button["formtarget"] == "_blank"
    assert button.find_parent("form")["id"] == "drug_form"  # it sends this form


@pytest.mark.parametrize("who", ["editor", "reviewer"])
def test_the_preview_shows_the_unsaved_text_on_the_public_page_and_saves_nothing(who, request):
    client = request.getfixturevalue(who)
    drug = Drug.objects.get(slug="letrozole")
    before = snapshot(drug)
    data = form_data(open_form(client, drug))
    data["summary_en"] = NEW_SUMMARY

    response = client.post(preview_url(drug), data)

    assert response.status_code == 200
    assert (
        response["Cache-Control"].startswith("private") and "no-store" in response["Cache-Control"]
    )
    assert "education/drug_detail.html" in [t.name for t in response.templates]
    soup = BeautifulSoup(response.content, "html.parser")
    banner = soup.select_one(".draft-banner").get_text(" ", strip=True)
    assert banner.startswith("Preview: not saved.")
    assert NEW_SUMMARY in soup.select_one(".summary").get_text(" ", strip=True)
    assert soup.h1.get_text(strip=True) == "Letrozole"  # the public page's own template
    assert snapshot(drug) == before  # text, status, version, history, links, revisions

    client.logout()  # and readers still get the published text
    assert NEW_SUMMARY not in page_text(client.get(drug.get_absolute_url()))


def test_the_preview_uses_the_links_ticked_in_the_form(reviewer):
    drug = Drug.objects.get(slug="letrozole")
    kept = drug.sources.order_by("pk").first()
    dropped = [s for s in drug.sources.all() if s != kept]
    assert dropped
    data = form_data(open_form(reviewer, drug))
    data["sources"] = [str(kept.pk)]
    soup = BeautifulSoup(reviewer.post(preview_url(drug), data).content, "html.parser")
    cited = soup.select_one("ol.sources").get_text(" ", strip=True)
    assert kept.title in cited
    assert all(source.title not in cited for source in dropped)
    assert drug.sources.count() == len(dropped) + 1  # still saved as it was


def test_a_form_opened_before_someone_elses_save_still_previews(reviewer):
    drug = Drug.objects.get(slug="letrozole")
    data = form_data(open_form(reviewer, drug))
    Drug.objects.get(pk=drug.pk).save()  # someone else saves meanwhile
    data["summary_en"] = NEW_SUMMARY
    response = reviewer.post(preview_url(drug), data)
    assert response.status_code == 200 and NEW_SUMMARY in page_text(response)


def test_a_form_with_errors_gets_its_errors_on_a_plain_page(reviewer):
    drug = Drug.objects.get(slug="letrozole")
    before = snapshot(drug)
    data = form_data(open_form(reviewer, drug))
    data["generic_name"] = ""
    response = reviewer.post(preview_url(drug), data)
    assert response.status_code == 400
    text = page_text(response)
    assert "cannot be previewed" in text and "This field is required." in text
    assert snapshot(drug) == before


def test_only_staff_who_may_change_it_can_preview(client, django_user_model):
    drug = Drug.objects.get(slug="letrozole")
    response = client.post(preview_url(drug), {"summary": NEW_SUMMARY})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]

    viewer = django_user_model.objects.create_user("vera", password="x-long-pass", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_drug"))
    client.force_login(viewer)
    assert client.post(preview_url(drug), {"summary": NEW_SUMMARY}).status_code == 403

    member_of(django_user_model, client, "Editors", "edna")
    assert client.get(preview_url(drug)).status_code == 405  # a preview is always a POST


def test_every_kind_with_a_page_previews_with_its_own_template(reviewer):
    kinds = [
        model
        for model, model_admin in admin.site._registry.items()
        if hasattr(model_admin, "preview_view") and model.content_kind.has_page
    ]
    assert len(kinds) == 9
    for model in kinds:
        obj = model.objects.published().first()
        data = form_data(open_form(reviewer, obj))
        response = reviewer.post(preview_url(obj), data)
        assert response.status_code == 200, (model, response.content[:2000])
        names = [t.name for t in response.templates]
        assert f"education/{model._meta.model_name}_detail.html" in names, model
        assert "Preview: not saved." in page_text(response), model


def test_kinds_without_a_page_have_no_preview(reviewer):
    for model in (DrugFamily, SurvivalStatistic):
        obj = model.objects.first()
        soup = BeautifulSoup(open_form(reviewer, obj), "html.parser")
        assert soup.find("button", string="Preview") is None
        assert reviewer.post(preview_url(obj), {}).status_code == 404
    # Nor do sources, rules or questions: they are not pages.
    soup = BeautifulSoup(open_form(reviewer, Source.objects.first()), "html.parser")
    assert soup.find("button", string="Preview") is None
    assert reverse("admin:education_drug_preview", args=[1]).endswith("/1/change/preview/")
