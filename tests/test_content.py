"""The starter content: complete, cited, current and plain."""

import json
from statistics import median

import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.utils.text import slugify

from education.content import fixture_paths
from education.models import (
    AnswerChoice,
    Article,
    CancerFeature,
    Drug,
    DrugFamily,
    DrugSideEffect,
    GlossaryTerm,
    Question,
    QuestionCondition,
    Rule,
    RuleCondition,
    SideEffect,
    Source,
    SpreadSite,
    SurvivalStatistic,
    TreatmentType,
    TreatmentUpdate,
)
from education.text import reading_grade

pytestmark = pytest.mark.django_db

ALL_MODELS = [
    Source,
    TreatmentType,
    DrugFamily,
    Drug,
    DrugSideEffect,
    SideEffect,
    CancerFeature,
    SpreadSite,
    SurvivalStatistic,
    GlossaryTerm,
    Article,
    TreatmentUpdate,
]
EDITORIAL_MODELS = [m for m in ALL_MODELS if m not in (Source, DrugSideEffect)]
ALL_MODELS += [Question, AnswerChoice, QuestionCondition, Rule, RuleCondition]
MAX_GRADE = 8


def snapshot():
    """Every row of every content model, serialised, so two loads can be compared exactly."""
    return {
        model._meta.label: serializers.serialize(
            "json", model.objects.order_by("pk"), use_natural_foreign_keys=True
        )
        for model in ALL_MODELS
    }


def test_loading_twice_changes_nothing():
    before = snapshot()
    call_command("load_content", verbosity=0)
    assert snapshot() == before


def test_every_fixture_object_is_in_the_database():
    for path in fixture_paths():
        for item in serializers.deserialize("json", path.read_text()):
            # Deserialising finds the existing row by its natural key (slug, key...).
            assert item.object.pk is not None, (path.name, item.object)


@pytest.mark.parametrize(
    "model, minimum",
    [
        (TreatmentType, 10),
        (Drug, 45),
        (SideEffect, 30),
        (CancerFeature, 8),
        (SpreadSite, 4),
        (GlossaryTerm, 60),
    ],
)
def test_content_is_complete(model, minimum):
    assert model.objects.published().count() >= minimum


def test_required_topics_exist():
    required = {
        "local-treatments",
        "relieving-symptoms",
        "when-cancer-grows",
        "palliative-care",
        "complementary-care",
        "clinical-trials",
        "living-with-metastatic-breast-cancer",
        "questions-to-ask",
        "about-this-site",
    }
    published = set(Article.objects.published().values_list("slug", flat=True))
    assert required <= published


def test_every_drug_in_facts_is_present_with_its_brand():
    # Spot the drugs most often asked about in the clinic, by generic and brand name.
    pairs = {
        "trastuzumab": "Herceptin",
        "palbociclib": "Ibrance",
        "fam-trastuzumab-deruxtecan": "Enhertu",
        "elacestrant": "Orserdu",
        "denosumab": "Xgeva",
        "sacituzumab-govitecan": "Trodelvy",
        "olaparib": "Lynparza",
        "capecitabine": "Xeloda",
    }
    for slug, brand in pairs.items():
        drug = Drug.objects.get(slug=slug)
        assert brand in drug.brand_name_list


#: What a drug page says when its side effects are not listed yet (a new drug whose label
#: could not be checked): the page must say so plainly rather than show an empty table.
SIDE_EFFECTS_NOT_LISTED = "We have not yet listed this drug's side effects."


def test_every_drug_has_a_family_a_source_and_three_side_effects_or_says_it_has_none_yet(client):
    for drug in Drug.objects.published().select_related("family"):
        assert drug.family.is_published, drug
        assert drug.slug == slugify(drug.generic_name), drug
        assert drug.sources.exists(), f"{drug} has no source"
        if drug.side_effects.count() < 3:
            page = client.get(drug.get_absolute_url()).content.decode()
            assert SIDE_EFFECTS_NOT_LISTED in page, f"{drug} has fewer than 3 side effects"


def test_every_published_drug_cites_a_primary_source():
    """A label, an FDA record, NCI, a guideline or a trial paper: not only news or leaflets."""
    without = [drug.slug for drug in Drug.objects.published().without_primary_source()]
    assert not without, f"drugs with no primary source: {without}"


