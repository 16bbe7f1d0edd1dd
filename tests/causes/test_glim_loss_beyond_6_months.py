"""GLIM's weight-loss criterion has two arms (Cederholm et al. 2019): > 5 % within 6 months, or > 10 % beyond
6 months (stage 2 above 10 % and 20 %). A weight history whose earlier weight is 6 to 12 months old
(``criteria.glim.BEYOND_6_MONTHS_SPAN``) is read as the second arm; before, only the first was derived, so a
68-year-old with cancer who lost 12.5 % over 11 months and a normal BMI was never GLIM-malnourished."""

from __future__ import annotations

import pytest

from myoscope.causes import assess
from myoscope.record import parse_record


def _glim(earlier_date: str, earlier_kg: str, latest_kg: str = "63 kg"):
    record = parse_record(
        {
            "schema_version": 1,
            "person": {"id": "beyond", "sex": "male", "birth_date": "1958-03-02", "height": "170 cm"},
            "conditions": [{"kind": "other", "name": "colorectal cancer", "onset": "2025-06-01"}],
            "measurements": [
                {"kind": "body_weight", "value": earlier_kg, "date": earlier_date},
                {"kind": "body_weight", "value": latest_kg, "date": "2026-11-20"},
            ],
        }
    )
    malnutrition = next(c for c in assess(record).causes if c.cause == "malnutrition")
    return next(e for e in malnutrition.evidence if e.finding.startswith("GLIM"))


def test_a_12_percent_loss_over_11_months_meets_the_criterion_beyond_6_months():
    glim = _glim("2025-12-20", "72 kg")  # 72 -> 63 kg: 12.5 %, BMI 21.8 (not low before 70)
    assert "malnutrition, stage 1 (moderate)" in glim.finding
    assert "non-volitional weight loss" in glim.value


def test_more_than_20_percent_beyond_6_months_is_stage_2():
    glim = _glim("2026-01-10", "80 kg")  # 80 -> 63 kg: 21 %
    assert "malnutrition, stage 2 (severe)" in glim.finding


@pytest.mark.parametrize("earlier", ["2024-11-20", "2025-10-01"])
def test_a_weight_more_than_12_months_old_is_not_read_as_this_criterion(earlier):
    """GLIM sets no upper limit; a change over more than a year is not read as 'beyond 6 months' here."""
    glim = _glim(earlier, "72 kg")
    assert "non-volitional weight loss" not in glim.value
