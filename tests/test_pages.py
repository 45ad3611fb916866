"""Every public page: answers, links, hides drafts, and shows what a reader needs."""

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse

from education.models import (
    Article,
    Drug,
    GlossaryTerm,
    SideEffect,
    Status,
    SurvivalStatistic,
    TreatmentUpdate,
)

from html_pages import sitemap_paths

pytestmark = pytest.mark.django_db


def test_every_sitemap_page_answers_and_every_internal_link_resolves(client, settings):
    # Every handout in a row from one address; the per-address limit is in test_pdf_abuse.py.
    settings.RATELIMIT_ENABLE = False
    # The English pages; their Spanish twins link only to twins of these (test_languages.py).
    paths = [path for path in sitemap_paths(client) if not path.startswith("/es/")]
    assert len(paths) > 200
    checked = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        soup = BeautifulSoup(response.content, "html.parser")
        for anchor in soup.find_all("a", href=True):
            if anchor.get("hreflang"):
                continue  # the same page in another language: test_languages.py checks those
            href = anchor["href"]
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:")):
                continue
            target = parts.path or path
            if parts.fragment and target == path:
                assert soup.find(id=parts.fragment), f"{path}: no #{parts.fragment}"
            if target not in checked:
                checked[target] = client.get(target, follow=True).status_code
            assert checked[target] == 200, f"{path} links to {href}: {checked[target]}"


def test_every_published_page_is_in_the_sitemap(client):
    paths = set(sitemap_paths(client))
    for drug in Drug.objects.published():
        assert drug.get_absolute_url() in paths
    for term in GlossaryTerm.objects.published():
        assert term.get_absolute_url() in paths
    assert reverse("education:whats-new") in paths
    for entry in TreatmentUpdate.objects.published():
        assert entry.get_absolute_url() in paths


def test_every_glossary_term_is_reachable_from_the_word_list(client):
    soup = BeautifulSoup(client.get(reverse("education:glossary-list")).content, "html.parser")
    linked = {a["href"] for a in soup.find_all("a", href=True)}
    for term in GlossaryTerm.objects.published():
        assert term.get_absolute_url() in linked, term
        assert client.get(term.get_absolute_url()).status_code == 200


def test_the_word_list_is_in_a_to_z_order_whatever_the_case_one_heading_a_letter(client):
    soup = BeautifulSoup(client.get(reverse("education:glossary-list")).content, "html.parser")
    headings = [h2.get_text(strip=True) for h2 in soup.select("main section > h2")]
    assert headings == sorted(set(headings))
    terms = [a.get_text(strip=True) for a in soup.select("main section li a")]
    assert terms == sorted(terms, key=str.casefold)
    # "mTOR inhibitor" is among the Ms, not after the Ws.
    m_section = soup.find("h2", id="letter-M").find_parent("section")
    assert m_section.find("a", string=lambda text: text and text.startswith("mTOR"))


def test_a_draft_is_hidden_from_the_public_but_previewable_by_staff(client, staff_client):
    drug = Drug.objects.get(slug="tamoxifen")
    drug.status = Status.DRAFT
    drug.save()
    assert client.get(drug.get_absolute_url()).status_code == 404
    assert "tamoxifen" not in client.get(reverse("education:drug-list")).content.decode()
    assert drug.get_absolute_url() not in sitemap_paths(client)
    preview = staff_client.get(drug.get_absolute_url())
    assert preview.status_code == 200
    assert "not shown to the public" in preview.content.decode()


def test_a_drug_in_review_is_hidden_too(client):
    side_effect = SideEffect.objects.get(slug="mouth-sores")
    side_effect.status = Status.REVIEW
    side_effect.save()
    assert client.get(side_effect.get_absolute_url()).status_code == 404


