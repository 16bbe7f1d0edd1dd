"""Timed Up and Go: rise from a chair, walk 3 m, turn, walk back and sit down.

Podsiadlo D, Richardson S. The timed "Up & Go": a test of basic functional mobility for frail
elderly persons. J Am Geriatr Soc 1991;39(2):142-148. [podsiadlo1991].
EWGSOP2 reads a time >= 20 s as low physical performance (Cruz-Jentoft 2019,
[cruzjentoft2019]).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from myoscope.instruments._base import Example, Instrument, InstrumentInput, Score
from myoscope.instruments._cutoff import NOT_SLOW, SLOW
from myoscope.instruments._timed import score_timed
from myoscope.instruments.sarcopenia_cutoffs import EWGSOP2_TUG
from myoscope.references import cite
from myoscope.units import InUnit

CITATIONS = cite("podsiadlo1991", "cruzjentoft2019")
CUTOFFS = (EWGSOP2_TUG,)


class TugInput(InstrumentInput):
    time: Annotated[float, InUnit("s", 1, 600)] | None = Field(None, description="Timed Up and Go time")
    unable: bool | None = Field(None, description="true when the test could not be completed")


class TimedUpAndGo(Instrument):
    """TUG time (s) and whether it is low performance by EWGSOP2 (>= 20 s)."""

    name = "tug"
    title = "Timed Up and Go"
    version = "1.0"
    citations = CITATIONS
    domain = "muscle"
    Input = TugInput
    examples = (
        # Boundary vectors from the EWGSOP2 cut-off (>= 20 s is low).
        Example({"time": 20.0}, 20.0, SLOW, "cruzjentoft2019"),
        Example({"time": 19.99}, 19.99, NOT_SLOW, "cruzjentoft2019"),
    )

    def compute(self, data: TugInput) -> Score:
        return score_timed(
            self,
            data.time,
            data.unable,
            CUTOFFS,
            what="Timed Up and Go time",
            interpretation="A slow Timed Up and Go indicates low physical performance (EWGSOP2).",
            unable_text="Unable to complete the Timed Up and Go: low physical performance.",
        )


INSTRUMENT = TimedUpAndGo()
