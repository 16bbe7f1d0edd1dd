"""Activity-guideline adherence: WHO 2020 (Bull FC, et al. Br J Sports Med 2020;54:1451-1462),
the brief's 3 x 20 min/week, and the step mapping of Tudor-Locke C, et al. Int J Behav Nutr
Phys Act 2011;8:79. Boundary values follow the constants' sources; expected values are hand-computed.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from myoscope.criteria.activity_guidelines import BELOW, MEETS, step_index
from myoscope.errors import InputError
from myoscope.instruments import CANNOT_TELL
from myoscope.scores import get

AG = get("activity-guidelines")
MONDAY = date(2026, 3, 2)


def day(i: int) -> str:
    return (MONDAY + timedelta(days=i)).isoformat()


def session(i, minutes, intensity="moderate", kind="aerobic"):
    return {"date": day(i), "minutes": minutes, "intensity": intensity, "kind": kind}


# One person's week: brisk walks of 40 min on Mon, Wed, Fri, Sat; strength training 30 min on Tue, Thu;
# sits 9 h a day; 45 years old.
WALK_DAYS = (0, 2, 4, 5)
AS_SESSIONS = {
    "age": 45,
    "sitting": "9 h",
    "sessions": [session(i, 40) for i in WALK_DAYS] + [session(i, 30, kind="strength") for i in (1, 3)],
}
AS_IPAQ = {
    "age": 45,
    "strength_days": 2,
    "ipaq": {"vigorous_days": 0, "moderate_days": 0, "walking_days": 4, "walking_time": 40, "sitting_time": "9 h"},
}
AS_STEPS = {
    "age": 45,
    "sitting": "9 h",
    "daily_steps": [
        {
            "date": day(i),
            "steps": 9500 if i in WALK_DAYS else 4500,
            "brisk_minutes": 40 if i in WALK_DAYS else 0,
            "longest_brisk_bout": 40 if i in WALK_DAYS else 0,
        }
        for i in range(7)
    ],
}


def test_same_week_three_ways_gives_consistent_adherence():
    results = {name: AG.score(raw) for name, raw in (("sessions", AS_SESSIONS), ("ipaq", AS_IPAQ), ("steps", AS_STEPS))}
    aerobic = {name: s.value for name, s in results.items()}
    assert aerobic == {"sessions": 160.0, "ipaq": 160.0, "steps": 160.0}  # 4 x 40 min moderate
    for s in results.values():
        crit = {c.name: c.met for c in s.criteria}
        assert crit["WHO aerobic"] is True and crit["brief 3 x 20 min"] is True
        assert crit["WHO aerobic upper range"] is False
    assert results["sessions"].category == MEETS and results["ipaq"].category == MEETS
    # steps cannot see strength training: cannot tell, and says what to record
    assert results["steps"].category == CANNOT_TELL
    assert any("muscle-strengthening" in m for m in results["steps"].missing)


def test_all_sources_together_report_no_disagreement():
    merged = {**AS_SESSIONS, "ipaq": AS_IPAQ["ipaq"], "daily_steps": AS_STEPS["daily_steps"], "strength_days": 2}
    s = AG.score(merged)
    assert s.details["primary_source"] == "sessions"
    assert set(s.details["sources"]) == {"sessions", "ipaq", "steps"}
    assert s.details["disagreements"] == []


@pytest.mark.parametrize("minutes, met", [(149, False), (150, True)])
def test_aerobic_boundary_150(minutes, met):
    s = AG.score(
        {
            "age": 40,
            "sitting": "6 h",
            "sessions": [session(0, minutes), session(1, 30, kind="strength"), session(2, 30, kind="strength")],
        }
    )
    assert s.value == float(minutes) and (s.category == MEETS) is met
    assert s.category == (MEETS if met else BELOW)


@pytest.mark.parametrize("minutes, met", [(74, False), (75, True)])
def test_vigorous_counts_double(minutes, met):
    # 75 vigorous minutes = 150 moderate-equivalent (WHO 2020: 150 moderate ~ 75 vigorous)
    s = AG.score({"age": 40, "sessions": [session(0, minutes, "vigorous")]})
    assert s.value == 2.0 * minutes
    assert {c.name: c.met for c in s.criteria}["WHO aerobic"] is met


def test_light_sessions_do_not_count():
    s = AG.score({"age": 40, "sessions": [session(i, 60, "light") for i in range(5)]})
    assert s.value == 0.0 and {c.name: c.met for c in s.criteria}["brief 3 x 20 min"] is False


@pytest.mark.parametrize("days, met", [(1, False), (2, True)])
def test_strength_days_boundary(days, met):
    s = AG.score({"age": 40, "sessions": [session(i, 30, kind="strength") for i in range(days)]})
    assert {c.name: c.met for c in s.criteria}["WHO muscle-strengthening"] is met


@pytest.mark.parametrize("count, minutes, met", [(3, 20, True), (3, 19, False), (2, 30, False)])
def test_brief_3x20_boundary(count, minutes, met):
    s = AG.score({"age": 40, "sessions": [session(i, minutes) for i in range(count)]})
    assert {c.name: c.met for c in s.criteria}["brief 3 x 20 min"] is met


@pytest.mark.parametrize("age, applies", [(64, False), (65, True)])
def test_balance_applies_from_65(age, applies):
    s = AG.score({"age": age, "sessions": [session(i, 30, kind="balance") for i in range(3)]})
    names = {c.name: c.met for c in s.criteria}
    assert ("WHO balance/multicomponent (65+)" in names) is applies
    if applies:
        assert names["WHO balance/multicomponent (65+)"] is True


def test_balance_needs_age():
    s = AG.score({"sessions": [session(0, 30)]})
    assert any("age" in m for m in s.missing)


@pytest.mark.parametrize("steps, met", [(7999, None), (8000, True)])
def test_steps_without_cadence(steps, met):
    s = AG.score({"age": 40, "daily_steps": [{"date": day(i), "steps": steps} for i in range(7)]})
    assert {c.name: c.met for c in s.criteria}["WHO aerobic"] is met
    assert any("100 steps/min" in m for m in s.missing)


@pytest.mark.parametrize(
    "steps, label",
    [(4999, "sedentary"), (5000, "low active"), (7500, "somewhat active"), (10000, "active"), (12500, "highly active")],
)
def test_step_index_boundaries(steps, label):
    assert step_index(steps) == label


def test_ipaq_source_excluded_case_cannot_tell():
    s = AG.score({"age": 40, "ipaq": {"vigorous_days": 1}})
    assert s.category == CANNOT_TELL and s.missing


def test_no_source_cannot_tell():
    s = AG.score({"age": 40})
    assert s.category == CANNOT_TELL and "activity record" in s.missing[0]


def test_bad_session_refused():
    with pytest.raises(InputError) as err:
        AG.score({"sessions": [{"date": day(0), "minutes": 30, "intensity": "hard", "kind": "aerobic"}]})
    assert "intensity" in err.value.problems[0].field
