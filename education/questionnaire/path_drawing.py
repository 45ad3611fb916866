"""The drawing of a treatment path: boxes placed stage by stage, for an SVG the page draws.

Takes a ``PathSpec`` (and, on the results page, the reader's ``Placement``) and returns plain
positions and words; the template only draws them. On screen, one column, so it reads at 320 px
wide; on paper, the stages side by side, so the longest path fits on a page.
"""

import textwrap
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from education.models.paths import PathStep

from .engine import Truth
from .paths import STAGES

MARGIN = 12
LINE = 18  # the height of a line of text in a box
#: A box's width, and the letters a line in it holds: on screen, one column 320 wide with its
#: margins; on paper, narrower, so three columns print with the words at about 10 pt.
BOX_WIDTH, CHARS = 296, 30
PAPER_BOX_WIDTH, PAPER_CHARS = 252, 24
GAP = 28  # between columns, side by side: room for an arrow
#: What each stage is called, as editors see it too (the stage field's choices).
STAGE_LABELS = dict(PathStep.Stage.choices)
MARK_WORDS = {"here": gettext_lazy("You may be here"), "next": gettext_lazy("What may come next")}


@dataclass(frozen=True)
class Text:
    x: int
    y: int
    text: str
    #: "branch" (the test result that opens the step), "label" (the treatment) or "mark"
    #: (where the reader may be).
    kind: str


@dataclass(frozen=True)
class Box:
    x: int
    y: int
    height: int
    texts: tuple
    #: "here" (the reader may be here), "next" (what may come next) or "".
    mark: str


@dataclass(frozen=True)
class Heading:
    x: int
    y: int
    text: str


@dataclass(frozen=True)
class Drawing:
    width: int
    height: int
    box_width: int
    headings: tuple
    boxes: tuple
    #: The arrows from one stage to the next, as SVG path data.
    arrows: tuple


def draw(path, placement=None, side_by_side=False):
    """The whole path; with a reader's ``placement``, only where they may be and what may come
    next (the whole path is a link away).

    One column, stage under stage, for screens (it reads at 320 px); ``side_by_side`` puts each
    stage in a column of its own, left to right, so a long path fits on paper.
    """
    here = set(placement.here) if placement else set()
    after = set(placement.next) if placement else set()
    shown = (here | after) if placement else set(path.steps)
    stages = [stage for stage in STAGES if shown & set(path.stage(stage))]
    width, chars = (PAPER_BOX_WIDTH, PAPER_CHARS) if side_by_side else (BOX_WIDTH, CHARS)
    x = y = bottom = MARGIN
    headings, boxes, arrows = [], [], []
    for number, stage in enumerate(stages):
        if number and side_by_side:
            x, y = x + width + GAP, MARGIN
            arrows.append(f"M{x - GAP + 4} {y + 9} h{GAP - 8} m-6 -6 l6 6 l-6 6")
        elif number:
            arrows.append(f"M{x + width // 2} {y + 2} v16 m-6 -6 l6 6 l6 -6")
            y += 24
        headings.append(Heading(x, y + 14, STAGE_LABELS[stage]))
        y += 24
        for step in (s for s in path.stage(stage) if s in shown):
            mark = "here" if step in here else "next" if step in after else ""
            box = step_box(step, x, y, chars, mark)
            boxes.append(box)
            y += box.height + 8
        bottom = max(bottom, y)
    return Drawing(
        x + width + MARGIN, bottom + MARGIN, width, tuple(headings), tuple(boxes), tuple(arrows)
    )


def step_box(step, x, y, chars, mark):
    """A step's box at (x, y), ``chars`` letters a line: the test result that opens it (in
    smaller letters, so more to a line), the treatment, and the mark."""
    lines = [
        ("branch", line)
        for line in textwrap.wrap(_("If: %(result)s") % {"result": step.branch}, chars + 6)
    ]
    lines = (lines if step.branch else []) + [
        ("label", line) for line in textwrap.wrap(step.label, chars)
    ]
    if mark:  # said in words too, not by the border alone
        lines.append(("mark", MARK_WORDS[mark]))
    texts = tuple(
        Text(x + 10, y + 6 + LINE * (n + 1) - 4, text, kind) for n, (kind, text) in enumerate(lines)
    )
    return Box(x, y, LINE * len(lines) + 14, texts, mark)


def path_stages(path):
    """The path's stages with their steps, for the list after the drawing: [(label, steps)]."""
    return [(STAGE_LABELS[stage], path.stage(stage)) for stage in STAGES if path.stage(stage)]


@dataclass(frozen=True)
class ReaderPath:
    """A path as the results page shows it: the reader's place marked, drawn and listed."""

    placement: object  # questionnaire.paths.Placement
    drawing: Drawing
    #: The same, its stages side by side, for the results handout.
    paper_drawing: Drawing
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
        paper_drawing=draw(placement.path, placement, side_by_side=True),
        tests=tuple(tests_to_ask[key] for key in placement.unsure_of if tests_to_ask.get(key)),
    )
