"""Search finds what readers heard in the clinic: brands, misspellings, plain words."""

from collections import Counter
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import reverse

from education.models import Drug, SearchSynonym, Status
from education.models.kinds import content_kinds
from education.search import search
from education.search.documents import PAGE_KIND, Document
from education.search.evaluation import load_queries, rank_of
from education.search.index import SearchIndex, current_index
from education.search.ranking import exact_query, rank
from education.search.results import snippet_html
from education.sitemaps import sitemaps

pytestmark = pytest.mark.django_db

#: (what a reader types, the page that must come first)
QUERIES = [
    ("Herceptin", "/drugs/trastuzumab/"),
    ("herceptin", "/drugs/trastuzumab/"),
    ("Herceptn", "/drugs/trastuzumab/"),
    ("tamoxifin", "/drugs/tamoxifen/"),
    ("Kisqaly", "/drugs/ribociclib/"),
    ("Kisqali", "/drugs/ribociclib/"),
    ("Ibrance", "/drugs/palbociclib/"),
    ("Enhertu", "/drugs/fam-trastuzumab-deruxtecan/"),
    ("T-DXd", "/drugs/fam-trastuzumab-deruxtecan/"),
    ("T-DM1", "/drugs/ado-trastuzumab-emtansine/"),
    ("Kadcyla", "/drugs/ado-trastuzumab-emtansine/"),
    ("Xgeva", "/drugs/denosumab/"),
    ("Zometa", "/drugs/zoledronic-acid/"),
    ("Faslodex", "/drugs/fulvestrant/"),
    ("fulvestrent", "/drugs/fulvestrant/"),
    ("Femara", "/drugs/letrozole/"),
    ("arimidex", "/drugs/anastrozole/"),
    ("Verzenio", "/drugs/abemaciclib/"),
    ("Trodelvy", "/drugs/sacituzumab-govitecan/"),
    ("Lynparza", "/drugs/olaparib/"),
    ("Xeloda", "/drugs/capecitabine/"),
    ("Abraxane", "/drugs/albumin-bound-paclitaxel/"),
    ("Piqray", "/drugs/alpelisib/"),
    ("mouth sores", "/side-effects/mouth-sores/"),
    ("hot flashes", "/side-effects/hot-flashes/"),
    ("hot flushes", "/side-effects/hot-flashes/"),
    ("neutropenia", "/side-effects/low-white-blood-cells/"),
    ("hair loss", "/side-effects/hair-loss/"),
    ("numbness", "/side-effects/nerve-damage/"),
    ("bone mets", "/spread/bone/"),
    ("brain mets", "/spread/brain/"),
    ("liver", "/spread/liver/"),
    ("chemo", "/treatments/chemotherapy/"),
    ("palliative care", "/treatments/palliative-care/"),
    # Hospice is not palliative care: a reader asking about it gets its own explanation.
    ("hospice", "/glossary/hospice/"),
    ("HER2 positive", "/cancer-features/her2-positive/"),
    ("HER2-low", "/cancer-features/her2-low/"),
    ("triple negative", "/cancer-features/triple-negative/"),
    ("BRCA", "/cancer-features/brca-mutation/"),
    ("PD-L1", "/cancer-features/pd-l1/"),
    ("life expectancy", "/survival/"),
    ("osteonecrosis", "/side-effects/osteonecrosis-of-the-jaw/"),
    ("osteonecrosis of the jaw", "/side-effects/osteonecrosis-of-the-jaw/"),
    ("diarrhea", "/side-effects/diarrhea/"),
]


def first_result(client, query):
    response = client.get(reverse("education:search"), {"q": query})
    assert response.status_code == 200
    best = BeautifulSoup(response.content, "html.parser").select_one(".best-match a")
    return best["href"] if best else None


@pytest.mark.parametrize("query, expected", QUERIES, ids=[q for q, _ in QUERIES])
def test_real_world_queries_find_the_right_page_first(client, query, expected):
    assert first_result(client, query) == expected


def test_a_brand_name_says_which_name_it_matched(client):
    page = client.get(reverse("education:search"), {"q": "Ibrance"}).content.decode()
    assert "Found by the name “Ibrance”" in page


def test_did_you_mean_offers_the_right_spelling(client):
    soup = BeautifulSoup(
        client.get(reverse("education:search"), {"q": "tamoxifin"}).content, "html.parser"
    )
    suggestion = soup.select_one(".did-you-mean a")
    assert suggestion.get_text() == "tamoxifen"


def test_results_are_grouped_with_words_highlighted(client):
    soup = BeautifulSoup(
        client.get(reverse("education:search"), {"q": "diarrhea"}).content, "html.parser"
    )
    headings = [h.get_text() for h in soup.select("main h2")]
    assert "Best match" in headings and "Drugs" in headings
    assert soup.select("mark")
    assert all(m.get_text().lower() == "diarrhea" for m in soup.select("mark"))


def test_editors_synonyms_change_results(client):
    assert first_result(client, "wonky chompers") != "/side-effects/osteonecrosis-of-the-jaw/"
    SearchSynonym.objects.create(phrase="wonky chompers", means="Jaw bone damage")
    assert first_result(client, "wonky chompers") == "/side-effects/osteonecrosis-of-the-jaw/"


