"""400 m walk: time to walk 400 m at usual pace, or non-completion.

EWGSOP2 reads non-completion, or completion in 6 min or more, as low physical performance
(Cruz-Jentoft 2019, [cruzjentoft2019]). The 6 min edge is UNVERIFIED against the
paper (see :data:`~myoscope.instruments.sarcopenia_cutoffs.EWGSOP2_WALK_400M`).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from myoscope.instruments._base import Example, Instrument, InstrumentInput, Score
from myoscope.instruments._cutoff import NOT_SLOW, SLOW
from myoscope.instruments._timed import score_timed
from myoscope.instruments.sarcopenia_cutoffs import EWGSOP2_WALK_400M
from myoscope.references import cite
from myoscope.units import InUnit

CITATIONS = cite("cruzjentoft2019")
CUTOFFS = (EWGSOP2_WALK_400M,)


class Walk400mInput(InstrumentInput):
    time: Annotated[float, InUnit("s", 60, 7200)] | None = Field(
        None, description="time to complete 400 m, e.g. '6 min 30 s'"
    )
    completed: bool | None = Field(None, description="false when the 400 m were not completed")


class Walk400m(Instrument):
    """400 m walk time (s) and whether it is low performance by EWGSOP2."""

    name = "walk-400m"
    title = "400 m walk"
    version = "1.0"
    citations = CITATIONS
    domain = "muscle"
    Input = Walk400mInput
    examples = (
        # Boundary vectors from the EWGSOP2 rule (>= 6 min or not completed is low).
        Example({"time": 360.0}, 360.0, SLOW, "cruzjentoft2019"),
        Example({"time": 359.0}, 359.0, NOT_SLOW, "cruzjentoft2019"),
        Example({"completed": False}, None, SLOW, "cruzjentoft2019"),
    )

    def compute(self, data: Walk400mInput) -> Score:
        return score_timed(
            self,
            data.time,
            data.completed is False,
            CUTOFFS,
            what="400 m walk time",
            interpretation="A slow 400 m walk indicates low physical performance (EWGSOP2).",
            unable_text="400 m walk not completed: low physical performance (EWGSOP2).",
        )


INSTRUMENT = Walk400m()
