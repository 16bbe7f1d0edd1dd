"""Body mass index and weight change over time windows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from myoscope.precision import cutoff_quantity
from myoscope.record import Record
from myoscope.references import cite
from myoscope.units import months_before

BMI_CITATION = cite("who_bmi2000")
BMI_CLASSES: tuple[tuple[float, str], ...] = (
    (18.5, "underweight"),
    (25.0, "normal range"),
    (30.0, "overweight"),
    (float("inf"), "obese"),
)
"""Upper bounds (exclusive) of the adult BMI classes, kg/m² (WHO 2000, Technical Report Series 894)."""


def bmi(weight_kg: float, height_cm: float) -> float:
    """Body mass index, kg/m²."""
    metres = height_cm / 100.0
    return weight_kg / (metres * metres)


def bmi_class(value: float) -> str:
    """The WHO adult class of a BMI."""
    return next(name for bound, name in BMI_CLASSES if value < bound)


def bmi_text(value: float) -> str:
    """A BMI with its WHO class, the number never rounded across a class bound (:mod:`myoscope.precision`).

    ``bmi_text(29.99) == "29.99 kg/m² (overweight)"``, never ``"30.0 kg/m² (overweight)"``.
    """
    bounds = tuple(bound for bound, _ in BMI_CLASSES)
    return f"{cutoff_quantity(value, 'kg/m²', bounds)} ({bmi_class(value)})"


def height_cm(record: Record) -> float | None:
    """Height from the person, or the latest height measurement."""
    if record.person.height is not None:
        return record.person.height
    series = record.series("height")
    return series[-1].value if series else None


def latest_weight(record: Record, on: dt.date) -> tuple[dt.date, float] | None:
    series = [m for m in record.series("body_weight") if m.date <= on]
    return (series[-1].date, series[-1].best) if series else None


def latest_bmi(record: Record, on: dt.date) -> float | None:
    weight, height = latest_weight(record, on), height_cm(record)
    return bmi(weight[1], height) if weight and height else None


MIN_SPAN_DAYS = 14
"""Weights closer than two weeks apart are not compared: day-to-day water and glycogen
shifts dominate (our choice; Hall 2008 describes the early, non-tissue phase)."""


@dataclass(frozen=True, slots=True)
class WeightChange:
    start: dt.date
    end: dt.date
    start_kg: float
    end_kg: float

    @property
    def kg(self) -> float:
        return self.end_kg - self.start_kg

    @property
    def percent(self) -> float:
        """Change as % of the earlier weight (negative = loss)."""
        return 100.0 * self.kg / self.start_kg

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    @property
    def kg_per_week(self) -> float:
        return self.kg / (self.days / 7.0)


def weight_change_beyond(record: Record, on: dt.date, beyond_months: int, up_to_months: int) -> WeightChange | None:
    """Change from the earliest weight within ``up_to_months`` before the latest one, when that weight is more
    than ``beyond_months`` before it (a loss over a longer span than the ``beyond_months`` window sees)."""
    change = weight_change(record, on, up_to_months)
    if change is None or change.start >= months_before(change.end, beyond_months):
        return None
    return change


def weight_change(record: Record, on: dt.date, months: int) -> WeightChange | None:
    """Change from the earliest weight within ``months`` calendar months before the latest one (up to ``on``):
    a weight on 1 May is within 6 months of one on 1 November (:func:`myoscope.units.months_before`).

    None when fewer than two weights at least :data:`MIN_SPAN_DAYS` apart fall in the window.
    """
    series = [m for m in record.series("body_weight") if m.date <= on]
    if len(series) < 2:
        return None
    last = series[-1]
    window_start = months_before(last.date, months)
    earlier = [m for m in series if window_start <= m.date <= last.date - dt.timedelta(days=MIN_SPAN_DAYS)]
    if not earlier:
        return None
    first = earlier[0]
    return WeightChange(first.date, last.date, first.best, last.best)
