"""Input field types and "what to measure" texts shared by the sarcopenia definitions."""

from __future__ import annotations

from typing import Annotated

from myoscope.units import InUnit

GripKg = Annotated[float, InUnit("kg", 0, 120)]
ChairStandS = Annotated[float, InUnit("s", 1, 300)]
GaitSpeedMs = Annotated[float, InUnit("m/s", 0.05, 3.0)]
AsmKg = Annotated[float, InUnit("kg", 2, 60)]
AsmIndex = Annotated[float, InUnit("kg/m**2", 2, 15)]
HeightCm = Annotated[float, InUnit("cm", 90, 250)]
WeightKg = Annotated[float, InUnit("kg", 20, 350)]
Bmi = Annotated[float, InUnit("kg/m**2", 10, 90)]
CalfCm = Annotated[float, InUnit("cm", 15, 70)]

MEASURE = {
    "sex": "sex",
    "grip": "grip strength (kg, best of the trials)",
    "strength": "grip strength (kg) or five-times chair stand time (s)",
    "mass": "appendicular skeletal muscle mass by DXA or BIA (kg) with height (cm), or ASM/height² (kg/m²)",
    "alm_bmi": "DXA appendicular lean mass (kg) with BMI (kg/m²), or ALM/BMI",
    "gait": "usual gait speed (m/s)",
}
"""Texts for ``missing``: what to measure to decide."""
