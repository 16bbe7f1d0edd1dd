"""MNA-SF, the Mini Nutritional Assessment short form (Rubenstein 2001; Kaiser 2009).

Six items, total 0-14: A food intake decline over 3 months (0-2), B weight loss over 3 months
(0-3), C mobility (0-2), D psychological stress or acute disease in 3 months (yes 0, no 2),
E neuropsychological problems (0-2), F1 BMI (< 19 -> 0; 19 to < 21 -> 1; 21 to < 23 -> 2;
>= 23 -> 3) or, only when BMI is unavailable, F2 calf circumference (< 31 cm -> 0; >= 31 cm -> 3).
12-14 normal nutritional status, 8-11 at risk of malnutrition, 0-7 malnourished (Kaiser 2009).
Intended for adults aged 65 and over. MNA(R) is a Nestle trademark, free for clinical use with
attribution; the anchors here are paraphrased.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field

from myoscope.instruments._base import CANNOT_TELL, Criterion, Example, Instrument, InstrumentInput, Score
from myoscope.instruments._nutrition import Bmi, Height, Weight, bmi_of, decided_category
from myoscope.record import in_range
from myoscope.units import InUnit

MNA_SF_CITATION = ("rubenstein2001_mnasf", "kaiser2009_mnasf")

BMI_BANDS = (19.0, 21.0, 23.0)
"""Lower edges of the BMI bands scoring 1, 2 and 3 points, kg/m2 (item F1; Rubenstein 2001)."""
CALF_CUTOFF_CM = 31.0
"""Calf circumference scoring 3 points when >= 31 cm, else 0 (item F2; Kaiser 2009)."""
WEIGHT_LOSS_KG = (1.0, 3.0)
"""Item B from a measured loss (kg): > 3 -> 0, 1 to 3 -> 2, below 1 -> 3 (no weight loss). A loss of
exactly 3 kg scores 2; a loss under 1 kg counts as none -- our reading of the printed ranges,
UNVERIFIED against the authors' intent (reference note B2)."""
WEIGHT_LOSS_KG_UNVERIFIED = "MNA-SF item B from a loss in kg: edges at exactly 3 kg and below 1 kg are our reading"
NORMAL_FROM = 12
"""Totals 12-14: normal nutritional status (Kaiser 2009)."""
AT_RISK_FROM = 8
"""Totals 8-11: at risk of malnutrition; 0-7: malnourished (Kaiser 2009)."""
INTENDED_AGE = 65.0
"""The MNA-SF is intended for people aged 65 years and over (Nestle MNA user guide; openEHR archetype)."""

_ITEMS = (
    # field, item label, maximum points, what to ask
    ("food_intake", "A food intake decline", 2, "food intake over the past 3 months (severe / moderate / no decrease)"),
    ("weight_loss", "B weight loss", 3, "weight loss over the past 3 months (> 3 kg, 1-3 kg, none, or unknown)"),
    ("mobility", "C mobility", 2, "mobility (bed or chair bound / out of bed but not out / goes out)"),
    (
        "stress_or_acute_disease",
        "D psychological stress or acute disease",
        2,
        "psychological stress or acute disease in the past 3 months",
    ),
    (
        "neuropsychological",
        "E neuropsychological problems",
        2,
        "neuropsychological problems (severe dementia or depression / mild dementia / none)",
    ),
)


def bmi_points(bmi: float) -> int:
    """Item F1 points for a BMI (kg/m2)."""
    return sum(bmi >= edge for edge in BMI_BANDS)


def calf_points(calf_cm: float) -> int:
    """Item F2 points for a calf circumference (cm)."""
    return 3 if calf_cm >= CALF_CUTOFF_CM else 0


def weight_loss_points_from_kg(loss_kg: float) -> int:
    """Item B points from a measured loss over 3 months (kg); see :data:`WEIGHT_LOSS_KG`."""
    if loss_kg > WEIGHT_LOSS_KG[1]:
        return 0
    return 2 if loss_kg >= WEIGHT_LOSS_KG[0] else 3


def category_of(total: float) -> str:
    """12-14 normal, 8-11 at risk, 0-7 malnourished (Kaiser 2009)."""
    if total >= NORMAL_FROM:
        return "normal nutritional status"
    return "at risk of malnutrition" if total >= AT_RISK_FROM else "malnourished"


class MnaSfInput(InstrumentInput):
    food_intake: (
        Annotated[
            int,
            Field(
                ge=0,
                le=2,
                description="A: 0 severe decrease, 1 moderate decrease, 2 no decrease in food intake "
                "over 3 months (appetite, digestion, chewing or swallowing).",
            ),
        ]
        | None
    ) = None
    weight_loss: (
        Annotated[
            int,
            Field(ge=0, le=3, description="B: 0 loss > 3 kg, 1 does not know, 2 loss 1-3 kg, 3 no loss (3 months)."),
        ]
        | None
    ) = None
    weight_loss_kg: Annotated[float, InUnit("kg", 0, 100)] | None = Field(
        None, description="Measured weight loss over 3 months, kg (used when item B is not given)."
    )
    mobility: (
        Annotated[
            int,
            Field(
                ge=0,
                le=2,
                description="C: 0 bed or chair bound, 1 out of bed or chair but not out of home, 2 goes out.",
            ),
        ]
        | None
    ) = None
    stress_or_acute_disease: bool | None = Field(
        None, description="D: psychological stress or acute disease in the past 3 months (yes scores 0, no 2)."
    )
    neuropsychological: (
        Annotated[
            int,
            Field(
                ge=0,
                le=2,
                description="E: 0 severe dementia or depression, 1 mild dementia, 2 no psychological problems.",
            ),
        ]
        | None
    ) = None
    bmi: Bmi | None = Field(None, description="F1: body mass index, kg/m2 (or weight and height).")
    weight: Weight | None = None
    height: Height | None = None
    calf_circumference: Annotated[float, in_range("calf_circumference")] | None = Field(
        None, description="F2: calf circumference, cm (used only when BMI is unavailable)."
    )
    age: Annotated[float, InUnit("year", 18, 120)] | None = None


