"""Safety checks met in realistic records: days without food that are history, kidney disease and protein,
weakness a recorded endocrine condition or drug explains, and weight loss a recent spinal cord injury explains.
"""

from __future__ import annotations

import copy

from myoscope.causes import Status, assess
from myoscope.causes._types import StepKind
from myoscope.record import parse_record

ICU = {
    "person": {"id": "icu", "sex": "male", "birth_date": "1963-03-03", "height": "178 cm"},
    "episodes": [{"kind": "acute_illness", "start": "2026-01-05", "end": "2026-02-10", "no_intake_days": 12}],
    "measurements": [
        {"kind": "body_weight", "value": "76 kg", "date": "2026-06-01"},
        {"kind": "body_weight", "value": "76.5 kg", "date": "2026-11-30"},
    ],
    "diet_days": [{"date": "2026-11-28", "energy": "2300 kcal", "protein": "95 g"}],
}


def _flags(data):
    return {f.code for f in assess(parse_record(data)).red_flags}


def test_days_without_food_months_ago_with_full_intake_since_are_no_refeeding_risk():
    assert "refeeding-risk" not in _flags(ICU)


def test_days_without_food_still_count_while_the_illness_runs_or_intake_stays_low():
    running = copy.deepcopy(ICU)
    del running["episodes"][0]["end"]
    running["diet_days"] = []
    running["measurements"][1]["value"] = "60 kg"  # with a 21 % loss: one major criterion, one more minor
    assert "refeeding-risk" in _flags(running)
    low = copy.deepcopy(running)
    low["episodes"][0]["end"] = "2026-11-20"
    low["diet_days"] = [{"date": "2026-11-28", "energy": "900 kcal", "protein": "30 g"}]
    assert "refeeding-risk" in _flags(low), "intake since the illness is still below need"


def test_no_step_raises_protein_with_chronic_kidney_disease():
    data = {
        "person": {"id": "ckd", "sex": "male", "birth_date": "1947-04-03", "height": "172 cm"},
        "conditions": [{"kind": "other", "name": "CKD stage 4"}],
        "measurements": [{"kind": "body_weight", "value": "79 kg", "date": "2026-11-30"}],
        "diet_days": [{"date": "2026-11-28", "energy": "1600 kcal", "protein": "55 g"}],
    }
    result = assess(parse_record(data))
    steps = [s for c in (result.atrophy, *result.causes) for s in c.next_steps]
    assert not [s for s in steps if s.kind is StepKind.protein_target]
    referral = [s for s in steps if s.citation == "ikizler2020_kdoqi"]
    assert referral and "0.55-0.6 g/kg/day" in referral[0].action and "1-1.2 g/kg/day" in referral[0].action
    without = copy.deepcopy(data)
    without["conditions"] = []
    steps = [s for c in assess(parse_record(without)).causes for s in c.next_steps]
    assert any(s.kind is StepKind.protein_target for s in steps), "without kidney disease protein is raised"


def _weakness(condition: dict, **symptom) -> set[str]:
    data = {
        "person": {"id": "w", "sex": "female", "birth_date": "1979-05-01", "height": "166 cm"},
        "conditions": [condition],
        "symptoms": [
            {
                "kind": "weakness",
                "site": "thighs",
                "side": "both",
                "progressive": True,
                "painless": True,
                "onset": "2026-09-15",
            },
            *([symptom] if symptom else []),
        ],
        "measurements": [{"kind": "body_weight", "value": "60 kg", "date": "2026-11-28"}],
    }
    return _flags(data)


def test_proximal_weakness_with_thyrotoxicosis_or_long_term_steroids_is_not_a_motor_neurone_alarm():
    graves = {"kind": "other", "name": "Graves' disease", "snomed": "34486009", "onset": "2026-11-25"}
    steroids = {"kind": "other", "name": "long-term prednisolone for polymyalgia", "onset": "2025-01-01"}
    assert "progressive_painless_weakness" not in _weakness(graves)
    assert "progressive_painless_weakness" not in _weakness(steroids)


def test_weakness_before_steroids_were_started_is_not_theirs():
    late = {"kind": "other", "name": "prednisolone", "onset": "2026-11-01"}
    assert "progressive_painless_weakness" in _weakness(late)


def _sci_loss(onset: str):
    data = {
        "person": {"id": "s", "sex": "male", "birth_date": "1984-01-12", "height": "178 cm"},
        "conditions": [{"kind": "spinal_cord_injury", "onset": onset, "level": "C6", "ais": "C"}],
        "measurements": [
            {"kind": "body_weight", "value": "80 kg", "date": "2026-02-10"},
            {"kind": "body_weight", "value": "72 kg", "date": "2026-11-30"},
        ],
    }
    return assess(parse_record(data))


def test_weight_loss_after_a_recent_spinal_cord_injury_is_explained():
    result = _sci_loss("2026-01-20")
    assert "unaccounted-weight-loss" not in {f.code for f in result.red_flags}
    assert next(c for c in result.causes if c.cause == "spinal_cord_injury").status is Status.likely


def test_new_weight_loss_years_after_a_spinal_cord_injury_is_still_flagged():
    assert "unaccounted-weight-loss" in {f.code for f in _sci_loss("2015-06-01").red_flags}


def test_a_vitamin_above_its_upper_level_is_no_reason_to_forbid_an_energy_deficit():
    """Malnutrition is likely through preformed vitamin A above the UL on three days, in a 70-year-old with
    obesity on a planned diet: the vitamin is corrected by what is eaten; the maintenance floor for the
    malnourished (ESPEN 2019) is for protein-energy risk, so it does not apply."""
    from myoscope.causes.safety import intake_guard
    from myoscope.physiology.scenarios import IntakeGuard

    day = {"energy": "1500 kcal", "protein": "95 g", "vitamin_a_preformed": "4500 ug"}
    days = [{"date": f"2026-11-{d}", **day} for d in (26, 27, 28)]
    data = {
        "person": {"id": "a", "sex": "female", "birth_date": "1956-01-01", "height": "165 cm"},
        "measurements": [
            {"kind": "body_weight", "value": "92 kg", "date": "2026-08-01"},
            {"kind": "body_weight", "value": "90 kg", "date": "2026-11-29"},
        ],
        "diet_days": days,
    }
    record = parse_record(data)
    malnutrition = next(c for c in assess(record).causes if c.cause == "malnutrition")
    assert (malnutrition.status, malnutrition.rules) == (Status.likely, ("nutrient-out-of-range",))
    assert IntakeGuard.no_deficit not in intake_guard(record, record.latest_date())
