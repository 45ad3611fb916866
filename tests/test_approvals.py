"""The 2025-2026 US approvals, as a reader finds them on the pages that speak of them."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from education.models import Drug, Rule, TreatmentUpdate

pytestmark = pytest.mark.django_db


def page_text(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(soup.find("main").get_text(" ").split()), soup


def drug_page(client, slug):
    return page_text(client, reverse("education:drug-detail", args=[slug]))


def feature_page(client, slug):
    return page_text(client, reverse("education:feature-detail", args=[slug]))


def test_tdxd_with_pertuzumab_is_a_first_treatment_for_her2_positive_cancer(client):
    text, _ = drug_page(client, "fam-trastuzumab-deruxtecan")
    assert "given with pertuzumab (Perjeta)" in text and "December 2025" in text
    text, _ = drug_page(client, "pertuzumab")
    assert "with fam-trastuzumab deruxtecan (Enhertu)" in text
    text, soup = feature_page(client, "her2-positive")
    assert "T-DXd, with pertuzumab" in text and "December 2025" in text
    assert soup.find(
        "a", href=reverse("education:drug-detail", args=["fam-trastuzumab-deruxtecan"])
    )


def test_pertuzumab_page_no_longer_offers_it_after_the_cancer_grows(client):
    text, _ = drug_page(client, "pertuzumab")
    assert "used later" not in text
    text, _ = page_text(client, reverse("education:article-detail", args=["when-cancer-grows"]))
    assert "pertuzumab (Perjeta) with trastuzumab" not in text


def test_the_pertuzumab_biosimilar_is_listed_and_explained(client):
    text, _ = drug_page(client, "pertuzumab")
    assert "Poherdy" in text and "biosimilar" in text
    az, _ = page_text(client, reverse("education:drug-list"))
    assert "Poherdy" in az


def test_triple_negative_first_treatments_name_both_new_drugs(client):
    text, soup = feature_page(client, "triple-negative")
    assert "Sacituzumab govitecan on its own, or datopotamab deruxtecan (Datroway)" in text
    assert "or with sacituzumab govitecan (Trodelvy)" in text
    assert soup.find("a", href=reverse("education:drug-detail", args=["datopotamab-deruxtecan"]))
    text, _ = drug_page(client, "sacituzumab-govitecan")
    assert "June 2026" in text and "with pembrolizumab (Keytruda)" in text
    text, _ = drug_page(client, "datopotamab-deruxtecan")
    assert "triple-negative and immunotherapy is not an option" in text and "May 2026" in text
    text, _ = feature_page(client, "pd-l1")
    assert "with sacituzumab govitecan (Trodelvy)" in text


def test_pembrolizumab_under_the_skin_is_explained(client):
    text, _ = drug_page(client, "pembrolizumab")
    assert "Keytruda Qlex" in text and "under the skin" in text
    _, results = page_text(client, reverse("education:search") + "?q=Keytruda+Qlex")
    first = results.find("main").find(
        "a", href=reverse("education:drug-detail", args=["pembrolizumab"])
    )
    assert first, "a search for the brand finds the drug"


def test_vepdegestrant_has_its_own_page_and_the_esr1_page_lists_three_pills(client):
    text, soup = drug_page(client, "vepdegestrant")
    assert "Vepdegestrant" in text and "Veppanu" in text
    assert "once a day" in text and "ESR1" in text
    assert "We have not yet checked its full list of side effects" in text
    esr1, soup = feature_page(client, "esr1-mutation")
    assert "one of 3 newer hormone pills" in esr1
    linked = {a["href"] for a in soup.find_all("a", href=True)}
    for slug in ["elacestrant", "imlunestrant", "vepdegestrant"]:
        assert reverse("education:drug-detail", args=[slug]) in linked, slug
    assert "camizestrant" in esr1 and "not approved in the US" in esr1
    grows, _ = page_text(client, reverse("education:article-detail", args=["when-cancer-grows"]))
    assert "vepdegestrant (Veppanu)" in grows


def test_rule_texts_name_the_new_options():
    assert "T-DXd (Enhertu) with pertuzumab" in Rule.objects.get(slug="her2-first").reason
    assert "vepdegestrant" in Rule.objects.get(slug="esr1-oral-serd").reason
    assert "sacituzumab govitecan" in Rule.objects.get(slug="tnbc-pdl1-immunotherapy").reason
    first_adc = Rule.objects.get(slug="tnbc-first-adc")
    assert {d.slug for d in first_adc.drugs.all()} == {
        "sacituzumab-govitecan",
        "datopotamab-deruxtecan",
    }


def test_a_drug_page_says_when_its_approved_uses_were_checked_only_when_someone_did(client):
    checked = Drug.objects.exclude(approvals_checked_on=None).first()
    text, _ = drug_page(client, checked.slug)
    assert f"FDA-approved uses checked on {checked.approvals_checked_on:%B} " in text
    unchecked = Drug.objects.filter(approvals_checked_on=None).first()
    text, _ = drug_page(client, unchecked.slug)
    assert "FDA-approved uses checked" not in text


def test_each_approval_is_dated_on_the_whats_new_page(client):
    """Every drug the new uses changed has a dated entry that links to its page."""
    for slug in [
        "fam-trastuzumab-deruxtecan",
        "pertuzumab",
        "sacituzumab-govitecan",
        "datopotamab-deruxtecan",
        "vepdegestrant",
        "pembrolizumab",
        "imlunestrant",
        "elacestrant",
        "capivasertib",
        "inavolisib",
    ]:
        entries = TreatmentUpdate.objects.published().filter(drugs__slug=slug)
        assert entries.exists(), slug
        text, _ = page_text(client, entries.first().get_absolute_url())
        assert Drug.objects.get(slug=slug).display_name in text
