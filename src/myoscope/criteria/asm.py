"""Appendicular skeletal muscle mass (ASM) from DXA or BIA, with ASM/height² and ALM/BMI.

ASM (by DXA: appendicular lean soft tissue, the lean mass of both arms and legs) is entered
directly or as the four limbs' lean masses. Derived: ASM/height² (kg/m²) and ASM/BMI (m²).
Judged against EWGSOP2 (ASM < 20 / < 15 kg [unverified]; ASM/height² < 7.0 / < 5.5 kg/m²;
Cruz-Jentoft 2019, [cruzjentoft2019]), AWGS 2019 (ASM/height² DXA < 7.0 / < 5.4,
BIA < 7.0 / < 5.7 kg/m²; Chen 2020, [chen2020]) and FNIH (DXA ALM/BMI
< 0.789 / < 0.512 m²; Studenski 2014, [studenski2014]). BIA and DXA values differ
systematically: never mix them in one trend without saying so.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from myoscope.criteria._mass import Method, alm_per_bmi, asm_index, awgs_mass_criterion, bmi_of
from myoscope.instruments.api import (
    LOW,
    MIXED,
    NOT_LOW,
    Criterion,
    Example,
    Height,
    Instrument,
    InstrumentInput,
    Score,
    Sex,
    Weight,
    first_known,
    summarize,
    tidy,
    unverified,
)
from myoscope.instruments.sarcopenia_cutoffs import EWGSOP2_ASM, EWGSOP2_ASMI, FNIH_ALM_BMI
from myoscope.record import in_range
from myoscope.references import cite
from myoscope.units import InUnit

CITATIONS = cite("cruzjentoft2019", "chen2020", "studenski2014")
LIMBS = ("right_arm", "left_arm", "right_leg", "left_leg")

Limb = Annotated[float, InUnit("kg", 0.2, 30)]


class AsmInput(InstrumentInput):
    sex: Sex | None = None
    method: Method | None = Field(None, description="how the mass was measured: dxa or bia")
    asm: Annotated[float, in_range("appendicular_lean_mass")] | None = Field(
        None, description="appendicular skeletal (lean) mass"
    )
    right_arm: Limb | None = Field(None, description="lean mass of the right arm (alternative to asm)")
    left_arm: Limb | None = Field(None, description="lean mass of the left arm")
    right_leg: Limb | None = Field(None, description="lean mass of the right leg")
    left_leg: Limb | None = Field(None, description="lean mass of the left leg")
    height: Height | None = None
    weight: Weight | None = Field(None, description="body weight (for BMI when bmi is absent)")
    bmi: Annotated[float, InUnit("kg/m**2", 10, 90)] | None = None


def asm_of(data: AsmInput) -> float | None:
    """ASM as given, else the sum of four limbs (None if any limb is missing)."""
    if data.asm is not None:
        return data.asm
    limbs = [getattr(data, name) for name in LIMBS]
    return None if any(v is None for v in limbs) else tidy(sum(limbs))


class AppendicularMuscleMass(Instrument):
    """ASM (kg) with ASM/height² and ALM/BMI, judged by EWGSOP2, AWGS 2019 and FNIH."""

    name = "asm"
    title = "Appendicular skeletal muscle mass (DXA or BIA)"
    version = "1.0"
    citations = CITATIONS
    domain = "muscle"
    person_fields = ("sex", "height", "weight", "bmi")
    Input = AsmInput
    examples = (
        # Reference note vector F10 (FNIH constants): man, ALM 20.0 kg, BMI 25.9 -> ALM/BMI 0.772 < 0.789;
        # height 170 cm -> ASM/height² 6.92 < 7.0 (EWGSOP2, AWGS); ASM 20.0 kg not < 20 (EWGSOP2).
        Example(
            {"sex": "male", "method": "dxa", "asm": 20.0, "bmi": 25.9, "height": 170}, 20.0, MIXED, "studenski2014"
        ),
        Example(
            {"sex": "female", "method": "dxa", "asm": 17.0, "height": 160, "bmi": 24.0},
            17.0,
            NOT_LOW,
            "cruzjentoft2019",
        ),
        Example(
            {
                "sex": "female",
                "method": "dxa",
                "right_arm": 1.6,
                "left_arm": 1.5,
                "right_leg": 5.0,
                "left_leg": 4.9,
                "height": 160,
                "bmi": 26.0,
            },
            13.0,
            LOW,
            "chen2020",
        ),
    )

    def compute(self, data: AsmInput) -> Score:
        asm = asm_of(data)
        bmi = first_known(data.bmi, bmi_of(data.weight, data.height))
        asmi = asm_index(asm, data.height)
        ratio = alm_per_bmi(asm, bmi)
        fnih = FNIH_ALM_BMI.criterion(ratio, data.sex)
        if data.method == "bia":
            fnih = Criterion(
                fnih.name, None, fnih.value, f"{fnih.threshold} (DXA only: not applied to BIA)", fnih.citation
            )
        criteria = (
            EWGSOP2_ASM.criterion(asm, data.sex),
            EWGSOP2_ASMI.criterion(asmi, data.sex),
            awgs_mass_criterion(asmi, data.sex, data.method),
            fnih,
        )
        details = {
            "asm": asm,
            "asm_height2": asmi,
            "alm_bmi": ratio,
            "bmi": bmi,
            "method": data.method,
            "unverified": unverified((EWGSOP2_ASM,)),
        }
        missing = [
            text
            for text, value in (
                ("appendicular skeletal muscle mass by DXA or BIA (kg, or the four limbs)", asm),
                ("sex", data.sex),
                ("height (cm)", data.height),
                ("BMI (or weight and height)", bmi),
                ("measurement method (dxa or bia)", data.method),
            )
            if value is None
        ]
        if asm is None or data.sex is None:
            return self.cannot_tell(missing, criteria=criteria, details=details)
        category, positive = summarize(criteria)
        return self.result(
            asm,
            category,
            unit="kg",
            positive=positive,
            criteria=criteria,
            missing=missing,
            details=details,
            interpretation="Low appendicular muscle mass confirms sarcopenia when strength is "
            "also low (EWGSOP2) or strength or performance is low (AWGS 2019).",
        )


INSTRUMENT = AppendicularMuscleMass()
