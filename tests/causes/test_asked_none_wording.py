""" "asked: none" is said of a section recorded empty; a section that holds other items says none of them fits.
Before, a record with Guillain-Barré syndrome on it read "no peripheral nerve injury in the record | asked:
none", as if no condition had been recorded."""

from __future__ import annotations

import pytest

from myoscope.causes import assess
from myoscope.record import parse_record


def _value(conditions, finding="no peripheral nerve injury in the record", cause="nerve_injury"):
    record = parse_record(
        {
            "schema_version": 1,
            "person": {"id": "w", "sex": "female", "birth_date": "1970-01-01"},
            "conditions": conditions,
        }
    )
    result = next(c for c in assess(record).causes if c.cause == cause)
    return next(e.value for e in result.evidence if e.finding == finding)


@pytest.mark.parametrize(
    ("conditions", "value"),
    [
        ([], "asked: none"),
        (
            [{"kind": "other", "name": "Guillain-Barré syndrome", "onset": "2026-06-01"}],
            "the one condition on record does not fit",
        ),
    ],
)
def test_the_value_says_what_was_recorded(conditions, value):
    assert _value(conditions) == value


def test_the_spinal_cord_injury_cause_says_the_same():
    gbs = [{"kind": "other", "name": "Guillain-Barré syndrome", "onset": "2026-06-01"}]
    finding = "no spinal cord injury and no ISNCSCI exam in the record"
    assert _value(gbs, finding, "spinal_cord_injury") == "the one condition on record does not fit"