def test_drug_page_shows_summary_first_then_sections_side_effects_sources_and_date(client):
    drug = Drug.objects.get(slug="trastuzumab")
    soup = BeautifulSoup(client.get(drug.get_absolute_url()).content, "html.parser")
    article = soup.find("article")
    assert article.find("h1").get_text() == "Trastuzumab"
    first_block = article.find("div", class_="summary")
    assert first_block and first_block.get_text(strip=True)
    headings = [h.get_text(strip=True) for h in article.find_all("h2")]
    for heading in ("How is it given?", "How does it work?", "Who might get it?", "Side effects"):
        assert heading in headings
    order = article.find_all(True)
    assert order.index(first_block) < order.index(article.find("h2")), "summary comes first"
    text = article.get_text(" ", strip=True)
    for link in drug.drugsideeffect_set.select_related("side_effect"):
        assert link.side_effect.name in text
    for source in drug.sources.all():
        assert source.title in text
    assert "Page last updated" in text
    assert "not medical advice" in text
    assert "Herceptin" in text


def test_drug_page_links_to_its_family_type_features_and_side_effects(client):
    drug = Drug.objects.get(slug="palbociclib")
    soup = BeautifulSoup(client.get(drug.get_absolute_url()).content, "html.parser")
    hrefs = {a["href"] for a in soup.find_all("a", href=True)}
    assert drug.family.get_absolute_url() in hrefs
    assert drug.family.treatment_type.get_absolute_url() in hrefs
    for side_effect in drug.side_effects.published():
        assert side_effect.get_absolute_url() in hrefs
    for feature in drug.features.published():
        assert feature.get_absolute_url() in hrefs


def test_side_effect_page_lists_warning_signs_by_urgency_and_the_drugs(client):
    side_effect = SideEffect.objects.get(slug="low-white-blood-cells")
    page = client.get(side_effect.get_absolute_url()).content.decode()
    assert "Call now or go to the emergency room" in page
    assert "100.4" in page
    for drug in side_effect.drugs.published():
        assert drug.get_absolute_url() in page


def test_drug_list_shows_brand_names_that_lead_to_the_generic_page(client):
    soup = BeautifulSoup(client.get(reverse("education:drug-list")).content, "html.parser")
    brand_link = soup.find("a", string="Herceptin")
    assert brand_link["href"] == Drug.objects.get(slug="trastuzumab").get_absolute_url()


def test_survival_page_shows_each_figure_with_its_source_and_a_picture(client):
    soup = BeautifulSoup(client.get(reverse("education:survival")).content, "html.parser")
    for stat in SurvivalStatistic.objects.published().select_related("source"):
        section = soup.find(id=stat.slug)
        assert section, stat
        text = section.get_text(" ", strip=True)
        assert stat.source.title in text and stat.source.publisher in text
        assert stat.data_years in text
        if stat.is_percent:
            svg = section.find("svg")
            people = svg.find_all("g", class_="person")
            assert len(people) == 100
            filled = [g for g in people if "filled" in g["class"]]
            assert len(filled) == round(float(stat.figure))
            assert f"{len(filled)} out of 100 people" in section.find("figcaption").get_text()
            # Colours as attributes, so the PDF handout (which reads no site.css) draws them.
            fills = {g["fill"] for g in filled}, {g["fill"] for g in people if g not in filled}
            assert len(fills[0]) == 1 and fills[0] != fills[1]


def test_the_survival_page_lets_the_reader_skip_the_numbers_and_says_the_caveats_once(client):
    soup = BeautifulSoup(client.get(reverse("education:survival")).content, "html.parser")
    main = soup.find("main")
    first_figure = main.find("section", class_="statistic")
    skip = main.find("a", href="#outlook")
    assert skip and "Skip the numbers" in skip.get_text()
    # The choice comes before any number, and leads to the one section on why outlooks differ.
    assert skip in first_figure.find_all_previous("a")
    outlook = main.find(id="outlook")
    assert outlook.h2.get_text(strip=True) == "Why one person’s outlook can differ"
    text = main.get_text(" ", strip=True)
    assert text.count("outlook can differ") == 2  # the skip link and the section
    assert text.count("In each picture of 100 people") == 1
    for stat in SurvivalStatistic.objects.published().select_related("source"):
        section = main.find(id=stat.slug)
        about = section.find(class_="about-number")
        assert about and about.get_text(strip=True).startswith("About this number")
        source = section.find("dt", string="Source").find_next("dd").get_text(" ", strip=True)
        assert source.startswith(stat.source.publisher)