def test_no_source_links_to_an_aggregator_a_mirror_or_a_staging_host():
    weak_hosts = ["biomed.reviewer.ly", "fda.report", "prod.cancer.org", "medluna.com"]
    for source in Source.objects.all():
        assert not any(host in source.url for host in weak_hosts), source.key


def test_drugs_not_approved_in_the_us_are_not_presented_as_options():
    """Pending drugs may be named only to say they are not approved."""
    for name in ["camizestrant", "giredestrant", "gedatolisib"]:
        assert not Drug.objects.filter(generic_name__icontains=name).exists(), name
        for model in [CancerFeature, Article, TreatmentType, GlossaryTerm]:
            for obj in model.objects.published():
                text = " ".join(getattr(obj, f) for f in obj.readable_fields)
                if name in text.lower():
                    assert "not approved" in text.lower(), (name, obj.slug)


def test_every_page_cites_a_source_with_a_publisher_and_title():
    for model in EDITORIAL_MODELS:
        for obj in model.objects.published():
            sources = list(obj.sources.all())
            assert sources, f"{model.__name__} {obj.slug} has no source"
            for source in sources:
                assert source.title and source.publisher


def test_no_review_is_invented():
    for model in EDITORIAL_MODELS:
        assert not model.objects.filter(last_reviewed_on__isnull=False).exists()
        assert not model.objects.exclude(reviewed_by="").exists()


def test_side_effects_say_when_to_call():
    for side_effect in SideEffect.objects.published():
        assert side_effect.what_helps.strip(), side_effect
        assert side_effect.call_now or side_effect.call_today or side_effect.mention_next_visit, (
            f"{side_effect} has no warning signs"
        )


def test_every_survival_figure_says_who_when_and_why_it_may_differ():
    stats = SurvivalStatistic.objects.published()
    assert stats.exists()
    for stat in stats:
        assert stat.population.strip() and stat.data_years.strip() and stat.caveat.strip()
        assert stat.source.title and stat.source.publisher


def test_survival_figures_from_the_sources_are_all_present():
    figures = {float(s.figure) for s in SurvivalStatistic.objects.published()}
    for figure in (31, 19, 12, 2.5, 36.4):
        assert figure in figures, figure


def test_atezolizumab_is_not_presented_as_a_current_us_option():
    drug = Drug.objects.get(slug="atezolizumab")
    assert "no longer approved" in drug.notice.lower()


def grades(models):
    return {
        f"{obj._meta.model_name}:{obj.slug}": obj.reading_grade()
        for model in models
        for obj in model.objects.published()
    }


def test_reading_level_of_every_drug_side_effect_feature_and_article():
    measured = grades([Drug, SideEffect, CancerFeature, Article])
    too_hard = {page: grade for page, grade in measured.items() if grade > MAX_GRADE}
    assert not too_hard, f"pages above grade {MAX_GRADE}: {too_hard}"
    assert median(measured.values()) <= 7.5


def test_reading_level_of_other_pages():
    measured = grades([TreatmentType, SpreadSite, SurvivalStatistic, GlossaryTerm, TreatmentUpdate])
    too_hard = {page: grade for page, grade in measured.items() if grade > MAX_GRADE}
    assert not too_hard, f"pages above grade {MAX_GRADE}: {too_hard}"


def test_reading_level_of_the_questionnaire():
    too_hard = {
        r.slug: r.reading_grade() for r in Rule.objects.published() if r.reading_grade() > MAX_GRADE
    }
    too_hard |= {
        q.key: grade
        for q in Question.objects.all()
        if (grade := reading_grade(q.text, q.hint, q.test_to_ask)) > MAX_GRADE
    }
    assert not too_hard, f"above grade {MAX_GRADE}: {too_hard}"


def test_every_text_in_the_content_files_fits_its_field():
    """PostgreSQL refuses a text longer than its field; SQLite does not, so check here. A
    translation is often longer than its English."""
    too_long = []
    for path in fixture_paths():
        for row in json.loads(path.read_text()):
            model = apps.get_model(row["model"])
            for name, value in row["fields"].items():
                field = model._meta.get_field(name)
                limit = getattr(field, "max_length", None)
                if isinstance(value, str) and limit and len(value) > limit:
                    too_long.append(f"{path.name} {row['model']} {name}: {len(value)} > {limit}")
    assert not too_long
