"""Issue 17 (5, 8, 9): side effects linked from either side, forms laid out like the page,
old addresses redirected, and the small things (actions, favicon, unlocking a person)."""

import json

import pytest
from axes.models import AccessAttempt
from bs4 import BeautifulSoup
from django.contrib import admin
from django.contrib.admin.utils import flatten
from django.contrib.redirects.models import Redirect
from django.test import Client
from django.urls import reverse

from education.admin_layout import REQUIRED, form_field_names
from education.admin_workflow import WORKFLOW_FIELDS
from education.content import FIXTURE_LAYOUT
from education.models import (
    Article,
    Drug,
    DrugSideEffect,
    GlossaryTerm,
    Revision,
    SideEffect,
    Status,
)

from admin_forms import PASSWORD, change_url, edit, form_data, member_of

pytestmark = pytest.mark.django_db

CONTENT_ADMINS = [
    model
    for models in FIXTURE_LAYOUT.values()
    for model in models
    if model in admin.site._registry and hasattr(model, "slug") and hasattr(model, "status")
]


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def help_text(page, name):
    return page.find(id=f"id_{name}_helptext").get_text(" ", strip=True)


# 5. Link from either side


def test_an_editor_links_a_side_effect_to_two_drugs_from_its_page_after_review(
    client, django_user_model
):
    infections = SideEffect.objects.get(slug="infections")
    assert infections.status == Status.PUBLISHED
    drugs = list(Drug.objects.published().exclude(side_effects=infections).order_by("slug")[:2])
    assert len(drugs) == 2
    links_before = DrugSideEffect.objects.filter(side_effect=infections).count()

    member_of(django_user_model, client, "Editors", "edna")
    page = client.get(change_url(infections))
    assert soup_of(page).find(id="drugsideeffect_set-group")  # the drugs inline
    data = form_data(page.content.decode())
    prefix = "drugsideeffect_set"
    first_new = int(data[f"{prefix}-TOTAL_FORMS"]) - 1  # the empty extra row
    for offset, drug in enumerate(drugs):
        row = f"{prefix}-{first_new + offset}"
        data.update(
            {
                f"{row}-drug": str(drug.pk),
                f"{row}-side_effect": str(infections.pk),
                f"{row}-frequency": DrugSideEffect.Frequency.COMMON,
                f"{row}-note": "Tell your care team about a fever.",
            }
        )
    data[f"{prefix}-TOTAL_FORMS"] = str(first_new + len(drugs))
    data["change_summary"] = "Linked two drugs that can cause infections"
    response = client.post(change_url(infections), data)
    revision = Revision.objects.get()
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert response["Location"] == reverse("admin:education_revision_change", args=[revision.pk])
    # Readers see the published links until a reviewer approves.
    assert DrugSideEffect.objects.filter(side_effect=infections).count() == links_before
    reader = Client()
    for drug in drugs:
        assert (
            infections.get_absolute_url()
            not in reader.get(drug.get_absolute_url()).content.decode()
        )

    member_of(django_user_model, client, "Medical reviewers", "rita")
    approved = client.post(
        reverse("admin:education_revision_change", args=[revision.pk]), {"approve": "1"}
    )
    assert approved.status_code == 302
    revision.refresh_from_db()
    assert revision.state == Revision.State.APPROVED
    assert DrugSideEffect.objects.filter(side_effect=infections).count() == links_before + 2
    for drug in drugs:
        table = soup_of(reader.get(drug.get_absolute_url())).find(
            "table", class_="side-effect-table"
        )
        assert table.find("a", href=infections.get_absolute_url()), drug.slug
        drug_form = client.get(change_url(drug)).content.decode()
        assert f'value="{infections.pk}"' in drug_form  # and on the drug's own form


# 8. Forms laid out like the page


def test_the_drug_form_follows_the_page_then_links_then_publishing(reviewer):
    drug = Drug.objects.get(slug="letrozole")
    response = reviewer.get(change_url(drug))
    fieldsets = [(fs.name, list(fs.fields)) for fs in response.context["adminform"]]
    assert [name for name, _ in fieldsets] == [
        None,
        "Links and sources",
        "Publishing",
        "Your change",
    ]
    # A translated field is one row: its English box, then its Spanish box.
    content = [names[0] if isinstance(names, tuple) else names for names in fieldsets[0][1]]
    assert content[:5] == ["generic_name", "brand_names", "other_names_en", "family", "summary_en"]
    assert ("summary_en", "summary_es") in fieldsets[0][1]
    content = [name.removesuffix("_en") for name in content]
    for earlier, later in [
        ("summary", "how_given"),
        ("how_given", "how_it_works"),
        ("how_it_works", "who_for"),
        ("who_for", "combinations"),
        ("side_effects_note", "questions"),
    ]:
        assert content.index(earlier) < content.index(later)
    assert fieldsets[1][1] == ["label_source", "sources"]
    assert fieldsets[2][1] == [
        "status",
        "spanish_status",
        "slug",
        "updated_at",
        "last_reviewed_on",
        "reviewed_by",
    ]
    # The same order in the page the browser gets.
    html = response.content.decode()
    ids = [
        "id_generic_name",
        "id_summary_en",
        "id_summary_es",
        "id_questions_en",
        "id_label_source",
        "id_status",
    ]
    positions = [html.index(f'id="{i}"') for i in ids]
    assert positions == sorted(positions)


