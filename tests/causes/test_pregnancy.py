"""A pregnancy on record changes the advice: exercise is planned with the midwife or obstetrician after a
clinical check (ACOG 2020), intake targets are not the general adult ones (the DRI tables), and a weight loss of
more than 5 % during the pregnancy is a red flag for hyperemesis (RCOG 2024). Before, a woman 14 weeks pregnant
who lost 7.3 % in 50 days had no red flag, and her plan said medical clearance was 'not necessary'."""

from __future__ import annotations

from myoscope.causes import StepKind, assess
from myoscope.causes.safety import intake_guard
from myoscope.physiology.scenarios import IntakeGuard
from myoscope.planning import person_plan
from myoscope.record import parse_record


def _record(conditions, weights=(("2026-09-20", "62 kg"), ("2026-11-09", "57.5 kg"))):
    return parse_record(
        {
            "schema_version": 1,
            "person": {"id": "preg", "sex": "female", "birth_date": "1997-03-09", "height": "163 cm"},
            "conditions": conditions,
            "measurements": [{"kind": "body_weight", "value": kg, "date": day} for day, kg in weights],
            "diet_days": [{"date": "2026-11-08", "energy": "1500 kcal", "protein": "50 g"}],
            "activity": [{"week_of": "2026-11-02", "moderate_minutes": 20, "vigorous_minutes": 0, "sessions_20min": 1}],
        }
    )


PREGNANT = [{"kind": "other", "name": "pregnancy (14 weeks)", "snomed": "77386006", "onset": "2026-08-10"}]


def test_weight_loss_in_pregnancy_is_a_red_flag_rcog2024():
    a = assess(_record(PREGNANT))
    (flag,) = [f for f in a.red_flags if f.code == "pregnancy-weight-loss"]
    assert flag.message.startswith("Weight fell 7.3 % during pregnancy") and flag.citation == "rcog2024_hyperemesis"
    assert a.red_flags[0].code == "pregnancy-weight-loss"


def test_exercise_and_intake_targets_go_through_the_midwife_acog2020():
    a = assess(_record(PREGNANT))
    steps = [s for c in (a.atrophy, *a.causes) for s in c.next_steps]
    held = (StepKind.activity_plan, StepKind.keep_active, StepKind.energy_target, StepKind.protein_target)
    assert not [s for s in steps if s.kind in held]
    assert any(s.citation == "acog2020_exercise" for s in steps)
    assert person_plan(_record(PREGNANT)).hold.citation == "acog2020_exercise"
    assert IntakeGuard.pregnancy in intake_guard(_record(PREGNANT), _record(PREGNANT).latest_date())


def test_a_loss_before_the_pregnancy_began_or_a_past_pregnancy_is_not_flagged():
    before = _record(PREGNANT, (("2026-06-01", "62 kg"), ("2026-11-09", "57.5 kg")))
    assert not [f for f in assess(before).red_flags if f.code == "pregnancy-weight-loss"]
    past = _record([{"kind": "other", "name": "pregnancy", "onset": "2024-01-10"}])
    assert not [f for f in assess(past).red_flags if f.code == "pregnancy-weight-loss"]
    for name in ("history of pregnancy loss", "Gestational diabetes mellitus in previous pregnancy", "Not pregnant"):
        other = _record([{"kind": "other", "name": name}])
        steps = [s for c in assess(other).causes for s in c.next_steps]
        assert not [s for s in steps if s.citation == "acog2020_exercise"], name
