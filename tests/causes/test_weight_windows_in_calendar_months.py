"""Weight-change windows are whole calendar months before the latest weight (``units.months_before``).

A clinician who weighs a patient on 20 May and again on 20 November reads a loss "within the past 6 months".
Before, the windows were a mean month long (6 x 30.4375 = 183 days), so the May weight, 184 days earlier, fell
outside: a 6.7 % loss over exactly 6 months with cancer met neither GLIM arm (> 5 % within 6 months,
> 10 % beyond; Cederholm et al. 2019) and the person was not read as malnourished."""

from __future__ import annotations

import datetime as dt

import pytest

from myoscope.causes import assess
from myoscope.measures import body
from myoscope.record import parse_record
from myoscope.units import months_before


def _record(weights: list[tuple[str, str]]):
    return parse_record(
        {
            "schema_version": 1,
            "person": {"id": "months", "sex": "male", "birth_date": "1958-03-02", "height": "170 cm"},
            "conditions": [{"kind": "other", "name": "colorectal cancer", "onset": "2025-06-01"}],
            "measurements": [{"kind": "body_weight", "value": kg, "date": day} for day, kg in weights],
        }
    )


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 11, 20), 6, dt.date(2026, 5, 20)),  # 184 days
        (dt.date(2026, 11, 20), 3, dt.date(2026, 8, 20)),  # 92 days
        (dt.date(2026, 8, 31), 6, dt.date(2026, 2, 28)),  # the last day of a shorter month
        (dt.date(2024, 8, 31), 6, dt.date(2024, 2, 29)),
        (dt.date(2025, 2, 28), 12, dt.date(2024, 2, 28)),  # a year across 29 February: 366 days
        (dt.date(2026, 1, 15), 3, dt.date(2025, 10, 15)),  # into the year before
    ],
)
def test_months_before_is_the_same_day_of_the_month_or_the_last_day_of_a_shorter_month(day, months, expected):
    assert months_before(day, months) == expected


def test_a_weight_exactly_6_calendar_months_earlier_is_within_6_months():
    record = _record([("2026-05-20", "67.5 kg"), ("2026-11-20", "63 kg")])
    change = body.weight_change(record, dt.date(2026, 11, 20), 6)
    assert change is not None and change.start == dt.date(2026, 5, 20)
    assert round(change.percent, 1) == -6.7
    assert body.weight_change_beyond(record, dt.date(2026, 11, 20), 6, 12) is None


def test_a_loss_over_exactly_6_months_with_cancer_meets_the_within_6_months_arm():
    causes = assess(_record([("2026-05-20", "67.5 kg"), ("2026-11-20", "63 kg")])).causes
    malnutrition = next(c for c in causes if c.cause == "malnutrition")
    glim = next(e for e in malnutrition.evidence if e.finding.startswith("GLIM"))
    assert "malnutrition, stage 1 (moderate)" in glim.finding


def test_a_weight_a_day_more_than_6_months_earlier_is_read_beyond_6_months():
    record = _record([("2026-05-19", "67.5 kg"), ("2026-11-20", "63 kg")])
    assert body.weight_change(record, dt.date(2026, 11, 20), 6) is None
    beyond = body.weight_change_beyond(record, dt.date(2026, 11, 20), 6, 12)
    assert beyond is not None and beyond.start == dt.date(2026, 5, 19)


def test_a_weight_exactly_3_calendar_months_earlier_is_within_3_months():
    record = _record([("2026-08-20", "67.5 kg"), ("2026-11-20", "63 kg")])  # 92 days
    change = body.weight_change(record, dt.date(2026, 11, 20), 3)
    assert change is not None and change.start == dt.date(2026, 8, 20)
