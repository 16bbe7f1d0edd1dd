"""A new speech or swallowing change is the warning pattern of NICE NG42 unless a recorded condition explains it.

Before, any condition name holding the word "stroke" explained it ("heat stroke" too), and so did a stroke
years before the change began: a 67-year-old with new slurred speech and choking in 2026, after a stroke in
2019 with full recovery, had no red flag and was offered stroke rehabilitation. A settled-course condition
(stroke, Guillain-Barré syndrome, intensive care) explains only symptoms that begin within 4 weeks of it
(Asbury & Cornblath 1990: Guillain-Barré syndrome reaches its worst within 4 weeks)."""

from __future__ import annotations

import pytest

from myoscope.causes import assess
from myoscope.causes._condition_table import match
from myoscope.record import parse_record


def _flags(condition: str, onset: str, speech_from: str, swallowing_from: str) -> set[str]:
    record = parse_record(
        {
            "schema_version": 1,
            "person": {"id": "bulbar", "sex": "female", "birth_date": "1959-04-04", "height": "163 cm"},
            "conditions": [{"kind": "other", "name": condition, "onset": onset}],
            "symptoms": [
                {"kind": "speech_change", "onset": speech_from},
                {"kind": "swallowing_difficulty", "onset": swallowing_from},
            ],
            "measurements": [{"kind": "body_weight", "value": "64 kg", "date": "2026-11-20"}],
        }
    )
    return {f.code for f in assess(record).red_flags}


@pytest.mark.parametrize("name", ["exertional heat stroke", "Heat stroke", "sun stroke"])
def test_heat_stroke_is_not_a_stroke(name):
    assert match(None, name) is None
    assert "bulbar_change" in _flags(name, "2019-07-02", "2026-08-01", "2026-08-20")


def test_a_stroke_and_a_heat_stroke_on_one_line_is_still_a_stroke():
    assert match(None, "heat stroke 2015, ischaemic stroke 2019").key == "stroke"


def test_a_speech_and_swallowing_change_years_after_a_recovered_stroke_is_flagged():
    assert "bulbar_change" in _flags("ischaemic stroke", "2019-03-10", "2026-08-01", "2026-08-20")


def test_a_swallowing_change_that_began_with_the_stroke_is_still_explained():
    assert "bulbar_change" not in _flags("ischaemic stroke", "2026-10-01", "2026-10-01", "2026-10-09")


def test_a_change_beginning_five_weeks_after_the_stroke_is_flagged():
    assert "bulbar_change" in _flags("ischaemic stroke", "2026-09-01", "2026-09-01", "2026-10-08")
