"""The drawing of a treatment path: boxes placed top to bottom, for an SVG the page draws.

Takes a ``PathSpec`` (and, on the results page, the reader's ``Placement``) and returns plain
positions and words; the template only draws them. One column, so it reads at 320 px wide.
"""

import textwrap
from dataclasses import dataclass

from education.models.paths import PathStep

from .engine import Truth
from .paths import STAGES

WIDTH = 320
MARGIN = 12
LINE = 18  # the height of a line of text in a box
CHARS = 30  # letters a box's line holds at this size
#: What each stage is called, as editors see it too (the stage field's choices).
STAGE_LABELS = dict(PathStep.Stage.choices)
MARK_WORDS = {"here": "You may be here", "next": "What may come next"}


@dataclass(frozen=True)
class Text:
    y: int
    text: str
    #: "branch" (the test result that opens the step), "label" (the treatment) or "mark"
    #: (where the reader may be).
    kind: str


@dataclass(frozen=True)
class Box:
    y: int
    height: int
    texts: tuple
    #: "here" (the reader may be here), "next" (what may come next) or "".
    mark: str


@dataclass(frozen=True)
class Heading:
    y: int
    text: str


@dataclass(frozen=True)
class Drawing:
    width: int
    height: int
    headings: tuple
    boxes: tuple
    #: y positions of the arrows between stages.
    arrows: tuple


def draw(path, placement=None):
    """The whole path; with a reader's ``placement``, only where they may be and what may come
    next (the whole path is a link away)."""
    here = set(placement.here) if placement else set()
    after = set(placement.next) if placement else set()
    shown = (here | after) if placement else set(path.steps)
    y, headings, boxes, arrows = MARGIN, [], [], []
    stages = [stage for stage in STAGES if shown & set(path.stage(stage))]
    for number, stage in enumerate(stages):
        if number:
            arrows.append(y)
            y += 24
        headings.append(Heading(y + 14, STAGE_LABELS[stage]))
        y += 24
        for step in (s for s in path.stage(stage) if s in shown):
            lines = [("branch", line) for line in textwrap.wrap(f"If: {step.branch}", CHARS + 6)]
            lines = (lines if step.branch else []) + [
                ("label", line) for line in textwrap.wrap(step.label, CHARS)
            ]
            mark = "here" if step in here else "next" if step in after else ""
            if mark:  # said in words too, not by the border alone
                lines.append(("mark", MARK_WORDS[mark]))
            texts = tuple(Text(y + 6 + LINE * (n + 1) - 4, t, k) for n, (k, t) in enumerate(lines))
            height = LINE * len(lines) + 14
            boxes.append(Box(y, height, texts, mark))
            y += height + 8
    return Drawing(WIDTH, y + MARGIN, tuple(headings), tuple(boxes), tuple(arrows))


def path_stages(path):
    """The path's stages with their steps, for the list after the drawing: [(label, steps)]."""
    return [(STAGE_LABELS[stage], path.stage(stage)) for stage in STAGES if path.stage(stage)]


@dataclass(frozen=True)
class ReaderPath:
    """A path as the results page shows it: the reader's place marked, drawn and listed."""

    placement: object  # questionnaire.paths.Placement
    drawing: Drawing
    #: What to ask the care team to learn whether this path is the reader's.
    tests: tuple

    @property
    def path(self):
        return self.placement.path

    @property
    def certain(self):
        return self.placement.fits is Truth.TRUE


def reader_path(placement, tests_to_ask):
    return ReaderPath(
        placement=placement,
        drawing=draw(placement.path, placement),
        tests=tuple(tests_to_ask[key] for key in placement.unsure_of if tests_to_ask.get(key)),
    )
