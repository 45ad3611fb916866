"""PDF handouts: what a reader would hand to a family member, checked by reading the PDF."""

import re

import pytest
from django.urls import reverse

from education.models import (
    Article,
    CancerFeature,
    Drug,
    SideEffect,
    SpreadSite,
    Status,
    TreatmentPath,
    TreatmentType,
)
from education.site_url import absolute_url

from handout_pdf import pages_holding, pdf_text, squash
from questionnaire_flow import GREW_ON_AROMATASE_INHIBITOR, walk

pytestmark = pytest.mark.django_db


def test_drug_handout_has_name_side_effects_warnings_sources_and_qr_address(client):
    drug = Drug.objects.get(slug="trastuzumab")
    reader, text = pdf_text(client.get(reverse("education:drug-handout", args=[drug.slug])))
    assert "Trastuzumab (Herceptin)" in text
    for link in drug.drugsideeffect_set.select_related("side_effect"):
        assert link.side_effect.name in text
    for source in drug.sources.all():
        assert squash(source.title) in squash(text)
    # The address is the site's own (settings.SITE_URL), never the request's Host header.
    assert squash(absolute_url(drug.get_absolute_url())) in squash(text)
    assert "Questions to ask your care team" in text
    assert "not medical advice" in text
    assert "Handout made on" in text
    # The QR code is drawn as an image next to the printed address.
    assert any("/XObject" in page["/Resources"] for page in reader.pages)


def test_every_kind_of_handout_renders(client):
    for name, obj in [
        ("treatment-handout", TreatmentType.objects.get(slug="hormone-therapy")),
        ("side-effect-handout", SideEffect.objects.get(slug="low-white-blood-cells")),
        ("article-handout", Article.objects.get(slug="when-cancer-grows")),
        ("feature-handout", CancerFeature.objects.get(slug="her2-low")),
        ("spread-handout", SpreadSite.objects.get(slug="bone")),
    ]:
        _, text = pdf_text(client.get(reverse(f"education:{name}", args=[obj.slug])))
        assert squash(str(obj)) in squash(text)
        assert "not medical advice" in text


def test_side_effect_handout_says_when_to_call(client):
    _, text = pdf_text(
        client.get(reverse("education:side-effect-handout", args=["low-white-blood-cells"]))
    )
    assert "When to call your care team" in text
    assert "100.4" in text


def test_large_print_has_bigger_type_so_fewer_words_a_page(client):
    url = reverse("education:drug-handout", args=["palbociclib"])
    normal, normal_text = pdf_text(client.get(url))
    large, large_text = pdf_text(client.get(url + "?size=large"))
    words_per_page = len(normal_text.split()) / len(normal.pages)
    large_words_per_page = len(large_text.split()) / len(large.pages)
    assert large_words_per_page < words_per_page * 0.8
    assert len(large.pages) > len(normal.pages)


def test_letter_by_default_and_a4_on_request(client):
    url = reverse("education:drug-handout", args=["letrozole"])
    letter, _ = pdf_text(client.get(url))
    a4, _ = pdf_text(client.get(url + "?paper=a4"))
    assert round(float(letter.pages[0].mediabox.width)) == 612  # 8.5 in
    assert round(float(a4.pages[0].mediabox.height)) == 842  # 297 mm


@pytest.mark.parametrize("query", ["?size=huge", "?paper=legal", "?paper=<script>"])
def test_unknown_options_get_a_clear_400(client, query):
    response = client.get(reverse("education:drug-handout", args=["letrozole"]) + query)
    assert response.status_code == 400
    assert "size=normal or size=large" in response.content.decode()
    assert "<script>" not in response.content.decode()


def test_a_draft_has_no_public_handout(client, staff_client):
    drug = Drug.objects.get(slug="tamoxifen")
    drug.status = Status.DRAFT
    drug.save()
    url = reverse("education:drug-handout", args=[drug.slug])
    assert client.get(url).status_code == 404
    assert staff_client.get(url).status_code == 200


def test_an_edit_shows_in_the_next_handout(client):
    drug = Drug.objects.get(slug="olaparib")
    url = reverse("education:drug-handout", args=[drug.slug])
    pdf_text(client.get(url))
    drug.summary = "Olaparib is a pill. This sentence is new."
    drug.save()
    _, text = pdf_text(client.get(url))
    assert "This sentence is new." in text


