"""Whole-body skeletal muscle mass from BIA resistance (Janssen 2000), with Janssen 2004 risk bands.

Janssen I, Heymsfield SB, Baumgartner RN, Ross R. Estimation of skeletal muscle mass by
bioelectrical impedance analysis. J Appl Physiol 2000;89(2):465-471.
[janssen2000]. Reference method MRI; r² 0.86, SEE 2.7 kg (9 %). Derived in
Caucasian adults, valid in Hispanic and African-American adults; underestimates muscle mass in
Asian adults. Resistance: whole-body, supine, 50 kHz.

Risk bands of SM/height² (Janssen I, Baumgartner RN, Ross R, Rosenberg IH, Roubenoff R.
Am J Epidemiol 2004;159(4):413-421. [janssen2004]): men <= 8.50 high, 8.51-10.75
moderate; women <= 5.75 high, 5.76-6.75 moderate physical-disability risk.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field

from myoscope.criteria._equation import SEX_CODE, Equation, Validity
from myoscope.instruments.api import Example, Height, InstrumentInput, Sex, given, tidy
from myoscope.references import cite
from myoscope.units import InUnit

JANSSEN2000_HT2_R = 0.401
"""kg per cm²/Ω of height²/resistance (Janssen 2000)."""
JANSSEN2000_SEX = 3.825
"""kg added for men (Janssen 2000)."""
JANSSEN2000_AGE = -0.071
"""kg per year of age (Janssen 2000)."""
JANSSEN2000_CONSTANT = 5.102
"""Intercept, kg (Janssen 2000)."""
JANSSEN2000_AGE_RANGE = (18.0, 86.0)
"""Ages of the derivation sample, years. UNVERIFIED: from memory of the paper."""

JANSSEN2004_SMI_BANDS = {"male": (8.50, 10.75), "female": (5.75, 6.75)}
"""SM/height² (kg/m²) upper edges of the high- and moderate-risk bands, by sex (Janssen 2004)."""
HIGH, MODERATE, NORMAL = "high disability risk", "moderate disability risk", "normal muscle mass"


class JanssenInput(InstrumentInput):
    sex: Sex | None = None
    age: Annotated[float, InUnit("year", 0, 120)] | None = None
    height: Height | None = None
    resistance: Annotated[float, InUnit("ohm", 100, 1500)] | None = Field(
        None, description="whole-body BIA resistance at 50 kHz"
    )


def smi_band(smi: float, sex: Sex) -> str:
    """Janssen 2004 band of SM/height² (edges inclusive of the higher-risk band)."""
    high, moderate = JANSSEN2004_SMI_BANDS[sex]
    if smi <= high:
        return HIGH
    return MODERATE if smi <= moderate else NORMAL


class JanssenBia(Equation):
    """Skeletal muscle mass (kg) = 0.401 Ht²/R + 3.825 sex - 0.071 age + 5.102 (Ht cm, R Ω, men 1)."""

    name = "smm-janssen-bia"
    title = "Skeletal muscle mass from BIA (Janssen 2000)"
    version = "1.0"
    citations = cite("janssen2000", "janssen2004")
    person_fields = ("sex", "age", "height")
    Input = JanssenInput
    needs = {
        "sex": "sex",
        "age": "age (years)",
        "height": "height (cm)",
        "resistance": "whole-body BIA resistance at 50 kHz (Ω)",
    }
    validity = (Validity("age", "age", "years", *JANSSEN2000_AGE_RANGE, verified=False),)
    about = {
        "estimates": "whole-body skeletal muscle mass",
        "reference_method": "MRI",
        "see_kg": 2.7,
        "population": "adults; Caucasian, Hispanic, African-American (underestimates in Asian adults)",
    }
    note = "Estimated whole-body skeletal muscle mass (not ASM); underestimates muscle mass in Asian adults."
    examples = (
        # Reference note vectors H1 and H2, hand-computed from the published equation.
        Example({"sex": "male", "age": 70, "height": 175, "resistance": 500}, 28.51825, MODERATE, "janssen2000"),
        Example({"sex": "female", "age": 75, "height": 160, "resistance": 600}, 16.886333333, MODERATE, "janssen2000"),
    )

    def estimate(self, data: JanssenInput) -> float:
        return (
            JANSSEN2000_HT2_R * given(data.height) ** 2 / given(data.resistance)
            + JANSSEN2000_SEX * SEX_CODE[given(data.sex)]
            + JANSSEN2000_AGE * given(data.age)
            + JANSSEN2000_CONSTANT
        )

    def judge(self, value: float, data: JanssenInput) -> tuple[str, bool, dict[str, Any]]:
        smi = tidy(value / (given(data.height) / 100.0) ** 2)
        band = smi_band(smi, given(data.sex))
        return (
            band,
            band != NORMAL,
            {
                "sm_height2": smi,
                "risk_band_source": "janssen2004",
                "risk_band_population": "adults aged 60 and over (Janssen 2004)",
            },
        )


INSTRUMENT = JanssenBia()
