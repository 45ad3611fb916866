"""The rules engine: pure logic first, then the real rules against situations from the sources."""

import pytest

from education.questionnaire.engine import (
    Condition,
    RuleSpec,
    Truth,
    check,
    evaluate,
    should_ask,
)
from education.questionnaire.results import STEPS
from education.questionnaire.rules import published_rules


def cond(question, *values, negate=False):
    return Condition(question, frozenset(values), negate)


# --- The engine's own logic, on made-up rules -------------------------------------------------


@pytest.mark.parametrize(
    "given, expected",
    [
        (["positive"], Truth.TRUE),
        (["negative"], Truth.FALSE),
        (["unsure"], Truth.UNKNOWN),
        ([], Truth.FALSE),
    ],
)
def test_a_condition_is_true_false_or_unknown(given, expected):
    """An empty answer is a question skipped because it cannot matter, which is not unsure."""
    assert check(cond("her2", "positive"), {"her2": given}) is expected


def test_a_missing_answer_is_unknown():
    assert check(cond("pdl1", "positive"), {}) is Truth.UNKNOWN


def test_a_skipped_question_fails_a_condition_on_it_and_passes_a_negated_one():
    assert check(cond("growing", "yes"), {"growing": []}) is Truth.FALSE
    assert check(cond("growing", "yes", negate=True), {"growing": []}) is Truth.TRUE


def test_several_answers_match_if_any_matches_and_unsure_among_them_keeps_it_open():
    spread = cond("spread", "brain")
    assert check(spread, {"spread": ["bone", "brain"]}) is Truth.TRUE
    assert check(spread, {"spread": ["bone"]}) is Truth.FALSE
    assert check(spread, {"spread": ["bone", "unsure"]}) is Truth.UNKNOWN


def test_a_negated_condition_holds_when_none_of_the_values_was_chosen():
    not_none = cond("prior_treatments", "none", negate=True)
    assert check(not_none, {"prior_treatments": ["chemo"]}) is Truth.TRUE
    assert check(not_none, {"prior_treatments": ["none"]}) is Truth.FALSE
    assert check(not_none, {"prior_treatments": ["unsure"]}) is Truth.UNKNOWN


def test_unsure_can_itself_be_what_a_rule_looks_for():
    assert check(cond("her2", "unsure"), {"her2": ["unsure"]}) is Truth.TRUE


def test_rules_apply_may_apply_or_drop_out_and_certain_ones_come_first():
    rules = [
        RuleSpec(
            "maybe", "Maybe", "treatments", "r", order=1, conditions=(cond("her2", "positive"),)
        ),
        RuleSpec("sure", "Sure", "treatments", "r", order=2, conditions=(cond("hr", "positive"),)),
        RuleSpec("never", "Never", "treatments", "r", conditions=(cond("hr", "negative"),)),
        RuleSpec("always", "Always", "support", "r", order=3),
    ]
    matches = evaluate({"hr": ["positive"], "her2": ["unsure"]}, rules)
    assert [(m.rule.slug, m.certain) for m in matches] == [
        ("sure", True),
        ("always", True),
        ("maybe", False),
    ]
    assert matches[-1].unknown_questions == ("her2",)


def test_may_apply_uses_its_own_reason_when_there_is_one():
    rule = RuleSpec("r", "R", "treatments", "Because X.", "If X.", conditions=(cond("a", "x"),))
    (match,) = evaluate({"a": ["unsure"]}, [rule])
    assert match.reason == "If X."
    (match,) = evaluate({"a": ["x"]}, [rule])
    assert match.reason == "Because X."


def test_a_question_is_skipped_only_when_an_answer_rules_it_out():
    conditions = [cond("hormone_receptor", "negative", "unsure")]
    assert should_ask(conditions, {"hormone_receptor": ["negative"]})
    assert should_ask(conditions, {"hormone_receptor": ["unsure"]})
    assert not should_ask(conditions, {"hormone_receptor": ["positive"]})
    assert should_ask([], {})


# --- The real rules (loaded from the fixtures), against situations from the sources -----------

HR_POS_HER2_NEG = {"hormone_receptor": ["positive"], "her2": ["negative"]}
TRIPLE_NEGATIVE = {"hormone_receptor": ["negative"], "her2": ["negative"]}
HER2_POS = {"hormone_receptor": ["negative"], "her2": ["positive"]}
ALWAYS = {"clinical-trials", "palliative-care", "complementary-care", "living-with-mbc"}


