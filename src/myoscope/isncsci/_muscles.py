"""Key muscles with little or no power, for the cause analysis (atrophy expected there)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from myoscope.errors import InputError, Problem
from myoscope.isncsci._codes import KEY_MUSCLES
from myoscope.record.spinal import Exam, parse_exam


class WeakMuscle(NamedTuple):
    """One key muscle function graded at or below the threshold."""

    side: str
    level: str
    muscle: str
    score: str


def weak_key_muscles(exam: Exam | Mapping[str, Any], max_grade: int = 2) -> list[WeakMuscle]:
    """Key muscles graded ``max_grade`` or less (tags ignored, NT skipped), right then left.

    Muscle names are the key muscle functions of the standard
    (rupp2021_isncsci), e.g. ``("right", "C5", "elbow flexors", "1")``. A tagged
    grade (``2*``, ``0**``) is listed too: the weakness is real even when a
    non-SCI condition causes it.
    """
    if isinstance(max_grade, bool) or not isinstance(max_grade, int) or not 0 <= max_grade <= 5:
        raise InputError([Problem("max_grade", max_grade, "is out of range", "an integer from 0 to 5")])
    model = parse_exam(exam)
    weak = []
    for side_name in ("right", "left"):
        motor = getattr(model, side_name).motor
        for level, muscle in KEY_MUSCLES:
            score = getattr(motor, level)
            if score.startswith("NT"):
                continue
            if int(score.rstrip("*")) <= max_grade:
                weak.append(WeakMuscle(side_name, level, muscle, score))
    return weak
