"""Ready-made ClinicalTrials.gov searches: built from a reader's answers, plain links that
carry only the search words, recruiting trials only."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from education.models import Article, TreatmentType
from education.questionnaire.trials import BY_KIND, CONDITION, searches_for

from questionnaire_flow import GREW_ON_AROMATASE_INHIBITOR, RESULTS, walk


def query(url):
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "clinicaltrials.gov", "/search")
    return {key: values[0] for key, values in parse_qs(parts.query).items()}


def terms(answers):
    return [query(search.url).get("term", "") for search in searches_for(answers)]


def test_every_search_is_for_recruiting_metastatic_breast_cancer_trials_and_nothing_else():
    for search in [*BY_KIND, *searches_for(GREW_ON_AROMATASE_INHIBITOR)]:
        sent = query(search.url)
        assert sent["cond"] == CONDITION and sent["aggFilters"] == "status:rec"
        assert set(sent) <= {"cond", "term", "aggFilters"}


def test_the_searches_carry_the_readers_results():
    assert terms(GREW_ON_AROMATASE_INHIBITOR) == [
        "hormone receptor positive HER2 negative",
        "ESR1",
        "",
    ]
    her2_low_brca_brain = {
        "hormone_receptor": ["negative"],
        "her2": ["low"],
        "mutations": ["brca", "pik3ca"],
        "spread": ["bone", "brain"],
        "prior_treatments": ["chemo", "tdxd", "cdk46"],
    }
    assert terms(her2_low_brca_brain) == [
        "triple negative",
        "HER2 low",
        "BRCA",
        "PIK3CA",
        "brain metastases",
        "CDK4/6 inhibitor",
        "trastuzumab deruxtecan",
        "",
    ]
    assert terms({"her2": ["positive"], "hormone_receptor": ["unsure"]}) == ["HER2 positive", ""]


def test_an_answer_the_reader_is_not_sure_of_makes_no_search():
    unsure = {key: ["unsure"] for key in ("hormone_receptor", "her2", "mutations", "spread")}
    assert terms(unsure) == [""]
    assert terms({}) == [""]


@pytest.mark.django_db
def test_the_results_page_links_to_the_readers_searches_and_sends_no_referrer(client):
    walk(client, GREW_ON_AROMATASE_INHIBITOR)
    soup = BeautifulSoup(client.get(RESULTS).content, "html.parser")
    links = soup.select("section.trial-searches ul.trial-search-links a")
    expected = searches_for(GREW_ON_AROMATASE_INHIBITOR)
    assert [(a["href"], a.get_text()) for a in links] == [(s.url, s.label) for s in expected]
    assert all("noreferrer" in a["rel"] for a in links)
    assert "How to read a trial listing" in soup.find("section", class_="trial-searches").text


@pytest.mark.django_db
@pytest.mark.parametrize("model", [Article, TreatmentType])
def test_the_clinical_trials_pages_offer_a_search_for_each_kind_of_cancer(client, model):
    page = model.objects.published().get(slug="clinical-trials")
    soup = BeautifulSoup(client.get(page.get_absolute_url()).content, "html.parser")
    links = [a["href"] for a in soup.select("section.trial-searches a")]
    assert links == [search.url for search in BY_KIND]
    other = model.objects.published().exclude(slug="clinical-trials").first()
    assert not BeautifulSoup(client.get(other.get_absolute_url()).content, "html.parser").find(
        "section", class_="trial-searches"
    )
