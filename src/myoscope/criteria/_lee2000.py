"""What the two Lee 2000 anthropometric models share: race term, sex term, validity range.

Lee RC, Wang Z, Heo M, Ross R, Janssen I, Heymsfield SB. Total-body skeletal muscle mass:
development and cross-validation of anthropometric prediction models. Am J Clin Nutr
2000;72(3):796-803. [lee2000]. Reference method MRI; derived and validated in
non-obese adults (BMI < 30 kg/m²) older than 20 years.
"""

from __future__ import annotations

from typing import Any, Literal

from myoscope.criteria._equation import Validity
from myoscope.criteria._mass import bmi_of

Population = Literal["white", "hispanic", "african_american", "asian"]

LEE2000_RACE = {"white": 0.0, "hispanic": 0.0, "african_american": 1.1, "asian": -2.0}
"""Race term of model 1 (girths), kg: -2.0 Asian, +1.1 African American, 0 white or Hispanic (Lee 2000)."""
LEE2000_M2_RACE = {"white": 0.0, "hispanic": 0.0, "african_american": 1.4, "asian": -1.2}
"""Race term of model 2 (weight and height), kg: -1.2 Asian, +1.4 African American, 0 white or Hispanic
(Lee 2000; the two models have different race terms)."""
LEE2000_BMI_BELOW = 30.0
"""Valid for non-obese adults only: BMI < 30 kg/m² (Lee 2000)."""
LEE2000_AGE_ABOVE = 20.0
"""Valid for adults older than 20 years (Lee 2000)."""

LEE2000_VALIDITY = (
    Validity("age", "age", "years", low=LEE2000_AGE_ABOVE, low_open=True),
    Validity(
        "weight",
        "BMI",
        "kg/m²",
        high=LEE2000_BMI_BELOW,
        high_open=True,
        value_of=lambda data: bmi_of(data.weight, data.height),
    ),
)
LEE2000_ABOUT: dict[str, Any] = {
    "estimates": "whole-body skeletal muscle mass",
    "reference_method": "MRI",
    "population": "non-obese adults (BMI < 30) older than 20 years; race term chosen explicitly",
}
