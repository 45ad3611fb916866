"""Issue 23 (2-4): the content's own words in Spanish, each page's Spanish published on its
own, and Spanish that reads easily and is found by a Spanish search."""

from statistics import median

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from education.content import FIXTURE_LAYOUT, fixture_dir
from education.models import Drug, GlossaryTerm, Rule, Status
from education.readability import SPANISH_AIM, SPANISH_FLOOR, spanish_pages
from education.search import search
from education.search.index import forget

from admin_forms import change_url, edit, form_data
from html_pages import sitemap_paths, soup_of

pytestmark = pytest.mark.django_db
DRUG = "abemaciclib"


def main_text(page):
    return page.find("main").get_text(" ", strip=True)


def test_a_page_published_in_spanish_reads_in_spanish_with_its_twins_named(client):
    drug = Drug.objects.get(slug=DRUG)
    assert drug.spanish_status == Status.PUBLISHED and drug.summary_es
    page = soup_of(client, f"/es/drugs/{DRUG}/")
    assert drug.summary_es.split(".")[0] in main_text(page)
    assert drug.summary_en.split(".")[0] not in main_text(page)
    assert not page.select(".language-notice, main > div[lang]")
    assert not page.find("meta", attrs={"name": "robots"})
    alternates = {
        link["hreflang"]: link["href"] for link in page.select("head link[rel=alternate][hreflang]")
    }
    assert alternates["en"].endswith(f"/drugs/{DRUG}/")
    assert alternates["es"].endswith(f"/es/drugs/{DRUG}/")
    # The English page is untouched by the Spanish.
    english = soup_of(client, f"/drugs/{DRUG}/")
    assert drug.summary_en.split(".")[0] in main_text(english)


def test_spanish_words_not_yet_published_never_reach_readers(client):
    Drug.objects.filter(slug=DRUG).update(spanish_status=Status.REVIEW)
    drug = Drug.objects.get(slug=DRUG)
    page = soup_of(client, f"/es/drugs/{DRUG}/")
    assert drug.summary_en.split(".")[0] in main_text(page)
    assert drug.summary_es.split(".")[0] not in main_text(page)
    assert page.select_one("main .language-notice")
    assert page.select_one("main > div[lang=en]")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert not page.select("head link[rel=alternate][hreflang]")
    # The sitemap lists its English page only.
    paths = sitemap_paths(client)
    assert f"/drugs/{DRUG}/" in paths and f"/es/drugs/{DRUG}/" not in paths


def test_the_sitemap_names_each_pages_twin(client):
    xml = client.get("/sitemap.xml").content.decode()
    assert f'hreflang="es" href="{settings.SITE_URL}/es/drugs/{DRUG}/"' in xml
    assert 'hreflang="en"' in xml


def test_spanish_text_links_its_words_to_the_spanish_word_list(client):
    term = GlossaryTerm.objects.get(slug="targeted-therapy")
    page = soup_of(client, f"/es/drugs/{DRUG}/")
    links = [a for a in page.select("main a[href]") if a["href"] == f"/es/glossary/{term.slug}/"]
    assert links and links[0].get_text(strip=True).casefold() == term.term_es.casefold()


def test_an_editor_cannot_publish_the_spanish_a_reviewer_can(client, editor):
    drug = Drug.objects.get(slug=DRUG)
    Drug.objects.filter(pk=drug.pk).update(status=Status.DRAFT, spanish_status=Status.REVIEW)
    form = client.get(change_url(drug)).content.decode()
    assert 'name="spanish_status"' in form
    assert 'value="published"' not in form.split('name="spanish_status"')[1].split("</select>")[0]
    data = form_data(form) | {"spanish_status": Status.PUBLISHED}
    assert client.post(change_url(drug), data).status_code in (200, 403)
    drug.refresh_from_db()
    assert drug.spanish_status == Status.REVIEW


def test_a_reviewer_publishes_an_edited_spanish_summary(reviewer):
    drug = Drug.objects.get(slug=DRUG)
    Drug.objects.filter(pk=drug.pk).update(spanish_status=Status.REVIEW)
    new = "Abemaciclib es una pastilla. Se toma dos veces al día."
    response = edit(reviewer, drug, summary_es=new, spanish_status=Status.PUBLISHED)
    assert response.status_code == 302
    drug.refresh_from_db()
    assert (drug.summary_es, drug.spanish_status) == (new, Status.PUBLISHED)
    assert drug.history.first().summary_es == new  # the Spanish is in the page's history
    reviewer.logout()
    assert new.split(".")[0] in main_text(soup_of(reviewer, f"/es/drugs/{DRUG}/"))


