"""A red flag that needs a clinician now holds every piece of exercise advice, in the assessment as in the
plan (which already waited for the visit) and in the projection's training scenario. Before, a 67-year-old
with progressive painless weakness, swallowing and speech change was told in the assessment to start
muscle-strengthening activity and a 3-session plan, while `myoscope plan` withheld that plan."""

from __future__ import annotations

import pytest

from myoscope.causes import StepKind, Urgency, assess
from myoscope.causes.safety import intake_guard
from myoscope.physiology.scenarios import IntakeGuard
from myoscope.planning import person_plan
from myoscope.record import parse_record

EXERCISE = (StepKind.activity_plan, StepKind.keep_active, StepKind.limb_retraining)


@pytest.fixture(scope="module")
def record():
    return parse_record(
        {
            "schema_version": 1,
            "person": {"id": "bulbar", "sex": "female", "birth_date": "1959-05-02", "height": "160 cm"},
            "conditions": [],
            "symptoms": [
                {"kind": "weakness", "onset": "2026-08-15", "progressive": True, "painless": True, "side": "both"},
                {"kind": "swallowing_difficulty", "onset": "2026-10-01"},
                {"kind": "speech_change", "onset": "2026-10-05"},
            ],
            "measurements": [
                {"kind": "body_weight", "value": "66 kg", "date": "2026-08-20"},
                {"kind": "body_weight", "value": "61.5 kg", "date": "2026-11-02"},
            ],
            "activity": [{"week_of": "2026-10-26", "moderate_minutes": 30, "vigorous_minutes": 0, "sessions_20min": 1}],
        }
    )


def test_no_exercise_advice_before_the_urgent_visit(record):
    a = assess(record)
    assert any(f.urgency is Urgency.urgent for f in a.red_flags)
    steps = [s for c in (a.atrophy, *a.causes) for s in c.next_steps]
    assert not [s for s in steps if s.kind in EXERCISE]
    held = {s.action for s in steps if s.action == "See a clinician now, before starting or changing exercise"}
    assert held
    assert person_plan(record).hold.action == "See a clinician now, before starting or changing exercise"


def test_the_training_scenario_waits_for_the_visit_too(record):
    assert IntakeGuard.urgent in intake_guard(record, record.latest_date())