def test_pages_with_a_handout_offer_print_or_save_as_pdf(client):
    page = client.get(reverse("education:drug-detail", args=["letrozole"])).content.decode()
    assert 'href="/drugs/letrozole/handout.pdf">Print or save as PDF' in page
    assert "/drugs/letrozole/handout.pdf?size=large" in page


def test_every_kind_of_content_page_offers_its_handout(client):
    for model in (
        Drug,
        SideEffect,
        TreatmentType,
        CancerFeature,
        SpreadSite,
        Article,
        TreatmentPath,
    ):
        page = model.objects.published().first()
        html = client.get(page.get_absolute_url()).content.decode()
        handout = page.get_absolute_url() + "handout.pdf"
        assert f'href="{handout}">Print or save as PDF' in html, model.__name__
        assert f"{handout}?size=large" in html


ANSWERS = GREW_ON_AROMATASE_INHIBITOR


def test_results_handout_lists_this_persons_options_and_questions(client):
    from education.models import Rule

    walk(client, ANSWERS)
    response = client.get(reverse("education:questionnaire-handout"))
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    _, text = pdf_text(response)
    for slug in ("esr1-oral-serd", "hr-growing-after-ai", "bone-spread", "clinical-trials"):
        rule = Rule.objects.get(slug=slug)
        assert squash(rule.title) in squash(text)
        assert squash(rule.question_to_ask) in squash(text)
    assert squash("Yes, it is hormone receptor-positive (HR-positive)") in squash(text)


