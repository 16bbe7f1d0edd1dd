"""MRC muscle power grades and the MRC sum score (six movements on both sides, 0-60).

Grades (Medical Research Council. Aids to the examination of the peripheral nervous system,
Memorandum No. 45, 1976; Crown copyright, Open Government Licence), paraphrased:
0 no contraction; 1 flicker or trace of contraction; 2 active movement with gravity
eliminated; 3 active movement against gravity; 4 against gravity and some resistance;
5 normal power. Sub-grades 4- and 4+ are accepted and count as 4 in every sum.

Sum score (Kleyweg RP, van der Meché FGA, Schmitz PIM. Muscle Nerve 1991;14(11):1103-1109.
[kleyweg1991]): shoulder abduction, elbow flexion, wrist extension, hip flexion,
knee extension and ankle dorsiflexion, each side, 0-5 each. All twelve must be tested: an
untested movement gives "cannot tell" (never 0).

Categories, defined for weakness acquired in intensive care:
* below 48: significant weakness (De Jonghe B, et al. JAMA 2002;288(22):2859-2867.
  [dejonghe2002]; Hermans G, et al. Muscle Nerve 2012;45(1):18-25);
* below 36: severe weakness (Hermans 2012).
Outside intensive care the sum is a global strength index; the bands were not validated there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, create_model

from myoscope.instruments._base import Criterion, Example, Instrument, InstrumentInput, Score
from myoscope.references import cite

GRADE_MEANINGS = (
    "no contraction",
    "flicker or trace of contraction",
    "active movement with gravity eliminated",
    "active movement against gravity",
    "active movement against gravity and some resistance",
    "normal power",
)
"""MRC grades 0-5, paraphrased (MRC 1976)."""

GRADE_MAX = 5
_GRADE = re.compile(r"^([0-5])([+-]?)$")


def parse_grade(value: Any) -> Any:
    """Accept 0-5 as numbers or text, and the sub-grades "4-" / "4+" (counted as 4)."""
    if isinstance(value, str):
        match = _GRADE.match(value.strip().replace("\u2212", "-"))
        if not match or (match.group(2) and match.group(1) != "4"):
            raise ValueError("is not an MRC grade; accepted: 0, 1, 2, 3, 4-, 4, 4+, 5")
        return int(match.group(1))
    return value


MrcGrade = Annotated[int | None, BeforeValidator(parse_grade)]
"""An MRC grade 0-5 (None = not tested); use with :func:`grade_field`."""


def grade_field(description: str) -> Any:
    return Field(default=None, ge=0, le=GRADE_MAX, description=description)


def grade_model(name: str, movements: Sequence[tuple[str, str]], doc: str) -> type[InstrumentInput]:
    """An input model with one grade field per movement and side: ``<movement>_left/_right``."""
    fields: dict[str, Any] = {}
    for movement, what in movements:
        for side in ("left", "right"):
            fields[f"{movement}_{side}"] = (MrcGrade, grade_field(f"MRC grade 0-5 (4-/4+ count as 4), {side} {what}"))
    model = create_model(name, __base__=InstrumentInput, __doc__=doc, **fields)
    return model


SUM_SCORE_MOVEMENTS: tuple[tuple[str, str], ...] = (
    ("shoulder_abduction", "shoulder abduction"),
    ("elbow_flexion", "elbow flexion"),
    ("wrist_extension", "wrist extension"),
    ("hip_flexion", "hip flexion"),
    ("knee_extension", "knee extension"),
    ("ankle_dorsiflexion", "ankle dorsiflexion"),
)
"""The six movements of the MRC sum score, tested on both sides (Kleyweg 1991)."""
UPPER_LIMB = ("shoulder_abduction", "elbow_flexion", "wrist_extension")

SIGNIFICANT_WEAKNESS_BELOW = 48
"""Sum below 48 of 60: significant (ICU-acquired) weakness (De Jonghe 2002; Hermans 2012)."""
SEVERE_WEAKNESS_BELOW = 36
"""Sum below 36 of 60: severe weakness (Hermans 2012)."""

SEVERE, SIGNIFICANT, NOT_SIGNIFICANT = "severe weakness", "significant weakness", "no significant weakness"

MrcSumInput = grade_model("MrcSumInput", SUM_SCORE_MOVEMENTS, "MRC grades of the six sum-score movements on each side.")


def categorize(total: int) -> str:
    if total < SEVERE_WEAKNESS_BELOW:
        return SEVERE
    if total < SIGNIFICANT_WEAKNESS_BELOW:
        return SIGNIFICANT
    return NOT_SIGNIFICANT


class MrcSum(Instrument):
    name = "mrc-sum"
    title = "MRC sum score (six movements, both sides, 0-60)"
    version = "1991"
    citations = cite("mrc1976", "kleyweg1991", "dejonghe2002", "hermans2012")
    domain = "nerve"
    Input = MrcSumInput
    examples = (
        Example(
            inputs={f"{m}_{s}": 4 for m, _ in SUM_SCORE_MOVEMENTS for s in ("left", "right")},
            value=48,
            category=NOT_SIGNIFICANT,
            source="dejonghe2002",
        ),
        Example(
            inputs={
                **{f"{m}_{s}": 4 for m, _ in SUM_SCORE_MOVEMENTS for s in ("left", "right")},
                "ankle_dorsiflexion_left": 3,
            },
            value=47,
            category=SIGNIFICANT,
            source="dejonghe2002",
        ),
    )

    def compute(self, data: InstrumentInput) -> Score:
        grades = {name: getattr(data, name) for name in type(data).model_fields}
        missing = [f"MRC grade of {name.replace('_', ' ')}" for name, g in grades.items() if g is None]
        if missing:
            return self.cannot_tell(missing)
        total = sum(grades.values())
        by_side = {side: sum(g for n, g in grades.items() if n.endswith(side)) for side in ("left", "right")}
        upper = sum(g for n, g in grades.items() if n.rsplit("_", 1)[0] in UPPER_LIMB)
        category = categorize(total)
        criteria = (
            Criterion(
                "significant weakness",
                total < SIGNIFICANT_WEAKNESS_BELOW,
                total,
                f"< {SIGNIFICANT_WEAKNESS_BELOW} of 60",
                "dejonghe2002",
            ),
            Criterion(
                "severe weakness",
                total < SEVERE_WEAKNESS_BELOW,
                total,
                f"< {SEVERE_WEAKNESS_BELOW} of 60",
                "hermans2012",
            ),
        )
        weak = sorted(n.replace("_", " ") for n, g in grades.items() if g < GRADE_MAX)
        return self.result(
            total,
            category,
            unit="points",
            criteria=criteria,
            positive=total < SIGNIFICANT_WEAKNESS_BELOW,
            interpretation=(
                f"MRC sum score {total} of 60 ({category}; bands defined for weakness acquired in intensive care)"
            ),
            details={
                "by_side": by_side,
                "upper_limbs": upper,
                "lower_limbs": total - upper,
                "below_normal": weak,
                "grades": grades,
            },
        )


INSTRUMENT = MrcSum()