@pytest.mark.parametrize("model", CONTENT_ADMINS, ids=lambda m: m.__name__)
def test_every_content_form_ends_with_publishing_and_loses_no_field(reviewer, model):
    model_admin = admin.site._registry[model]
    obj = model.objects.first()
    request = reviewer.get(change_url(obj)).wsgi_request
    fieldsets = model_admin.get_fieldsets(request, obj)
    names = [name for name, _ in fieldsets]
    assert names[-2:] == ["Publishing", "Your change"], names
    shown = flatten(f for _, options in fieldsets for f in options["fields"])
    assert len(shown) == len(set(shown))
    assert set(form_field_names(model)) <= set(shown)  # nothing the form edits is left out
    assert "preview" not in shown and "reading_levels" not in shown  # after the inlines
    publishing = dict(fieldsets)["Publishing"]["fields"]
    assert publishing[:3] == ["status", "spanish_status", "slug"]
    assert not set(WORKFLOW_FIELDS) & set(shown[: -len(dict(fieldsets)["Your change"]["fields"])])


def test_the_side_effects_come_before_the_reading_level_and_preview(reviewer):
    html = reviewer.get(change_url(Drug.objects.get(slug="letrozole"))).content.decode()
    inline = html.index('id="drugsideeffect_set-group"')
    assert inline < html.index("Reading level and preview")
    assert inline < html.index("Preview (as on the public page)")
    assert inline < html.index("Reading level of each text")


def test_required_fields_say_so_in_their_help_text(client, django_user_model):
    member_of(django_user_model, client, "Medical reviewers", "rita")
    page = soup_of(client.get(change_url(Drug.objects.get(slug="letrozole"))))
    for name in ("generic_name", "family", "summary_en", "how_given_en", "status"):
        assert help_text(page, name).startswith(REQUIRED), name
    # The Spanish words are never required: a page may be in English only.
    for name in ("brand_names", "notice_en", "questions_en", "summary_es"):
        assert not help_text(page, name).startswith(REQUIRED), name
    inline = page.find(id="drugsideeffect_set-group")
    for column in ("side_effect", "frequency"):  # the inline rows' columns too
        header = inline.find("th", class_=f"column-{column}")
        assert header.find("img")["title"].startswith(REQUIRED), column
    assert not inline.find("th", class_="column-note_en").find("img")["title"].startswith(REQUIRED)

    # An editor's status (their own help text, without "published") on a draft says so too.
    term = GlossaryTerm.objects.first()
    GlossaryTerm.objects.filter(pk=term.pk).update(status=Status.DRAFT)
    member_of(django_user_model, client, "Editors", "edna")
    page = soup_of(client.get(change_url(term)))
    assert help_text(page, "status").startswith(f"{REQUIRED} Choose 'In review'")
    assert help_text(page, "term_en").startswith(REQUIRED)


def test_a_published_pages_address_is_fixed_in_its_form(reviewer):
    drug = Drug.objects.get(slug="letrozole")
    page = soup_of(reviewer.get(change_url(drug)))
    assert page.find("input", attrs={"name": "slug"}).has_attr("disabled")
    response = edit(reviewer, drug, slug="letrozole-renamed", summary="A new summary.")
    assert response.status_code == 302
    drug.refresh_from_db()
    assert drug.slug == "letrozole" and drug.summary == "A new summary."


def test_the_source_key_is_filled_from_its_title(reviewer):
    page = soup_of(reviewer.get(reverse("admin:education_source_add")))
    script = page.find(attrs={"data-prepopulated-fields": True})
    fields = json.loads(script["data-prepopulated-fields"])
    assert {(f["id"], tuple(f["dependency_ids"])) for f in fields} == {("#id_key", ("#id_title",))}


def test_renaming_a_draft_keeps_its_old_address_and_handout_as_redirects(reviewer):
    article = Article.objects.published().first()
    old_url = article.get_absolute_url()
    Article.objects.filter(pk=article.pk).update(status=Status.DRAFT)
    article.refresh_from_db()
    page = soup_of(reviewer.get(change_url(article)))
    assert not page.find("input", attrs={"name": "slug"}).has_attr("disabled")  # a draft

    response = edit(reviewer, article, slug=f"{article.slug}-renamed", status=Status.PUBLISHED)
    assert response.status_code == 302
    article.refresh_from_db()
    new_url = article.get_absolute_url()
    assert new_url != old_url and article.status == Status.PUBLISHED

    reader = Client()
    for _ in range(2):  # the second from the page cache, if it ever kept one
        moved = reader.get(old_url)
        assert moved.status_code == 301 and moved["Location"] == new_url
    handout = reader.get(old_url + "handout.pdf")
    assert handout.status_code == 301 and handout["Location"] == new_url + "handout.pdf"
    assert reader.get(new_url).status_code == 200