def test_nothing_found_still_gives_a_useful_page(client):
    page = client.get(reverse("education:search"), {"q": "qwxzzzv"}).content.decode()
    assert "Nothing on this site matches" in page
    assert reverse("education:questionnaire") in page
    assert reverse("education:glossary-list") in page


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "a" * 5000,
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "%00",
        "😀",
    ],
)
def test_empty_long_and_hostile_queries_get_a_normal_page(client, query):
    response = client.get(reverse("education:search"), {"q": query})
    assert response.status_code == 200
    page = response.content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "<img src=x" not in page


def test_highlighting_never_breaks_escaping(client):
    page = client.get(reverse("education:search"), {"q": "amp"}).content.decode()
    assert "&<mark>" not in page


def test_every_page_has_a_search_box_that_works_without_javascript(client):
    soup = BeautifulSoup(client.get("/drugs/").content, "html.parser")
    form = soup.find("form", role="search")
    assert form["action"] == reverse("education:search") and form["method"] == "get"
    assert form.find("input", {"name": "q"})
    assert soup.find("label", {"for": "site-search-q"})


def test_queries_are_not_stored(client):
    from django.apps import apps
    from django.db import connection

    def counts():
        with connection.cursor() as cursor:
            result = {}
            for model in apps.get_models(include_auto_created=True):
                cursor.execute(f'SELECT COUNT(*) FROM "{model._meta.db_table}"')  # noqa: S608
                result[model._meta.db_table] = cursor.fetchone()[0]
            return result

    before = counts()
    response = client.get(reverse("education:search"), {"q": "Herceptin"})
    assert counts() == before
    assert not client.cookies
    # Nor kept by the browser (a shared computer) or any cache on the way.
    control = response["Cache-Control"]
    assert "no-store" in control and "private" in control and "public" not in control
    assert not response.has_header("ETag")


def test_the_header_search_box_is_the_same_on_every_page(client):
    """The page's own box holds what was searched for; the header's stays empty, so the header
    is the same for every page and every reader."""
    soup = BeautifulSoup(
        client.get(reverse("education:search"), {"q": "Herceptin"}).content, "html.parser"
    )
    assert soup.find("input", id="search-q")["value"] == "Herceptin"
    assert not soup.find("input", id="site-search-q").get("value")


RELEVANCE = load_queries()


@pytest.mark.parametrize("item", RELEVANCE, ids=[item["query"] for item in RELEVANCE])
def test_every_query_in_the_relevance_file_finds_its_page_in_the_first_three(item):
    assert rank_of(search(item["query"]), item) in (1, 2, 3)


def test_the_relevance_file_is_real_world_and_broad():
    kinds = Counter(item["kind"] for item in RELEVANCE)
    assert len(RELEVANCE) >= 120
    assert {"brand", "generic", "misspelling", "symptom", "question", "test", "spread"} <= set(
        kinds
    )
    tested = {query for query, _ in QUERIES}
    assert tested <= {item["query"] for item in RELEVANCE}


def test_search_eval_prints_the_figures():
    out = StringIO()
    call_command("search_eval", stdout=out)
    first_line = out.getvalue().splitlines()[0]
    assert f"queries: {len(RELEVANCE)}" in first_line
    assert "first 3:" in first_line and "mean reciprocal rank:" in first_line


@pytest.mark.parametrize(
    "query, drug",
    [
        ("kadcyla side effects", "ado-trastuzumab-emtansine"),
        ("side effects of tamoxifen", "tamoxifen"),
        ("does ibrance cause hair loss", "palbociclib"),
    ],
)
def test_side_effects_of_a_drug_lead_to_its_side_effect_section(client, query, drug):
    assert first_result(client, query) == f"/drugs/{drug}/#side-effects-heading"
    page = client.get(f"/drugs/{drug}/").content.decode()
    assert 'id="side-effects-heading"' in page  # the anchor is on the page


def test_plurals_and_stems_match(client):
    assert first_result(client, "bone metastasis") == "/spread/bone/"
    assert first_result(client, "hot flash") == "/side-effects/hot-flashes/"
    assert first_result(client, "mouth sore") == "/side-effects/mouth-sores/"


def test_question_words_do_not_drown_the_content_words(client):
    assert first_result(client, "what is HER2-low") == "/cancer-features/her2-low/"
    assert first_result(client, "how long will I live") == "/survival/"


def test_the_best_match_shows_an_escaped_snippet_from_the_page():
    document = Document(
        kind=PAGE_KIND,
        title="Test page",
        url="/test/",
        summary="A summary.",
        names=["Test page"],
        body="Some text. <script>alert(1)</script> Bone pain can be eased with care & rest.",
    )
    results_index = SearchIndex.build([document], {})
    query, _ = exact_query(results_index, "bone pain")
    ranked, _ = rank(results_index, "bone pain")
    html = snippet_html(results_index, query, ranked[0].address)
    assert "<mark>Bone</mark> <mark>pain</mark>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp; rest" in html


def test_an_unpublished_page_leaves_search_at_once(client):
    assert first_result(client, "Kisqali") == "/drugs/ribociclib/"
    drug = Drug.objects.get(slug="ribociclib")
    drug.status = Status.DRAFT
    drug.save()
    assert first_result(client, "Kisqali") != "/drugs/ribociclib/"


def test_search_covers_every_kind_with_a_page_and_only_those(client):
    index = current_index()
    searched = {document.kind.key for document in index.documents}
    with_pages = {m.content_kind.key for m in content_kinds() if m.content_kind.has_page}
    assert searched == with_pages | {"page"}
    assert set(sitemaps) - {"pages"} == {
        m._meta.model_name for m in content_kinds() if m.content_kind.has_page
    }
