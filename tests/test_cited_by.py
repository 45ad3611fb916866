"""Where a source is cited: "Cited by" on its form, and the "cites source" filter on the lists."""

import pytest
from bs4 import BeautifulSoup
from django.contrib import admin
from django.db.models import Q
from django.urls import reverse

from education.admin_sources import citing_fields
from education.models import (
    Drug,
    DrugSideEffect,
    Revision,
    Rule,
    Source,
    SurvivalStatistic,
)

from admin_forms import change_url, edit

pytestmark = pytest.mark.django_db

STAGE_IV = "acs-stage-iv-2019"


def citing_drugs(source):
    return set(
        Drug.objects.filter(
            Q(sources=source) | Q(label_source=source) | Q(drugsideeffect__source=source)
        ).values_list("pk", flat=True)
    )


def cited_by_sections(client, source):
    """{kind heading: [row texts]} from the source's change form."""
    soup = BeautifulSoup(client.get(change_url(source)).content, "html.parser")
    field = soup.select_one(".field-cited_by")
    return {
        kind.summary.get_text(strip=True): kind.select("ul.cited-by > li")
        for kind in field.select("details.cited-by-kind")
    }


def test_every_field_pointing_at_a_source_is_found_without_a_list():
    assert set(citing_fields()) >= {
        (Drug, "sources"),
        (Drug, "label_source"),
        (DrugSideEffect, "source"),
        (SurvivalStatistic, "source"),
        (SurvivalStatistic, "sources"),
        (Rule, "sources"),
    }


def test_a_widely_cited_source_lists_its_drugs_and_rules_with_counts_and_links(reviewer):
    source = Source.objects.get(key=STAGE_IV)
    sections = cited_by_sections(reviewer, source)
    drugs = Drug.objects.filter(pk__in=citing_drugs(source))
    rules = Rule.objects.filter(sources=source)
    assert len(drugs) > 10 and len(rules) > 10  # widely cited, as the test needs
    assert sections[f"Drugs ({len(drugs)})"]
    assert len(sections[f"Drugs ({len(drugs)})"]) == len(drugs)
    assert len(sections[f"Rules ({len(rules)})"]) == len(rules)

    letrozole = next(
        li for li in sections[f"Drugs ({len(drugs)})"] if li.a.get_text() == "letrozole"
    )
    hrefs = [a["href"] for a in letrozole.find_all("a")]
    drug = Drug.objects.get(slug="letrozole")
    assert hrefs == [change_url(drug), drug.get_absolute_url()]
    rule = rules[0]
    row = next(li for li in sections[f"Rules ({len(rules)})"] if li.a.get_text() == rule.title)
    assert row.a["href"] == change_url(rule)


def test_side_effect_rows_label_sources_and_figures_are_listed_through_their_pages(reviewer):
    source = Source.objects.get(key=STAGE_IV)
    row = DrugSideEffect.objects.select_related("drug").exclude(drug__sources=source)[0]
    row.source = source
    row.save()
    other = Drug.objects.exclude(pk__in=citing_drugs(source))[0]
    other.label_source = source
    other.save()
    figure = SurvivalStatistic.objects.first()
    figure.source = source
    figure.save()

    sections = cited_by_sections(reviewer, source)
    side_effect_rows = next(v for k, v in sections.items() if k.startswith("Drug side effects"))
    listed = next(li for li in side_effect_rows if li.a.get_text() == str(row))
    assert listed.a["href"] == change_url(row.drug)  # rows are edited on the drug's form
    assert "via source" in listed.get_text()
    drugs = next(v for k, v in sections.items() if k.startswith("Drugs ("))
    labelled = next(li for li in drugs if li.a.get_text() == other.generic_name)
    assert "via label or monograph" in labelled.get_text()
    figures = next(v for k, v in sections.items() if k.startswith("Survival statistics"))
    assert any(li.a.get_text() == figure.title for li in figures)