def test_the_content_files_keep_the_spanish_and_not_a_second_english(tmp_path):
    call_command("export_content", dir=tmp_path, verbosity=0)
    for name in FIXTURE_LAYOUT:
        assert (tmp_path / name).read_text() == (fixture_dir() / name).read_text(), name
    drugs = (tmp_path / "drugs.json").read_text()
    assert '"summary_es"' in drugs and '"summary_en"' not in drugs


def test_every_page_in_spanish_reads_fairly_easily():
    scores = spanish_pages()
    assert len(scores) > 250
    too_hard = {page: ease for page, ease in scores.items() if ease < SPANISH_FLOOR}
    assert not too_hard, f"Spanish pages below Fernández-Huerta {SPANISH_FLOOR}: {too_hard}"
    assert median(scores.values()) >= SPANISH_AIM


def test_the_readability_report_measures_the_spanish(capsys):
    call_command("readability_report", lang="es")
    last = capsys.readouterr().out.splitlines()[-1]
    assert last.startswith("pages in Spanish:") and "median reading ease" in last


@pytest.mark.parametrize(
    "query, url",
    [
        ("quimioterapia", "/es/treatments/chemotherapy/"),
        ("pulmon", "/es/spread/lung/"),  # no accent typed
        ("Verzenio", f"/es/drugs/{DRUG}/"),  # a brand name, as it is
        ("sofocos", "/es/side-effects/hot-flashes/"),
        ("efectos secundarios de tamoxifen", "/es/drugs/tamoxifen/#side-effects-heading"),
        ("¿qué es HER2?", "/es/glossary/her2/"),
    ],
)
def test_a_spanish_search_finds_spanish_words_and_gives_spanish_addresses(query, url):
    forget()
    with translation.override("es"):
        results = search(query)
    assert results.best.url == url


def test_spanish_search_folds_accents_and_stems_the_words(client):
    page = soup_of(client, reverse("education:search") + "?q=pastilla")
    forget()
    spanish = soup_of(client, "/es/search/?q=pastillas")
    links = [a["href"] for a in spanish.select("main a[href]")]
    assert links and all(not href.startswith("/drugs/") for href in links)
    assert page.html["lang"] == "en"


def test_a_rule_published_in_spanish_shows_its_spanish_reason():
    rule = Rule.objects.published().exclude(reason_es="").first()
    assert rule.words_published_in("es")
    with translation.override("es"):
        assert rule.reason == rule.reason_es
    Rule.objects.filter(pk=rule.pk).update(spanish_status=Status.DRAFT)
    rule.refresh_from_db()
    with translation.override("es"):
        assert rule.reason == rule.reason_en


def test_spanish_numbers_are_written_as_us_spanish_writes_them(client):
    text = main_text(soup_of(client, "/es/survival/"))
    assert "36.4" in text and "36,4" not in text


def test_staff_read_spanish_words_before_they_are_published_and_readers_do_not(
    client, staff_client
):
    Drug.objects.filter(slug=DRUG).update(spanish_status=Status.REVIEW)
    drug = Drug.objects.get(slug=DRUG)
    staff = soup_of(staff_client, f"/es/drugs/{DRUG}/")
    assert drug.summary_es.split(".")[0] in main_text(staff)
    assert "Spanish words are in review" in staff.select_one(".draft-banner").get_text()
    reader = soup_of(client, f"/es/drugs/{DRUG}/")
    assert drug.summary_es.split(".")[0] not in main_text(reader)
    assert not reader.select(".draft-banner")


def test_links_in_the_words_lead_to_the_spanish_pages(client):
    english = soup_of(client, "/topics/when-cancer-grows/")
    written = [
        a["href"] for a in english.select("main .markdown a[href^='/'], main p a[href^='/']")
    ]
    assert written  # editors link to other pages in the words
    page = soup_of(client, "/es/topics/when-cancer-grows/")
    links = [a["href"] for a in page.select("main a[href^='/']")]
    assert links and not [href for href in links if not href.startswith("/es/")]