def test_glossary_terms_are_linked_once_where_they_first_appear(client):
    term = GlossaryTerm.objects.get(slug="her2")
    drug = Drug.objects.get(slug="trastuzumab")
    soup = BeautifulSoup(client.get(drug.get_absolute_url()).content, "html.parser")
    links = soup.find_all("a", class_="glossary-link", href=term.get_absolute_url())
    assert len(links) == 1


def test_markdown_from_editors_cannot_carry_script(client):
    drug = Drug.objects.get(slug="letrozole")
    drug.how_it_works = 'Safe text <script>alert("x")</script> [click](javascript:alert(1)) <img src=x onerror=alert(1)>'
    drug.save()
    page = client.get(drug.get_absolute_url()).content.decode()
    assert "Safe text" in page
    assert "<script>alert" not in page
    assert "javascript:" not in page
    assert "onerror" not in page


def test_friendly_404(client):
    response = client.get("/drugs/no-such-drug/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_private_pages(client, settings):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    text = response.content.decode()
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in text
    disallowed = re.findall(r"^Disallow: (\S+)$", text, flags=re.M)
    for path in ["/admin/", "/search/", "/questionnaire/questions/", "/questionnaire/results/"]:
        assert path in disallowed
    sitemap = client.get("/sitemap.xml").content.decode()
    for url in re.findall(r"<loc>https?://[^/]+([^<]+)</loc>", sitemap):
        assert not any(url.startswith(path) for path in disallowed), url


def test_no_third_party_requests_from_pages(client):
    for path in ["/", reverse("education:drug-list"), Drug.objects.first().get_absolute_url()]:
        soup = BeautifulSoup(client.get(path).content, "html.parser")
        for tag in soup.find_all(["link", "script", "img", "iframe"]):
            url = tag.get("href") or tag.get("src") or ""
            if tag.get("rel") == ["alternate"] and tag.get("hreflang"):
                # Not loaded: the page's own twins, named for search engines by full address.
                assert url.startswith(settings.SITE_URL + "/"), f"{path} names {url}"
                continue
            assert not urlsplit(url).netloc, f"{path} loads {url}"


def test_topics_are_grouped_treatment_first_and_about_last(client):
    soup = BeautifulSoup(client.get(reverse("education:article-list")).content, "html.parser")
    headings = [h.get_text(strip=True) for h in soup.find("main").find_all("h2")]
    expected = [label for _, label in Article.Section.choices]
    assert headings == expected


def test_month_figures_are_drawn_as_bars_in_proportion(client):
    months = list(SurvivalStatistic.objects.published().filter(unit="months"))
    soup = BeautifulSoup(client.get(reverse("education:survival")).content, "html.parser")
    bars = soup.select(".month-bars li")
    assert len(bars) == len(months)
    largest = max(float(s.figure) for s in months)
    for stat, bar in zip(months, bars, strict=True):
        assert stat.title in bar.get_text()
        width = int(bar.find("svg")["width"].rstrip("%"))
        assert width == max(1, round(float(stat.figure) / largest * 75))


def test_the_home_page_leads_with_the_questionnaire_then_the_three_ways_in(client):
    soup = BeautifulSoup(client.get(reverse("education:home")).content, "html.parser")
    sections = soup.select("main section")
    first, second = sections[0], sections[1]
    assert first.find("a", href=reverse("education:questionnaire"), class_="btn")
    assert "up to 10 short questions" in first.get_text(" ", strip=True)
    ways_in = [a["href"] for a in second.select("h3 a")]
    assert ways_in == [
        reverse("education:feature-list"),
        reverse("education:drug-list"),
        reverse("education:side-effect-list"),
    ]
    # No page is offered twice in the main part of the home page.
    links = [a["href"] for a in soup.select("main a")]
    assert len(links) == len(set(links))