def test_a_source_nothing_cites_says_so(reviewer):
    source = Source.objects.create(key="nowhere", title="Unused", publisher="Nobody")
    soup = BeautifulSoup(reviewer.get(change_url(source)).content, "html.parser")
    assert "Nothing on the site cites this source." in soup.select_one(".field-cited_by").text


def drug_list(client, **params):
    response = client.get(reverse("admin:education_drug_changelist"), params)
    assert response.status_code == 200
    return response


def test_filtering_the_drug_list_by_a_source_shows_only_the_drugs_that_cite_it(reviewer):
    source = Source.objects.get(key=STAGE_IV)
    other = Drug.objects.exclude(pk__in=citing_drugs(source))[0]
    other.label_source = source  # cited as its label only: still cites it
    other.save()
    response = drug_list(reviewer, cites_source=source.pk)
    shown = {drug.pk for drug in response.context["cl"].result_list}
    assert shown == citing_drugs(source) and other.pk in shown
    assert response.context["cl"].result_count == len(shown) < Drug.objects.count()

    soup = BeautifulSoup(response.content, "html.parser")
    chooser = soup.select_one("#changelist-filter select#cites-source-filter")
    assert chooser["name"] == "cites_source" and "admin-autocomplete" in chooser["class"]
    assert chooser.find("option", selected=True).get_text() == str(source)


def test_the_filter_keeps_the_other_filters_and_the_search(reviewer):
    source = Source.objects.get(key=STAGE_IV)
    response = drug_list(reviewer, status="published", q="a", cites_source=source.pk)
    form = BeautifulSoup(response.content, "html.parser").select_one("form.cites-source-filter")
    kept = {i["name"]: i["value"] for i in form.select("input[type=hidden]")}
    assert kept == {"status": "published", "q": "a"}
    shown = {drug.pk for drug in response.context["cl"].result_list}
    assert shown <= citing_drugs(source)


def test_its_search_box_finds_sources_through_the_admins_autocomplete(reviewer):
    response = drug_list(reviewer)
    chooser = BeautifulSoup(response.content, "html.parser").select_one(
        "select#cites-source-filter"
    )
    found = reviewer.get(
        chooser["data-ajax--url"],
        {
            "app_label": chooser["data-app-label"],
            "model_name": chooser["data-model-name"],
            "field_name": chooser["data-field-name"],
            "term": "stage IV",
        },
    ).json()
    source = Source.objects.get(key=STAGE_IV)
    assert {"id": str(source.pk), "text": str(source)} in found["results"]
    scripts = [
        tag["src"] for tag in BeautifulSoup(response.content, "html.parser").select("script[src]")
    ]
    assert any("admin/js/autocomplete" in src for src in scripts)  # select2 turns it into a search


def test_every_content_list_and_the_rules_have_the_filter(reviewer):
    source = Source.objects.get(key=STAGE_IV)
    for model in admin.site._registry:
        if not any(f.name == "sources" for f in model._meta.many_to_many):
            continue
        url = reverse(f"admin:education_{model._meta.model_name}_changelist")
        response = reviewer.get(url, {"cites_source": source.pk})
        assert response.status_code == 200, model
        shown = {obj.pk for obj in response.context["cl"].result_list}
        assert shown == set(model.objects.filter(sources=source).values_list("pk", flat=True)) | (
            citing_drugs(source) if model is Drug else set()
        ), model


def test_a_value_that_is_not_a_source_is_an_error_not_a_crash(reviewer):
    response = reviewer.get(reverse("admin:education_drug_changelist"), {"cites_source": "x"})
    assert response.status_code == 302 and "e=1" in response["Location"]


def test_an_editors_change_to_a_source_cited_by_published_pages_waits_for_a_reviewer(editor):
    source = Source.objects.get(key=STAGE_IV)
    assert Drug.objects.published().filter(sources=source).exists()
    title = source.title
    response = edit(editor, source, title="Metastatic breast cancer (renamed)")
    revision = Revision.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:education_revision_change", args=[revision.pk])
    assert revision.state == Revision.State.PENDING and revision.object_id == source.pk
    source.refresh_from_db()
    assert source.title == title  # readers' pages still cite it as it was