def test_another_session_cannot_get_someone_elses_results_handout(client):
    from django.test import Client

    walk(client, ANSWERS)
    other = Client()
    response = other.get(reverse("education:questionnaire-handout"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "You have not answered the questions yet" in response.content.decode()


def test_a_handout_carries_the_review_line_and_the_approvals_check_the_page_shows(client):
    drug = Drug.objects.exclude(approvals_checked_on=None).filter(last_reviewed_on=None).first()
    _, text = pdf_text(client.get(reverse("education:drug-handout", args=[drug.slug])))
    assert "Not yet medically reviewed." in text
    assert f"FDA-approved uses checked on {drug.approvals_checked_on:%B}" in text


def test_a_handout_says_plainly_when_side_effects_are_not_listed_yet(client):
    drug = Drug.objects.get(slug="vepdegestrant")
    assert not drug.side_effects.exists()
    _, text = pdf_text(client.get(reverse("education:drug-handout", args=[drug.slug])))
    assert "We have not yet listed this drug's side effects." in text


def structure(reader):
    """The PDF's structure tree as [(type, alternative text)], in reading order."""
    found = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, list):
            for child in node:
                walk(child)
        elif hasattr(node, "keys"):
            if "/S" in node:
                found.append((str(node["/S"]), str(node.get("/Alt", ""))))
            if "/K" in node:
                walk(node["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


@pytest.mark.parametrize(
    "url",
    [
        reverse("education:drug-handout", args=["letrozole"]),
        reverse("education:side-effect-handout", args=["low-white-blood-cells"]),
        reverse("education:path-handout", args=["her2-low"]),
        reverse("education:questionnaire-handout"),
    ],
)
def test_every_handout_is_tagged_for_screen_readers(client, url):
    walk(client, ANSWERS)
    reader, _ = pdf_text(client.get(url))
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "en"
    assert catalog["/MarkInfo"]["/Marked"]
    # A reader's software names the document by its title, not its file name.
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"]
    title = reader.metadata.title
    assert title and squash(title) in squash(reader.pages[0].extract_text())
    tags = structure(reader)
    kinds = [kind for kind, _ in tags]
    # In reading order: the title first, then the sections; lists and the QR code as such.
    assert kinds.count("/H1") == 1 and kinds.index("/H1") < kinds.index("/H2")
    assert {"/P", "/L", "/LI"} <= set(kinds)
    assert any(kind == "/Figure" and alt.startswith("QR code") for kind, alt in tags)


def test_question_and_note_lines_never_split_across_pages(client, monkeypatch):
    import education.handouts

    rendered = []

    class Capturing(education.handouts.HTML):
        def write_pdf(self, *args, **kwargs):
            rendered.append(self.render())
            return super().write_pdf(*args, **kwargs)

    monkeypatch.setattr(education.handouts, "HTML", Capturing)
    # Handouts whose questions may run over a page break, however their pages fall today.
    for slug in ("trastuzumab", "abemaciclib", "ribociclib", "letrozole", "olaparib"):
        assert client.get(reverse("education:drug-handout", args=[slug])).status_code == 200
    split = 0
    for html in rendered:
        lines = [line for page in pages_holding(html, "notes-line") for line in page]
        assert len(lines) >= 10
        blocks = pages_holding(html, "keep-together")
        split += sum(1 for page in blocks if page) >= 2  # the questions run over a page break
        for page, other in zip(blocks, blocks[1:], strict=False):
            assert not page & other, "a question's lines, or the notes, split across two pages"
    assert split, "no handout's questions ran over a page break: the test checked nothing"


def test_large_print_makes_the_footer_larger_too(client):
    url = reverse("education:drug-handout", args=["letrozole"])

    def footer_size(response):
        reader, _ = pdf_text(response)
        sizes = []

        def visit(text, cm, tm, font, size):
            if text.startswith("Page 1 of"):
                sizes.append(size * tm[3] * cm[3] if tm[3] and cm[3] else size)

        reader.pages[0].extract_text(visitor_text=visit)
        return max(sizes)

    assert footer_size(client.get(url + "?size=large")) >= 1.4 * footer_size(client.get(url))


def test_the_results_handout_speaks_to_you_and_prints_the_addresses_it_names(client):
    walk(client, ANSWERS)
    _, text = pdf_text(client.get(reverse("education:questionnaire-handout")))
    assert "Options to ask your care team about" in text
    # Its own words speak to the reader; the answers and the questions to ask keep the
    # reader's voice ("I have gone through menopause", "Is it safe for me?").
    for said in ("Your list", "comes from your answers", "Your answers", "Your notes"):
        assert said in text
    assert not re.search(r"My list|my answers|My answers|My notes|Options to ask my", text)
    assert squash(absolute_url(reverse("education:drug-detail", args=["elacestrant"]))) in squash(
        text
    )


def test_the_survival_page_has_a_handout_with_every_figure_who_it_describes_and_the_caveats_once(
    client,
):
    from education.models import SurvivalStatistic

    page = client.get(reverse("education:survival")).content.decode()
    handout = reverse("education:survival-handout")
    assert f'href="{handout}">Print or save as PDF' in page
    reader, text = pdf_text(client.get(handout))
    assert reader.metadata.title == "What the survival numbers mean"
    for stat in SurvivalStatistic.objects.published().select_related("source"):
        assert squash(stat.title) in squash(text)
        assert squash(stat.population) in squash(text)
        assert squash(stat.source.title) in squash(text)
    assert text.count("Why one person’s outlook can differ") == 1


def test_a_drug_with_up_to_four_side_effects_fits_its_summary_on_two_letter_pages(client):
    drug = Drug.objects.get(slug="letrozole")
    links = drug.drugsideeffect_set.order_by("-serious", "side_effect__name")
    kept = list(links[:4])
    drug.drugsideeffect_set.exclude(pk__in=[link.pk for link in kept]).delete()
    page = client.get(drug.get_absolute_url()).content.decode()
    summary = reverse("education:drug-summary-handout", args=[drug.slug])
    assert f'href="{summary}">Two-page summary' in page
    reader, text = pdf_text(client.get(summary))
    assert len(reader.pages) <= 2
    flat = squash(text)
    for point in drug.key_point_list:
        assert squash(point) in flat
    for link in kept:
        assert squash(link.side_effect.name) in flat
    # On paper it cites the label; the rest of the sources are a scan of the QR code away.
    assert squash(drug.label_source.url) in flat
    others = drug.sources.exclude(pk=drug.label_source.pk).count()
    assert squash(f"{others} more sources are listed on the page online") in flat
    assert squash("This handout is for learning. It is not medical advice.") in flat


def test_the_summary_of_a_drug_with_few_side_effects_is_two_letter_pages_as_it_stands(client):
    for slug in ("exemestane", "vepdegestrant"):
        reader, _ = pdf_text(client.get(reverse("education:drug-summary-handout", args=[slug])))
        assert len(reader.pages) <= 2, slug
