"""Side effects as each drug's US label gives them: boxed warnings first, serious ones flagged,
how common each is, every drug tied to the label or monograph its list follows."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import reverse

from education.models import Drug, DrugSideEffect, Revision, SideEffect, Source
from education.models.source_kinds import PRIMARY_KINDS

from admin_forms import change_url, edit, form_data, member_of
from handout_pdf import pdf_text, squash

pytestmark = pytest.mark.django_db

BOX_HEADING = "The FDA's most serious warning for this drug"

#: The side-effect pages readers of the drug pages need (infections, harm in pregnancy...).
NEEDED_PAGES = [
    "infections",
    "pregnancy-and-birth-control",
    "bleeding",
    "stomach-pain",
    "cough-and-shortness-of-breath",
    "fever",
    "muscle-and-bone-pain",
    "swelling",
    "allergic-reactions",
]

#: Boxed warnings that were missing or unmarked before, by drug: each must now be shown.
BOXED = {
    "trastuzumab": ["heart-problems", "infusion-reactions", "lung-inflammation",
                    "pregnancy-and-birth-control"],
    "fam-trastuzumab-deruxtecan": ["lung-inflammation", "pregnancy-and-birth-control"],
    "ado-trastuzumab-emtansine": ["heart-problems", "liver-problems", "pregnancy-and-birth-control"],
}  # fmt: skip


def boxed_drugs():
    return Drug.objects.published().filter(drugsideeffect__boxed_warning=True).distinct()


def test_every_drug_follows_a_primary_label_or_monograph_that_it_cites():
    for drug in Drug.objects.published().select_related("label_source"):
        assert drug.label_source, f"{drug} has no label source"
        assert drug.label_source.kind in PRIMARY_KINDS, drug
        assert drug.sources.filter(pk=drug.label_source.pk).exists(), drug


def test_boxed_warnings_are_serious_and_every_figure_is_cited():
    for link in DrugSideEffect.objects.filter(boxed_warning=True):
        assert link.serious and link.source_id, link
    for link in DrugSideEffect.objects.filter(percent__isnull=False):
        assert link.source_id, link
        assert link.frequency == DrugSideEffect.Frequency.for_percent(link.percent), link


@pytest.mark.parametrize("drug_slug, side_effects", BOXED.items())
def test_the_boxed_warnings_the_labels_carry_are_shown(client, drug_slug, side_effects):
    soup = BeautifulSoup(client.get(f"/drugs/{drug_slug}/").content, "html.parser")
    box = soup.find("section", class_="boxed-warning")
    assert box is not None, drug_slug
    for slug in side_effects:
        assert box.find("a", href=f"/side-effects/{slug}/"), (drug_slug, slug)


def test_every_boxed_warning_comes_before_the_side_effect_table_on_the_page(client):
    drugs = list(boxed_drugs())
    assert len(drugs) >= 10
    for drug in drugs:
        html = client.get(drug.get_absolute_url()).content.decode()
        box = html.find(BOX_HEADING)
        assert 0 < box < html.find('id="side-effects-heading"'), drug
        for link in drug.drugsideeffect_set.filter(boxed_warning=True).select_related(
            "side_effect"
        ):
            assert link.side_effect.name in html[box : html.find('id="side-effects-heading"')]


def test_every_boxed_warning_comes_before_the_side_effects_in_the_handout(client):
    for drug in boxed_drugs():
        _, text = pdf_text(client.get(reverse("education:drug-handout", args=[drug.slug])))
        flat = squash(text)
        box = flat.find(squash(BOX_HEADING))
        assert 0 < box < flat.find(squash("Side effect How often Notes")), drug


def test_a_drug_without_a_boxed_warning_shows_no_box(client):
    drug = Drug.objects.published().exclude(drugsideeffect__boxed_warning=True).first()
    assert BOX_HEADING not in client.get(drug.get_absolute_url()).content.decode()


def test_the_table_gives_the_labels_figure_and_who_it_is_for(client):
    link = DrugSideEffect.objects.filter(percent__gte=20, drug__status="published").first()
    html = client.get(link.drug.get_absolute_url()).content.decode()
    assert f"About {link.percent} in 100" in html
    assert link.drug.side_effects_note and "label" in html


@pytest.mark.parametrize("slug", NEEDED_PAGES)
def test_the_needed_side_effect_pages_exist_with_warning_signs_and_sources(client, slug):
    page = SideEffect.objects.published().get(slug=slug)
    assert page.call_now.strip() or page.call_today.strip(), slug
    assert page.sources.exists(), slug
    assert client.get(page.get_absolute_url()).status_code == 200
    assert DrugSideEffect.objects.filter(side_effect=page).exists(), f"no drug links {slug}"


def test_tamoxifen_lists_what_its_label_says_not_vaginal_dryness():
    tamoxifen = Drug.objects.get(slug="tamoxifen")
    assert not tamoxifen.side_effects.filter(slug="vaginal-dryness").exists()
    assert tamoxifen.side_effects.filter(slug="uterus-changes").exists()


def test_the_label_report_lists_every_drug_and_names_one_without_a_label(client):
    out = io.StringIO()
    call_command("label_report", stdout=out)
    report = out.getvalue()
    for drug in Drug.objects.all():
        assert drug.display_name in report
    assert "no label source: 0" in report
    drug = Drug.objects.get(slug="letrozole")
    drug.label_source = None
    drug.save()
    out = io.StringIO()
    call_command("label_report", "--missing", stdout=out)
    assert out.getvalue().splitlines()[0] == drug.display_name
    assert "no label source: 1 (letrozole (Femara))" in out.getvalue()


def inline_row(data, link):
    """The admin's inline form prefix for one drug-side-effect row."""
    for name, value in data.items():
        if (
            name.startswith("drugsideeffect_set-")
            and name.endswith("-id")
            and value == str(link.pk)
        ):
            return name.removesuffix("-id")
    raise AssertionError(link)


def test_an_editor_marks_a_boxed_warning_and_is_told_it_must_be_serious(client, django_user_model):
    editor = member_of(django_user_model, client, "Editors", "edna")
    link = DrugSideEffect.objects.get(drug__slug="letrozole", side_effect__slug="hot-flashes")
    response = client.get(change_url(link.drug))
    row = inline_row(form_data(response.content.decode()), link)
    response = edit(client, link.drug, **{f"{row}-boxed_warning": "on"})
    assert response.status_code == 200
    assert "A boxed warning is always serious" in response.content.decode()
    link.refresh_from_db()
    assert not link.boxed_warning

    label = link.drug.label_source or Source.objects.primary().first()
    response = edit(
        client,
        link.drug,
        **{
            f"{row}-boxed_warning": "on",
            f"{row}-serious": "on",
            f"{row}-percent": "40",
            f"{row}-source": str(label.pk),
        },
    )
    assert response.status_code == 302
    link.refresh_from_db()
    assert not link.boxed_warning  # the page is published: the change waits for review
    member_of(django_user_model, client, "Medical reviewers", "rita")
    revision = Revision.objects.pending().get()
    url = reverse("admin:education_revision_change", args=[revision.pk])
    assert client.post(url, {"approve": "1"}).status_code == 302
    assert editor.pk != revision.reviewer_id
    link.refresh_from_db()
    assert link.boxed_warning and link.serious and link.percent == 40
    assert link.frequency == DrugSideEffect.Frequency.COMMON
    assert link.history.count() >= 2
