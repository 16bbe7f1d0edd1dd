"""Whole-body skeletal muscle mass from weight and height (Lee 2000, model 2).

SM (kg) = 0.244 weight + 7.80 height + 6.6 sex - 0.098 age + race - 3.3 (weight kg, height m,
men 1; race term of model 2 in :data:`~myoscope.criteria._lee2000.LEE2000_M2_RACE`: -1.2 Asian, +1.4
African American, 0 white or Hispanic). R² 0.86, SEE 2.8 kg.
Lee RC, et al. Am J Clin Nutr 2000;72(3):796-803. [lee2000].
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from myoscope.criteria._equation import SEX_CODE, Equation
from myoscope.criteria._lee2000 import LEE2000_ABOUT, LEE2000_M2_RACE, LEE2000_VALIDITY, Population
from myoscope.instruments.api import Example, Height, InstrumentInput, Sex, Weight, given
from myoscope.references import cite
from myoscope.units import InUnit

LEE2000_M2_WEIGHT = 0.244
"""kg of muscle per kg of body weight (Lee 2000, model 2)."""
LEE2000_M2_HEIGHT = 7.80
"""kg per metre of height (Lee 2000, model 2)."""
LEE2000_M2_SEX = 6.6
"""kg added for men (Lee 2000, model 2)."""
LEE2000_M2_AGE = -0.098
"""kg per year of age (Lee 2000, model 2)."""
LEE2000_M2_CONSTANT = -3.3
"""Intercept, kg (Lee 2000, model 2)."""


class LeeWeightInput(InstrumentInput):
    sex: Sex | None = None
    age: Annotated[float, InUnit("year", 0, 120)] | None = None
    height: Height | None = None
    weight: Weight | None = None
    population: Population | None = Field(None, description="race group of the equation's race term")


class LeeAnthropometric(Equation):
    """SM (kg) from weight, height, sex, age and race group (Lee 2000 model 2)."""

    name = "smm-lee-anthropometric"
    title = "Skeletal muscle mass from weight and height (Lee 2000, model 2)"
    version = "1.0"
    citations = cite("lee2000")
    person_fields = ("sex", "age", "height", "weight")
    Input = LeeWeightInput
    needs = {
        "sex": "sex",
        "age": "age (years)",
        "height": "height (cm)",
        "weight": "weight (kg)",
        "population": "race group for the equation's race term (white, hispanic, african_american, asian)",
    }
    validity = LEE2000_VALIDITY
    about = dict(LEE2000_ABOUT, see_kg=2.8, model="2 (weight and height)")
    note = "Estimated whole-body skeletal muscle mass; only for adults with BMI < 30."
    examples = (
        # Reference note vectors H6 and H7, hand-computed from the published equation.
        Example(
            {"sex": "male", "age": 40, "height": 175, "weight": 75, "population": "white"},
            31.33,
            "estimated",
            "lee2000",
        ),
        Example(
            {"sex": "female", "age": 70, "height": 160, "weight": 60, "population": "asian"},
            15.76,
            "estimated",
            "lee2000",
        ),
    )

    def estimate(self, data: LeeWeightInput) -> float:
        return (
            LEE2000_M2_WEIGHT * given(data.weight)
            + LEE2000_M2_HEIGHT * given(data.height) / 100.0
            + LEE2000_M2_SEX * SEX_CODE[given(data.sex)]
            + LEE2000_M2_AGE * given(data.age)
            + LEE2000_M2_RACE[given(data.population)]
            + LEE2000_M2_CONSTANT
        )


INSTRUMENT = LeeAnthropometric()
