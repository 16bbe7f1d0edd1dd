"""NICE CG32's history criterion of refeeding risk names drugs by class (insulin, chemotherapy, antacids,
diuretics); records name the drug. Before, a woman with BMI 18 and "heart failure treated with furosemide" (two
minor criteria: high risk) was told to eat at least her maintenance need and start a graded activity plan."""

from __future__ import annotations

import pytest

from myoscope.causes import assess
from myoscope.record import parse_record


def _flags(condition: str) -> set[str]:
    record = parse_record(
        {
            "schema_version": 1,
            "person": {"id": "drugs", "sex": "female", "birth_date": "1950-02-01", "height": "170 cm"},
            "conditions": [{"kind": "other", "name": condition, "onset": "2023-01-01"}],
            "measurements": [{"kind": "body_weight", "value": "52 kg", "date": "2026-11-20"}],  # BMI 18.0
        }
    )
    return {f.code for f in assess(record).red_flags}


@pytest.mark.parametrize(
    "condition",
    [
        "heart failure treated with furosemide",
        "oedema, on bumetanide",
        "hypertension on bendroflumethiazide",
        "type 1 diabetes mellitus",
        "indigestion, takes antacids daily",
        "heart failure on a loop diuretic",
    ],
)
def test_a_named_drug_with_a_low_bmi_is_high_refeeding_risk(condition):
    assert "refeeding-risk" in _flags(condition)


def test_a_condition_without_such_a_drug_is_one_criterion_only():
    assert "refeeding-risk" not in _flags("hypertension on amlodipine")
