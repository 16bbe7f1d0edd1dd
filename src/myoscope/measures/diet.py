"""Average intake over the recorded diet days."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from myoscope.record import NUTRIENT_UNITS, DietDay, Record

DIET_WINDOW_DAYS = 28
"""Diet days older than four weeks before the assessment date are not averaged (our choice)."""


@dataclass(frozen=True, slots=True)
class Intake:
    nutrient: str
    unit: str
    mean: float
    days: int


def mean_intakes(record: Record, on: dt.date) -> dict[str, Intake]:
    """Mean daily amount of each nutrient over the diet days of the last four weeks."""
    days = [d for d in record.diet_days if on - dt.timedelta(days=DIET_WINDOW_DAYS) <= d.date <= on]
    totals: dict[str, list[float]] = {}
    for day in days:
        for name, amount in day.nutrients.items():
            totals.setdefault(name, []).append(amount)
    return {name: Intake(name, NUTRIENT_UNITS[name][0], sum(v) / len(v), len(v)) for name, v in totals.items()}


def diet_days_in_window(record: Record, on: dt.date) -> list[DietDay]:
    return [d for d in record.diet_days if on - dt.timedelta(days=DIET_WINDOW_DAYS) <= d.date <= on]
