"""The side-effect diary a reader prints: which side effects it tracks, and for how long.

A diary row is something a person notices day by day. Side effects found only by a test (low
blood counts, liver or kidney changes) are left to the care team's tests.
"""

from django.utils.translation import gettext_lazy

#: Side effects a person can notice and track each day, in the order the diary lists them.
DAILY = (
    "tiredness",
    "nausea-and-vomiting",
    "diarrhea",
    "constipation",
    "mouth-sores",
    "loss-of-appetite",
    "nerve-damage",
    "hot-flashes",
    "joint-pain",
    "rash",
    "cough-and-shortness-of-breath",
    "mood-changes",
)
#: Side effects a person can also notice: a personal diary adds those that the drugs they take
#: list as common or serious.
NOTICEABLE = (
    *DAILY,
    "hand-foot-syndrome",
    "headache",
    "muscle-and-bone-pain",
    "stomach-pain",
    "swelling",
    "eye-problems",
    "nail-changes",
    "hair-loss",
    "bleeding",
    "vaginal-dryness",
    "weight-changes",
    "injection-site-reactions",
)
#: The side effect whose "call now" signs the diary prints on every page: a fever can be an
#: emergency during treatment.
FEVER = "fever"
#: Weeks in one printed diary, a page each; days in a week.
WEEKS = 4
DAYS = 7
#: Side effect rows that fit a week's page at full height; a longer personal diary sets its
#: rows closer together, so each week still fits on one page.
ROOMY_ROWS = 14
#: How a reader marks a day, from not at all to very much.
MARKS = (
    gettext_lazy("0 not at all"),
    gettext_lazy("1 a little"),
    gettext_lazy("2 a lot"),
    gettext_lazy("3 very much"),
)


def in_diary_order(side_effects, also=()):
    """The side effects (each with a ``slug``) the diary tracks, in its order: the daily
    ones, then those in ``also`` (slugs) that a person can notice."""
    by_slug = {side_effect.slug: side_effect for side_effect in side_effects}
    also = set(also)
    wanted = [slug for slug in NOTICEABLE if slug in DAILY or slug in also]
    return [by_slug[slug] for slug in wanted if slug in by_slug]


def diary_context(side_effects, also=()):
    """What the diary's template needs: its rows (from ``side_effects``, see ``in_diary_order``),
    the fever side effect among them whose signs it prints, and its weeks, days and marks."""
    side_effects = list(side_effects)
    rows = in_diary_order(side_effects, also)
    fever = next((se for se in side_effects if se.slug == FEVER), None)
    return {
        "rows": rows,
        "compact": len(rows) > ROOMY_ROWS,
        "fever": fever,
        "weeks": range(1, WEEKS + 1),
        "days": range(1, DAYS + 1),
        "marks": MARKS,
        "page_sources": fever.sources.primary_first() if fever else [],
    }
