"""IPAQ-SF against the IPAQ scoring protocol (IPAQ Research Committee, Guidelines for Data
Processing and Analysis of the IPAQ - Short and Long Forms, revised November 2005).

Every processing rule (7.1 I-IV, 7.2, 7.3, 7.4) and category rule (5.3) is exercised with an
expected value computed by hand from the protocol's MET values (walking 3.3, moderate 4.0,
vigorous 8.0) and shown in each test; the protocol's own truncation example (reference note
instruments_muscle_nutrition_activity.md, vector F8) is reproduced.
"""

from __future__ import annotations

import pytest

from myoscope.errors import InputError
from myoscope.instruments import CANNOT_TELL
from myoscope.instruments.ipaq_sf import IpaqInput, score_answers
from myoscope.scores import get

IPAQ = get("ipaq")
NONE = {"vigorous_days": 0, "moderate_days": 0, "walking_days": 0}


def score(**answers):
    return IPAQ.score({**NONE, **answers})


def test_protocol_truncation_example_against_ipaq_2005():
    # Protocol section 7.4: walking 6 d x 10 min, moderate 1 d x 12 h.
    # untruncated: 3.3*10*6 + 4*720*1 = 198 + 2880 = 3078 -> high (7 days, >= 3000)
    # truncated:   198 + 4*180*1 = 918 -> moderate (7 days, >= 600)
    s = score(moderate_days=1, moderate_time="12 h", walking_days=6, walking_time=10)
    assert s.value == 918.0 and s.category == "moderate"
    assert s.details["untruncated"] == {"total": 3078.0, "category": "high"}


def test_reference_note_f8_vector(reference_dir):
    text = (reference_dir / "clinical" / "instruments_muscle_nutrition_activity.md").read_text(encoding="utf-8")
    assert "untruncated total 3,078 MET-min" in text and "truncated (180 min) total 918" in text


def test_met_minutes_per_item():
    # 8.0*30*3 = 720; 4.0*40*2 = 320; 3.3*20*5 = 330; total 1370
    s = score(vigorous_days=3, vigorous_time=30, moderate_days=2, moderate_time=40, walking_days=5, walking_time=20)
    assert s.details["met_min_per_week"] == {"vigorous": 720.0, "moderate": 320.0, "walking": 330.0, "total": 1370.0}
    assert s.unit == "MET-min/week"


def test_rule_7_1_i_hours_and_minutes_to_minutes():
    # 1 h 30 min = 90 min; walking 3.3*90*2 = 594
    assert score(walking_days=2, walking_hours=1, walking_minutes=30).value == 594.0
    assert score(walking_days=2, walking_time="1 h 30 min").value == 594.0


@pytest.mark.parametrize("hours", [15, 30, 45, 60, 90])
def test_rule_7_1_ii_minutes_written_in_hours_box(hours):
    # 'hours' box values 15/30/45/60/90 are read as minutes: moderate 4.0*hours*1
    s = score(moderate_days=1, moderate_hours=hours)
    assert s.details["minutes_per_day"]["moderate"] == float(hours)
    assert s.value == 4.0 * hours


def test_rule_7_1_ii_does_not_touch_other_hours():
    # 2 h = 120 min: 4.0*120 = 480
    assert score(moderate_days=1, moderate_hours=2).value == 480.0


def test_rule_7_1_ii_ambiguous_entry_cannot_tell():
    s = score(moderate_days=1, moderate_hours=30, moderate_minutes=20)
    assert s.category == CANNOT_TELL and "confirm the usual time" in s.missing[0]


def test_rule_7_1_iii_weekly_time_divided_by_7():
    # 210 min/week -> 30 min/day; walking 3.3*30*5 = 495
    s = score(walking_days=5, walking_time=210, time_reported_per="week")
    assert s.details["minutes_per_day"]["walking"] == 30.0 and s.value == 495.0


@pytest.mark.parametrize(
    "answers",
    [
        {"vigorous_days": None},
        {"moderate_days": 2, "moderate_time": None},
    ],
)
def test_rule_7_1_iv_missing_or_dont_know_excludes_case(answers):
    s = score(**answers)
    assert s.category == CANNOT_TELL and s.missing
    assert "7.1 IV" in s.details["excluded"]


def test_days_zero_skips_time_question():
    assert score().value == 0.0 and score().category == "low"


