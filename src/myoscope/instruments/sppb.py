"""Short Physical Performance Battery: balance, gait and chair-stand sub-scores (0-4 each), total 0-12.

Guralnik JM, Simonsick EM, Ferrucci L, et al. A short physical performance battery assessing
lower extremity function. J Gerontol 1994;49(2):M85-M94. [guralnik1994].

Balance: side-by-side and semi-tandem stands score 1 each when held 10 s (a failed stand
ends the balance test); the tandem stand scores 2 (>= 10 s), 1 (3 to < 10 s) or 0.
Gait: the faster of two timed walks at usual pace, on the 4 m or 3 m table; unable = 0.
Chair stands: five rises, arms folded; unable (including a failed single pre-test rise) or
more than 60 s = 0. Times are compared with the tables' two-decimal edges as recorded.
The judgement uses each definition's cut-off: EWGSOP2 <= 8 and AWGS 2019 <= 9 points.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from myoscope.instruments._base import Example, Instrument, InstrumentInput, Score
from myoscope.instruments._cutoff import MIXED, NOT_LOW, summarize
from myoscope.instruments.sarcopenia_cutoffs import AWGS2019_SPPB, EWGSOP2_SPPB
from myoscope.references import cite
from myoscope.units import InUnit

CITATIONS = cite("guralnik1994", "cruzjentoft2019", "chen2020")
CUTOFFS = (EWGSOP2_SPPB, AWGS2019_SPPB)

SPPB_STAND_HOLD_S = 10.0
"""A balance stand counts when held for 10 s (Guralnik 1994)."""
SPPB_TANDEM_PARTIAL_S = 3.0
"""Tandem stand held 3 to < 10 s scores 1, < 3 s scores 0 (Guralnik 1994)."""

Band = tuple[float, bool, int]
"""(edge in s, edge included, points): the first band whose edge the time does not pass scores."""

SPPB_GAIT_4M: tuple[Band, ...] = ((4.82, False, 4), (6.20, True, 3), (8.70, True, 2), (float("inf"), True, 1))
"""4 m walk (faster of two): < 4.82 s 4, 4.82-6.20 s 3, 6.21-8.70 s 2, > 8.70 s 1 (NIA SPPB score sheet).
The 4.82 and 8.70 s edges were confirmed in a secondary source; 6.20 / 6.21 s is from memory (UNVERIFIED)."""
SPPB_GAIT_3M: tuple[Band, ...] = ((3.62, True, 4), (4.65, True, 3), (6.52, True, 2), (float("inf"), True, 1))
"""3 m walk: <= 3.62 s 4, 3.63-4.65 s 3, 4.66-6.52 s 2, > 6.52 s 1. The values were read in a published
scoring table (Urology 2008, PMC3032402); that it is the 3 m course table is from memory (UNVERIFIED)."""
SPPB_CHAIR: tuple[Band, ...] = ((11.19, True, 4), (13.69, True, 3), (16.69, True, 2), (60.0, True, 1))
"""Five chair rises: <= 11.19 s 4, 11.20-13.69 s 3, 13.70-16.69 s 2, 16.70-60 s 1, > 60 s or unable 0
(NIA SPPB score sheet, from memory; a published table gives < 11.2 / 11.2-13.6 / 13.7-16.6 / > 16.6 s:
the two-decimal edges are UNVERIFIED)."""

UNVERIFIED = {
    "gait_4m": "SPPB 4 m gait edge 6.20 / 6.21 s (NIA score sheet, from memory)",
    "gait_3m": "SPPB 3 m gait table (values published; the course length attribution is from memory)",
    "chair": "SPPB chair-stand edges 11.19 / 13.69 / 16.69 / 60 s (NIA score sheet, from memory)",
}


class SppbInput(InstrumentInput):
    side_by_side: Annotated[float, InUnit("s", 0, 10)] | None = Field(
        None, description="seconds the side-by-side stand was held"
    )
    semi_tandem: Annotated[float, InUnit("s", 0, 10)] | None = Field(
        None, description="seconds the semi-tandem stand was held"
    )
    tandem: Annotated[float, InUnit("s", 0, 10)] | None = Field(None, description="seconds the tandem stand was held")
    gait_course: Literal["4 m", "3 m"] = Field("4 m", description="walking course length")
    gait_time: Annotated[float, InUnit("s", 0.5, 120)] | None = Field(None, description="time of the first walk")
    gait_time_2: Annotated[float, InUnit("s", 0.5, 120)] | None = Field(None, description="time of the second walk")
    gait_unable: bool | None = Field(None, description="true when the walk could not be done")
    chair_time: Annotated[float, InUnit("s", 1, 300)] | None = Field(None, description="time for five rises")
    chair_unable: bool | None = Field(
        None, description="true when five rises (or the single pre-test rise) failed without the arms"
    )


def band_points(time: float, bands: tuple[Band, ...], beyond: int = 0) -> int:
    """Points of the first band whose edge ``time`` does not pass; ``beyond`` after the last edge."""
    for edge, included, points in bands:
        if time < edge or (included and time == edge):
            return points
    return beyond


def balance_points(data: SppbInput) -> int | None:
    """0-4, or None when a stand that the sequence reaches was not recorded."""
    stands = (data.side_by_side, data.semi_tandem)
    points = 0
    for held in stands:
        if held is None:
            return None
        if held < SPPB_STAND_HOLD_S:
            return points
        points += 1
    if data.tandem is None:
        return None
    if data.tandem >= SPPB_STAND_HOLD_S:
        return points + 2
    return points + (1 if data.tandem >= SPPB_TANDEM_PARTIAL_S else 0)


def gait_points(data: SppbInput) -> int | None:
    if data.gait_unable:
        return 0
    times = [t for t in (data.gait_time, data.gait_time_2) if t is not None]
    if not times:
        return None
    return band_points(min(times), SPPB_GAIT_4M if data.gait_course == "4 m" else SPPB_GAIT_3M)


def chair_points(data: SppbInput) -> int | None:
    if data.chair_unable:
        return 0
    return None if data.chair_time is None else band_points(data.chair_time, SPPB_CHAIR)


class Sppb(Instrument):
    """SPPB total (0-12) with sub-scores, judged by the EWGSOP2 (<= 8) and AWGS 2019 (<= 9) cut-offs."""

    name = "sppb"
    title = "Short Physical Performance Battery"
    version = "1.0"
    citations = CITATIONS
    domain = "muscle"
    Input = SppbInput
    examples = (
        # Hand-computed from the Guralnik 1994 balance rules and the NIA 4 m and chair tables:
        # balance 1 + 1 + 1 (tandem 5 s), gait 5.0 s -> 3, chair 12.5 s -> 3; total 9.
        Example(
            {
                "side_by_side": 10,
                "semi_tandem": 10,
                "tandem": 5,
                "gait_time": 5.3,
                "gait_time_2": 5.0,
                "chair_time": 12.5,
            },
            9,
            MIXED,
            "guralnik1994",
        ),
        Example(
            {"side_by_side": 10, "semi_tandem": 10, "tandem": 10, "gait_time": 3.5, "chair_time": 10.0},
            12,
            NOT_LOW,
            "guralnik1994",
        ),
    )

    def compute(self, data: SppbInput) -> Score:
        parts = {"balance": balance_points(data), "gait": gait_points(data), "chair": chair_points(data)}
        missing = {
            "balance": "SPPB balance stands (seconds held: side-by-side, then semi-tandem, then tandem)",
            "gait": f"SPPB {data.gait_course} walk time (s), or whether the person was unable",
            "chair": "SPPB five chair rises time (s), or whether the person was unable",
        }
        todo = [missing[k] for k, v in parts.items() if v is None]
        flags = [UNVERIFIED["chair"]] if parts["chair"] is not None and not data.chair_unable else []
        if parts["gait"] is not None and not data.gait_unable:
            flags.append(UNVERIFIED["gait_4m" if data.gait_course == "4 m" else "gait_3m"])
        details = {"sub_scores": parts, "gait_course": data.gait_course, "unverified": flags}
        total = None if todo else sum(v for v in parts.values() if v is not None)
        criteria = tuple(c.criterion(total) for c in CUTOFFS)
        if total is None:
            return self.cannot_tell(todo, criteria=criteria, details=details)
        category, positive = summarize(criteria)
        return self.result(
            total,
            category,
            unit="points",
            positive=positive,
            criteria=criteria,
            details=details,
            interpretation="A low SPPB indicates low physical performance (severity marker in "
            "EWGSOP2; performance criterion in AWGS 2019).",
        )


INSTRUMENT = Sppb()