def test_redirects_never_chain_and_stop_when_an_address_is_a_page_again(client):
    term = GlossaryTerm.objects.published().first()
    first = term.get_absolute_url()
    term.slug = "renamed-once"
    term.save()
    second = term.get_absolute_url()
    term.slug = "renamed-twice"
    term.save()
    third = term.get_absolute_url()
    redirects = dict(Redirect.objects.values_list("old_path", "new_path"))
    assert redirects == {first: third, second: third}
    assert client.get(first)["Location"] == third

    term.slug = first.rstrip("/").rsplit("/", 1)[-1]  # back to its first address
    term.save()
    redirects = dict(Redirect.objects.values_list("old_path", "new_path"))
    assert redirects == {second: first, third: first}
    assert client.get(first).status_code == 200


def test_view_on_site_opens_the_page_on_this_host(reviewer):
    drug = Drug.objects.get(slug="letrozole")
    page = soup_of(reviewer.get(change_url(drug)))
    assert page.find("a", class_="viewsitelink")["href"] == drug.get_absolute_url()


# 9. Small things


def action_names(client, model):
    page = soup_of(client.get(reverse(f"admin:education_{model._meta.model_name}_changelist")))
    return [option["value"] for option in page.find("select", attrs={"name": "action"})("option")]


def test_editors_are_not_offered_the_publish_action(client, django_user_model):
    member_of(django_user_model, client, "Editors", "edna")
    assert "publish" not in action_names(client, Drug)
    assert "send_for_review" in action_names(client, Drug)
    term = GlossaryTerm.objects.first()
    GlossaryTerm.objects.filter(pk=term.pk).update(status=Status.DRAFT)
    client.post(
        reverse("admin:education_glossaryterm_changelist"),
        {"action": "publish", "_selected_action": [term.pk], "confirmed": "yes"},
    )
    term.refresh_from_db()
    assert term.status == Status.DRAFT  # a crafted request does nothing

    member_of(django_user_model, client, "Medical reviewers", "rita")
    assert "publish" in action_names(client, Drug)


def test_admin_pages_carry_the_sites_favicon(reviewer):
    for url in (reverse("admin:index"), reverse("admin:education_drug_changelist")):
        icon = soup_of(reviewer.get(url)).find("link", rel="icon")
        assert icon and "favicon" in icon["href"] and icon["href"].endswith(".svg"), url
    anonymous = soup_of(Client().get(reverse("admin:login")))
    assert anonymous.find("link", rel="icon")


def lock_out(django_user_model, username="chief"):
    person = django_user_model.objects.create_user(
        username, password="the-right-password-2026", is_staff=True
    )
    browser = Client()
    for _ in range(5):
        browser.post(
            reverse("admin:login"),
            {"username": username, "password": "wrong"},
            REMOTE_ADDR="10.0.0.9",
        )
    return person, browser


def sign_in(browser, username="chief"):
    return browser.post(
        reverse("admin:login"),
        {"username": username, "password": "the-right-password-2026", "next": "/admin/"},
        REMOTE_ADDR="10.0.0.9",
    )


def test_a_medical_reviewer_unlocks_a_locked_out_person(client, django_user_model):
    person, browser = lock_out(django_user_model)
    assert sign_in(browser).status_code == 429  # locked out
    attempts = reverse("admin:axes_accessattempt_changelist")

    member_of(django_user_model, client, "Editors", "edna")
    assert client.get(attempts).status_code == 403
    assert attempts not in client.get(reverse("admin:index")).content.decode()

    member_of(django_user_model, client, "Medical reviewers", "rita")
    listing = client.get(attempts)
    assert listing.status_code == 200 and "chief" in listing.content.decode()
    assert "unlock" in [
        o["value"] for o in soup_of(listing).find("select", attrs={"name": "action"})("option")
    ]
    attempt = AccessAttempt.objects.get(username="chief")
    client.post(attempts, {"action": "unlock", "_selected_action": [attempt.pk]})
    assert not AccessAttempt.objects.filter(username="chief").exists()

    response = sign_in(browser)
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_a_superuser_may_unlock_too(client, django_user_model):
    lock_out(django_user_model)
    boss = django_user_model.objects.create_superuser("boss", password=PASSWORD)
    client.force_login(boss)
    attempts = reverse("admin:axes_accessattempt_changelist")
    attempt = AccessAttempt.objects.get(username="chief")
    client.post(attempts, {"action": "unlock", "_selected_action": [attempt.pk]})
    assert not AccessAttempt.objects.exists()
