"""Whole-body skeletal muscle mass from DXA appendicular lean soft tissue (Kim 2002).

Kim J, Wang Z, Heymsfield SB, Baumgartner RN, Gallagher D. Total-body skeletal muscle mass:
estimation by a new dual-energy X-ray absorptiometry method. Am J Clin Nutr 2002;76(2):
378-383. [kim2002]. Reference method MRI; R² 0.96, SEE 1.58 kg; race did not
affect accuracy. SM (kg) = 1.13 ALST - 0.02 age + 0.61 sex + 0.97 (ALST kg, men 1).
The sources read state no age or body-size range: none is enforced beyond plausibility.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from myoscope.criteria._equation import SEX_CODE, Equation
from myoscope.instruments.api import Example, InstrumentInput, Sex, given
from myoscope.record import in_range
from myoscope.references import cite
from myoscope.units import InUnit

KIM2002_ALST = 1.13
"""kg of muscle per kg of appendicular lean soft tissue (Kim 2002)."""
KIM2002_AGE = -0.02
"""kg per year of age (Kim 2002)."""
KIM2002_SEX = 0.61
"""kg added for men (Kim 2002)."""
KIM2002_CONSTANT = 0.97
"""Intercept, kg (Kim 2002)."""


class KimInput(InstrumentInput):
    sex: Sex | None = None
    age: Annotated[float, InUnit("year", 18, 120)] | None = None
    alst: Annotated[float, in_range("appendicular_lean_mass")] | None = Field(
        None, description="DXA appendicular lean soft tissue (arms + legs)"
    )


class KimDxa(Equation):
    """SM (kg) = 1.13 ALST - 0.02 age + 0.61 sex + 0.97 (Kim 2002)."""

    name = "smm-kim-dxa"
    title = "Skeletal muscle mass from DXA appendicular lean tissue (Kim 2002)"
    version = "1.0"
    citations = cite("kim2002")
    person_fields = ("sex", "age")
    Input = KimInput
    needs = {"sex": "sex", "age": "age (years)", "alst": "DXA appendicular lean soft tissue (kg)"}
    about = {
        "estimates": "whole-body skeletal muscle mass",
        "reference_method": "MRI",
        "see_kg": 1.58,
        "population": "adults; accuracy did not depend on race",
        "validity_note": "no age or body-size range stated in the sources read",
    }
    note = "Estimated whole-body skeletal muscle mass from DXA limb lean tissue."
    examples = (
        # Reference note vector H8, hand-computed from the published equation.
        Example({"sex": "male", "age": 70, "alst": 20.0}, 22.78, "estimated", "kim2002"),
    )

    def estimate(self, data: KimInput) -> float:
        return (
            KIM2002_ALST * given(data.alst)
            + KIM2002_AGE * given(data.age)
            + KIM2002_SEX * SEX_CODE[given(data.sex)]
            + KIM2002_CONSTANT
        )


INSTRUMENT = KimDxa()
