"""Five-times chair stand: time to rise five times from a chair, arms folded.

Standard chair (seat about 43-45 cm), as fast as possible, timing stopped when seated after
the fifth rise. Not being able to complete five rises without the arms counts as a low
result. EWGSOP2 reads it as strength (low when > 15 s; Cruz-Jentoft 2019,
[cruzjentoft2019]), AWGS 2019 as performance (low when >= 12 s; Chen 2020,
[chen2020]). SPPB scores the same test on its own table (see ``sppb``).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from myoscope.instruments._base import Example, Instrument, InstrumentInput, Score
from myoscope.instruments._cutoff import NOT_SLOW, SLOW, SLOW_MIXED
from myoscope.instruments._timed import score_timed
from myoscope.instruments.sarcopenia_cutoffs import AWGS2019_CHAIR_STAND, EWGSOP2_CHAIR_STAND
from myoscope.references import cite
from myoscope.units import InUnit

CITATIONS = cite("cruzjentoft2019", "chen2020")
CUTOFFS = (EWGSOP2_CHAIR_STAND, AWGS2019_CHAIR_STAND)


class ChairStandInput(InstrumentInput):
    time: Annotated[float, InUnit("s", 1, 300)] | None = Field(None, description="time for five rises")
    unable: bool | None = Field(None, description="true when five rises without the arms were not possible")


class ChairStand(Instrument):
    """Five-rise time (s) and whether it is low by EWGSOP2 and AWGS 2019."""

    name = "chair-stand"
    title = "Five-times chair stand test"
    version = "1.0"
    citations = CITATIONS
    domain = "muscle"
    Input = ChairStandInput
    examples = (
        # Hand-computed from EWGSOP2 (> 15 s) and AWGS 2019 (>= 12 s).
        Example({"time": 13.0}, 13.0, SLOW_MIXED, "chen2020"),
        Example({"time": 15.01}, 15.01, SLOW, "cruzjentoft2019"),
        Example({"time": 11.99}, 11.99, NOT_SLOW, "chen2020"),
    )

    def compute(self, data: ChairStandInput) -> Score:
        return score_timed(
            self,
            data.time,
            data.unable,
            CUTOFFS,
            what="five-times chair stand time",
            interpretation="A slow chair stand points to low leg strength (EWGSOP2) or low "
            "physical performance (AWGS 2019).",
            unable_text="Unable to rise five times without the arms: low strength and performance.",
        )


INSTRUMENT = ChairStand()
