"""Weight lost with ALS or a recorded swallowing problem is not "weight loss that nothing recorded explains": both
are on record and already send the person to a clinician (NICE NG42); without them the same loss keeps that flag."""

from __future__ import annotations

import datetime as dt

import pytest

from myoscope.causes import assess
from myoscope.record import parse_record


def _record(conditions: list, symptoms: list | None) -> dict:
    record = {
        "schema_version": 1,
        "person": {"id": "p", "sex": "female", "birth_date": "1974-10-10", "height": "162 cm"},
        "conditions": conditions,
        "measurements": [
            {"kind": "body_weight", "value": "64 kg", "date": "2026-05-05"},
            {"kind": "body_weight", "value": "59.5 kg", "date": "2026-11-09"},
        ],
    }
    if symptoms is not None:
        record["symptoms"] = symptoms
    return record


def _codes(record: dict) -> set[str]:
    return {f.code for f in assess(parse_record(record), dt.date(2026, 11, 9)).red_flags}


@pytest.mark.parametrize(
    ("conditions", "symptoms"),
    [
        ([{"kind": "als", "onset": "2026-02-01"}], None),
        ([], [{"kind": "swallowing_difficulty", "onset": "2026-04-01", "progressive": True}]),
    ],
)
def test_weight_loss_with_als_or_dysphagia_on_record_is_not_unaccounted(conditions, symptoms):
    assert "unaccounted-weight-loss" not in _codes(_record(conditions, symptoms))


def test_the_same_loss_with_nothing_on_record_is_unaccounted():
    assert "unaccounted-weight-loss" in _codes(_record([], []))
