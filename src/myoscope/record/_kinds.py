"""What a measurement can be: its unit, the range of possible values, and whether it has a side.

The ranges here are plausibility limits that refuse typing errors (a 600 cm calf),
not clinical cut-offs; they are deliberately wide and are our own choice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from myoscope.units import InUnit


@dataclass(frozen=True, slots=True)
class Kind:
    label: str
    unit: str
    low: float
    high: float
    sided: bool = False
    site: str | None = None
    """Body site for girths and lengths (``upper_arm``, ``forearm``, ``thigh``, ``calf``, ``arm``, ``leg``)."""


MEASUREMENT_KINDS: dict[str, Kind] = {
    "body_weight": Kind("body weight", "kg", 20, 350),
    "height": Kind("height", "cm", 100, 230),
    "mid_upper_arm_circumference": Kind("mid-upper-arm circumference", "cm", 10, 70, True, "upper_arm"),
    "forearm_circumference": Kind("forearm circumference", "cm", 10, 50, True, "forearm"),
    "mid_thigh_circumference": Kind("mid-thigh circumference", "cm", 20, 110, True, "thigh"),
    "calf_circumference": Kind("calf circumference", "cm", 15, 70, True, "calf"),
    "arm_length": Kind("arm length", "cm", 40, 110, True, "arm"),
    "leg_length": Kind("leg length", "cm", 50, 130, True, "leg"),
    "grip_strength": Kind("grip strength", "kg", 0, 100, True),
    "gait_speed": Kind("gait speed", "m/s", 0.05, 3.0),
    "chair_stand_time": Kind("5-times chair-stand time", "s", 2, 120),
    "timed_up_and_go": Kind("Timed Up and Go", "s", 3, 300),
    "walk_400m_time": Kind("400 m walk time", "s", 120, 3600),
    "appendicular_lean_mass": Kind("appendicular lean (skeletal muscle) mass", "kg", 3, 60),
    "fat_free_mass": Kind("fat-free mass", "kg", 15, 150),
    "fat_mass": Kind("fat mass", "kg", 1, 250),
}


def in_range(kind: str) -> InUnit:
    """The unit and plausibility range of a measurement kind above, as field metadata:
    ``Annotated[float, in_range("grip_strength")]``. The one range every input of that measure (a record,
    an instrument's or a definition's answers) accepts; type checkers see the plain ``float`` it holds."""
    spec = MEASUREMENT_KINDS[kind]
    return InUnit(spec.unit, spec.low, spec.high)


def plausible(kind: str) -> Any:
    """The pydantic type of a measurement kind (``Annotated[float, in_range(kind)]``), for models built at run
    time; in a class body write the ``Annotated`` form so that type checkers can read it."""
    return Annotated[float, in_range(kind)]


GIRTH_SITES: dict[str, str] = {
    k: v.site for k, v in MEASUREMENT_KINDS.items() if k.endswith("circumference") and v.site is not None
}
LENGTH_OF_SITE = {"upper_arm": "arm_length", "forearm": "arm_length", "thigh": "leg_length", "calf": "leg_length"}

NUTRIENT_UNITS: dict[str, tuple[str, float]] = {
    "energy": ("kcal", 20000),
    "protein": ("g", 600),
    "carbohydrate": ("g", 2000),
    "fat": ("g", 800),
    "fibre": ("g", 300),
    "calcium": ("mg", 20000),
    "vitamin_d": ("ug", 5000),
    "magnesium": ("mg", 10000),
    "potassium": ("mg", 30000),
    "sodium": ("mg", 50000),
    "iron": ("mg", 1000),
    "zinc": ("mg", 1000),
    "selenium": ("ug", 10000),
    "vitamin_b12": ("ug", 100000),
    "vitamin_a": ("ug", 1000000),
    "vitamin_a_preformed": ("ug", 1000000),
    "magnesium_supplemental": ("mg", 10000),
    "vitamin_c": ("mg", 100000),
    "folate": ("ug", 100000),
}
"""Nutrients a diet day may carry: canonical unit and the largest plausible daily amount."""
