"""Energy need of one person: resting expenditure (Mifflin-St Jeor) times a PAL band."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from myoscope.measures.body import height_cm, latest_weight
from myoscope.physiology.energy import PAL_BANDS, expenditure_from_pal, mifflin_st_jeor, sex_code
from myoscope.record import Record

ACTIVITY_LEVEL_BAND = {
    "sedentary": "sedentary or light",
    "moderate": "active or moderately active",
    "vigorous": "vigorous or vigorously active",
}


@dataclass(frozen=True, slots=True)
class EnergyNeed:
    resting_kcal: float
    pal_band: str
    pal_low: float
    pal_high: float
    band_assumed: bool
    """True when the person's activity level was not recorded and the lowest band was used."""

    @property
    def low_kcal(self) -> float:
        return expenditure_from_pal(self.resting_kcal, self.pal_low)

    @property
    def high_kcal(self) -> float:
        return expenditure_from_pal(self.resting_kcal, self.pal_high)


def energy_need(record: Record, on: dt.date) -> EnergyNeed | None:
    """Range of daily need; None when sex, age, weight or height is missing."""
    person = record.person
    weight, height, age = latest_weight(record, on), height_cm(record), person.age_on(on)
    if person.sex is None or weight is None or height is None or age is None:
        return None
    resting = mifflin_st_jeor(weight[1], height, age, sex_code(person.sex))
    band = ACTIVITY_LEVEL_BAND[person.activity_level or "sedentary"]
    low, high = PAL_BANDS[band]
    return EnergyNeed(resting, band, low, high, person.activity_level is None)


def missing_for_energy_need(record: Record, on: dt.date) -> list[str]:
    person = record.person
    missing = []
    if person.sex is None:
        missing.append("sex")
    if person.age_on(on) is None:
        missing.append("date of birth or age")
    if latest_weight(record, on) is None:
        missing.append("body weight")
    if height_cm(record) is None:
        missing.append("height")
    return missing
