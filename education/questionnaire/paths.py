"""Where a reader may be on a treatment path, from their answers.

Pure Python, like the engine it uses: a path's steps are the questionnaire's own treatment rules
(``RuleSpec``), so whether a step fits the reader is decided by ``engine.evaluate_rule``, and
whether a path is theirs by ``engine.check_all`` on the path's conditions. Nothing here knows of
Django or the database; ``education.questionnaire.rules`` builds the specs.
"""

from dataclasses import dataclass

from .engine import FIRST, GROWING, LATER, NEXT, PRIOR, Truth, check, check_all, evaluate_rule

#: The stages a path is drawn in, top to bottom.
STAGES = (FIRST, NEXT, LATER)


@dataclass(frozen=True)
class StepSpec:
    rule: object  # engine.RuleSpec
    stage: str
    label: str
    #: The test result that opens this branch ("ESR1 change found"), and its page.
    branch: str = ""
    branch_link: object = None  # engine.Link


@dataclass(frozen=True)
class PathSpec:
    slug: str
    title: str
    url: str
    conditions: tuple
    #: In the order they are drawn: by stage, then by their order within it.
    steps: tuple

    def stage(self, stage):
        return tuple(step for step in self.steps if step.stage == stage)


@dataclass(frozen=True)
class Placement:
    path: PathSpec
    #: Whether the answers put the reader on this path (TRUE), or may (UNKNOWN: not sure of a
    #: result the path depends on).
    fits: Truth
    #: The questions the reader was not sure of that decide whether the path is theirs.
    unsure_of: tuple = ()
    #: The steps that fit the reader's answers now: where they may be.
    here: tuple = ()
    #: The steps that may come after those.
    next: tuple = ()
    #: The reader's treatment is working: ``here`` is what they may be having now.
    stable: bool = False


def open_to(step, answers):
    """Whether nothing the reader said rules the step out, leaving aside where they are in
    treatment (earlier treatments, growing): a step they may reach one day."""
    return all(
        check(condition, answers) is not Truth.FALSE
        for condition in step.rule.conditions
        if condition.question not in (PRIOR, GROWING)
    )


def later_than(stage):
    return STAGES[STAGES.index(stage) + 1 :]


def place(answers, path):
    """The reader's place on one path, or None when their answers rule the path out.

    - Before any treatment: the first-stage steps that fit, then what may come when it grows.
    - Growing on a treatment: the next steps that fit (not ones it grew on), then the later ones.
    - Stable on a treatment: the stage before the steps kept "for if it grows", as where they may
      be now, and those steps as what may come next.
    """
    fits, unsure_of = check_all(path.conditions, answers)
    if fits is Truth.FALSE:
        return None
    matches = [(step, evaluate_rule(step.rule, answers)) for step in path.steps]
    if_grows = [step for step, match in matches if match and match.if_grows and not match.tried]
    now = [step for step, match in matches if match and not match.if_grows and not match.tried]
    stable = answers.get(GROWING) == ["no"] and bool(if_grows)
    if stable:
        first_next = min(STAGES.index(step.stage) for step in if_grows)
        stage = STAGES[max(first_next - 1, 0)]
        here = [step for step in path.stage(stage) if open_to(step, answers)]
        # Kept for if it grows, and options with no usual line (a BRCA pill) on later stages.
        after = if_grows + [step for step in now if step.stage != stage]
    elif now:
        stage = min((step.stage for step in now), key=STAGES.index)
        here = [step for step in now if step.stage == stage]
        after = [
            step
            for later in later_than(stage)
            for step in path.stage(later)
            if open_to(step, answers) and step not in here
        ]
    else:
        here, after = [], []
    return Placement(
        path=path,
        fits=fits,
        unsure_of=unsure_of,
        here=tuple(here),
        next=tuple(step for step in after if step not in here),
        stable=stable,
    )


def placements(answers, paths):
    """The paths the reader may be on: those their answers fit first, then those they may fit
    (not sure of a result). Empty when the answers rule every path out."""
    placed = [p for p in (place(answers, path) for path in paths) if p]
    return sorted(placed, key=lambda p: p.fits is not Truth.TRUE)
