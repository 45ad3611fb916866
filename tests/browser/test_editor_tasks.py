"""Eight everyday tasks, walked in Chromium as an editor (Edna) and a medical reviewer (Rita):
fix a typo, link a side effect to drugs, add a source, change warning signs with a preview,
find what cites a source and what is due, restore an old version, change a rule, rename a step
of a treatment path.

Screenshots of the review queue and a word-level diff go to tests/browser/screenshots/ (and
docs/screenshots/ holds copies for the README)."""

from django.urls import reverse

from education.models import (
    Drug,
    DrugSideEffect,
    Revision,
    Rule,
    SideEffect,
    Source,
    Status,
    TreatmentPath,
)

from .conftest import screenshot
from .test_editing import log_in, person


def admin(site, obj, view="change"):
    opts = obj._meta
    return site + reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[obj.pk])


def choose(page, select_id, text):
    """Pick ``text`` in a Django admin autocomplete (select2) box."""
    page.click(f"#{select_id} + .select2 .select2-selection")
    page.fill(".select2-container--open .select2-search__field", text)
    page.click(f".select2-container--open .select2-results__option:has-text('{text}')")


def publish_from_queue(reviewer, site, title, whole_page=False, shot=None):
    reviewer.goto(f"{site}{reverse('admin:education_review_queue')}")
    if shot:
        screenshot(reviewer, shot)
    reviewer.click(f"#queue-waiting a:text-is('{title}')")
    if whole_page:
        reviewer.check("#id_whole_page_reviewed")
    reviewer.click("input[name=approve]")
    assert "Published" in reviewer.inner_text(".messagelist")


def test_fix_a_typo_and_a_reviewer_publishes_it_from_the_queue(site, browser):
    person("edna", "Editors")
    person("rita", "Medical reviewers")
    drug = Drug.objects.get(slug="anastrozole")
    fixed = drug.summary + " It is a pill."
    edna = log_in(browser, site, "edna")
    edna.goto(admin(site, drug))
    edna.fill("#id_summary_en", fixed)
    edna.click("input[name=_save]")
    assert "waiting for a medical reviewer" in edna.inner_text(".messagelist")

    rita = log_in(browser, site, "rita")
    rita.goto(f"{site}{reverse('admin:education_review_queue')}")
    screenshot(rita, "admin-review-queue")
    rita.click("#queue-waiting a:text-is('anastrozole')")
    assert rita.inner_text(".word-diff ins").strip() == "It is a pill."
    screenshot(rita, "admin-word-diff")
    rita.click("input[name=approve]")
    drug.refresh_from_db()
    assert drug.summary == fixed and drug.last_reviewed_on is None  # a fix is not a review


def test_link_a_side_effect_to_two_drugs_from_its_own_page(site, browser):
    person("edna", "Editors")
    person("rita", "Medical reviewers")
    side_effect = SideEffect.objects.get(slug="infections")
    drugs = ["olaparib", "talazoparib"]
    assert not DrugSideEffect.objects.filter(side_effect=side_effect, drug__slug__in=drugs)
    edna = log_in(browser, site, "edna")
    edna.goto(admin(site, side_effect))
    assert edna.locator(".inline-group").first.is_visible()  # its drugs, on its own form
    prefix = edna.get_attribute("input[name$='-TOTAL_FORMS']", "name").removesuffix("-TOTAL_FORMS")
    total = int(edna.input_value(f"input[name='{prefix}-TOTAL_FORMS']"))
    for number, slug in enumerate(drugs):
        if number:
            edna.click(".inline-group .add-row a")
        index = total - 1 + number
        choose(edna, f"id_{prefix}-{index}-drug", Drug.objects.get(slug=slug).generic_name)
        edna.select_option(f"#id_{prefix}-{index}-frequency", "unknown")
    edna.click("input[name=_save]")
    errors = edna.locator(".errornote, .errorlist").all_inner_texts()
    assert not errors, errors
    assert "waiting for a medical reviewer" in edna.inner_text(".messagelist")

    rita = log_in(browser, site, "rita")
    publish_from_queue(rita, site, str(side_effect))
    linked = DrugSideEffect.objects.filter(side_effect=side_effect, drug__slug__in=drugs)
    assert linked.count() == 2


def test_add_a_source_whose_key_is_filled_from_its_title(site, browser):
    person("edna", "Editors")
    edna = log_in(browser, site, "edna")
    edna.goto(f"{site}{reverse('admin:education_source_add')}")
    edna.locator("#id_title").press_sequentially("Example label for a new drug")
    assert edna.input_value("#id_key") == "example-label-for-a-new-drug"
    edna.fill("#id_publisher", "U.S. Food and Drug Administration")
    edna.select_option("#id_kind", "regulator")
    edna.click("input[name=_save]")
    assert "waiting for a medical reviewer" in edna.inner_text(".messagelist")
    assert not Source.objects.filter(key="example-label-for-a-new-drug").exists()
    assert Revision.objects.pending().filter(object_id=None).count() == 1


def test_change_warning_signs_with_a_preview_before_saving(site, browser):
    person("edna", "Editors")
    side_effect = SideEffect.objects.get(slug="fever")
    signs = side_effect.call_now + "\n- A fever with a stiff neck"
    edna = log_in(browser, site, "edna")
    edna.goto(admin(site, side_effect))
    edna.fill("#id_call_now_en", signs)
    with edna.context.expect_page() as opened:
        edna.click("button:has-text('Preview')")
    preview = opened.value
    preview.wait_for_load_state()
    assert "A fever with a stiff neck" in preview.inner_text("main")
    assert "Preview" in preview.inner_text(".draft-banner")
    side_effect.refresh_from_db()
    assert "stiff neck" not in side_effect.call_now  # nothing saved by previewing
    preview.close()
    edna.click("input[name=_save]")
    assert "waiting for a medical reviewer" in edna.inner_text(".messagelist")


