"""Scenarios obey the safety checks: no energy deficit for a person at nutritional risk, nothing that raises
intake, protein or exercise under refeeding risk (NICE CG32), the same decision as ``myoscope plan``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from myoscope.causes.safety import intake_guard, plan_hold
from myoscope.cli import app
from myoscope.physiology.scenarios import HELD_BY_REFEEDING, HELD_BY_SWALLOWING, IntakeGuard
from myoscope.record import parse_record

CASES = Path(__file__).parents[1] / "vignettes" / "cases"
EXAMPLES = Path(__file__).parents[2] / "examples"


def _case(name: str, tmp_path: Path) -> Path:
    data = yaml.safe_load((CASES / f"{name}.yaml").read_text())
    data.pop("expected", None)
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(data, default=str))
    return path


def _simulate(path: Path, *args: str) -> dict:
    result = CliRunner().invoke(app, ["simulate", str(path), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _by_name(doc: dict) -> dict[str, dict]:
    return {s["name"]: s for s in doc["scenarios"]}


def test_cachexia_with_low_intake_gets_no_deficit_scenario(tmp_path):
    """Pancreatic cancer, eating about 1,130 kcal/day: the lean-sparing scenario was 1,796 kcal/day, below the
    maintenance need of about 2,075; it is now the maintenance need, with the reason."""
    doc = _simulate(_case("other-pancreatic-cachexia-low-intake", tmp_path))
    scenarios = _by_name(doc)
    sparing = scenarios["lean_sparing"]
    assert sparing["intake_kcal"] >= doc["maintenance_kcal"]
    assert sparing["guard"]["kind"] == "no_deficit"
    assert "never projected on an energy deficit" in sparing["guard"]["reason"]
    assert all(s["intake_kcal"] >= doc["inputs"]["intake_kcal"] for s in scenarios.values())


def test_underweight_person_lean_sparing_is_at_least_maintenance(tmp_path):
    record = yaml.safe_load((EXAMPLES / "sedentary-office-worker.yaml").read_text())
    record["person"]["height"] = "178 cm"
    record["measurements"] = [
        {"kind": "body_weight", "value": "55 kg", "date": "2026-05-04"},  # BMI 17.4
        {"kind": "body_weight", "value": "54 kg", "date": "2026-11-02"},
    ]
    record["diet_days"] = [{"date": "2026-10-28", "energy": "1700 kcal", "protein": "60 g"}]
    path = tmp_path / "underweight.json"
    path.write_text(json.dumps(record, default=str))
    assert intake_guard(parse_record(record), parse_record(record).latest_date()) == {IntakeGuard.no_deficit}
    doc = _simulate(path)
    sparing = _by_name(doc)["lean_sparing"]
    assert sparing["intake_kcal"] >= doc["maintenance_kcal"] > 1700
    text = CliRunner().invoke(app, ["simulate", str(path)]).output
    assert "never projected on an energy deficit" in text


@pytest.mark.parametrize("name", ["energy-anorexia-bmi14-refeeding", "energy-young-600kcal-bmi16"])
def test_refeeding_risk_is_decided_as_for_the_activity_plan(name, tmp_path):
    record = parse_record(json.loads(_case(name, tmp_path).read_text()))
    assert intake_guard(record, record.latest_date()) == {IntakeGuard.refeeding}
    assert plan_hold(record, record.latest_date()) is not None


def test_refeeding_risk_holds_every_scenario_that_raises_intake_or_exercise():
    """10.7 % weight loss and 6 days of little intake (NICE CG32): the lean-sparing, protein and training
    scenarios are held with the reason, as the activity plan is; the current course is still projected."""
    path = EXAMPLES / "mixed-older-after-illness.yaml"
    record = parse_record(yaml.safe_load(path.read_text()))
    assert plan_hold(record, record.latest_date()) is not None
    scenarios = _by_name(_simulate(path))
    assert scenarios["current"]["whole_body"] is not None and scenarios["current"]["guard"] is None
    for held in HELD_BY_REFEEDING:
        s = scenarios[held]
        assert s["intake_kcal"] is None and s["whole_body"] is None and s["regional"] == []
        assert s["guard"]["kind"] == "refeeding" and "NICE CG32" in s["guard"]["reason"]
    html = CliRunner().invoke(app, ["simulate", str(path), "--format", "html"]).output
    assert "medical and dietetic supervision" in html
    text = CliRunner().invoke(app, ["simulate", str(path)]).output
    assert text.count("held: with refeeding risk") == len(HELD_BY_REFEEDING)


def test_obesity_intended_diet_keeps_the_lean_sparing_deficit(tmp_path):
    doc = _simulate(_case("energy-obesity-intended-diet", tmp_path))
    sparing = _by_name(doc)["lean_sparing"]
    assert sparing["guard"] is None
    assert doc["inputs"]["intake_kcal"] <= sparing["intake_kcal"] < doc["maintenance_kcal"]


GUARDED_EXAMPLES = {
    "bed-rest-older": IntakeGuard.no_deficit,  # older, malnutrition possible: no deficit (ESPEN 2019)
    "probable-sarcopenia": IntakeGuard.no_deficit,  # older, malnutrition possible: no deficit (ESPEN 2019)
    "low-calorie-900": IntakeGuard.refeeding,  # 11.4 % loss, little intake of unrecorded duration (NICE CG32)
    "older-low-protein-vitamin-a": IntakeGuard.no_deficit,
    "mixed-older-after-illness": IntakeGuard.refeeding,  # 10.7 % loss and 6 days of little intake
    "als-diagnosed": IntakeGuard.urgent,  # red flags that need a clinician now: no training before the visit
    "als-pattern-brother": IntakeGuard.urgent,
}


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_examples_guards_and_only_guarded_scenarios_change(path):
    record = parse_record(yaml.safe_load(path.read_text()))
    expected = GUARDED_EXAMPLES.get(path.stem, IntakeGuard.none)
    assert intake_guard(record, record.latest_date()) == ({expected} - {IntakeGuard.none})
    scenarios = _by_name(_simulate(path))
    for name, s in scenarios.items():
        guarded = (
            (expected is IntakeGuard.refeeding and name in HELD_BY_REFEEDING)
            or (expected is IntakeGuard.no_deficit and name == "lean_sparing")
            or (expected is IntakeGuard.urgent and name == "resistance_training")
        )
        assert (s["guard"] is not None) == guarded, name
        if not guarded:
            assert s["whole_body"] is not None, name


def test_a_swallowing_problem_holds_the_scenarios_that_change_what_is_eaten(tmp_path):
    """Stroke with dysphagia, no refeeding risk: the assessment holds diet targets until the swallowing
    assessment, and so do the scenarios (lean-sparing intake, added protein); training is still projected."""
    path = _case("nutrition-stroke-dysphagia", tmp_path)
    record = parse_record(json.loads(path.read_text()))
    assert IntakeGuard.swallowing in intake_guard(record, record.latest_date())
    scenarios = _by_name(_simulate(path))
    for held in HELD_BY_SWALLOWING:
        assert scenarios[held]["whole_body"] is None and scenarios[held]["guard"]["kind"] == "swallowing"
        assert "swallowing assessment" in scenarios[held]["guard"]["reason"]
    assert scenarios["current"]["whole_body"] is not None
    assert scenarios["resistance_training"]["whole_body"] is not None


def test_a_leg_that_may_hold_a_clot_holds_the_training_scenario(tmp_path):
    """After a knee brace the left calf is 3 cm larger and reported swollen (Wells 1997): the assessment holds
    exercise until a clinician has seen the leg, and so does the training scenario; the others still run."""
    record = {
        "person": {"id": "clot", "sex": "male", "birth_date": "1981-02-02", "height": "180 cm"},
        "episodes": [
            {
                "kind": "immobilisation",
                "limb": "whole_leg",
                "side": "left",
                "start": "2026-09-01",
                "end": "2026-11-20",
                "device": "brace",
            }
        ],
        "symptoms": [{"kind": "swelling", "site": "calf", "side": "left", "onset": "2026-11-27"}],
        "measurements": [
            {"kind": "body_weight", "value": "82 kg", "date": "2026-11-30"},
            {"kind": "calf_circumference", "side": "left", "value": "41 cm", "date": "2026-11-30"},
            {"kind": "calf_circumference", "side": "right", "value": "38 cm", "date": "2026-11-30"},
        ],
        "diet_days": [{"date": "2026-11-29", "energy": "2600 kcal", "protein": "100 g"}],
    }
    path = tmp_path / "clot.json"
    path.write_text(json.dumps(record))
    assert IntakeGuard.possible_clot in intake_guard(parse_record(record), parse_record(record).latest_date())
    scenarios = _by_name(_simulate(path))
    training = scenarios["resistance_training"]
    assert training["whole_body"] is None and training["guard"]["kind"] == "possible_clot"
    assert "clinician has seen the swollen leg" in training["guard"]["reason"]
    assert scenarios["current"]["whole_body"] is not None and scenarios["added_protein"]["guard"] is None


def test_chronic_kidney_disease_holds_added_protein_and_keeps_the_no_deficit_floor(tmp_path):
    """CKD stage 4 in an 80-year-old at nutritional risk: the added-protein scenario is held for the renal
    team (KDOQI 2020), and the lean-sparing intake is still raised to maintenance (ESPEN 2019): one guard no
    longer hides the other."""
    record = {
        "person": {"id": "ckd", "sex": "male", "birth_date": "1946-06-01", "height": "172 cm"},
        "conditions": [{"kind": "other", "name": "chronic kidney disease stage 4", "snomed": "709044004"}],
        "measurements": [
            {"kind": "body_weight", "value": "64 kg", "date": "2026-06-01"},
            {"kind": "body_weight", "value": "60 kg", "date": "2026-11-30"},
        ],
        "diet_days": [{"date": f"2026-11-{d}", "energy": "1300 kcal", "protein": "45 g"} for d in (27, 28, 29)],
    }
    guards = intake_guard(parse_record(record), parse_record(record).latest_date())
    assert {IntakeGuard.kidney, IntakeGuard.no_deficit} <= guards
    path = tmp_path / "ckd.json"
    path.write_text(json.dumps(record))
    doc = _simulate(path)
    scenarios = _by_name(doc)
    assert scenarios["added_protein"]["whole_body"] is None
    assert scenarios["added_protein"]["guard"]["kind"] == "kidney"
    assert "renal dietitian" in scenarios["added_protein"]["guard"]["reason"]
    assert scenarios["lean_sparing"]["guard"]["kind"] == "no_deficit"
    assert scenarios["lean_sparing"]["intake_kcal"] >= doc["maintenance_kcal"]
