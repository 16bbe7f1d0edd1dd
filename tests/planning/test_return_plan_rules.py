"""Graded return plan: targets from WHO 2020 (Bull 2020) and the ACSM position stand (Garber 2011),
medical clearance from the ACSM 2015 pre-participation algorithm (Riebe D, et al. Med Sci Sports
Exerc 2015;47(11):2473-2479), each branch of the algorithm tested.
"""

from __future__ import annotations

import pytest

from myoscope.criteria.return_plan import (
    CLEARANCE_BEFORE_VIGOROUS,
    CLEARANCE_NOT_NEEDED,
    CLEARANCE_RECOMMENDED,
    CLEARANCE_STOP,
)
from myoscope.errors import InputError
from myoscope.planning import medical_clearance, return_plan


@pytest.mark.parametrize(
    "regular, disease, symptoms, intensity, expected",
    [
        (False, [], False, "moderate", CLEARANCE_NOT_NEEDED),
        (False, ["metabolic"], False, "moderate", CLEARANCE_RECOMMENDED),
        (False, [], True, "moderate", CLEARANCE_RECOMMENDED),
        (True, [], False, "vigorous", CLEARANCE_NOT_NEEDED),
        (True, ["cardiovascular"], False, "moderate", CLEARANCE_BEFORE_VIGOROUS),
        (True, ["renal"], False, "vigorous", CLEARANCE_RECOMMENDED),
        (True, [], True, "moderate", CLEARANCE_STOP),
    ],
)
def test_acsm_2015_branches(regular, disease, symptoms, intensity, expected):
    assert medical_clearance(regular, disease, symptoms, intensity).status == expected


def test_unanswered_screening_cannot_tell_and_says_what_to_ask():
    c = medical_clearance(None, None, None)
    assert c.status == "cannot tell" and len(c.missing) == 3 and c.advised is None


def test_inactive_start_is_slow_and_reaches_who_target():
    p = return_plan(current_minutes=0, current_sessions=0, age=40, known_disease=[], symptoms=False)
    first, last = p.weeks[0], p.weeks[-1]
    assert first.sessions == 3 and first.minutes_per_session == 10.0 and first.intensity == "light to moderate"
    assert last.weekly_minutes >= 150 and last.strength_days == 2 and last.sessions == 5
    totals = [w.weekly_minutes for w in p.weeks]
    assert totals == sorted(totals)
    assert p.clearance.status == CLEARANCE_NOT_NEEDED and not p.cautious


def test_start_never_above_current_level():
    p = return_plan(current_minutes=60, current_sessions=2, known_disease=[], symptoms=False)
    assert p.weeks[0].weekly_minutes == 60.0


def test_cautious_plan_uses_small_steps_every_two_weeks():
    p = return_plan(
        current_minutes=0,
        current_sessions=0,
        age=70,
        known_disease=[],
        symptoms=False,
        weakness=True,
        recent_immobilisation_days="6 weeks",
        immobilised_site="left forearm",
    )
    minutes = [w.minutes_per_session for w in p.weeks[:6]]
    assert minutes == [5.0, 5.0, 10.0, 10.0, 15.0, 15.0]
    assert p.cautious and p.weeks[-1].balance_days == 3 and p.target["balance_days"] == 3
    assert any("left forearm" in f for f in p.flags) and any("65 or over" in f for f in p.flags)


def test_clearance_flag_and_neuro_condition():
    p = return_plan(
        current_minutes=0, current_sessions=0, known_disease=["cardiovascular"], symptoms=False, conditions=["ms"]
    )
    assert p.clearance.status == CLEARANCE_RECOMMENDED
    assert any(f.startswith("Medical clearance") for f in p.flags)
    assert any("treating team" in f for f in p.flags)


def test_already_active_is_kept():
    p = return_plan(
        current_minutes=200, current_sessions=5, regular_exercise_3_months=True, known_disease=[], symptoms=False
    )
    assert p.weeks[0].weekly_minutes == 200.0


def test_rules_are_cited_and_unverified_step_reported():
    p = return_plan(current_minutes=30, current_sessions=1).to_json()
    assert {r["citation"] for r in p["rules"]} >= {"bull2020", "garber2011", "riebe2015"}
    assert p["unverified"] and p["clearance"]["status"] == "cannot tell"


def test_bad_input_refused():
    with pytest.raises(InputError) as err:
        return_plan(current_minutes="20200 min", current_sessions=1)  # above twice the minutes of a week
    assert err.value.problems[0].field == "current_minutes"


def test_a_week_of_much_vigorous_activity_is_planned_not_refused():
    """Moderate-equivalent minutes count vigorous minutes twice, so a validated week (up to 5,040 moderate and
    5,040 vigorous minutes) may exceed the 10,080 minutes of a week; the plan takes it as it is."""
    from myoscope.record import Record

    plan = return_plan(current_minutes=10082.0, current_sessions=0)
    assert plan.weeks  # planned, not refused
    record = Record.model_validate(
        {
            "person": {"id": "busy", "sex": "female", "birth_date": "1980-01-01"},
            "activity": [{"week_of": "2026-03-02", "moderate_minutes": 5040, "vigorous_minutes": 5040}],
        }
    )
    from myoscope.planning import person_plan

    assert person_plan(record, on=__import__("datetime").date(2026, 3, 8)).minutes == pytest.approx(15120)
    with pytest.raises(InputError, match="current_minutes"):
        return_plan(current_minutes=20161.0, current_sessions=0)


def test_an_active_person_keeps_the_current_level_in_whole_minutes():
    """750 minutes over 7 sessions a week read '107.143 minutes each' before."""
    p = return_plan(current_minutes=750, current_sessions=7, age=30, known_disease=[], symptoms=False)
    assert {w.minutes_per_session for w in p.weeks} == {107.0}


def test_an_undecided_clearance_says_what_decides_it():
    """'Medical clearance: cannot tell (screening questions unanswered)' read like a status code."""
    p = return_plan(current_minutes=0, current_sessions=0)
    assert p.clearance.status == "cannot tell"  # the category, as the JSON gives it
    flag = next(f for f in p.flags if f.startswith("Medical clearance"))
    assert flag.startswith("Medical clearance: to be decided: ask the screening questions first: ask ")