def situation(**answers):
    return {key: value if isinstance(value, list) else [value] for key, value in answers.items()}


SITUATIONS = [
    # (name, answers, must apply, may apply, must not appear)
    (
        "HR+/HER2- after menopause, first treatment, bone spread",
        situation(
            **HR_POS_HER2_NEG,
            menopause="post",
            mutations="none",
            spread="bone",
            prior_treatments="none",
            serious_symptoms="no",
        ),
        {"hr-first-hormone-cdk46", "bone-spread", *ALWAYS},
        set(),
        {
            "hr-negative-chemo",
            "her2-first",
            "tnbc-pdl1-immunotherapy",
            "tnbc-first-adc",
            "brca-parp",
            "hr-growing-after-ai",
            "serious-symptoms-chemo-first",
            "hr-before-menopause",
            "test-her2",
        },
    ),
    (
        "HR+ before menopause",
        situation(**HR_POS_HER2_NEG, menopause="pre", prior_treatments="none"),
        {"hr-before-menopause", "hr-first-hormone-cdk46"},
        set(),
        {"hr-men"},
    ),
    (
        "HR+ in a man",
        situation(**HR_POS_HER2_NEG, menopause="male", prior_treatments="none"),
        {"hr-men"},
        set(),
        {"hr-before-menopause"},
    ),
    (
        "HR+ with serious problems from the spread: chemo first",
        situation(
            **HR_POS_HER2_NEG, menopause="post", prior_treatments="none", serious_symptoms="yes"
        ),
        {"serious-symptoms-call-today", "serious-symptoms-chemo-first", "serious-symptoms-relief"},
        set(),
        set(),
    ),
    (
        "HR+ grew on an aromatase inhibitor",
        situation(
            **HR_POS_HER2_NEG,
            mutations="none",
            prior_treatments=["aromatase_inhibitor"],
            growing="yes",
        ),
        {"hr-growing-after-ai", "hr-chemo-after-hormone", "retest-when-growing"},
        set(),
        {
            "hr-first-hormone-cdk46",
            "hr-growing-after-tamoxifen",
            "pik3ca-akt1-pten",
            "esr1-oral-serd",
        },
    ),
    (
        "HR+ grew on tamoxifen",
        situation(**HR_POS_HER2_NEG, prior_treatments="tamoxifen", growing="yes"),
        {"hr-growing-after-tamoxifen", "hr-chemo-after-hormone"},
        set(),
        {"hr-growing-after-ai"},
    ),
    (
        "HR+ stable on hormone therapy: no growth options",
        situation(
            **HR_POS_HER2_NEG, prior_treatments=["aromatase_inhibitor", "cdk46"], growing="no"
        ),
        set(),
        set(),
        {
            "hr-growing-after-ai",
            "hr-chemo-after-hormone",
            "retest-when-growing",
            "growing-on-chemo",
        },
    ),
    (
        "HR+ with a PIK3CA change",
        situation(
            **HR_POS_HER2_NEG,
            mutations="pik3ca",
            prior_treatments="aromatase_inhibitor",
            growing="yes",
        ),
        {"pik3ca-akt1-pten"},
        set(),
        {"esr1-oral-serd", "test-genes-hr-positive"},
    ),
    (
        "HR+ with an ESR1 change after hormone therapy",
        situation(
            **HR_POS_HER2_NEG,
            mutations="esr1",
            prior_treatments=["aromatase_inhibitor", "cdk46"],
            growing="yes",
        ),
        {"esr1-oral-serd"},
        set(),
        {"pik3ca-akt1-pten"},
    ),
    (
        "ESR1 change but no hormone therapy yet",
        situation(**HR_POS_HER2_NEG, mutations="esr1", prior_treatments="none"),
        set(),
        set(),
        {"esr1-oral-serd"},
    ),
    (
        "HR+ with both PIK3CA and ESR1 changes",
        situation(
            **HR_POS_HER2_NEG,
            mutations=["pik3ca", "esr1"],
            prior_treatments="fulvestrant",
            growing="yes",
        ),
        {"pik3ca-akt1-pten", "esr1-oral-serd"},
        set(),
        set(),
    ),
    (
        "HR+ HER2-low grew after hormone therapy and chemo",
        situation(
            hormone_receptor="positive",
            her2="low",
            prior_treatments=["aromatase_inhibitor", "chemo"],
            growing="yes",
        ),
        {"her2-low-tdxd", "hr-later-adcs", "growing-on-chemo"},
        set(),
        {"her2-first", "her2-growing"},
    ),
    (
        "HR-negative cancer: chemo is the main treatment",
        situation(
            hormone_receptor="negative", her2="negative", pdl1="negative", prior_treatments="none"
        ),
        {"hr-negative-chemo"},
        set(),
        {"hr-first-hormone-cdk46", "hr-before-menopause", "tnbc-pdl1-immunotherapy", "test-pdl1"},
    ),
    (
        "HER2+ first treatment",
        situation(**HER2_POS, prior_treatments="none"),
        {"her2-first"},
        set(),
        {"hr-first-hormone-cdk46", "her2-growing", "brca-parp", "her2-low-tdxd", "tnbc-first-adc"},
    ),
    (
        "HER2+ and HR+",
        situation(hormone_receptor="positive", her2="positive", prior_treatments="none"),
        {"her2-first", "her2-with-hormone"},
        set(),
        {"hr-first-hormone-cdk46"},
    ),
    (
        "HER2+ grew on HER2 drugs",
        situation(**HER2_POS, prior_treatments=["her2_therapy", "chemo"], growing="yes"),
        {"her2-growing", "growing-on-chemo"},
        set(),
        {"her2-first"},
    ),
    (
        "HER2+ with spread to the brain",
        situation(
            **HER2_POS, spread=["brain", "bone"], prior_treatments="her2_therapy", growing="no"
        ),
        {"her2-brain", "brain-spread", "bone-spread"},
        set(),
        {"her2-growing"},
    ),
    (
        "Triple-negative, PD-L1-positive",
        situation(**TRIPLE_NEGATIVE, pdl1="positive", prior_treatments="none"),
        {"tnbc-pdl1-immunotherapy", "hr-negative-chemo", "tnbc-first-adc"},
        set(),
        {"test-pdl1", "tnbc-sacituzumab"},
    ),
    (
        "Triple-negative, PD-L1 not known",
        situation(**TRIPLE_NEGATIVE, pdl1="unsure", prior_treatments="none"),
        {"test-pdl1", "tnbc-first-adc"},
        {"tnbc-pdl1-immunotherapy"},
        set(),
    ),
    (
        "Triple-negative, grew after chemo",
        situation(
            **TRIPLE_NEGATIVE,
            pdl1="negative",
            mutations="none",
            prior_treatments="chemo",
            growing="yes",
        ),
        {"tnbc-sacituzumab", "growing-on-chemo"},
        set(),
        {"tnbc-pdl1-immunotherapy", "brca-tnbc-platinum", "tnbc-first-adc"},
    ),
    (
        "Inherited BRCA change, HER2-negative",
        situation(**HR_POS_HER2_NEG, mutations="brca", prior_treatments="chemo", growing="no"),
        {"brca-parp"},
        set(),
        {"brca-tnbc-platinum", "test-brca"},
    ),
    (
        "BRCA and triple-negative, grew on chemo: platinum",
        situation(
            **TRIPLE_NEGATIVE,
            mutations="brca",
            pdl1="negative",
            prior_treatments="chemo",
            growing="yes",
        ),
        {"brca-parp", "brca-tnbc-platinum", "tnbc-sacituzumab"},
        set(),
        set(),
    ),
    (
        "BRCA change but HER2-positive: no PARP inhibitor",
        situation(**HER2_POS, mutations="brca", prior_treatments="none"),
        set(),
        set(),
        {"brca-parp"},
    ),
    (
        "HER2 not known",
        situation(hormone_receptor="negative", her2="unsure", prior_treatments="none"),
        {"test-her2", "hr-negative-chemo"},
        {"her2-first", "test-pdl1"},
        set(),
    ),
    (
        "Hormone receptor status not known",
        situation(hormone_receptor="unsure", her2="negative", prior_treatments="none"),
        {"test-hormone-receptor"},
        {"hr-negative-chemo", "hr-first-hormone-cdk46", "test-pdl1"},
        set(),
    ),
    (
        "HR+ HER2-, gene tests not done",
        situation(**HR_POS_HER2_NEG, mutations="unsure", prior_treatments="none"),
        {"test-genes-hr-positive", "test-brca"},
        {"brca-parp", "pik3ca-early-relapse"},
        {"pik3ca-akt1-pten"},
    ),
    (
        "Spread to the liver, lungs and other places",
        situation(**HR_POS_HER2_NEG, spread=["liver", "lung", "other"], prior_treatments="none"),
        {"liver-spread", "lung-spread", "other-spread"},
        set(),
        {"bone-spread", "brain-spread", "her2-brain"},
    ),
    (
        "Growing on chemo, type unknown",
        situation(
            hormone_receptor="unsure", her2="unsure", prior_treatments="chemo", growing="yes"
        ),
        {"growing-on-chemo", "retest-when-growing", "test-her2", "test-hormone-receptor"},
        {"tnbc-sacituzumab", "hr-later-adcs", "her2-low-tdxd"},
        {"her2-first", "hr-first-hormone-cdk46"},
    ),
    # Found by a fact audit: options offered to people they are not for.
    (
        "HR+/HER2+ grew on tamoxifen: HER2 drugs, not CDK4/6 switches or chemo-after-hormone",
        situation(
            hormone_receptor="positive",
            her2="positive",
            prior_treatments="tamoxifen",
            growing="yes",
        ),
        {"her2-with-hormone", "retest-when-growing"},
        set(),
        {"hr-growing-after-tamoxifen", "hr-chemo-after-hormone", "esr1-oral-serd"},
    ),
    (
        "HER2-low, stable on first hormone therapy: T-DXd not yet",
        situation(
            hormone_receptor="positive",
            her2="low",
            prior_treatments="aromatase_inhibitor",
            growing="no",
        ),
        set(),
        set(),
        {"her2-low-tdxd", "hr-growing-after-ai"},
    ),
    (
        "ESR1 change, stable on hormone therapy: no switch yet",
        situation(
            **HR_POS_HER2_NEG,
            mutations="esr1",
            prior_treatments="aromatase_inhibitor",
            growing="no",
        ),
        set(),
        set(),
        {"esr1-oral-serd"},
    ),
    (
        "HER2+ with brain spread, no treatment yet: local treatment and first HER2 drugs",
        situation(
            hormone_receptor="negative", her2="positive", spread="brain", prior_treatments="none"
        ),
        {"brain-spread", "her2-first"},
        set(),
        {"her2-brain", "her2-growing"},
    ),
    (
        "Triple-negative with serious problems: call today, but no hormone-therapy card",
        situation(**TRIPLE_NEGATIVE, prior_treatments="none", serious_symptoms="yes"),
        {"serious-symptoms-call-today", "serious-symptoms-relief"},
        set(),
        {"serious-symptoms-chemo-first"},
    ),
    (
        "Not sure about serious problems: no urgent card as a fact",
        situation(**HR_POS_HER2_NEG, prior_treatments="none", serious_symptoms="unsure"),
        set(),
        {"serious-symptoms-call-today"},
        set(),
    ),
    # --- Where the reader is in treatment (questionnaire v2) ---
    (
        "Triple-negative, grew on pembrolizumab: immunotherapy is not offered again",
        situation(
            **TRIPLE_NEGATIVE,
            pdl1="positive",
            prior_treatments=["immunotherapy", "chemo"],
            growing="yes",
        ),
        {"tnbc-sacituzumab"},
        set(),
        {"tnbc-pdl1-immunotherapy", "tnbc-first-adc"},
        {"tried": {"tnbc-pdl1-immunotherapy"}},
    ),
    (
        "HR+ grew on an aromatase inhibitor and fulvestrant: fulvestrant is not offered again",
        situation(
            **HR_POS_HER2_NEG,
            menopause="post",
            mutations="none",
            prior_treatments=["aromatase_inhibitor", "fulvestrant", "cdk46"],
            growing="yes",
        ),
        {"hr-chemo-after-hormone"},
        set(),
        {"hr-growing-after-ai", "hr-first-hormone-cdk46"},
        {"tried": {"hr-growing-after-ai"}},
    ),
    (
        "HER2+ grew on T-DXd: T-DXd is not offered again, what comes after it is",
        situation(**HER2_POS, prior_treatments=["her2_therapy", "tdxd"], growing="yes"),
        {"her2-after-tdxd"},
        set(),
        {"her2-growing", "her2-first"},
        {"tried": {"her2-growing"}},
    ),
    (
        "HER2+ grew on trastuzumab and pertuzumab only: T-DXd is next",
        situation(**HER2_POS, prior_treatments="her2_therapy", growing="yes"),
        {"her2-growing"},
        set(),
        {"her2-after-tdxd", "hr-negative-chemo"},
    ),
    (
        "HER2+ grew on T-DXd, tucatinib and T-DM1: later HER2 drugs and trials",
        situation(
            **HER2_POS,
            prior_treatments=["her2_therapy", "tdxd", "tucatinib", "tdm1"],
            growing="yes",
        ),
        set(),
        set(),
        {"her2-after-tdxd", "her2-growing"},
        {"tried": {"her2-after-tdxd", "her2-growing"}},
    ),
    (
        "HER2-low grew on T-DXd: not offered again",
        situation(
            **HR_POS_HER2_NEG | {"her2": ["low"]}, prior_treatments=["chemo", "tdxd"], growing="yes"
        ),
        {"hr-later-adcs"},
        set(),
        {"her2-low-tdxd"},
        {"tried": {"her2-low-tdxd"}},
    ),
    (
        "ESR1 change, grew on an oral SERD: another is not offered",
        situation(
            **HR_POS_HER2_NEG,
            mutations="esr1",
            prior_treatments=["aromatase_inhibitor", "cdk46", "oral_serd"],
            growing="yes",
        ),
        {"hr-chemo-after-hormone"},
        set(),
        {"esr1-oral-serd"},
        {"tried": {"esr1-oral-serd"}},
    ),
    (
        "PIK3CA change, grew on capivasertib: another PI3K/AKT pill is not offered",
        situation(
            **HR_POS_HER2_NEG,
            mutations="pik3ca",
            prior_treatments=["aromatase_inhibitor", "cdk46", "fulvestrant", "pi3k_akt"],
            growing="yes",
        ),
        {"hr-chemo-after-hormone"},
        set(),
        {"pik3ca-akt1-pten"},
        {"tried": {"pik3ca-akt1-pten"}},
    ),
    (
        "Triple-negative grew on sacituzumab: not offered again",
        situation(**TRIPLE_NEGATIVE, prior_treatments=["chemo", "sacituzumab"], growing="yes"),
        {"growing-on-chemo"},
        set(),
        {"tnbc-sacituzumab"},
        {"tried": {"tnbc-sacituzumab"}},
    ),
    (
        "BRCA, grew on a PARP inhibitor: a second one is not offered",
        situation(
            **TRIPLE_NEGATIVE, mutations="brca", prior_treatments=["parp", "chemo"], growing="yes"
        ),
        {"brca-tnbc-platinum"},
        set(),
        {"brca-parp"},
        {"tried": {"brca-parp"}},
    ),
    (
        "HR+ stable after an aromatase inhibitor: keep going; switching is for if it grows",
        situation(
            **HR_POS_HER2_NEG,
            menopause="post",
            mutations="pik3ca",
            prior_treatments=["aromatase_inhibitor", "cdk46"],
            growing="no",
        ),
        set(),
        set(),
        {
            "hr-growing-after-ai",
            "pik3ca-akt1-pten",
            "hr-chemo-after-hormone",
            "retest-when-growing",
        },
        {"if_grows": {"hr-growing-after-ai", "pik3ca-akt1-pten", "hr-chemo-after-hormone"}},
    ),
    (
        "Came back early on an aromatase inhibitor with PIK3CA: inavolisib triplet first",
        situation(
            **HR_POS_HER2_NEG,
            menopause="post",
            mutations="pik3ca",
            diagnosis="recurrence_early",
            prior_treatments="none",
            growing=[],  # skipped: no treatment since it spread
        ),
        {"pik3ca-early-relapse", "hr-early-relapse", "hr-first-hormone-cdk46"},
        set(),
        {"pik3ca-akt1-pten", "retest-when-growing"},
    ),
    (
        "Came back late after early breast cancer: no early-return cards",
        situation(
            **HR_POS_HER2_NEG,
            menopause="post",
            mutations="pik3ca",
            diagnosis="recurrence_late",
            prior_treatments="none",
        ),
        {"hr-first-hormone-cdk46"},
        set(),
        {"pik3ca-early-relapse", "hr-early-relapse"},
    ),
    (
        "Found already spread (de novo), HR+: the usual first treatment",
        situation(
            **HR_POS_HER2_NEG,
            menopause="post",
            mutations="none",
            diagnosis="de_novo",
            prior_treatments="none",
        ),
        {"hr-first-hormone-cdk46"},
        set(),
        {"hr-early-relapse", "pik3ca-early-relapse"},
    ),
    (
        "HER2+ came back early on HER2 drugs: T-DXd may be first",
        situation(**HER2_POS, diagnosis="recurrence_early", prior_treatments="none"),
        {"her2-early-relapse-tdxd", "her2-first"},
        set(),
        {"hr-negative-chemo", "her2-growing"},
    ),
    (
        "Triple-negative came back early: how soon matters for the first choice",
        situation(
            **TRIPLE_NEGATIVE,
            pdl1="positive",
            diagnosis="recurrence_early",
            prior_treatments="none",
        ),
        {"tnbc-early-relapse", "tnbc-pdl1-immunotherapy", "tnbc-first-adc"},
        set(),
        set(),
    ),
    (
        "Not sure how it was found: early-return cards may apply",
        situation(
            **HR_POS_HER2_NEG,
            menopause="post",
            mutations="none",
            diagnosis="unsure",
            prior_treatments="none",
        ),
        {"hr-first-hormone-cdk46"},
        {"hr-early-relapse"},
        set(),
    ),
    (
        "A man, HR+, first treatment: the men's card, not the general one",
        situation(**HR_POS_HER2_NEG, menopause="male", prior_treatments="none"),
        {"hr-men"},
        set(),
        {"hr-first-hormone-cdk46", "hr-before-menopause"},
    ),
    (
        "HER2+ and HR-negative: not told chemo is the main treatment",
        situation(**HER2_POS, prior_treatments="none"),
        {"her2-first"},
        set(),
        {"hr-negative-chemo", "serious-symptoms-chemo-first"},
    ),
    (
        "HER2-negative: ask for the exact HER2 score",
        situation(**HR_POS_HER2_NEG, prior_treatments="none"),
        {"test-her2-score"},
        set(),
        {"test-her2"},
    ),
]


