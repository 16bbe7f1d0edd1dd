"""How precisely each kind of value is shown to people: one table, used by every layer that writes text.

Values are kept unrounded inside myoscope; they are rounded only when shown, to the precision at
which the quantity is measured or acted on in clinic (a tape reads to 1 mm, a scale to 0.1 kg, a
dynamometer to about 0.5 kg, a stopwatch to 0.1 s; protein per kg to 0.01 g/kg, the precision of its
reference values, EAR 0.66 g/kg/day). The step for a unit is the smallest difference a
clinician would read from it; where a unit is not in the table, three significant figures are shown.

>>> quantity_text(63.50293180000001, "kg")
'63.5 kg'
>>> quantity_text(177.79999999999998, "cm")
'177.8 cm'
>>> count_text(1, "day"), count_text(3, "point")
('1 day', '3 points')

**A value shown beside a cut-off is never rounded across it or onto it.** A value that decided a
class (BMI 29.99 kg/m² is overweight, below 30) is shown on the same side of every cut-off it was
judged against as the unrounded value: below, at, or above. It is shown at its unit's display step
when that keeps it on its side; otherwise with one more decimal at a time, up to
:data:`EXTRA_DECIMALS` more; a value closer still to a cut-off is cut toward its own side at that
finest precision (29.99999 is shown as 29.9999, never 30). Every renderer (terminal, Markdown,
HTML, PDF, web pages) gets such numbers from :func:`cutoff_number` and :func:`cutoff_quantity`.

>>> cutoff_quantity(29.99, "kg/m²", (18.5, 25.0, 30.0))
'29.99 kg/m²'
>>> cutoff_quantity(30.0, "kg/m²", (18.5, 25.0, 30.0)), cutoff_quantity(27.04, "kg/m²", (25.0, 30.0))
('30 kg/m²', '27 kg/m²')
"""

from __future__ import annotations

import math

STEPS: dict[str, float] = {
    "kg": 0.1,
    "g": 1.0,
    "mg": 0.1,
    "ug": 1.0,
    "µg": 1.0,
    "cm": 0.1,
    "mm": 1.0,
    "m": 0.01,
    "m/s": 0.01,
    "s": 0.1,
    "min": 1.0,
    "h": 0.1,
    "h/day": 0.5,
    "day": 1.0,
    "days": 1.0,
    "week": 1.0,
    "weeks": 1.0,
    "kcal": 10.0,
    "kcal/day": 10.0,
    "kJ": 10.0,
    "g/day": 1.0,
    "g/kg/day": 0.01,
    "g/kg": 0.01,
    "kg/m2": 0.1,
    "kg/m²": 0.1,
    "%": 0.1,
    "points": 1.0,
    "points/month": 0.01,
    "MET-min/week": 1.0,
    "min/week": 1.0,
    "years": 1.0,
    "y": 1.0,
    "mL/min/1.73 m2": 1.0,
}
"""The display step of each unit, as units are written in myoscope's messages."""

_SIGNIFICANT = 3

EXTRA_DECIMALS = 3
"""At most this many decimals beyond a unit's display step keep a value off a cut-off it is not on."""

_AT_CUTOFF = 1e-9
"""A value within this of a cut-off counts as on it (binary floating-point noise, as in the cut-off checks)."""

_IRREGULAR_PLURALS = {"person": "people", "is": "are"}

COUNTED_UNITS = {"points": "point", "days": "day", "weeks": "week", "years": "year", "sessions": "session"}
"""Units that are counted nouns: shown in the singular for exactly one (``1 point``, ``2 points``)."""


def rounded(value: float, unit: str) -> float:
    """``value`` rounded to the display step of ``unit`` (three significant figures if unknown)."""
    if not math.isfinite(value):
        return value
    step = STEPS.get(unit)
    if step is None:
        if value == 0:
            return 0.0
        digits = _SIGNIFICANT - 1 - math.floor(math.log10(abs(value)))
        return round(value, digits)
    decimals = max(0, -math.floor(math.log10(step) + 1e-9))
    return round(round(value / step) * step, decimals)


def number_text(value: float, unit: str) -> str:
    """The number alone, rounded for ``unit`` and without trailing zeros (``"61.2"``, ``"1450"``)."""
    if not math.isfinite(value):
        return "not a number"
    shown = rounded(value, unit)
    if shown == 0:
        shown = 0.0  # no "-0"
    text = f"{shown:.6f}".rstrip("0").rstrip(".")
    return text


def _side(value: float, cutoff: float) -> int:
    """-1 below, 0 at, 1 above ``cutoff``."""
    if abs(value - cutoff) <= _AT_CUTOFF:
        return 0
    return -1 if value < cutoff else 1


def _sides(value: float, cutoffs: tuple[float, ...]) -> tuple[int, ...]:
    return tuple(_side(value, c) for c in cutoffs)


def _decimals_of(unit: str, value: float) -> int:
    step = STEPS.get(unit)
    if step is not None:
        return max(0, -math.floor(math.log10(step) + 1e-9))
    if value == 0:
        return 0
    return max(0, _SIGNIFICANT - 1 - math.floor(math.log10(abs(value))))


def _plain(number: float, decimals: int) -> str:
    text = f"{number:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def cutoff_number(value: float, unit: str, cutoffs: tuple[float, ...] | list[float]) -> str:
    """The number alone, rounded for ``unit`` but never across or onto one of ``cutoffs`` (module rule).

    ``cutoff_number(29.99, "kg/m²", (30.0,)) == "29.99"`` where :func:`number_text` shows ``"30"``.
    """
    limits = tuple(float(c) for c in cutoffs if math.isfinite(c))
    if not math.isfinite(value) or not limits:
        return number_text(value, unit)
    wanted = _sides(value, limits)
    shown = number_text(value, unit)
    if _sides(float(shown), limits) == wanted:
        return shown
    base = _decimals_of(unit, value)
    for decimals in range(base + 1, base + EXTRA_DECIMALS + 1):
        candidate = round(value, decimals)
        if _sides(candidate, limits) == wanted:
            return _plain(candidate, decimals)
    finest = base + EXTRA_DECIMALS
    scale = 10**finest
    toward = math.floor if value < min(limits, key=lambda c: abs(c - value)) else math.ceil
    return _plain(toward(value * scale) / scale, finest)


def cutoff_quantity(value: float, unit: str, cutoffs: tuple[float, ...] | list[float]) -> str:
    """:func:`cutoff_number` with its unit: ``cutoff_quantity(0.799, "m/s", (0.8,)) == "0.799 m/s"``."""
    number = cutoff_number(value, unit, cutoffs)
    return f"{number} {unit}" if unit else number


def quantity_text(value: float, unit: str) -> str:
    """``value`` with its unit, rounded for people: ``quantity_text(47.17360648, "kg") == "47.2 kg"``."""
    if not unit:
        return number_text(value, unit)
    number = number_text(value, unit)
    if unit in COUNTED_UNITS:
        return f"{number} {plural(COUNTED_UNITS[unit], float(number))}" if math.isfinite(value) else number
    return f"{number} {unit}"


def plural(word: str, count: float) -> str:
    """``word`` in the singular for exactly one, else the plural (``plural("day", 2) == "days"``)."""
    if count == 1:
        return word
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    if word.endswith(("s", "x", "sh", "ch")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def count_text(count: float, word: str) -> str:
    """A count with its noun: ``count_text(1, "day") == "1 day"``, ``count_text(2.5, "week") == "2.5 weeks"``."""
    number = f"{count:.6f}".rstrip("0").rstrip(".") if isinstance(count, float) else str(count)
    return f"{number} {plural(word, count)}"
