"""Whole-body inactivity when no week of activity is on record.

An activity section recorded as empty is an answer ("asked: no exercise"), and an activity level
recorded as sedentary describes a sedentary life: each makes inactivity possible (a risk factor,
WHO 2020, bull2020) while a measured week is still asked for. A missing section stays "cannot tell",
and a measured week that meets the guidance outweighs a stated level.
"""

from __future__ import annotations

from myoscope.causes import Status, assess
from myoscope.record import parse_record

ON = "2026-11-02"


def _inactivity(**extra):
    data = {
        "person": {"id": "p", "sex": "female", "birth_date": "1968-03-02", "height": "163 cm"},
        "measurements": [{"kind": "body_weight", "value": "70 kg", "date": ON}],
        **extra,
    }
    if "level" in data:
        data["person"]["activity_level"] = data.pop("level")
    result = assess(parse_record(data))
    return next(c for c in result.causes if c.cause == "inactivity_body")


def test_activity_recorded_as_empty_is_asked_none_not_cannot_tell():
    c = _inactivity(activity=[])
    assert c.status is Status.possible
    assert c.rules == ("asked-none",)
    assert any(e.value == "asked: no exercise recorded" for e in c.evidence)
    assert c.missing, "a measured week is still asked for"
    assert c.next_steps, "a graded return plan is offered"


def test_activity_not_recorded_stays_cannot_tell():
    c = _inactivity()
    assert c.status is Status.cannot_tell
    assert c.missing


def test_stated_sedentary_level_without_a_week_is_possible():
    c = _inactivity(level="sedentary")
    assert c.status is Status.possible
    assert c.rules == ("stated-sedentary",)
    assert c.summary == "No week of activity is on record, but the record points to little exercise."


def test_stated_active_level_without_a_week_cannot_tell():
    assert _inactivity(level="vigorous").status is Status.cannot_tell


def test_a_measured_week_outweighs_the_stated_level():
    week = {"week_of": "2026-10-26", "moderate_minutes": 200, "vigorous_minutes": 0, "sessions_20min": 6}
    c = _inactivity(level="sedentary", activity=[week])
    assert c.status is Status.not_supported
    assert not any(e.finding == "activity level" for e in c.evidence)


def test_activity_older_than_the_weeks_weighed_is_not_an_answer_of_none():
    week = {"week_of": "2026-05-04", "moderate_minutes": 10, "vigorous_minutes": 0, "sessions_20min": 0}
    c = _inactivity(activity=[week])
    assert c.status is Status.cannot_tell
