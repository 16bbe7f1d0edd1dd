"""Shared pieces of the nutrition and energy instruments: input types for body size, BMI from
weight and height, and the decision of a total when some items are missing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Annotated, Literal

from myoscope.record import in_range
from myoscope.units import InUnit

Sex = Literal["male", "female"]
Weight = Annotated[float, in_range("body_weight")]
"""Body weight, kg (the record's plausibility range)."""
Height = Annotated[float, in_range("height")]
"""Standing height, cm (the record's plausibility range)."""
Bmi = Annotated[float, InUnit("kg/m**2", 8, 80)]
"""Body mass index, kg/m2."""
AdultAge = Annotated[float, InUnit("year", 18, 120)]
"""Age of an adult, years."""
Percent = Annotated[float, InUnit("percent", 0, 100)]
"""A share in percent."""


def bmi_of(bmi: float | None, weight: float | None, height: float | None) -> tuple[float | None, str | None]:
    """The BMI given, else weight / height^2 when both are known; with a note on how it was found."""
    if bmi is not None:
        return bmi, "as given"
    if weight is not None and height is not None:
        return weight / (height / 100.0) ** 2, "from weight and height"
    return None, None


def decided_category(
    known: float, unknown: Sequence[tuple[float, float]], categorise: Callable[[float], str]
) -> tuple[str | None, float, float]:
    """Category of a total whose unknown items each lie in ``(low, high)``.

    Returns ``(category, lowest, highest)``: the category when every possible total falls in the
    same one (missing items cannot change it), else ``None``. Categories must be monotone bands.
    """
    low = known + sum(lo for lo, _ in unknown)
    high = known + sum(hi for _, hi in unknown)
    first, last = categorise(low), categorise(high)
    return (first if first == last else None), low, high