class MnaSf(Instrument):
    name = "mna-sf"
    title = "Mini Nutritional Assessment short form (MNA-SF)"
    version = "2009"
    citations = MNA_SF_CITATION
    Input = MnaSfInput
    domain = "nutrition"
    person_fields = ("bmi", "weight", "height", "age")
    examples = (
        # All items at their best with BMI 24: 2+3+2+2+2+3 = 14, normal (Kaiser 2009 scoring).
        Example(
            {
                "food_intake": 2,
                "weight_loss": 3,
                "mobility": 2,
                "stress_or_acute_disease": False,
                "neuropsychological": 2,
                "bmi": 24,
            },
            14,
            "normal nutritional status",
            "kaiser2009_mnasf",
        ),
        # Calf circumference 30 cm replaces BMI: 1+1+1+0+1+0 = 4, malnourished (Kaiser 2009 scoring).
        Example(
            {
                "food_intake": 1,
                "weight_loss": 1,
                "mobility": 1,
                "stress_or_acute_disease": True,
                "neuropsychological": 1,
                "calf_circumference": 30,
            },
            4,
            "malnourished",
            "kaiser2009_mnasf",
        ),
    )

    def compute(self, data: MnaSfInput) -> Score:
        points: dict[str, int | None] = {f: getattr(data, f) for f, *_ in _ITEMS}
        details: dict[str, Any] = {}
        if points["weight_loss"] is None and data.weight_loss_kg is not None:
            points["weight_loss"] = weight_loss_points_from_kg(data.weight_loss_kg)
            details["unverified"] = [WEIGHT_LOSS_KG_UNVERIFIED]
        if data.stress_or_acute_disease is not None:
            points["stress_or_acute_disease"] = 0 if data.stress_or_acute_disease else 2
        bmi, bmi_source = bmi_of(data.bmi, data.weight, data.height)
        if bmi is not None:
            f_item, f_points, f_value = "F1 BMI", bmi_points(bmi), round(bmi, 2)
            details["bmi_source"] = bmi_source
            if data.calf_circumference is not None:
                details["note"] = "BMI was available, so calf circumference (F2) was not scored."
        elif data.calf_circumference is not None:
            f_item, f_points, f_value = (
                "F2 calf circumference",
                calf_points(data.calf_circumference),
                data.calf_circumference,
            )
        else:
            f_item, f_points, f_value = "F BMI or calf circumference", None, None
        criteria = [
            Criterion(label, None if p is None else p < top, p, f"0-{top} points", "rubenstein2001_mnasf")
            for f, label, top, _ in _ITEMS
            for p in (points[f],)
        ]
        criteria.append(
            Criterion(
                f_item,
                None if f_points is None else f_points < 3,
                f_value,
                f"BMI < {BMI_BANDS[0]:g} 0, {BMI_BANDS[0]:g}-<{BMI_BANDS[1]:g} 1, "
                f"{BMI_BANDS[1]:g}-<{BMI_BANDS[2]:g} 2, >= {BMI_BANDS[2]:g} 3; "
                f"or calf < {CALF_CUTOFF_CM:g} cm 0, >= {CALF_CUTOFF_CM:g} cm 3",
                "kaiser2009_mnasf",
            )
        )
        missing = [ask for f, _, _, ask in _ITEMS if points[f] is None]
        if f_points is None:
            missing.append("BMI (weight and height) or, if they cannot be measured, calf circumference")
        known = sum(p for p in points.values() if p is not None) + (f_points or 0)
        unknown = [(0, top) for f, _, top, _ in _ITEMS if points[f] is None] + ([(0, 3)] if f_points is None else [])
        category, low, high = decided_category(known, unknown, category_of)
        details["points"] = {**points, "f": f_points}
        if data.age is not None and data.age < INTENDED_AGE:
            details["applicability"] = f"The MNA-SF is intended for people aged {INTENDED_AGE:g} and over."
        if missing:
            details["possible_total"] = [low, high]
        if category is None:
            return self.result(
                None,
                CANNOT_TELL,
                missing=missing,
                criteria=tuple(criteria),
                details=details,
                interpretation="The answered items do not settle the category.",
            )
        return self.result(
            None if missing else known,
            category,
            missing=missing,
            criteria=tuple(criteria),
            details=details,
            positive=category != "normal nutritional status",
            unit="points",
            interpretation=f"MNA-SF: {category}.",
        )


INSTRUMENT = MnaSf()
