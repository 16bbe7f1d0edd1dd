"""Calf circumference judged against the AWGS 2019 and Gonzalez 2021 cut-offs.

Maximal calf girth with a non-elastic tape, standing (or seated, knee at 90°); record side
and position. Cut-offs: AWGS 2019 case finding (< 34 cm men, < 33 cm women; Chen 2020,
[chen2020]) and the NHANES-derived moderately / severely low values of
Gonzalez 2021 ([gonzalez2021]). Optionally (``bmi_adjust``) the circumference
compared with the Gonzalez cut-offs is first reduced for BMI >= 25 (factors UNVERIFIED, see
:data:`~myoscope.instruments.sarcopenia_cutoffs.GONZALEZ2021_BMI_ADJUSTMENT`); the AWGS
comparison always uses the measured value.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field

from myoscope.instruments._base import Example, Instrument, InstrumentInput, Score
from myoscope.instruments._cutoff import LOW, MIXED, NOT_LOW, Sex, summarize, unverified
from myoscope.instruments.sarcopenia_cutoffs import (
    AWGS2019_CALF,
    GONZALEZ2021_BMI_ADJUSTMENT,
    GONZALEZ2021_BMI_ADJUSTMENT_VERIFIED,
    GONZALEZ2021_CALF_MODERATE,
    GONZALEZ2021_CALF_SEVERE,
    GONZALEZ2021_NORMAL_BMI,
)
from myoscope.record import in_range
from myoscope.references import cite
from myoscope.units import InUnit

CITATIONS = cite("chen2020", "gonzalez2021")
CUTOFFS = (AWGS2019_CALF, GONZALEZ2021_CALF_MODERATE, GONZALEZ2021_CALF_SEVERE)


class CalfInput(InstrumentInput):
    sex: Sex | None = None
    calf: Annotated[float, in_range("calf_circumference")] | None = Field(
        None, description="maximal calf circumference"
    )
    bmi: Annotated[float, InUnit("kg/m**2", 10, 90)] | None = Field(
        None, description="body mass index (for bmi_adjust)"
    )
    bmi_adjust: bool = Field(
        False,
        description="reduce the circumference for BMI >= 25 before the Gonzalez 2021 comparison (factors unverified)",
    )


def bmi_adjustment(bmi: float) -> float | None:
    """Centimetres to subtract for ``bmi`` (0 in the reference range; None below it: not defined)."""
    low, high = GONZALEZ2021_NORMAL_BMI
    if bmi < low:
        return None
    if bmi < high:
        return 0.0
    for start, below, cm in GONZALEZ2021_BMI_ADJUSTMENT:
        if start <= bmi < below:
            return cm
    return None


class CalfCircumference(Instrument):
    """Calf circumference (cm) with each source's low cut-off."""

    name = "calf-circumference"
    title = "Calf circumference"
    version = "1.0"
    citations = CITATIONS
    domain = "muscle"
    person_fields = ("sex", "bmi")
    Input = CalfInput
    examples = (
        # Hand-computed from the AWGS 2019 (< 33 cm) and Gonzalez 2021 (< 33 / < 31 cm) women's cut-offs.
        Example({"sex": "female", "calf": 32.0}, 32.0, MIXED, "gonzalez2021"),
        Example({"sex": "male", "calf": 36.0}, 36.0, NOT_LOW, "chen2020"),
        Example({"sex": "male", "calf": 31.5}, 31.5, LOW, "gonzalez2021"),
    )

    def compute(self, data: CalfInput) -> Score:
        missing = [m for m, v in (("calf circumference (cm)", data.calf), ("sex", data.sex)) if v is None]
        compared = data.calf
        details: dict[str, Any] = {"calf": data.calf}
        notes = []
        used_unverified = unverified(CUTOFFS)
        if data.bmi_adjust and data.calf is not None:
            if not GONZALEZ2021_BMI_ADJUSTMENT_VERIFIED:
                used_unverified.append(
                    "Gonzalez 2021 BMI adjustment (-3 / -7 / -12 cm for BMI 25-29.9 / 30-39.9 / >= 40), from memory"
                )
            if data.bmi is None:
                compared = None
                missing.append("BMI (kg/m²), needed for the BMI-adjusted comparison")
            else:
                cm = bmi_adjustment(data.bmi)
                if cm is None:
                    notes.append("no adjustment is defined below BMI 18.5: the measured value is compared")
                else:
                    compared = data.calf - cm
                details.update(bmi=data.bmi, adjusted_calf=compared, adjustment_cm=cm)
        criteria = (
            AWGS2019_CALF.criterion(data.calf, data.sex),
            GONZALEZ2021_CALF_MODERATE.criterion(compared, data.sex),
            GONZALEZ2021_CALF_SEVERE.criterion(compared, data.sex),
        )
        details.update(unverified=used_unverified, notes=notes)
        category, positive = summarize(criteria)
        if data.calf is None or data.sex is None or positive is None:
            return self.cannot_tell(missing, criteria=criteria, details=details)
        return self.result(
            data.calf,
            category,
            unit="cm",
            positive=positive,
            criteria=criteria,
            missing=missing,
            details=details,
            interpretation="A low calf circumference suggests low muscle mass; confirm with "
            "DXA or BIA. Oedema or obesity can mask low muscle mass.",
        )


INSTRUMENT = CalfCircumference()
