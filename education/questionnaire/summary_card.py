"""What a reader's summary card says about them, from their answers: pure data shaping.

The card is one page to carry to an emergency visit or a second opinion. It repeats the
reader's own answers (never advice), grouped the way a nurse asks for them.
"""

from django.utils.translation import gettext_lazy

#: The card's sections and the questions each one repeats, in the order they are printed.
SECTIONS = (
    (gettext_lazy("My test results"), ("hormone_receptor", "her2", "mutations", "pdl1")),
    (gettext_lazy("Where it has spread"), ("spread",)),
    (gettext_lazy("Treatments since it spread"), ("prior_treatments",)),
)


def card_sections(answer_rows):
    """[(title, [row, ...]), ...] from the answer rows the results page shows (each a dict
    with the ``question`` and the chosen ``labels``). Questions not asked are left out."""
    by_key = {row["question"].key: row for row in answer_rows}
    return [(title, [by_key[key] for key in keys if key in by_key]) for title, keys in SECTIONS]
