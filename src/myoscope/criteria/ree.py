"""Resting energy expenditure by every applicable equation, and total expenditure from PAL.

Equations (kcal/day): Mifflin-St Jeor 1990 (the default), Harris-Benedict revised by Roza &
Shizgal 1984, Henry 2005 (Oxford; coefficients flagged unverified) and, when fat-free mass is
known, Katch-McArdle (then the default). Every applicable equation is reported by name in
``details["equations"]``; they are never averaged. With a physical activity level (PAL), total
expenditure = REE x PAL (FAO/WHO/UNU 2004). Formulas live in :mod:`myoscope.physiology.energy`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from myoscope.instruments.api import AdultAge, Example, Height, Instrument, InstrumentInput, Score, Sex, Weight, given
from myoscope.physiology import energy as eq
from myoscope.record import in_range

Equation = Literal["mifflin-st-jeor", "harris-benedict-revised", "henry-2005", "katch-mcardle"]

_NEEDS_BODY = ("sex", "age", "weight", "height")
_TITLES = {
    "mifflin-st-jeor": "Mifflin-St Jeor 1990",
    "harris-benedict-revised": "Harris-Benedict revised (Roza & Shizgal 1984)",
    "henry-2005": "Henry 2005 (Oxford), weight and height",
    "katch-mcardle": "Katch-McArdle (fat-free mass)",
}
_ASK = {
    "sex": "sex (male or female)",
    "age": "age in years",
    "weight": "body weight (kg)",
    "height": "standing height (cm)",
    "fat_free_mass": "fat-free mass (kg, from DXA, BIA or skinfolds)",
}


class ReeInput(InstrumentInput):
    sex: Sex | None = None
    age: AdultAge | None = None
    weight: Weight | None = None
    height: Height | None = None
    fat_free_mass: Annotated[float, in_range("fat_free_mass")] | None = Field(
        None, description="Measured fat-free mass (DXA, BIA or skinfolds), kg."
    )
    pal: Annotated[float, Field(ge=1.0, le=2.5)] | None = Field(
        None, description="Physical activity level (total / basal expenditure), 1.0 to 2.5."
    )
    equation: Equation | None = Field(
        None,
        description="Equation for the reported value; default Katch-McArdle when fat-free mass "
        "is given, otherwise Mifflin-St Jeor.",
    )

    @model_validator(mode="after")
    def _ffm_within_weight(self) -> ReeInput:
        if self.fat_free_mass is not None and self.weight is not None and self.fat_free_mass > self.weight:
            raise ValueError("fat_free_mass cannot exceed weight")
        return self


class RestingEnergy(Instrument):
    name = "ree"
    title = "Resting energy expenditure (predictive equations)"
    version = "1.0"
    citations = ("mifflin1990", "roza1984", "henry2005", "fao2004")
    Input = ReeInput
    domain = "energy"
    person_fields = ("sex", "age", "weight", "height")
    examples = (
        # Mifflin 1990 equation; worked example F1 of the reference note (woman 45 y, 75 kg, 165.1 cm).
        Example({"sex": "female", "age": 45, "weight": 75, "height": 165.1}, 1395.875, "estimated", "mifflin1990"),
        # Roza & Shizgal 1984 equation; hand-computed vector H10 of the reference note.
        Example(
            {"sex": "male", "age": 40, "weight": 70, "height": 175, "equation": "harris-benedict-revised"},
            1638.897,
            "estimated",
            "roza1984",
        ),
    )

    def compute(self, data: ReeInput) -> Score:
        values, missing_by_eq = self._equations(data)
        chosen = data.equation or ("katch-mcardle" if data.fat_free_mass is not None else "mifflin-st-jeor")
        if values.get(chosen) is None:
            return self.cannot_tell(
                [_ASK[f] for f in missing_by_eq[chosen]], details={"equation": chosen, "equations": _rounded(values)}
            )
        ree = values[chosen]
        details: dict[str, Any] = {"equation": chosen, "equation_title": _TITLES[chosen], "equations": _rounded(values)}
        unverified = []
        if "henry-2005" in values:
            unverified.append(eq.HENRY_UNVERIFIED)
        if "katch-mcardle" in values:
            unverified.append(eq.KATCH_MCARDLE_UNVERIFIED)
        if unverified:
            details["unverified"] = unverified
        notes = []
        low, high = eq.MIFFLIN_VALID_AGE
        if data.age is not None and not low <= data.age <= high and "mifflin-st-jeor" in values:
            notes.append(f"Mifflin-St Jeor was derived in adults aged {low:g}-{high:g} years.")
        interpretation = f"Resting energy expenditure {ree:.0f} kcal/day by {_TITLES[chosen]}."
        if data.pal is not None:
            total = eq.expenditure_from_pal(ree, data.pal)
            details.update(pal=data.pal, pal_band=eq.pal_band(data.pal), total_expenditure=round(total, 1))
            interpretation += f" Total expenditure at PAL {data.pal:g}: {total:.0f} kcal/day."
        if notes:
            details["notes"] = notes
        return self.result(round(ree, 3), "estimated", unit="kcal/day", details=details, interpretation=interpretation)

    @staticmethod
    def _equations(data: ReeInput) -> tuple[dict[str, float], dict[str, list[str]]]:
        missing = {
            name: [f for f in _NEEDS_BODY if getattr(data, f) is None]
            for name in ("mifflin-st-jeor", "harris-benedict-revised", "henry-2005")
        }
        missing["katch-mcardle"] = [] if data.fat_free_mass is not None else ["fat_free_mass"]
        values: dict[str, float] = {}
        if not missing["mifflin-st-jeor"]:
            female = eq.sex_code(given(data.sex))
            body = (given(data.weight), given(data.height), given(data.age), female)
            values["mifflin-st-jeor"] = eq.mifflin_st_jeor(*body)
            values["harris-benedict-revised"] = eq.harris_benedict_revised(*body)
            values["henry-2005"] = eq.henry_2005(*body)
        if data.fat_free_mass is not None:
            values["katch-mcardle"] = eq.katch_mcardle(data.fat_free_mass)
        return values, missing


def _rounded(values: dict[str, float]) -> dict[str, float]:
    return {name: round(v, 1) for name, v in values.items()}


INSTRUMENT = RestingEnergy()
