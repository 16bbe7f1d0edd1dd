"""The ISNCSCI worksheet as a grid of inputs, and its classification as the grid is filled.

Cells are named by the exam's record path (``spinal_exams[0].exam.right.motor.C5``). A cell not
yet filled is classified as not testable (``NT``), so the levels and grade shown while typing are
those the standard gives for what has been examined so far.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from myoscope.errors import InputError
from myoscope.record.spinal import ANAL_VALUES, DERMATOMES, KEY_MUSCLES, MOTOR_VALUES, SEGMENTS, SENSORY_VALUES

SIDES = ("right", "left")
COMPLETENESS = {"C": "complete", "I": "incomplete"}
MUSCLE_OF = dict(KEY_MUSCLES)


@dataclass(frozen=True)
class GridRow:
    """One segment of the worksheet: its dermatome (all but C1) and its key muscle (C5-T1, L2-S1)."""

    segment: str
    label: str
    muscle: str | None


@dataclass(frozen=True)
class Grid:
    rows: tuple[GridRow, ...]
    motor_values: tuple[str, ...]
    sensory_values: tuple[str, ...]
    anal: tuple[tuple[str, str], ...]
    levels: tuple[tuple[str, str], ...]
    """Choices for the lowest non-key muscle with motor function."""


GRID = Grid(
    tuple(GridRow(s, s.replace("_", "-"), MUSCLE_OF.get(s)) for s in DERMATOMES),
    MOTOR_VALUES,
    SENSORY_VALUES,
    tuple((v, {"Yes": "yes", "No": "no", "NT": "not testable"}[v]) for v in ANAL_VALUES),
    tuple((s, s.replace("_", "-")) for s in SEGMENTS),
)


def exam_of_cells(cells: Mapping[str, str], prefix: str) -> dict[str, Any]:
    """The exam data of the grid's cells, each cell not filled taken as ``NT``."""
    given = {k.removeprefix(prefix): v for k, v in cells.items() if k.startswith(prefix) and v}
    exam: dict[str, Any] = {"vac": given.get("vac", "NT"), "dap": given.get("dap", "NT")}
    for side in SIDES:
        lowest = given.get(f"{side}.lowest_non_key_muscle")
        exam[side] = {
            "lowest_non_key_muscle": lowest or None,
            "motor": {m: given.get(f"{side}.motor.{m}", "NT") for m, _ in KEY_MUSCLES},
            "light_touch": {d: given.get(f"{side}.light_touch.{d}", "NT") for d in DERMATOMES},
            "pin_prick": {d: given.get(f"{side}.pin_prick.{d}", "NT") for d in DERMATOMES},
        }
    return exam


@dataclass(frozen=True)
class Shown:
    """The classification in words, or why there is none yet."""

    rows: tuple[tuple[str, str], ...] = ()
    problems: tuple[str, ...] = ()
    filled: int = 0


def _few(value: str) -> str:
    """A result the filled cells do not settle yet lists every candidate; show its range instead."""
    options = value.split(",")
    if len(options) <= 3:
        return value.replace(",", " or ")
    return f"not settled yet ({options[0]} to {options[-1]})"


def classify_cells(cells: Mapping[str, str], prefix: str) -> Shown:
    """Classify the grid as filled so far (:func:`myoscope.isncsci.classify`)."""
    from myoscope import isncsci
    from myoscope.record.spinal import parse_exam

    filled = sum(1 for k, v in cells.items() if k.startswith(prefix) and v)
    try:
        result = isncsci.classify(parse_exam(exam_of_cells(cells, prefix)))
    except InputError as exc:
        return Shown(problems=tuple(f"{p.field.replace('_', ' ')}: {p.message}" for p in exc.problems), filled=filled)
    rows = (
        ("Neurological level of injury", _few(result.nli)),
        ("ASIA Impairment Scale", _few(result.ais)),
        (
            "Complete or incomplete",
            {"C": "complete", "I": "incomplete"}.get(result.injury_complete, result.injury_complete),
        ),
        ("Sensory level (right; left)", f"{_few(result.right.sensory_level)}; {_few(result.left.sensory_level)}"),
        ("Motor level (right; left)", f"{_few(result.right.motor_level)}; {_few(result.left.motor_level)}"),
        ("Zone of partial preservation, sensory", f"{_few(result.right.sensory_zpp)}; {_few(result.left.sensory_zpp)}"),
        ("Zone of partial preservation, motor", f"{_few(result.right.motor_zpp)}; {_few(result.left.motor_zpp)}"),
        ("Motor totals (upper, lower)", f"{result.totals['upper_motor']}, {result.totals['lower_motor']}"),
        ("Light touch, pin prick totals", f"{result.totals['light_touch']}, {result.totals['pin_prick']}"),
    )
    return Shown(rows=rows, filled=filled)
