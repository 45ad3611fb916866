"""A drug's handout warns only of what fits that drug."""

import pytest
from django.urls import reverse

from education.models import SideEffect
from education.warning_signs import names_of, signs_for

from handout_pdf import pdf_text, squash

DRUGS = {
    "tdxd": names_of("fam-trastuzumab deruxtecan", ["Enhertu"], ["T-DXd"]),
    "herceptin": names_of("trastuzumab", ["Herceptin"]),
    "palbociclib": names_of("palbociclib", ["Ibrance"]),
}
SIGNS = """- If you take trastuzumab deruxtecan: a new cough. Call right away.
- With any of these drugs: trouble breathing at rest. Call right away.
- If you take Ibrance or Herceptin: a fever. Call right away."""


def test_a_sign_for_other_drugs_is_left_out_and_the_longest_name_wins():
    assert signs_for(SIGNS, "palbociclib", DRUGS) == (
        "With any of these drugs: trouble breathing at rest. Call right away. "
        "If you take Ibrance or Herceptin: a fever. Call right away."
    )
    # "trastuzumab deruxtecan" is T-DXd, not trastuzumab.
    assert "new cough" not in signs_for(SIGNS, "herceptin", DRUGS)
    assert "new cough" in signs_for(SIGNS, "tdxd", DRUGS)
    assert "fever" not in signs_for(SIGNS, "tdxd", DRUGS)


def test_signs_that_name_no_drug_apply_to_all():
    assert signs_for("Call 911 for chest pain.", "herceptin", DRUGS) == "Call 911 for chest pain."


@pytest.mark.django_db
def test_the_palbociclib_handout_does_not_carry_signs_meant_for_other_drugs(client):
    lung = SideEffect.objects.get(slug="lung-inflammation")
    assert "deruxtecan" in lung.call_now  # the side effect's own page speaks of other drugs
    _, text = pdf_text(client.get(reverse("education:drug-handout", args=["palbociclib"])))
    flat = squash(text)
    assert squash("Lung inflammation:") in flat
    assert "deruxtecan" not in text.lower()