def test_find_what_cites_a_source_and_what_is_due_for_review(site, browser):
    person("rita", "Medical reviewers")
    source = Source.objects.get(key="acs-stage-iv-2019")  # cited by about 145 pages
    rita = log_in(browser, site, "rita")
    rita.goto(admin(site, source))
    drugs_citing = set(source.drug_set.values_list("generic_name", flat=True))
    kinds = rita.locator(".cited-by-kind summary").all_text_contents()
    assert any(kind.startswith("Drugs (") for kind in kinds), kinds
    rita.goto(f"{site}{reverse('admin:education_drug_changelist')}?cites_source={source.pk}")
    listed = set(rita.locator("#result_list th a").all_inner_texts())
    assert drugs_citing <= listed
    rita.goto(f"{site}{reverse('admin:education_review_queue')}")
    assert "due for a full medical review" in rita.text_content("#queue-due caption")


def test_restore_an_old_version(site, browser):
    person("rita", "Medical reviewers")
    drug = Drug.objects.get(slug="exemestane")
    original = drug.summary
    drug.summary = "A wrong summary."
    drug.save()
    rita = log_in(browser, site, "rita")
    rita.goto(admin(site, drug, "history"))
    rita.click("#change-history tbody tr:nth-child(2) a")  # the version before the mistake
    rita.click("input[name=_save]")
    drug.refresh_from_db()
    assert drug.summary == original and drug.status == Status.PUBLISHED


def test_change_a_questionnaire_rule_with_checked_values(site, browser):
    person("edna", "Editors")
    person("rita", "Medical reviewers")
    rule = Rule.objects.published().filter(conditions__question__key="her2").first()
    condition = rule.conditions.get(question__key="her2")
    edna = log_in(browser, site, "edna")
    edna.goto(admin(site, rule))
    boxes = edna.locator("input[type=checkbox][value^='her2:']")
    assert boxes.count() >= 3  # the question's own answers, as checkboxes
    unticked = edna.locator("input[type=checkbox][value^='her2:']:not(:checked)").first
    value = unticked.get_attribute("value").split(":", 1)[1]
    unticked.check()
    edna.click("input[name=_save]")
    assert "waiting for a medical reviewer" in edna.inner_text(".messagelist")
    rita = log_in(browser, site, "rita")
    publish_from_queue(rita, site, str(rule))
    condition.refresh_from_db()
    assert value in condition.value_list


def test_rename_a_step_of_a_treatment_path_and_it_shows_once_reviewed(site, browser):
    person("edna", "Editors")
    person("rita", "Medical reviewers")
    path = TreatmentPath.objects.get(slug="triple-negative")
    step = path.steps.get(label="PARP inhibitor pill")
    edna = log_in(browser, site, "edna")
    edna.goto(admin(site, path))
    label = edna.locator("input[name$='-label_en'][value='PARP inhibitor pill']")
    label.fill("PARP inhibitor (a pill)")
    edna.click("input[name=_save]")
    assert "waiting for a medical reviewer" in edna.inner_text(".messagelist")
    # Readers still see the published step until a reviewer approves the change.
    edna.goto(site + path.get_absolute_url())
    assert edna.locator(".path-drawing-screen svg text:text-is('PARP inhibitor pill')").count() == 1
    step.refresh_from_db()
    assert step.label == "PARP inhibitor pill"

    rita = log_in(browser, site, "rita")
    publish_from_queue(rita, site, str(path))
    rita.goto(site + path.get_absolute_url())
    assert rita.locator(".path-drawing-screen svg text:text-is('PARP inhibitor (a pill)')").count()
    assert "PARP inhibitor (a pill)" in rita.inner_text("ol.path-steps")


def test_correct_the_spanish_words_and_a_reviewer_publishes_them(site, browser):
    person("edna", "Editors")
    person("rita", "Medical reviewers")
    Drug.objects.filter(slug="letrozole").update(status=Status.DRAFT, spanish_status=Status.REVIEW)
    drug = Drug.objects.get(slug="letrozole")
    fixed = "Letrozole (Femara) es una pastilla. Baja el estrógeno en su cuerpo."
    edna = log_in(browser, site, "edna")
    edna.goto(admin(site, drug))
    # The English and Spanish boxes of a field side by side; editors cannot publish either.
    assert edna.locator("label[for=id_summary_es]").inner_text().startswith("Summary (Spanish)")
    spanish = edna.locator("#id_spanish_status option").all_inner_texts()
    assert "Published" not in spanish and "In review" in spanish
    edna.fill("#id_summary_es", fixed)
    edna.click("input[name=_save]")
    drug.refresh_from_db()
    assert drug.summary_es == fixed and drug.spanish_status == Status.REVIEW

    rita = log_in(browser, site, "rita")
    rita.goto(admin(site, drug))
    rita.select_option("#id_status", "published")
    rita.select_option("#id_spanish_status", "published")
    rita.click("input[name=_save]")
    rita.goto(site + "/es" + drug.get_absolute_url())
    assert "Baja el estrógeno en su cuerpo" in rita.inner_text("main")
    assert rita.locator("html").get_attribute("lang") == "es"
