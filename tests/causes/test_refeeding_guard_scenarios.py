"""The projection holds what the assessment holds: after more than 5 days of little intake (or little intake of
unrecorded duration) no scenario raises intake at once (the assessment advises building it up from half the need)."""

from __future__ import annotations

from myoscope.causes.safety import intake_guard
from myoscope.physiology.scenarios import IntakeGuard
from myoscope.record import parse_record


def _record(**sections):
    return parse_record(
        {
            "schema_version": 1,
            "person": {"id": "g", "sex": "female", "birth_date": "1980-01-01", "height": "165 cm"},
            "measurements": [
                {"kind": "body_weight", "value": "66 kg", "date": "2026-10-01"},
                {"kind": "body_weight", "value": "64 kg", "date": "2026-11-08"},
            ],
            **sections,
        }
    )


def test_little_intake_holds_the_scenarios_that_raise_it():
    record = _record(diet_days=[{"date": "2026-11-08", "energy": "600 kcal", "protein": "20 g"}])
    assert IntakeGuard.little_intake in intake_guard(record, record.latest_date())


def test_an_urgent_flag_raised_by_a_later_cause_holds_training_in_the_assessments_chart():
    """Numb feet and falls with a recorded B12 deficiency (an urgent flag of the malnutrition cause, assessed after
    the calorie-deficit cause that draws the scenario chart): `simulate` and `plan` held training, the
    assessment's own chart still drew it."""
    from myoscope.causes import assess

    record = parse_record(
        {
            "schema_version": 1,
            "person": {"id": "b12", "sex": "male", "birth_date": "1960-03-02", "height": "178 cm"},
            "conditions": [{"kind": "other", "name": "Vitamin B12 deficiency"}],
            "symptoms": [{"kind": "numbness", "site": "feet"}, {"kind": "falls"}],
            "measurements": [
                {"kind": "body_weight", "value": "80 kg", "date": "2026-05-04"},
                {"kind": "body_weight", "value": "76 kg", "date": "2026-11-02"},
            ],
            "diet_days": [{"date": "2026-10-28", "energy": "1500 kcal", "protein": "60 g"}],
        }
    )
    deficit = next(c for c in assess(record).causes if c.cause == "calorie_deficit")
    labels = [s.label for chart in deficit.charts for s in chart.series]
    assert "current intake and activity" in labels  # the chart is drawn ...
    assert not any(label.startswith("resistance training") for label in labels)  # ... without training
