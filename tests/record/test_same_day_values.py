"""Several values of one kind on one day (and side) resolve to the highest, whatever order they were written in:
the rule the cohort screen documents. Before, the last one written counted, so swapping two rows turned
'no weight change' into 'weight fell 28.6 %: severe by the GLIM criteria'."""

from __future__ import annotations

import pytest

from myoscope.causes import assess
from myoscope.record import parse_record


def _record(june):
    return parse_record(
        {
            "schema_version": 1,
            "person": {"id": "same-day", "sex": "female", "birth_date": "1970-01-01", "height": "165 cm"},
            "measurements": [
                {"kind": "body_weight", "value": "70 kg", "date": "2026-01-01"},
                *({"kind": "body_weight", "value": v, "date": "2026-06-01"} for v in june),
                {"kind": "calf_circumference", "side": "left", "value": "35 cm", "date": "2026-06-01"},
                {"kind": "calf_circumference", "side": "left", "value": "36 cm", "date": "2026-06-01"},
            ],
        }
    )


@pytest.mark.parametrize("june", [("70 kg", "50 kg"), ("50 kg", "70 kg")])
def test_the_highest_value_of_a_day_counts_in_either_order(june):
    record = _record(june)
    assert [m.best for m in record.series("body_weight")] == [70.0, 70.0]
    assert [m.best for m in record.series("calf_circumference", "left")] == [36.0]
    flags = {f.code for f in assess(record).red_flags}
    assert "rapid-weight-loss" not in flags
