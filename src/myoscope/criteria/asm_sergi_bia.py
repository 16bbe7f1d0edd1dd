"""Appendicular skeletal muscle mass from BIA in older Caucasian adults (Sergi 2015).

Sergi G, De Rui M, Veronese N, et al. Assessing appendicular skeletal muscle mass with
bioelectrical impedance analysis in free-living Caucasian older adults. Clin Nutr 2015;34(4):
667-673. [sergi2015]. The BIA equation EWGSOP2 points to; reference method
DXA; resistance and reactance whole-body at 50 kHz (Akern BIA 101).

ASM (kg) = -3.964 + 0.227 Ht²/R + 0.095 weight + 1.384 sex + 0.064 Xc (Ht cm, R and Xc Ω,
weight kg, men 1). UNVERIFIED: the coefficients and the age range are from memory of the
paper and could not be re-read; every result says so.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from myoscope.criteria._equation import SEX_CODE, Equation, Validity
from myoscope.instruments.api import Example, Height, InstrumentInput, Sex, Weight, given
from myoscope.references import cite
from myoscope.units import InUnit

SERGI2015_CONSTANT = -3.964
SERGI2015_HT2_R = 0.227
SERGI2015_WEIGHT = 0.095
SERGI2015_SEX = 1.384
SERGI2015_XC = 0.064
"""Sergi 2015 coefficients (intercept kg; per cm²/Ω; per kg; men; per Ω of reactance). UNVERIFIED."""
SERGI2015_VERIFIED = False
SERGI2015_AGE_RANGE = (60.0, 90.0)
"""Ages the equation was derived in, years (older adults from 60). UNVERIFIED upper edge."""


class SergiInput(InstrumentInput):
    sex: Sex | None = None
    age: Annotated[float, InUnit("year", 0, 120)] | None = None
    height: Height | None = None
    weight: Weight | None = None
    resistance: Annotated[float, InUnit("ohm", 100, 1500)] | None = Field(
        None, description="whole-body BIA resistance at 50 kHz"
    )
    reactance: Annotated[float, InUnit("ohm", 1, 200)] | None = Field(
        None, description="whole-body BIA reactance at 50 kHz"
    )


class SergiBia(Equation):
    """ASM (kg) from height, resistance, reactance, weight and sex (Sergi 2015; coefficients unverified)."""

    name = "asm-sergi-bia"
    title = "Appendicular skeletal muscle mass from BIA (Sergi 2015)"
    version = "1.0"
    citations = cite("sergi2015")
    person_fields = ("sex", "age", "height", "weight")
    Input = SergiInput
    needs = {
        "sex": "sex",
        "age": "age (years)",
        "height": "height (cm)",
        "weight": "weight (kg)",
        "resistance": "whole-body BIA resistance at 50 kHz (Ω)",
        "reactance": "whole-body BIA reactance at 50 kHz (Ω)",
    }
    validity = (Validity("age", "age", "years", *SERGI2015_AGE_RANGE, verified=False),)
    about = {
        "estimates": "appendicular skeletal muscle mass (ASM, as DXA appendicular lean mass)",
        "reference_method": "DXA",
        "population": "free-living Caucasian older adults",
        "unverified": ["Sergi 2015 coefficients (-3.964, 0.227, 0.095, 1.384, 0.064), from memory"],
    }
    note = "Estimated ASM by BIA; enter it in 'asm' with method 'bia'. Coefficients unverified."
    examples = (
        # Reference note vectors H3 and H4, hand-computed from the coefficients above.
        Example(
            {"sex": "male", "age": 70, "height": 175, "weight": 75, "resistance": 500, "reactance": 50},
            21.64875,
            "estimated",
            "sergi2015",
        ),
        Example(
            {"sex": "female", "age": 72, "height": 160, "weight": 60, "resistance": 600, "reactance": 55},
            14.941333333,
            "estimated",
            "sergi2015",
        ),
    )

    def estimate(self, data: SergiInput) -> float:
        return (
            SERGI2015_CONSTANT
            + SERGI2015_HT2_R * given(data.height) ** 2 / given(data.resistance)
            + SERGI2015_WEIGHT * given(data.weight)
            + SERGI2015_SEX * SEX_CODE[given(data.sex)]
            + SERGI2015_XC * given(data.reactance)
        )


INSTRUMENT = SergiBia()
