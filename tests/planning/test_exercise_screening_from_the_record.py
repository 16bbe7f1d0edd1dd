"""The ACSM pre-participation screen (Riebe 2015) and falls (World Falls Guidelines 2022) read from the record.

Known heart, metabolic or kidney disease and the screen's symptoms (breathlessness, swelling of both ankles)
come from the conditions and symptoms sections; sections recorded as empty answer "none"; a recorded fall asks
for a falls assessment and puts balance work into the plan at any age.
"""

from __future__ import annotations

from myoscope.causes import assess
from myoscope.causes._types import StepKind
from myoscope.planning import person_plan
from myoscope.record import parse_record

WEEK = {"week_of": "2026-11-23", "moderate_minutes": 20, "vigorous_minutes": 0, "sessions_20min": 1}


def _record(conditions=None, symptoms=None, birth="1971-05-05"):
    data = {
        "person": {"id": "p", "sex": "male", "birth_date": birth, "height": "176 cm"},
        "measurements": [{"kind": "body_weight", "value": "80 kg", "date": "2026-11-30"}],
        "activity": [WEEK],
    }
    if conditions is not None:
        data["conditions"] = conditions
    if symptoms is not None:
        data["symptoms"] = symptoms
    return parse_record(data)


def _clearance(record):
    return person_plan(record).plan.clearance


def test_heart_failure_with_breathlessness_recommends_clearance_before_starting():
    record = _record([{"kind": "other", "name": "heart failure", "snomed": "84114007"}], [{"kind": "breathlessness"}])
    clearance = _clearance(record)
    assert clearance.status == "recommended before starting"
    assert clearance.reason == "signs or symptoms reported"


def test_known_disease_without_symptoms_and_not_exercising_regularly_recommends_clearance():
    for name in ("type 2 diabetes", "chronic kidney disease stage 3", "stroke in 2024"):
        clearance = _clearance(_record([{"kind": "other", "name": name}], []))
        assert (clearance.status, clearance.reason) == (
            "recommended before starting",
            "known disease and not exercising regularly",
        ), name


def test_sections_recorded_as_empty_answer_the_screen():
    clearance = _clearance(_record([], []))
    assert clearance.status == "not necessary"
    steps = [s.action for c in assess(_record([], [])).causes for s in c.next_steps]
    assert not [a for a in steps if a.startswith("Medical clearance")], "no step to say clearance is not needed"


def test_unasked_sections_leave_the_screen_open():
    assert _clearance(_record()).status == "cannot tell"


def test_one_swollen_leg_is_not_the_screens_ankle_swelling():
    """One swollen calf is a possible clot (a red flag of its own), not the screen's oedema of both ankles."""
    one = _clearance(_record([], [{"kind": "swelling", "site": "calf", "side": "left"}]))
    both = _clearance(_record([], [{"kind": "swelling", "site": "ankles", "side": "both"}]))
    assert one.reason != "signs or symptoms reported"
    assert both.reason == "signs or symptoms reported"


def test_a_recorded_fall_asks_for_a_falls_assessment_and_balance_work_at_any_age():
    record = _record([], [{"kind": "falls", "onset": "2026-11-01"}], birth="1980-01-01")
    plan = person_plan(record).plan
    assert plan.target["balance_days"] == 3
    assert any(w.balance_days > 0 for w in plan.weeks)
    assert any(f.startswith("Falls recorded: a multifactorial falls risk assessment first") for f in plan.flags)
    steps = [s for c in (assess(record).atrophy, *assess(record).causes) for s in c.next_steps]
    falls = [s for s in steps if s.citation == "montero2022_falls"]
    assert falls and falls[0].kind is StepKind.referral
    without = person_plan(_record([], [], birth="1980-01-01")).plan
    assert without.target["balance_days"] == 0