@pytest.fixture
def real_rules(db):
    return published_rules()


@pytest.mark.parametrize(
    "answers, must, may, must_not, also",
    [(*s[1:5], s[5] if len(s) > 5 else {}) for s in SITUATIONS],
    ids=[s[0] for s in SITUATIONS],
)
def test_situations_from_the_sources(real_rules, answers, must, may, must_not, also):
    """Offered means shown as an option now: not one the cancer already grew on (``tried``), and
    not a next step kept for if a stable cancer grows (``if_grows``)."""
    matches = {m.rule.slug: m for m in evaluate(answers, real_rules)}
    offered = {slug: m for slug, m in matches.items() if not m.tried and not m.if_grows}
    for slug in must:
        assert slug in offered and offered[slug].certain, f"{slug} should apply"
    for slug in may:
        assert slug in offered and not offered[slug].certain, f"{slug} should only maybe apply"
    for slug in must_not:
        assert slug not in offered, f"{slug} should not be offered"
    for slug in also.get("tried", ()):
        assert slug in matches and matches[slug].tried, f"{slug} was grown on: not offered again"
    for slug in also.get("if_grows", ()):
        assert slug in matches and matches[slug].if_grows, f"{slug} is for if it grows"


def test_all_unsure_still_gives_tests_support_and_possibilities(real_rules):
    answers = {key: ["unsure"] for key in STEPS}
    matches = evaluate(answers, real_rules)
    certain = {m.rule.slug for m in matches if m.certain}
    maybe = {m.rule.slug for m in matches if not m.certain}
    assert ALWAYS <= certain
    assert {"test-hormone-receptor", "test-her2", "test-brca"} <= certain
    assert {"hr-first-hormone-cdk46", "her2-first", "hr-negative-chemo"} <= maybe


def test_every_rule_is_reached_by_some_situation(real_rules):
    reached = set()
    for _, answers, *_ in SITUATIONS:
        reached |= {m.rule.slug for m in evaluate(answers, real_rules) if m.certain}
    assert {rule.slug for rule in real_rules} <= reached


def test_every_rule_links_to_a_plain_explanation(real_rules):
    for rule in real_rules:
        assert rule.links, f"{rule.slug} has no links"
