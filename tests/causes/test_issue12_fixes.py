"""One test for each thing that went wrong on realistic records, named for the source that says what is
right. Records are small and built here; the vignettes cover the same ground on fuller records."""

from __future__ import annotations

import datetime as dt

from myoscope.causes import Status, Urgency, assess
from myoscope.causes._types import Basis, StepKind
from myoscope.causes.analysis import rank_key
from myoscope.criteria.activity_guidelines import Session, adherence_from_sessions
from myoscope.record import parse_record
from myoscope.references import get as ref
from myoscope.scores import get


def _assess(**sections):
    data = {"person": {"id": "t", "sex": "male", "birth_date": "1965-01-01", "height": "178 cm"}, **sections}
    return assess(parse_record(data))


def _causes(a):
    return {c.cause: c for c in (a.atrophy, *a.causes)}


def _m(kind, value, date, side=None, **extra):
    out = {"kind": kind, "value": value, "date": date, **extra}
    return out | ({"side": side} if side else {})


# 1. Ranking -------------------------------------------------------------------------------------------


def test_urgent_motor_pattern_outranks_likely_calorie_deficit_nice_ng42():
    a = _assess(
        symptoms=[
            {"kind": "weakness", "progressive": True, "painless": True, "onset": "2026-06-01"},
            {"kind": "fasciculations", "onset": "2026-07-01"},
            {"kind": "swallowing_difficulty", "onset": "2026-09-01"},
        ],
        measurements=[
            _m("body_weight", "82 kg", "2026-06-01"),
            _m("body_weight", "75 kg", "2026-11-02"),
            _m("grip_strength", "31 kg", "2026-06-01", "right"),
            _m("grip_strength", "20 kg", "2026-11-02", "right"),
        ],
        diet_days=[{"date": f"2026-10-{d}", "energy": "1300 kcal"} for d in (29, 30, 31)],
    )
    assert _causes(a)["calorie_deficit"].status is Status.likely
    assert a.leading.cause == "als" and a.differential[1].cause == "calorie_deficit"


def test_recorded_condition_outranks_a_lifestyle_factor_cruzjentoft2019():
    from myoscope.causes import CauseAssessment, Reversibility

    condition = CauseAssessment(
        "other_conditions",
        "x",
        Status.possible,
        "",
        basis=Basis.recorded_condition,
        reversibility=Reversibility.underlying,
    )
    lifestyle = CauseAssessment(
        "inactivity_body", "y", Status.likely, "", basis=Basis.risk_factor, reversibility=Reversibility.modifiable
    )
    assert rank_key(condition) < rank_key(lifestyle)


def test_no_leading_cause_when_muscle_loss_is_not_supported_teslaa2011():
    a = _assess(
        measurements=[
            _m("mid_thigh_circumference", "52 cm", "2026-05-04", "left"),
            _m("mid_thigh_circumference", "52.3 cm", "2026-05-04", "right"),
            _m("mid_thigh_circumference", "51.8 cm", "2026-11-02", "left"),
            _m("mid_thigh_circumference", "52.2 cm", "2026-11-02", "right"),
        ],
        activity=[{"week_of": "2026-10-26", "moderate_minutes": 0, "vigorous_minutes": 0, "sessions_20min": 0}],
    )
    assert a.atrophy.status is Status.not_supported
    assert _causes(a)["inactivity_body"].status is Status.likely
    assert a.leading is None
    assert any(s.kind is StepKind.measure and "4-8 weeks" in s.action for s in a.atrophy.next_steps)


# 2. The finding -----------------------------------------------------------------------------------------


def test_stable_dominant_arm_difference_is_not_loss_teslaa2011():
    a = _assess(
        measurements=[
            _m("forearm_circumference", "29.6 cm", "2025-11-03", "right"),
            _m("forearm_circumference", "27.2 cm", "2025-11-03", "left"),
            _m("forearm_circumference", "29.8 cm", "2026-11-02", "right"),
            _m("forearm_circumference", "27.3 cm", "2026-11-02", "left"),
        ]
    )
    assert a.atrophy.status is Status.not_supported
    assert a.atrophy.rules == ("stable-asymmetry",)


