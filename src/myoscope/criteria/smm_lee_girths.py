"""Whole-body skeletal muscle mass from skinfold-corrected limb girths (Lee 2000, model 1).

SM (kg) = Ht × (0.00744 CAG² + 0.00088 CTG² + 0.00441 CCG²) + 2.4 sex - 0.048 age + race + 7.8
(Ht m; CAG, CTG, CCG corrected arm, thigh and calf girths in cm, each = girth - π × skinfold;
men 1; race term in :data:`~myoscope.criteria._lee2000.LEE2000_RACE`). R² 0.91, SEE 2.2 kg.
Lee RC, et al. Am J Clin Nutr 2000;72(3):796-803. [lee2000]. Skinfolds are
the triceps, front-thigh and medial-calf skinfolds (caliper readings, mm). Weight is needed
only to check the validity range (BMI < 30).
"""

from __future__ import annotations

import math
from typing import Annotated, Any

from pydantic import Field

from myoscope.criteria._equation import ESTIMATED, SEX_CODE, Equation
from myoscope.criteria._lee2000 import LEE2000_ABOUT, LEE2000_RACE, LEE2000_VALIDITY, Population
from myoscope.instruments.api import Example, Height, InstrumentInput, Sex, Weight, given, tidy
from myoscope.references import cite
from myoscope.units import InUnit

LEE2000_M1_ARM = 0.00744
LEE2000_M1_THIGH = 0.00088
LEE2000_M1_CALF = 0.00441
"""Coefficients of the squared corrected arm, thigh and calf girths (cm²), times height in m (Lee 2000)."""
LEE2000_M1_SEX = 2.4
"""kg added for men (Lee 2000, model 1)."""
LEE2000_M1_AGE = -0.048
"""kg per year of age (Lee 2000, model 1)."""
LEE2000_M1_CONSTANT = 7.8
"""Intercept, kg (Lee 2000, model 1)."""

Girth = Annotated[float, InUnit("cm", 10, 100)]
Skinfold = Annotated[float, InUnit("mm", 0, 80)]
LIMBS = (("arm", "triceps_skinfold"), ("thigh", "thigh_skinfold"), ("calf", "calf_skinfold"))


class LeeGirthInput(InstrumentInput):
    sex: Sex | None = None
    age: Annotated[float, InUnit("year", 0, 120)] | None = None
    height: Height | None = None
    weight: Weight | None = Field(None, description="only to check BMI < 30")
    population: Population | None = Field(None, description="race group of the equation's race term")
    arm_girth: Girth | None = Field(None, description="mid-upper-arm girth")
    thigh_girth: Girth | None = Field(None, description="mid-thigh girth")
    calf_girth: Girth | None = Field(None, description="maximal calf girth")
    triceps_skinfold: Skinfold | None = None
    thigh_skinfold: Skinfold | None = None
    calf_skinfold: Skinfold | None = None


def corrected_girth(girth_cm: float, skinfold_mm: float) -> float:
    """Girth minus π × skinfold thickness (both in cm), as Lee 2000 defines it."""
    return girth_cm - math.pi * skinfold_mm / 10.0


class LeeGirths(Equation):
    """SM (kg) from corrected arm, thigh and calf girths, height, sex, age and race group (Lee 2000 model 1)."""

    name = "smm-lee-girths"
    title = "Skeletal muscle mass from limb girths (Lee 2000, model 1)"
    version = "1.0"
    citations = cite("lee2000")
    person_fields = ("sex", "age", "height", "weight")
    Input = LeeGirthInput
    needs = {
        "sex": "sex",
        "age": "age (years)",
        "height": "height (cm)",
        "weight": "weight (kg), to check the equation's validity range (BMI < 30)",
        "population": "race group for the equation's race term (white, hispanic, african_american, asian)",
        "arm_girth": "mid-upper-arm girth (cm)",
        "thigh_girth": "mid-thigh girth (cm)",
        "calf_girth": "maximal calf girth (cm)",
        "triceps_skinfold": "triceps skinfold (mm)",
        "thigh_skinfold": "front-thigh skinfold (mm)",
        "calf_skinfold": "medial-calf skinfold (mm)",
    }
    validity = LEE2000_VALIDITY
    about = dict(LEE2000_ABOUT, see_kg=2.2, model="1 (skinfold-corrected girths)")
    note = "Estimated whole-body skeletal muscle mass; only for adults with BMI < 30."
    examples = (
        # Reference note vector H5 (corrected girths 27 / 50 / 35 cm), entered as raw girths with
        # skinfolds of 10 / 15 / 8 mm so that girth - π × skinfold gives the same corrected girths.
        Example(
            {
                "sex": "male",
                "age": 40,
                "height": 175,
                "weight": 75,
                "population": "white",
                "arm_girth": 27 + math.pi,
                "triceps_skinfold": 10,
                "thigh_girth": 50 + 1.5 * math.pi,
                "thigh_skinfold": 15,
                "calf_girth": 35 + 0.8 * math.pi,
                "calf_skinfold": 8,
            },
            31.075517500,
            "estimated",
            "lee2000",
        ),
    )

    def estimate(self, data: LeeGirthInput) -> float:
        arm, thigh, calf = (
            corrected_girth(getattr(data, f"{limb}_girth"), getattr(data, fold)) for limb, fold in LIMBS
        )
        girths = LEE2000_M1_ARM * arm**2 + LEE2000_M1_THIGH * thigh**2 + LEE2000_M1_CALF * calf**2
        return (
            given(data.height) / 100.0 * girths
            + LEE2000_M1_SEX * SEX_CODE[given(data.sex)]
            + LEE2000_M1_AGE * given(data.age)
            + LEE2000_RACE[given(data.population)]
            + LEE2000_M1_CONSTANT
        )

    def judge(self, value: float, data: LeeGirthInput) -> tuple[str, None, dict[str, Any]]:
        corrected = {
            limb: tidy(corrected_girth(getattr(data, f"{limb}_girth"), getattr(data, fold))) for limb, fold in LIMBS
        }
        return ESTIMATED, None, {"corrected_girths_cm": corrected}


INSTRUMENT = LeeGirths()
