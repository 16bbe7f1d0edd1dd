"""Hand-grip strength: best of the trials, by side, with each definition's low cut-off.

Handheld dynamometer, seated, elbow at 90°, two or three maximal trials per hand; the
maximum of all valid trials is used (FNIH: "maximum value in either hand", Studenski 2014,
[studenski2014]). Cut-offs, all strict "<": EWGSOP2 27 / 16 kg (Cruz-Jentoft 2019,
[cruzjentoft2019]), AWGS 2019 28 / 18 kg (Chen 2020, [chen2020]),
FNIH 26 / 16 kg with an intermediate band up to 32 / 20 kg (Alley 2014, [alley2014]).
Values in kg; a force reading in kgf is entered as the same number of kg.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from myoscope.instruments._base import Example, Instrument, InstrumentInput, Score
from myoscope.instruments._cutoff import LOW, MIXED, NOT_LOW, Sex, summarize, unverified
from myoscope.instruments.sarcopenia_cutoffs import AWGS2019_GRIP, EWGSOP2_GRIP, FNIH_GRIP, FNIH_GRIP_NORMAL
from myoscope.record import in_range
from myoscope.references import cite

CITATIONS = cite("cruzjentoft2019", "chen2020", "studenski2014", "alley2014")
CUTOFFS = (EWGSOP2_GRIP, AWGS2019_GRIP, FNIH_GRIP)

Grip = Annotated[float, in_range("grip_strength")]
TRIALS = {"right": ("right_1", "right_2", "right_3"), "left": ("left_1", "left_2", "left_3")}


class GripInput(InstrumentInput):
    sex: Sex | None = None
    right_1: Grip | None = Field(None, description="right hand, trial 1")
    right_2: Grip | None = Field(None, description="right hand, trial 2")
    right_3: Grip | None = Field(None, description="right hand, trial 3")
    left_1: Grip | None = Field(None, description="left hand, trial 1")
    left_2: Grip | None = Field(None, description="left hand, trial 2")
    left_3: Grip | None = Field(None, description="left hand, trial 3")
    side_unknown: Grip | None = Field(None, description="a best grip whose side and trials were not recorded")


def best_by_side(data: GripInput) -> dict[str, float | None]:
    """Best trial per side (``right``, ``left``, ``unknown``) and ``overall``."""
    best: dict[str, float | None] = {}
    for side, fields in TRIALS.items():
        values = [getattr(data, f) for f in fields if getattr(data, f) is not None]
        best[side] = max(values) if values else None
    best["unknown"] = data.side_unknown
    known = [v for v in best.values() if v is not None]
    best["overall"] = max(known) if known else None
    return best


def fnih_band(grip: float, sex: Sex) -> str:
    """FNIH grip band: ``weak``, ``intermediate`` or ``normal`` (Alley 2014)."""
    if FNIH_GRIP.met(grip, sex):
        return "weak"
    return "intermediate" if FNIH_GRIP_NORMAL.met(grip, sex) else "normal"


class GripStrength(Instrument):
    """Best grip (kg) and whether it is low by EWGSOP2, AWGS 2019 and FNIH."""

    name = "grip"
    title = "Hand-grip strength (dynamometer)"
    version = "1.0"
    citations = CITATIONS
    domain = "muscle"
    person_fields = ("sex",)
    Input = GripInput
    examples = (
        # Hand-computed from the cut-offs of EWGSOP2 (< 27), AWGS 2019 (< 28) and FNIH (< 26) for men.
        Example({"sex": "male", "right_1": 25.0, "right_2": 26.5, "left_1": 24.0}, 26.5, MIXED, "cruzjentoft2019"),
        Example({"sex": "female", "right_1": 14.0, "left_1": 15.5, "left_2": 15.0}, 15.5, LOW, "cruzjentoft2019"),
        Example({"sex": "male", "right_1": 38.0, "left_1": 36.0}, 38.0, NOT_LOW, "chen2020"),
    )

    def compute(self, data: GripInput) -> Score:
        best = best_by_side(data)
        grip = best["overall"]
        criteria = tuple(c.criterion(grip, data.sex) for c in CUTOFFS)
        details = {
            "best_right": best["right"],
            "best_left": best["left"],
            "best_side_unknown": best["unknown"],
            "side_of_best": _side_of(best),
            "unverified": unverified(CUTOFFS + (FNIH_GRIP_NORMAL,)),
        }
        missing = [m for m, v in (("grip strength trials (kg)", grip), ("sex", data.sex)) if v is None]
        if missing or grip is None or data.sex is None:
            return self.cannot_tell(missing, criteria=criteria, details=details)
        details["fnih_band"] = fnih_band(grip, data.sex)
        category, positive = summarize(criteria)
        if best["right"] is None or best["left"] is None:
            details["note"] = "only one hand measured: the other hand may be stronger"
        return self.result(
            grip,
            category,
            unit="kg",
            positive=positive,
            criteria=criteria,
            details=details,
            interpretation="Low grip strength indicates low muscle strength (probable or possible "
            "sarcopenia when the definitions agree); repeat on both hands.",
        )


def _side_of(best: dict[str, float | None]) -> str | None:
    overall = best["overall"]
    if overall is None:
        return None
    for side in ("right", "left", "unknown"):
        if best[side] == overall:
            return side
    return None


INSTRUMENT = GripStrength()