def test_a_calf_that_grew_is_swelling_not_atrophy_wells1997():
    a = _assess(
        measurements=[
            _m("calf_circumference", "36 cm", "2026-06-01", "left"),
            _m("calf_circumference", "36.2 cm", "2026-06-01", "right"),
            _m("calf_circumference", "36.1 cm", "2026-11-01", "left"),
            _m("calf_circumference", "40.3 cm", "2026-11-01", "right"),
        ]
    )
    assert a.atrophy.status is Status.cannot_tell and a.atrophy.rules == ("swelling-not-loss",)
    assert any(f.code == "calf-swelling" for f in a.red_flags)


def test_grip_is_judged_per_hand_and_its_fall_counts_bohannon2019():
    falling = _assess(
        measurements=[
            _m("grip_strength", "31 kg", "2026-05-04", "right"),
            _m("grip_strength", "20 kg", "2026-11-02", "right"),
            _m("grip_strength", "40 kg", "2026-11-02", "left"),
        ]
    )
    assert falling.atrophy.status is Status.possible and "grip-fell" in falling.atrophy.rules
    data = {
        "person": {"id": "cast", "sex": "female", "age": 58},
        "measurements": [
            _m("grip_strength", "15.5 kg", "2026-10-27", "left"),
            _m("grip_strength", "27 kg", "2026-10-27", "right"),
        ],
    }
    weak_hand = assess(parse_record(data))
    assert weak_hand.atrophy.status is Status.possible  # the strong right hand does not hide the weak left
    assert get("grip").score({"sex": "female", "left_1": 15.5, "right_1": 27}).category != "low"  # best hand only


# 3. Conditions outside the eight --------------------------------------------------------------------------


def test_recorded_stroke_with_one_sided_weakness_leads_scherbakov2011():
    a = _assess(
        conditions=[{"kind": "other", "name": "stroke", "side": "left", "onset": "2026-07-01"}],
        symptoms=[{"kind": "weakness", "side": "left", "onset": "2026-07-01"}],
        measurements=[
            _m("calf_circumference", "32 cm", "2026-11-02", "left"),
            _m("calf_circumference", "34.3 cm", "2026-11-02", "right"),
        ],
        activity=[{"week_of": "2026-10-26", "moderate_minutes": 0, "sessions_20min": 0}],
    )
    assert a.leading.cause == "other_conditions"
    assert _causes(a)["other_conditions"].status is Status.likely


def test_unknown_condition_is_shown_on_record_not_weighed_cruzjentoft2019():
    a = _assess(conditions=[{"kind": "other", "name": "hidradenitis suppurativa"}])
    other = _causes(a)["other_conditions"]
    assert other.status is Status.cannot_tell
    assert any("on record, not weighed" in e.finding for e in other.evidence)
    assert other.tables and other.tables[0].rows[0][2] == "on record, not weighed"


def test_condition_matched_by_snomed_code_fearon2011():
    a = _assess(
        conditions=[{"kind": "other", "name": "NSCLC", "snomed": "363346000"}],
        measurements=[_m("body_weight", "76 kg", "2026-07-06"), _m("body_weight", "69 kg", "2026-11-02")],
    )
    assert _causes(a)["other_conditions"].status is Status.likely


def test_weight_loss_with_adequate_intake_is_a_red_flag_evans2008():
    a = _assess(
        conditions=[],
        measurements=[_m("body_weight", "78 kg", "2026-05-04"), _m("body_weight", "72.5 kg", "2026-11-02")],
        diet_days=[{"date": f"2026-10-{d}", "energy": "2500 kcal"} for d in (29, 30, 31)],
    )
    assert any(f.code == "unexplained-weight-loss" for f in a.red_flags)


# 4. Unsafe advice -------------------------------------------------------------------------------------


def _kinds(a):
    return {s.kind for c in (a.atrophy, *a.causes) for s in c.next_steps}


