"""Too much of a nutrient is malnutrition too: intake above the tolerable upper level asks for a review of the
supplements (NASEM DRI tables). Before, the step could never be given (it looked for words in a number), so a
woman of 76 taking 259 ug of vitamin D, 2700 mg of calcium and 4100 ug of retinol a day was only told to raise her
protein, though her protein target could not be settled."""

from __future__ import annotations

from myoscope.causes import assess
from myoscope.record import parse_record


def _malnutrition(protein: str, condition: str | None = None):
    person = {"id": "excess", "sex": "female", "birth_date": "1950-05-05", "height": "165 cm"}
    record = {
        "schema_version": 1,
        "person": person,
        "measurements": [{"kind": "body_weight", "value": "66 kg", "date": "2026-11-01"}],
        "diet_days": [
            {
                "date": f"2026-10-{day}",
                "energy": "1900 kcal",
                "protein": protein,
                "calcium": "2700 mg",
                "vitamin_d": "259 ug",
                "vitamin_a_preformed": "4100 ug",
            }
            for day in (28, 29, 30)
        ],
    }
    result = assess(parse_record(record))
    return next(c for c in result.causes if c.cause == "malnutrition")


def test_intake_above_the_upper_level_asks_for_a_review_of_supplements():
    steps = [s.action for s in _malnutrition("76 g").next_steps]
    for label in ("calcium", "vitamin D", "preformed vitamin A (retinol)"):
        assert any(s.startswith("Review supplements") and label in s for s in steps), steps


def test_protein_is_not_raised_while_its_target_cannot_be_settled():
    steps = [s.action for s in _malnutrition("76 g").next_steps]  # 1.15 g/kg/day at 76, health not recorded
    assert not any(s.startswith("Raise protein") for s in steps), steps
