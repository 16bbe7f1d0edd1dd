"""Usual gait speed over a short course (4 m or 6 m), from a time and distance or a speed.

Speed = distance / time at usual pace; with two timed trials the faster is used. Static and
dynamic starts give different speeds: record which. Cut-offs: EWGSOP2 <= 0.8 m/s over 4 m
(Cruz-Jentoft 2019, [cruzjentoft2019]); AWGS 2019 < 1.0 m/s over 6 m (Chen 2020,
[chen2020]); FNIH slowness < 0.8 m/s (Studenski 2014,
[studenski2014]).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from myoscope.errors import InputError, Problem
from myoscope.instruments._base import Example, Instrument, InstrumentInput, Score
from myoscope.instruments._cutoff import LOW, MIXED, NOT_LOW, summarize, tidy
from myoscope.instruments.sarcopenia_cutoffs import AWGS2019_GAIT, EWGSOP2_GAIT, FNIH_GAIT
from myoscope.references import cite
from myoscope.units import InUnit

CITATIONS = cite("cruzjentoft2019", "chen2020", "studenski2014")
CUTOFFS = (EWGSOP2_GAIT, AWGS2019_GAIT, FNIH_GAIT)
PROTOCOL_COURSE_M = {EWGSOP2_GAIT.definition: 4.0, AWGS2019_GAIT.definition: 6.0}
"""Course length each definition's cut-off was set for (EWGSOP2 2019: 4 m; AWGS 2019: 6 m)."""


class GaitSpeedInput(InstrumentInput):
    speed: Annotated[float, InUnit("m/s", 0.05, 3.0)] | None = Field(
        None, description="usual gait speed, when already computed"
    )
    time: Annotated[float, InUnit("s", 0.5, 120)] | None = Field(None, description="time to walk the course (trial 1)")
    time_2: Annotated[float, InUnit("s", 0.5, 120)] | None = Field(
        None, description="time of a second trial (the faster is used)"
    )
    distance: Annotated[float, InUnit("m", 2, 20)] | None = Field(None, description="course length, usually 4 m or 6 m")
    start: Literal["static", "dynamic"] | None = Field(None, description="static or dynamic (walking) start")


def speed_of(data: GaitSpeedInput) -> tuple[float | None, list[str]]:
    """(speed in m/s or None, what is missing); refuses a speed given together with times."""
    times = [t for t in (data.time, data.time_2) if t is not None]
    if data.speed is not None:
        if times:
            raise InputError(
                [
                    Problem(
                        "speed",
                        data.speed,
                        "give either a speed or a time and a distance, not both",
                        accepted="speed alone, or time (and time_2) with distance",
                    )
                ]
            )
        return data.speed, []
    if not times:
        return None, ["usual gait speed (m/s), or the time (s) over a 4 m or 6 m course"]
    if data.distance is None:
        return None, ["course length (m) of the timed walk"]
    return tidy(data.distance / min(times)), []


class GaitSpeed(Instrument):
    """Usual gait speed (m/s) and whether it is low by EWGSOP2, AWGS 2019 and FNIH."""

    name = "gait-speed"
    title = "Usual gait speed (4 m or 6 m course)"
    version = "1.0"
    citations = CITATIONS
    domain = "muscle"
    Input = GaitSpeedInput
    examples = (
        # Hand-computed: 4 m in 5.0 s = 0.8 m/s: EWGSOP2 (<= 0.8) and AWGS (< 1.0) low, FNIH (< 0.8) not.
        Example({"time": 5.0, "distance": 4.0}, 0.8, MIXED, "cruzjentoft2019"),
        Example({"time": 7.0, "time_2": 6.5, "distance": 6.0}, 0.923076923, MIXED, "chen2020"),
        Example({"speed": 1.2}, 1.2, NOT_LOW, "chen2020"),
        Example({"speed": 0.6}, 0.6, LOW, "studenski2014"),
    )

    def compute(self, data: GaitSpeedInput) -> Score:
        speed, missing = speed_of(data)
        criteria = tuple(c.criterion(speed) for c in CUTOFFS)
        details: dict[str, Any] = {
            "distance": data.distance,
            "start": data.start,
            "trials": [t for t in (data.time, data.time_2) if t is not None],
        }
        if data.distance is not None:
            details["course_notes"] = [
                f"{name} set its cut-off for a {course:g} m course"
                for name, course in PROTOCOL_COURSE_M.items()
                if course != data.distance
            ]
        if speed is None:
            return self.cannot_tell(missing, criteria=criteria, details=details)
        category, positive = summarize(criteria)
        return self.result(
            speed,
            category,
            unit="m/s",
            positive=positive,
            criteria=criteria,
            details=details,
            interpretation="Slow usual gait speed indicates low physical performance.",
        )


INSTRUMENT = GaitSpeed()