def test_refeeding_risk_blocks_energy_targets_nice_cg32():
    data = {
        "person": {"id": "r", "sex": "female", "age": 20, "height": "165 cm"},
        "measurements": [_m("body_weight", "50.3 kg", "2026-07-06"), _m("body_weight", "43.6 kg", "2026-11-02")],
        "diet_days": [{"date": f"2026-10-{d}", "energy": "600 kcal"} for d in (24, 27, 30)],
    }
    a = assess(parse_record(data))
    assert any(f.code == "refeeding-risk" for f in a.red_flags)
    assert StepKind.energy_target not in _kinds(a) and StepKind.keep_active not in _kinds(a)
    assert StepKind.safety in _kinds(a)


def _losing(kcal, days=(28, 29, 30)):
    """A 38-year-old woman who lost 11.4 % in 3 months (one NICE CG32 minor refeeding criterion), eating ``kcal``."""
    data = {
        "person": {"id": "m", "sex": "female", "age": 38, "height": "168 cm", "activity_level": "sedentary"},
        "measurements": [_m("body_weight", "74 kg", "2026-08-03"), _m("body_weight", "65.6 kg", "2026-11-02")],
        "diet_days": [{"date": f"2026-10-{d}", "energy": f"{kcal} kcal", "protein": "40 g"} for d in days],
    }
    return assess(parse_record(data))


def test_malnourished_person_never_gets_intake_below_maintenance_nice_cg32():
    a = _losing(1200)  # below maintenance, but not 'little' (more than half the need)
    targets = [s for c in a.causes for s in c.next_steps if s.kind is StepKind.energy_target]
    need = 10 * 65.6 + 6.25 * 168 - 5 * 38 - 161  # Mifflin-St Jeor resting, times the lowest sedentary PAL
    assert targets and all(s.value >= need * 1.4 - 1 for s in targets)


def test_little_intake_with_one_minor_criterion_asks_its_duration_before_any_raise_nice_cg32():
    """900 kcal/day on 3 recorded days after an 11.4 % loss: more than 5 days of little intake would be the second
    minor criterion (high risk), so no intake target is given until the duration is known (before, 'eat at least
    your maintenance need' was advised)."""
    a = _losing(900)
    steps = [s for c in a.causes for s in c.next_steps]
    assert not [s for s in steps if s.kind in (StepKind.energy_target, StepKind.protein_target)]
    ask = [s for s in steps if s.action.startswith("Ask how long intake has been this low")]
    assert ask and "weight loss 11.4 % (above 10 %)" in ask[0].why


def test_more_than_5_days_of_little_intake_builds_up_from_half_the_need_nice_cg32():
    """Seven days of about 600 kcal with no other criterion (normal BMI, one weight): not high risk, but NICE CG32
    starts such a person at no more than half the need for 2 days; 'eat at least maintenance' was advised."""
    data = {
        "person": {"id": "s", "sex": "male", "age": 50, "height": "180 cm", "activity_level": "sedentary"},
        "measurements": [_m("body_weight", "66 kg", "2026-10-07")],
        "diet_days": [{"date": f"2026-10-0{d}", "energy": "600 kcal", "protein": "22 g"} for d in range(1, 8)],
    }
    a = assess(parse_record(data))
    steps = [s for c in a.causes for s in c.next_steps]
    assert not [s for s in steps if s.kind in (StepKind.energy_target, StepKind.protein_target)]
    build = next(s for s in steps if s.action.startswith("Build eating back up"))
    assert "no more than 50% of the need for the first 2 days" in build.action
    assert build.why == "little or no intake for 7 days" and build.citation == "nice_cg32"
    assert not any(f.code == "refeeding-risk" for f in a.red_flags)


def test_refeeding_advice_names_thiamine_nice_cg32():
    a = _losing(600, days=range(20, 31))  # 11 days of little intake: a major criterion
    (step,) = {s.action for c in a.causes for s in c.next_steps if s.action.startswith("Do not raise intake")}
    assert "thiamine and other B vitamins before feeding and through its first 10 days" in step


