"""Muscle-mass quantities shared by ``asm`` and the definitions: ASM/height², ALM/BMI, AWGS by method."""

from __future__ import annotations

from typing import Literal

from myoscope.instruments.api import Criterion, Cutoff, Sex, tidy
from myoscope.instruments.sarcopenia_cutoffs import AWGS2019_ASMI_BIA, AWGS2019_ASMI_DXA

Method = Literal["dxa", "bia"]
AWGS2019_ASMI_BY_METHOD: dict[str, Cutoff] = {"dxa": AWGS2019_ASMI_DXA, "bia": AWGS2019_ASMI_BIA}


def asm_index(asm_kg: float | None, height_cm: float | None) -> float | None:
    """ASM / height² in kg/m² (height in cm), or None."""
    if asm_kg is None or height_cm is None:
        return None
    return tidy(asm_kg / (height_cm / 100.0) ** 2)


def bmi_of(weight_kg: float | None, height_cm: float | None) -> float | None:
    if weight_kg is None or height_cm is None:
        return None
    return tidy(weight_kg / (height_cm / 100.0) ** 2)


def alm_per_bmi(alm_kg: float | None, bmi: float | None) -> float | None:
    """Appendicular lean mass / BMI (unit m²), or None."""
    if alm_kg is None or bmi is None:
        return None
    return tidy(alm_kg / bmi)


def awgs_mass_criterion(asmi: float | None, sex: Sex | None, method: Method | None) -> Criterion:
    """AWGS 2019 low ASM/height² for ``method``; with the method unknown, decided only when DXA and
    BIA cut-offs agree (they differ only for women between 5.4 and 5.7 kg/m²)."""
    if method is not None:
        return AWGS2019_ASMI_BY_METHOD[method].criterion(asmi, sex)
    dxa, bia = AWGS2019_ASMI_DXA.met(asmi, sex), AWGS2019_ASMI_BIA.met(asmi, sex)
    met = dxa if dxa == bia else None
    threshold = f"DXA {AWGS2019_ASMI_DXA.threshold(sex)}; BIA {AWGS2019_ASMI_BIA.threshold(sex)}; method needed"
    return Criterion("AWGS 2019: low ASM/height² (method not stated)", met, asmi, threshold, AWGS2019_ASMI_DXA.source)
