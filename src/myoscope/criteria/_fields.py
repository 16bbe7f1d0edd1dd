"""Input field types and "what to measure" texts shared by the sarcopenia definitions."""

from __future__ import annotations

from typing import Annotated

from myoscope.instruments import api
from myoscope.record import in_range
from myoscope.units import quantity

GripKg = Annotated[float, in_range("grip_strength")]
ChairStandS = Annotated[float, in_range("chair_stand_time")]
GaitSpeedMs = Annotated[float, in_range("gait_speed")]
AsmKg = Annotated[float, in_range("appendicular_lean_mass")]
AsmIndex = quantity("kg/m**2", 2, 15)
HeightCm = api.Height
WeightKg = api.Weight
Bmi = api.Bmi
CalfCm = Annotated[float, in_range("calf_circumference")]
"""The measures' ranges are the record's plausibility ranges (:func:`myoscope.record.plausible`)."""

MEASURE = {
    "sex": "sex",
    "grip": "grip strength (kg, best of the trials)",
    "strength": "grip strength (kg) or five-times chair stand time (s)",
    "mass": "appendicular skeletal muscle mass by DXA or BIA (kg) with height (cm), or ASM/height² (kg/m²)",
    "alm_bmi": "DXA appendicular lean mass (kg) with BMI (kg/m²), or ALM/BMI",
    "gait": "usual gait speed (m/s)",
}
"""Texts for ``missing``: what to measure to decide."""