def test_dysphagia_puts_a_swallowing_assessment_first_nice_cg32():
    a = _assess(
        symptoms=[{"kind": "swallowing_difficulty", "onset": "2026-09-01"}],
        measurements=[_m("body_weight", "61 kg", "2026-08-03"), _m("body_weight", "57 kg", "2026-11-02")],
        diet_days=[{"date": f"2026-10-{d}", "energy": "1200 kcal"} for d in (29, 30, 31)],
    )
    assert a.atrophy.next_steps[0].kind is StepKind.safety and "Swallowing" in a.atrophy.next_steps[0].action
    assert StepKind.energy_target not in _kinds(a)


def test_limb_still_in_a_cast_gets_no_whole_body_plan_wall2014():
    a = _assess(
        episodes=[
            {"kind": "immobilisation", "limb": "forearm", "side": "right", "start": "2026-10-12", "device": "cast"}
        ],
        measurements=[
            _m("forearm_circumference", "27.5 cm", "2026-11-02", "left"),
            _m("forearm_circumference", "25 cm", "2026-11-02", "right"),
        ],
        activity=[{"week_of": "2026-10-26", "moderate_minutes": 300, "sessions_20min": 5}],
    )
    assert StepKind.activity_plan not in _kinds(a)
    assert any("While the forearm is immobilised" in s.action for c in a.causes for s in c.next_steps)


def test_glim_in_obesity_on_a_diet_is_framed_as_a_diet_who_bmi2000():
    data = {
        "person": {"id": "o", "sex": "female", "age": 47, "height": "165 cm", "activity_level": "sedentary"},
        "measurements": [_m("body_weight", "98 kg", "2026-07-06"), _m("body_weight", "86.2 kg", "2026-11-02")],
        "diet_days": [{"date": f"2026-10-{d}", "energy": "800 kcal", "protein": "70 g"} for d in (29, 30, 31)],
    }
    a = assess(parse_record(data))
    mal = _causes(a)["malnutrition"]
    assert mal.status is Status.possible and mal.rules == ("glim-in-obesity",)


# 5. "Not supported" without data ----------------------------------------------------------------------


def test_age_and_sex_only_is_cannot_tell_everywhere_cruzjentoft2019():
    a = assess(parse_record({"person": {"id": "e", "sex": "female", "age": 70}}))
    assert {c.status for c in (a.atrophy, *a.causes)} == {Status.cannot_tell}


def test_no_girths_is_not_no_muscle_loss_teslaa2011():
    a = _assess(measurements=[_m("grip_strength", "40 kg", "2026-11-02", "right")])
    assert a.atrophy.status is Status.cannot_tell


def test_sections_recorded_empty_mean_asked_none_cruzjentoft2019():
    a = _assess(conditions=[], symptoms=[], episodes=[])
    c = _causes(a)
    for name in (
        "spinal_cord_injury",
        "nerve_injury",
        "als",
        "multiple_sclerosis",
        "other_conditions",
        "inactivity_limb",
    ):
        assert c[name].status is Status.not_supported, name


# 6. Missed links --------------------------------------------------------------------------------------


def test_low_b12_intake_is_linked_to_numb_feet_stabler2013():
    a = _assess(
        symptoms=[{"kind": "numbness", "site": "feet", "onset": "2026-05-01"}],
        diet_days=[{"date": f"2026-10-{d}", "energy": "1800 kcal", "vitamin_b12": "0.3 ug"} for d in (29, 30, 31)],
    )
    assert any(f.code == "b12-neuropathy" for f in a.red_flags)


def test_numb_feet_with_a_recorded_b12_deficiency_go_to_its_doctor_not_a_new_test_stabler2013():
    """A deficiency already on record: the advice is its treatment review, not 'ask for a blood test'; with a
    balance problem too (the spinal cord may be involved) the visit is not put off."""
    a = _assess(
        conditions=[{"kind": "other", "name": "pernicious anaemia (vitamin B12 deficiency)", "onset": "2025-01-01"}],
        symptoms=[{"kind": "numbness", "site": "feet", "onset": "2026-05-01"}],
    )
    (flag,) = [f for f in a.red_flags if f.code == "b12-neuropathy"]
    assert flag.urgency is Urgency.soon and "test" not in flag.advice
    steps = {s.action for c in a.causes for s in c.next_steps}
    assert "Review of the vitamin B12 treatment with the doctor (nerve symptoms are present)" in steps
    assert "Ask a doctor to check blood vitamin B12" not in steps
    unsteady = _assess(
        conditions=[{"kind": "other", "name": "vitamin B12 deficiency", "onset": "2025-01-01"}],
        symptoms=[
            {"kind": "numbness", "site": "feet", "onset": "2026-05-01"},
            {"kind": "balance_problem", "onset": "2026-08-01"},
        ],
    )
    (flag,) = [f for f in unsteady.red_flags if f.code == "b12-neuropathy"]
    assert flag.urgency is Urgency.urgent and "without delay" in flag.advice


