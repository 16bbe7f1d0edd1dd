"""'MUST', the Malnutrition Universal Screening Tool (BAPEN; Elia 2003).

Three scored steps: BMI (> 20 -> 0; 18.5 to 20 -> 1; < 18.5 -> 2), unplanned weight loss in
the past 3-6 months (< 5 % -> 0; 5 to 10 % -> 1; > 10 % -> 2) and the acute disease effect
(acutely ill and no nutritional intake, or likely none, for more than 5 days -> 2). Total 0 = low,
1 = medium, 2 or more = high risk of malnutrition. BMI is used unrounded; BMI exactly 20.0 or 18.5
and weight loss exactly 5.0 % or 10.0 % score in the middle band (the chart prints ranges; this
reading of its edges is ours, as in the reference note B1). 'MUST' is BAPEN's tool and is cited
as such; the item wording here is paraphrased.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from myoscope.instruments._base import CANNOT_TELL, Criterion, Example, Instrument, InstrumentInput, Score
from myoscope.instruments._nutrition import Bmi, Height, Percent, Weight, bmi_of, decided_category

MUST_CITATION = ("elia2003_must", "stratton2004_must")

BMI_NO_RISK_ABOVE = 20.0
"""BMI above 20 kg/m2 scores 0 (Elia 2003, 'MUST' step 1)."""
BMI_HIGH_RISK_BELOW = 18.5
"""BMI below 18.5 kg/m2 scores 2; 18.5 to 20 scores 1 (Elia 2003, step 1)."""
WEIGHT_LOSS_LOW_BELOW = 5.0
"""Unplanned weight loss below 5 % in 3-6 months scores 0 (Elia 2003, step 2)."""
WEIGHT_LOSS_HIGH_ABOVE = 10.0
"""Weight loss above 10 % scores 2; 5 to 10 % scores 1 (Elia 2003, step 2)."""
ACUTE_DISEASE_POINTS = 2
"""Acutely ill with no nutritional intake for more than 5 days scores 2 (Elia 2003, step 3)."""
OBESITY_ABOVE = 30.0
"""BMI above 30 kg/m2 is recorded separately as obesity (Elia 2003, step 1 note)."""

CATEGORIES = ("low risk", "medium risk", "high risk")
MANAGEMENT = {
    "low risk": "Routine clinical care; repeat screening (hospital weekly, care home monthly, "
    "community yearly for groups at risk such as people over 75).",
    "medium risk": "Observe: record dietary intake for 3 days; repeat screening (hospital weekly, care "
    "home at least monthly, community every 2-3 months).",
    "high risk": "Treat: refer to a dietitian or nutrition support team, set goals, improve overall "
    "intake; monitor (hospital weekly, care home and community monthly).",
}
"""Step 5 management by category, paraphrased (Elia 2003; BAPEN 'MUST' chart)."""


def bmi_points(bmi: float) -> int:
    """'MUST' step 1 points for an unrounded BMI (kg/m2)."""
    if bmi > BMI_NO_RISK_ABOVE:
        return 0
    return 1 if bmi >= BMI_HIGH_RISK_BELOW else 2


def weight_loss_points(percent: float) -> int:
    """'MUST' step 2 points for unplanned weight loss in the past 3-6 months (%)."""
    if percent < WEIGHT_LOSS_LOW_BELOW:
        return 0
    return 1 if percent <= WEIGHT_LOSS_HIGH_ABOVE else 2


def risk_category(total: float) -> str:
    """0 -> low, 1 -> medium, 2 or more -> high risk (Elia 2003, step 4)."""
    return CATEGORIES[min(int(total), 2)]


class MustInput(InstrumentInput):
    bmi: Bmi | None = Field(None, description="Body mass index, kg/m2 (or give weight and height).")
    weight: Weight | None = Field(None, description="Current body weight, kg.")
    height: Height | None = Field(None, description="Height, cm (measured or recalled).")
    weight_loss_percent: Percent | None = Field(
        None, description="Unplanned weight loss in the past 3-6 months, % of the earlier weight."
    )
    previous_weight: Weight | None = Field(
        None, description="Weight 3-6 months ago, kg (with the current weight, gives the loss %)."
    )
    acute_disease_no_intake: bool | None = Field(
        None,
        description="Acutely ill and there has been, or is likely to be, no nutritional intake for more than 5 days.",
    )


class Must(Instrument):
    name = "must"
    title = "'MUST' Malnutrition Universal Screening Tool (BAPEN)"
    version = "2003"
    citations = MUST_CITATION
    Input = MustInput
    domain = "nutrition"
    person_fields = ("bmi", "weight", "height")
    examples = (
        # BMI 17, no weight loss, not acutely ill: 2 points, high risk (Elia 2003 scoring; also the
        # first example of the R package 'cliot' must_screening_tool, reference note F11).
        Example(
            {"bmi": 17, "weight_loss_percent": 0, "acute_disease_no_intake": False}, 2, "high risk", "elia2003_must"
        ),
        # BMI 22, 7 % loss, not acutely ill: 1 point, medium risk (reference note F12).
        Example(
            {"bmi": 22, "weight_loss_percent": 7, "acute_disease_no_intake": False}, 1, "medium risk", "elia2003_must"
        ),
    )

    def compute(self, data: MustInput) -> Score:
        bmi, bmi_source = bmi_of(data.bmi, data.weight, data.height)
        loss = data.weight_loss_percent
        if loss is None and data.previous_weight is not None and data.weight is not None:
            loss = max(0.0, (data.previous_weight - data.weight) / data.previous_weight * 100.0)
        steps = [
            (
                "BMI",
                bmi,
                None if bmi is None else bmi_points(bmi),
                f"> {BMI_NO_RISK_ABOVE:g} -> 0; {BMI_HIGH_RISK_BELOW:g} to {BMI_NO_RISK_ABOVE:g} -> 1; "
                f"< {BMI_HIGH_RISK_BELOW:g} -> 2",
                "body mass index (or weight and height)",
            ),
            (
                "unplanned weight loss in 3-6 months (%)",
                loss,
                None if loss is None else weight_loss_points(loss),
                f"< {WEIGHT_LOSS_LOW_BELOW:g} % -> 0; {WEIGHT_LOSS_LOW_BELOW:g} to {WEIGHT_LOSS_HIGH_ABOVE:g} % -> 1; "
                f"> {WEIGHT_LOSS_HIGH_ABOVE:g} % -> 2",
                "unplanned weight loss over the past 3-6 months (% or the earlier weight)",
            ),
            (
                "acute disease effect",
                data.acute_disease_no_intake,
                None if data.acute_disease_no_intake is None else ACUTE_DISEASE_POINTS * data.acute_disease_no_intake,
                "acutely ill and no intake for > 5 days -> 2",
                "whether the person is acutely ill with no nutritional intake for more than 5 days",
            ),
        ]
        criteria = tuple(
            Criterion(name, None if pts is None else pts > 0, value, rule, "elia2003_must")
            for name, value, pts, rule, _ in steps
        )
        missing = [ask for _, _, pts, _, ask in steps if pts is None]
        known = sum(pts for _, _, pts, _, _ in steps if pts is not None)
        unknown = [(0, 2) for _, _, pts, _, _ in steps if pts is None]
        category, low, high = decided_category(known, unknown, risk_category)
        details: dict[str, Any] = {"points": {name: pts for name, _, pts, _, _ in steps}}
        if bmi is not None:
            details.update(bmi=round(bmi, 2), bmi_source=bmi_source, obese=bmi > OBESITY_ABOVE)
        if category is None:
            return self.result(
                None,
                CANNOT_TELL,
                missing=missing,
                criteria=criteria,
                details={**details, "possible_total": [low, high]},
                interpretation="The answered steps do not settle the risk category.",
            )
        value = known if not missing else None
        if missing:
            details["possible_total"] = [low, high]
        return self.result(
            value,
            category,
            missing=missing,
            criteria=criteria,
            details=details,
            positive=category != "low risk",
            unit="points",
            interpretation=f"'MUST' {category} of malnutrition. {MANAGEMENT[category]}",
        )


INSTRUMENT = Must()
