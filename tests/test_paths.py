"""Treatment paths: the pages, and where a reader's answers place them ("You may be here")."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from education.models import TreatmentPath
from education.questionnaire import rules
from education.questionnaire.engine import Truth
from education.questionnaire.path_drawing import draw
from education.questionnaire.paths import placements
from education.questionnaire.results import completed
from education.site_url import absolute_url

from handout_pdf import pdf_text, squash
from questionnaire_flow import RESULTS, walk

pytestmark = pytest.mark.django_db

PATHS = ["hr-positive-her2-negative", "her2-positive", "her2-low", "triple-negative"]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def rule_slugs(steps):
    return {step.rule.slug for step in steps}


def place(**answers):
    """{path slug: Placement} for these answers, as the results page reads them."""
    found = placements(completed(answers), rules.published_paths())
    return {placement.path.slug: placement for placement in found}


def test_the_list_names_every_kind_of_cancer(client):
    page = soup(client.get(reverse("education:path-list")))
    links = {a["href"] for a in page.select("main a")}
    for slug in PATHS:
        assert reverse("education:path-detail", args=[slug]) in links


@pytest.mark.parametrize("slug", PATHS)
def test_each_path_is_drawn_and_listed_with_every_step_linked(client, slug):
    path = TreatmentPath.objects.get(slug=slug)
    page = soup(client.get(path.get_absolute_url()))
    svg = page.find("svg", role="img")
    assert svg.find("title").text and svg.find("desc").text
    assert svg.get("aria-labelledby") == "path-title path-desc"
    steps = page.select("ol.path-steps li.path-step")
    assert len(steps) == path.steps.count()
    # Every step links to the pages that explain it; the drawing has a box for each.
    assert all(step.select("a") for step in steps)
    assert len(svg.select("g.path-box")) == len(steps)
    text = page.get_text(" ", strip=True)
    assert "usually" in text and "care team" in text
    assert "last checked" in text and page.find("time")["datetime"] == str(path.checked_on)
    assert page.select(".page-foot ol.sources li")


def test_a_branch_names_the_test_that_opens_it_and_links_to_it(client):
    page = soup(client.get(reverse("education:path-detail", args=["hr-positive-her2-negative"])))
    branches = {a.text: a["href"] for a in page.select(".path-branch a")}
    assert branches["ESR1 change found"] == "/cancer-features/esr1-mutation/"
    assert branches["BRCA change found"] == "/cancer-features/brca-mutation/"
    assert "PIK3CA, AKT1 or PTEN change found" in branches


def test_paths_are_in_the_sitemap(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/paths/</loc>" in sitemap
    for slug in PATHS:
        assert f"/paths/{slug}/</loc>" in sitemap


def test_a_draft_path_is_not_shown(client):
    TreatmentPath.objects.filter(slug="her2-low").update(status="draft")
    assert client.get(reverse("education:path-detail", args=["her2-low"])).status_code == 404
    assert "her2-low" not in place(her2=["low"], hormone_receptor=["positive"])


# "You may be here": one answer set per branch.
HR_POSITIVE = {"hormone_receptor": ["positive"], "her2": ["negative"], "menopause": ["post"]}
#: Every question answered, for an HR-positive reader before any treatment.
BEFORE_ANY_TREATMENT = {
    **HR_POSITIVE,
    "mutations": ["none"],
    "pdl1": ["unsure"],
    "diagnosis": ["de_novo"],
    "spread": ["bone"],
    "prior_treatments": ["none"],
    "serious_symptoms": ["no"],
}


def test_before_any_treatment_the_first_treatment_is_marked():
    placed = place(**HR_POSITIVE, mutations=["none"], prior_treatments=["none"])
    hr = placed["hr-positive-her2-negative"]
    assert hr.fits is Truth.TRUE and set(placed) == {"hr-positive-her2-negative"}
    assert rule_slugs(hr.here) == {"hr-first-hormone-cdk46"}
    assert "hr-growing-after-ai" in rule_slugs(hr.next)
    assert "esr1-oral-serd" not in rule_slugs(hr.next)  # no ESR1 change: that branch is closed


def test_before_menopause_the_ovaries_step_is_marked_too():
    answers = {**HR_POSITIVE, "menopause": ["pre"]}
    hr = place(**answers, mutations=["none"], prior_treatments=["none"])[
        "hr-positive-her2-negative"
    ]
    assert rule_slugs(hr.here) == {"hr-first-hormone-cdk46", "hr-before-menopause"}


def test_a_man_is_placed_on_the_mens_step():
    answers = {**HR_POSITIVE, "menopause": ["male"]}
    hr = place(**answers, mutations=["none"], prior_treatments=["none"])[
        "hr-positive-her2-negative"
    ]
    assert rule_slugs(hr.here) == {"hr-men"}


def test_an_esr1_change_after_an_aromatase_inhibitor_opens_the_esr1_branch():
    hr = place(
        **HR_POSITIVE, mutations=["esr1"], prior_treatments=["aromatase_inhibitor"], growing=["yes"]
    )["hr-positive-her2-negative"]
    assert {"esr1-oral-serd", "hr-growing-after-ai"} <= rule_slugs(hr.here)
    assert "hr-chemo-after-hormone" in rule_slugs(hr.next)
    assert not hr.stable


def test_a_pik3ca_change_opens_the_targeted_pill_branch():
    hr = place(
        **HR_POSITIVE,
        mutations=["pik3ca"],
        prior_treatments=["aromatase_inhibitor", "cdk46"],
        growing=["yes"],
    )["hr-positive-her2-negative"]
    assert "pik3ca-akt1-pten" in rule_slugs(hr.here)


def test_a_stable_cancer_is_on_its_first_treatment_with_the_next_steps_kept_for_later():
    hr = place(
        **HR_POSITIVE, mutations=["esr1"], prior_treatments=["aromatase_inhibitor"], growing=["no"]
    )["hr-positive-her2-negative"]
    assert hr.stable
    assert "hr-first-hormone-cdk46" in rule_slugs(hr.here)
    assert {"esr1-oral-serd", "hr-growing-after-ai"} <= rule_slugs(hr.next)


def test_stable_after_chemo_with_brca_is_on_a_first_treatment_not_a_brca_pill():
    tnbc = place(
        hormone_receptor=["negative"],
        her2=["negative"],
        mutations=["brca"],
        prior_treatments=["chemo"],
        growing=["no"],
    )["triple-negative"]
    assert tnbc.stable and "brca-parp" not in rule_slugs(tnbc.here)
    assert {"tnbc-sacituzumab", "brca-parp"} <= rule_slugs(tnbc.next)


def test_her2_positive_from_first_to_after_t_dxd():
    first = place(her2=["positive"], hormone_receptor=["negative"], prior_treatments=["none"])
    her2 = first["her2-positive"]
    assert rule_slugs(her2.here) == {"her2-first"} and "her2-growing" in rule_slugs(her2.next)
    assert "her2-with-hormone" not in rule_slugs((*her2.here, *her2.next))  # HR-negative

    grew = place(
        her2=["positive"],
        hormone_receptor=["negative"],
        prior_treatments=["her2_therapy"],
        growing=["yes"],
    )["her2-positive"]
    assert rule_slugs(grew.here) == {"her2-growing"}
    assert "her2-after-tdxd" in rule_slugs(grew.next)

    after = place(
        her2=["positive"],
        hormone_receptor=["negative"],
        prior_treatments=["her2_therapy", "tdxd"],
        growing=["yes"],
    )["her2-positive"]
    assert rule_slugs(after.here) == {"her2-after-tdxd"}  # it grew on T-DXd: not offered again


def test_her2_positive_and_hr_positive_adds_hormone_therapy():
    her2 = place(her2=["positive"], hormone_receptor=["positive"], prior_treatments=["none"])
    assert {"her2-first", "her2-with-hormone"} <= rule_slugs(her2["her2-positive"].here)
    assert "hr-positive-her2-negative" not in her2


def test_triple_negative_pd_l1_positive_starts_with_immunotherapy():
    tnbc = place(
        hormone_receptor=["negative"],
        her2=["negative"],
        pdl1=["positive"],
        prior_treatments=["none"],
    )["triple-negative"]
    assert "tnbc-pdl1-immunotherapy" in rule_slugs(tnbc.here)
    assert "tnbc-sacituzumab" in rule_slugs(tnbc.next)


def test_triple_negative_pd_l1_negative_does_not_mark_immunotherapy():
    tnbc = place(
        hormone_receptor=["negative"],
        her2=["negative"],
        pdl1=["negative"],
        prior_treatments=["none"],
    )["triple-negative"]
    assert rule_slugs(tnbc.here) == {"tnbc-first-adc"}


def test_triple_negative_with_brca_after_chemo_opens_the_brca_branch():
    tnbc = place(
        hormone_receptor=["negative"],
        her2=["negative"],
        mutations=["brca"],
        prior_treatments=["chemo"],
        growing=["yes"],
    )["triple-negative"]
    assert {"tnbc-sacituzumab", "brca-tnbc-platinum", "brca-parp"} <= rule_slugs(tnbc.here)


def test_her2_low_is_on_two_paths_and_t_dxd_is_what_may_come_next():
    placed = place(
        hormone_receptor=["positive"], her2=["low"], menopause=["post"], prior_treatments=["none"]
    )
    assert {"hr-positive-her2-negative", "her2-low"} <= set(placed)
    low = placed["her2-low"]
    assert rule_slugs(low.here) == {"hr-first-hormone-cdk46"}
    assert "her2-low-tdxd" in rule_slugs(low.next)
    assert "tnbc-first-adc" not in rule_slugs(low.here)  # HR-positive: not the HR-negative branch


def test_unsure_of_her2_says_the_path_is_not_certain_and_which_test_would_tell():
    placed = place(hormone_receptor=["positive"], her2=["unsure"], prior_treatments=["none"])
    assert placed["hr-positive-her2-negative"].fits is Truth.UNKNOWN
    assert placed["her2-positive"].unsure_of == ("her2",)
    assert "triple-negative" not in placed


def test_the_results_page_shows_the_readers_path_with_their_step_marked(client):
    walk(client, BEFORE_ANY_TREATMENT)
    page = soup(client.get(RESULTS))
    section = page.find("section", id="path")
    assert section.find("a", href="/paths/hr-positive-her2-negative/")
    place = {
        li.strong.text: li.get_text(" ", strip=True) for li in section.select(".path-place li")
    }
    assert "Hormone therapy + CDK4/6 inhibitor" in place["You may be here:"]
    assert "Another hormone drug" in place["What may come next:"]
    # The drawing shows the marked step, in words as well as by its border.
    here = section.select("g.path-box-here")
    assert len(here) == 1 and "You may be here" in here[0].get_text(" ")
    assert section.select("g.path-box-next")


@pytest.mark.parametrize(
    ("answers", "path"),
    [
        ({"hormone_receptor": ["positive"], "her2": ["negative"]}, "hr-positive-her2-negative"),
        ({"hormone_receptor": ["negative"], "her2": ["positive"]}, "her2-positive"),
        ({"hormone_receptor": ["positive"], "her2": ["low"]}, "her2-low"),
        ({"hormone_receptor": ["negative"], "her2": ["negative"]}, "triple-negative"),
    ],
)
def test_the_results_page_of_every_kind_of_cancer_links_to_its_path(client, answers, path):
    walk(client, answers)
    page = soup(client.get(RESULTS))
    assert page.find("section", id="path").find("a", href=f"/paths/{path}/")


def test_unsure_results_name_the_test_that_would_place_the_reader(client):
    walk(client, {"hormone_receptor": ["positive"], "her2": ["unsure"]})
    section = soup(client.get(RESULTS)).find("section", id="path")
    text = section.get_text(" ", strip=True)
    assert "do not say for sure" in text and "HER2" in text


@pytest.mark.parametrize("slug", PATHS)
def test_on_paper_the_stages_sit_side_by_side_and_every_step_has_a_box(slug):
    published = {rule.slug: rule for rule in rules.published_rules()}
    path = rules.path_spec(TreatmentPath.objects.get(slug=slug), published)
    screen, paper = draw(path), draw(path, side_by_side=True)
    # On screen, stage under stage in one column; on paper, a column a stage, left to right.
    assert len({heading.x for heading in screen.headings}) == 1
    assert len({heading.y for heading in paper.headings}) == 1
    assert [h.x for h in paper.headings] == sorted({h.x for h in paper.headings})
    assert paper.height < screen.height
    for drawing in (screen, paper):
        assert len(drawing.boxes) == len(path.steps)
        assert all(box.x + drawing.box_width <= drawing.width for box in drawing.boxes)
        assert all(box.y + box.height <= drawing.height for box in drawing.boxes)


@pytest.mark.parametrize("slug", PATHS)
def test_a_path_handout_draws_every_step_on_its_first_page_and_cites_its_sources(client, slug):
    path = TreatmentPath.objects.get(slug=slug)
    page = client.get(path.get_absolute_url()).content.decode()
    handout = reverse("education:path-handout", args=[slug])
    assert f'href="{handout}">Print or save as PDF' in page
    reader, text = pdf_text(client.get(handout))
    first_page = squash(reader.pages[0].extract_text())
    for step in path.steps.all():
        assert squash(step.label) in first_page, step.label
    assert squash(f"Treatment path: {path.title}") in first_page
    assert "Questions to ask your care team" in text and "not medical advice" in text
    assert squash(path.checked_on.strftime("%B %-d, %Y")) in squash(text)
    assert squash(absolute_url(path.get_absolute_url())) in squash(text)
    for source in path.sources.all():
        assert squash(source.title) in squash(text)
    assert len(reader.pages) <= 3


def test_the_results_handout_shows_where_the_reader_may_be_and_the_paths_address(client):
    walk(client, BEFORE_ANY_TREATMENT)
    _, text = pdf_text(client.get(reverse("education:questionnaire-handout")))
    text = squash(text)
    assert squash("Where you may be on your treatment path") in text
    assert squash("You may be here: Hormone therapy + CDK4/6 inhibitor") in text
    assert squash("What may come next: Another hormone drug") in text
    assert squash(absolute_url("/paths/hr-positive-her2-negative/")) in text


def test_the_results_handout_says_which_test_would_place_an_unsure_reader(client):
    walk(client, {"hormone_receptor": ["positive"], "her2": ["unsure"]})
    _, text = pdf_text(client.get(reverse("education:questionnaire-handout")))
    assert squash("do not say for sure") in squash(text)
    assert squash(absolute_url("/paths/her2-positive/")) in squash(text)