def test_pain_and_numbness_count_against_a_motor_neurone_pattern_nice_ng42():
    a = _assess(
        symptoms=[
            {"kind": "weakness", "progressive": True, "painless": False, "onset": "2026-07-01"},
            {"kind": "numbness", "onset": "2026-06-01"},
        ]
    )
    als = _causes(a)["als"]
    assert als.status is Status.not_supported and als.rules == ("sensory-or-painful-weakness",)
    assert "progressive_painless_weakness" not in {f.code for f in a.red_flags}


def test_recent_ms_relapse_raises_a_flag_nice_ng220():
    a = _assess(
        conditions=[{"kind": "multiple_sclerosis", "course": "relapsing_remitting", "relapses": ["2026-10-23"]}],
        measurements=[_m("body_weight", "70 kg", "2026-11-02")],
    )
    assert any(f.code == "ms_recent_relapse" for f in a.red_flags)


def test_balance_problems_alone_are_no_ms_pattern_nice_ng220():
    data = {"person": {"id": "b", "sex": "male", "age": 76}, "symptoms": [{"kind": "balance_problem"}]}
    a = assess(parse_record(data))
    assert "ms_pattern" not in {f.code for f in a.red_flags}
    assert _causes(a)["multiple_sclerosis"].status is Status.not_supported


# 7. Constants and citations ---------------------------------------------------------------------------


def test_lee2000_model2_race_terms_h7():
    score = get("smm-lee-anthropometric").score(
        {"sex": "female", "age": 70, "height": 160, "weight": 60, "population": "asian"}
    )
    assert round(score.value, 2) == 15.76  # 0.244*60 + 7.80*1.60 - 0.098*70 - 1.2 - 3.3
    black = get("smm-lee-anthropometric").score(
        {"sex": "male", "age": 40, "height": 175, "weight": 75, "population": "african_american"}
    )
    assert round(black.value, 2) == round(31.33 + 1.4, 2)


def test_who2020_strength_days_kept_when_sessions_are_given_bull2020():
    sessions = [
        Session(date=dt.date(2026, 10, 26 + i), minutes=40, intensity="moderate", kind="aerobic") for i in range(4)
    ]
    with_days = adherence_from_sessions(sessions, 40, period_days=7, strength_days=2)
    assert with_days.strength_days == 2 and with_days.strength_met is True
    assert adherence_from_sessions(sessions, 40, period_days=7).strength_met is False


def test_limb_retraining_cites_vigelso2015_not_suetta2009():
    a = _assess(
        episodes=[
            {
                "kind": "immobilisation",
                "limb": "forearm",
                "side": "left",
                "start": "2026-09-14",
                "end": "2026-10-26",
                "device": "cast",
            }
        ]
    )
    retrain = [s for s in a.causes if s.cause == "inactivity_limb"][0].next_steps[0]
    assert retrain.kind is StepKind.limb_retraining and retrain.citation == "vigelso2015"


def test_lean_share_of_weight_loss_cites_krieger2006():
    entry = ref("krieger2006")
    assert entry.doi == "10.1093/ajcn/83.2.260" and "83(2):260-274" in entry.journal


def test_teslaa2011_has_its_exact_title():
    assert ref("teslaa2011").title == (
        "Reliability and reproducibility of a clinical application of a simple "
        "technique for repeated circumferential leg measurements"
    )
    assert ref("teslaa2011").note is None


def test_mulder2006_has_its_volume():
    assert ref("mulder2006").journal.startswith("Eur J Appl Physiol 97(6)")
