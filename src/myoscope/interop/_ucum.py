"""UCUM unit codes and the pint units they mean, for the units myoscope reads and writes.

UCUM codes are not pint names (``kg/m2`` vs ``kg/m**2``, ``[lb_av]`` vs ``pound``), so the
few we need are listed here; conversion itself goes through :func:`myoscope.units.parse`,
the same unit layer as every other input.
"""

from __future__ import annotations

from myoscope.units import parse

UCUM_TO_PINT: dict[str, str] = {
    "kg": "kg",
    "g": "g",
    "mg": "mg",
    "ug": "ug",
    "[lb_av]": "lb",
    "[oz_av]": "oz",
    "cm": "cm",
    "m": "m",
    "mm": "mm",
    "[in_i]": "inch",
    "[ft_i]": "foot",
    "s": "s",
    "min": "min",
    "h": "h",
    "d": "day",
    "wk": "week",
    "a": "year",
    "m/s": "m/s",
    "km/h": "km/h",
    "kg/m2": "kg/m**2",
    "kcal": "kcal",
    "kJ": "kJ",
    "h/d": "h/day",
    "/d": "1/day",
}
"""UCUM code -> pint unit expression."""

PINT_TO_UCUM: dict[str, str] = {
    "kg": "kg",
    "g": "g",
    "mg": "mg",
    "ug": "ug",
    "cm": "cm",
    "m": "m",
    "s": "s",
    "min": "min",
    "m/s": "m/s",
    "kcal": "kcal",
    "h/day": "h/d",
    "kg/m**2": "kg/m2",
    "percent": "%",
    "year": "a",
    "ohm": "Ohm",
}
"""myoscope's canonical units (as written in the record's kind tables) -> UCUM code."""


class UnknownUnit(ValueError):
    """A UCUM code outside :data:`UCUM_TO_PINT`."""


def ucum_of(unit: str) -> str:
    """The UCUM code of one of myoscope's canonical units."""
    return PINT_TO_UCUM[unit]


def to_canonical(value: float, ucum: str, unit: str) -> float:
    """``value`` in UCUM ``ucum`` converted to myoscope unit ``unit`` (raises ValueError)."""
    if ucum not in UCUM_TO_PINT:
        raise UnknownUnit(f"unknown UCUM unit {ucum!r}")
    return parse({"value": value, "unit": UCUM_TO_PINT[ucum]}, unit)