@pytest.mark.parametrize("walk, expected", [(960, "kept"), (961, "excluded")])
def test_rule_7_2_exclusion_above_960_minutes(walk, expected):
    # walking 480 + moderate 480 = 960 (kept); 481 + 480 = 961 (excluded)
    s = score(walking_days=1, walking_time=walk - 480, moderate_days=1, moderate_time=480)
    assert (s.category == CANNOT_TELL) == (expected == "excluded")
    if expected == "excluded":
        assert "7.2" in s.details["excluded"] and "re-ask" in s.missing[0]


def test_rule_7_2_is_applied_before_the_10_minute_recode():
    # protocol order 7.2 before 7.3: 955 + 9 = 964 > 960 -> excluded even though 9 min would recode to 0
    s = score(walking_days=1, walking_time=955, moderate_days=1, moderate_time=9)
    assert s.category == CANNOT_TELL


def test_days_above_seven_refused():
    with pytest.raises(InputError) as err:
        IPAQ.score({**NONE, "walking_days": 8})
    assert err.value.problems[0].field == "walking_days"


@pytest.mark.parametrize("minutes, kept_minutes, kept_days", [(9, 0.0, 0), (10, 10.0, 4)])
def test_rule_7_3_minimum_bout(minutes, kept_minutes, kept_days):
    # 9 min -> 0 min and 0 days; 10 min kept: 3.3*10*4 = 132
    s = score(walking_days=4, walking_time=minutes)
    assert s.details["minutes_per_day"]["walking"] == kept_minutes
    assert s.details["days"]["walking"] == kept_days
    assert s.value == (132.0 if minutes == 10 else 0.0)


@pytest.mark.parametrize("minutes, truncated", [(180, 180.0), (181, 180.0), (179, 179.0)])
def test_rule_7_4_truncation_at_180(minutes, truncated):
    # vigorous 8.0*truncated*1
    s = score(vigorous_days=1, vigorous_time=minutes)
    assert s.details["minutes_per_day"]["vigorous"] == truncated
    assert s.value == 8.0 * truncated


def test_rule_7_4_weekly_maximum_21_hours_per_item():
    # 7 days x 180 min = 1260 min/week: walking 3.3*1260 = 4158
    assert score(walking_days=7, walking_time="4 h").value == 4158.0


def test_high_a_vigorous_three_days_1500():
    # vigorous 3 d x 63 min: 8*63*3 = 1512 >= 1500 -> high; 62 min: 1488 -> moderate (a)
    assert score(vigorous_days=3, vigorous_time=63).category == "high"
    assert score(vigorous_days=3, vigorous_time=62).category == "moderate"


def test_high_b_seven_days_3000():
    # walking 7 d x 130 min: 3.3*130*7 = 3003 -> high; 129 min: 2979.9 -> moderate
    assert score(walking_days=7, walking_time=130).category == "high"
    assert score(walking_days=7, walking_time=129).category == "moderate"


def test_moderate_a_vigorous_three_days_20_minutes():
    # 3 d x 20 min vigorous (480 MET-min) -> moderate; 19 min -> low (only 3 days, < 5)
    assert score(vigorous_days=3, vigorous_time=20).category == "moderate"
    assert score(vigorous_days=3, vigorous_time=19).category == "low"


def test_moderate_b_five_days_30_minutes_moderate_and_walking():
    # 3 d moderate x 30 + 2 d walking x 30 -> 5 days >= 30 min (MET 360+198 = 558 < 600, so only (b))
    s = score(moderate_days=3, moderate_time=30, walking_days=2, walking_time=30)
    assert s.value == 558.0 and s.category == "moderate"
    assert score(moderate_days=3, moderate_time=30, walking_days=2, walking_time=29).category == "low"


def test_moderate_c_five_days_600():
    # vigorous 2 d x 20 (320) + walking 3 d x 29 min (287.1) = 607.1, 5 days -> moderate (c) only;
    # walking 28 min: 320 + 277.2 = 597.2 -> low
    s = score(vigorous_days=2, vigorous_time=20, walking_days=3, walking_time=29)
    assert s.value == 607.1 and s.category == "moderate"
    assert score(vigorous_days=2, vigorous_time=20, walking_days=3, walking_time=28).category == "low"


def test_sitting_reported_separately():
    s = score(walking_days=2, walking_time=30, sitting_time="8 h")
    assert s.details["sitting_minutes_per_day"] == 480.0 and s.value == 198.0


def test_age_outside_validated_range_warns():
    s = score(age=75)
    assert "15-69" in s.details["warning"]
    assert "warning" not in score(age=40).details


def test_score_answers_public_result():
    res = score_answers(IpaqInput(**NONE | {"walking_days": 3, "walking_time": 40}))
    assert res.weekly_minutes("walking") == 120.0 and res.category == "low"
