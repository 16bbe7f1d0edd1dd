"""Findings of a clinical audit on new records (the vignettes named below), each test named for the clinical
truth it holds: advice that a contraindication forbids never appears (NICE CG32 refeeding; a limb still in a
cast), values are shown rounded in their unit, and recorded text stays text in every format."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from myoscope.causes import Status, assess
from myoscope.causes._condition_table import explained_symptoms, match
from myoscope.causes._context import Context
from myoscope.causes._types import StepKind
from myoscope.causes.safety import refeeding_criteria
from myoscope.cli import app
from myoscope.record import parse_record
from myoscope.report import render
from vignettes._load import CASES, load

runner = CliRunner()


def _record(name: str):
    data, _, _ = load(CASES / f"{name}.yaml")
    return parse_record(data)


def _steps(assessment):
    return [s for c in (assessment.atrophy, *assessment.causes) for s in c.next_steps]


def test_score_values_are_rounded_for_their_unit_in_every_format():
    """Imperial input (lb on the dynamometer, ft/s) converts to long decimals: none may reach the reader."""
    assessment = assess(_record("limb-forearm-cast-imperial-units"))
    for fmt in ("text", "markdown", "html", "json"):
        out = render(assessment, fmt)
        if fmt == "html":  # the words a reader sees, not the coordinates of the plots
            out = re.sub(r"<[^>]+>", " ", re.sub(r"<(svg|script|style)\b.*?</\1>", "", out, flags=re.S))
        if fmt == "json":  # the strings shown to people; numbers are data
            out = "\n".join(_strings(json.loads(out)))
        assert "23.6 kg" in out and "1.07 m/s" in out, fmt
        assert not re.search(r"\d\.\d{4,}", re.sub(r"doi[:.]\S+|10\.\d{4,}/\S+", "", out)), fmt


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def test_a_screen_settled_with_an_item_unanswered_shows_the_totals_still_possible():
    """MUST at high risk with the acute-disease item unasked: the value is the range, not "cannot tell"."""
    assessment = assess(_record("other-pancreatic-cachexia-low-intake"))
    mal = next(c for c in assessment.causes if c.cause == "malnutrition")
    must = next(e for e in mal.evidence if e.finding.startswith("'MUST'"))
    assert "high risk" in must.finding and must.value == "2 to 4 points (some items unanswered)"


def test_protein_is_shown_to_the_precision_of_its_reference_values():
    assessment = assess(_record("other-pancreatic-cachexia-low-intake"))
    values = [e.value for c in assessment.causes for e in c.evidence if "g/kg/day" in e.value]
    assert values and all(re.fullmatch(r"\d+\.\d{1,2} g/kg/day", v) for v in values), values


def test_a_malnourished_older_person_is_never_advised_to_eat_below_her_need():
    """MNA-SF at risk with a BMI near 30: weight loss is not the goal (ESPEN geriatrics; NICE CG32)."""
    record = _record("nutrition-older-overweight-poor-appetite")
    assessment = assess(record)
    need = Context(record, assessment.on).energy_need
    assert need is not None
    targets = [s for s in _steps(assessment) if s.kind is StepKind.energy_target]
    assert targets and all(s.value is not None and s.value >= need.low_kcal for s in targets)
    assert not any("restriction" in f"{s.action} {s.why}".lower() for s in _steps(assessment))


def test_refeeding_risk_holds_every_raise_in_intake_including_protein():
    assessment = assess(_record("energy-anorexia-bmi14-refeeding"))
    kinds = {s.kind for s in _steps(assessment)}
    assert not kinds & {StepKind.energy_target, StepKind.protein_target, StepKind.activity_plan, StepKind.keep_active}
    assert any(s.kind is StepKind.safety and "refeeding" in s.action for s in _steps(assessment))


def test_refeeding_reasons_name_each_measure_once():
    record = _record("energy-anorexia-bmi14-refeeding")
    major, minor = refeeding_criteria(Context(record, assess(record).on))
    assert any(m.startswith("BMI") for m in major) and not any(m.startswith("BMI") for m in minor)
    assert not any(m.startswith("weight loss") for m in minor if any(x.startswith("weight loss") for x in major))


@pytest.mark.parametrize(
    ("name", "held"),
    [("energy-anorexia-bmi14-refeeding", "refeeding"), ("limb-forearm-cast-still-on", "immobilised")],
)
def test_the_activity_plan_is_withheld_where_the_assessment_withholds_it(name, held, tmp_path):
    """``myoscope plan`` obeys the same contraindications as the assessment's next steps."""
    path = tmp_path / f"{name}.json"
    data, _, _ = load(CASES / f"{name}.yaml")
    path.write_text(json.dumps(data, default=str), encoding="utf-8")
    result = runner.invoke(app, ["plan", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["weeks"] == [] and held in payload["hold"]["action"] + payload["hold"]["why"]
    text = runner.invoke(app, ["plan", str(path)])
    assert text.exit_code == 0 and "Plan withheld" in text.stdout and "minutes each" not in text.stdout


def test_a_plan_without_a_contraindication_still_has_its_weeks(tmp_path):
    path = tmp_path / "cast-off.json"
    data, _, _ = load(CASES / "limb-cast-off-two-weeks-calf.yaml")
    path.write_text(json.dumps(data, default=str), encoding="utf-8")
    payload = json.loads(runner.invoke(app, ["plan", str(path), "--format", "json"]).stdout)
    assert payload["weeks"] and "hold" not in payload
    assert not any("_" in flag for flag in payload["flags"]), payload["flags"]  # "lower leg", not "lower_leg"


def test_a_swallowing_change_that_began_before_intensive_care_is_not_explained_by_it():
    """Only a symptom that starts with or after the condition is explained by it (Skoretz 2010 is about
    swallowing after intubation); an earlier bulbar change stays a warning sign (NICE NG42)."""
    data, _, _ = load(CASES / "other-icu-weakness-after-ventilation.yaml")
    data["symptoms"] = [{"kind": "swallowing_difficulty", "onset": "2026-08-01"}]
    record = parse_record(data)
    assert "swallowing_difficulty" not in explained_symptoms(record.conditions, record.symptoms)
    assessment = assess(record)
    assert "bulbar_change" in {f.code for f in assessment.red_flags}
    als = next(c for c in assessment.causes if c.cause == "als")
    assert als.status is Status.possible


@pytest.mark.parametrize("name", ["pancreatic adenocarcinoma", "multiple myeloma", "soft tissue sarcoma"])
def test_a_cancer_named_by_its_histology_is_weighed(name):
    entry = match(None, name)
    assert entry is not None and entry.key == "cancer"


@pytest.mark.parametrize("name", ["benign neoplasm of skin", "home mechanical ventilation", "intubated for surgery"])
def test_a_benign_growth_or_a_ventilator_alone_is_not_read_as_cancer_or_critical_illness(name):
    """A ventilator at home (ALS, high SCI) must not explain away weakness or a swallowing change."""
    entry = match(None, name)
    assert entry is None or entry.key not in {"cancer", "critical_illness"}


@pytest.mark.parametrize("name", ["ARDS after influenza", "acute respiratory distress syndrome", "septic shock"])
def test_a_stay_in_intensive_care_named_by_its_cause_is_weighed(name):
    entry = match(None, name)
    assert entry is not None and entry.key == "critical_illness"


def test_the_weakness_pattern_names_its_best_match_not_a_code():
    assessment = assess(_record("nerve-median-carpal-tunnel-thenar"))
    nerve = next(c for c in assessment.causes if c.cause == "nerve_injury")
    row = next(e for e in nerve.evidence if e.finding.startswith("Weakness pattern"))
    assert row.value == "median nerve at the wrist, right"


def test_recorded_text_stays_text_in_markdown_and_html():
    assessment = assess(_record("finding-hostile-text-calf-swelling"))
    markdown = render(assessment, "markdown")
    assert "**bold**" not in markdown and r"\*\*bold\*\*" in markdown
    html = render(assessment, "html")
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html


def test_a_refused_value_names_its_unit_as_people_write_it(tmp_path):
    """An MNA-SF BMI of 3 is refused in kg/m², never in pint's spelling kg/m**2."""
    path = tmp_path / "bad.json"
    record = {
        "schema_version": 1,
        "person": {"id": "x", "sex": "female", "age": 80, "height": "160 cm"},
        "instruments": [{"name": "mna-sf", "date": "2026-11-18", "answers": {"food_intake": 1, "bmi": 3}}],
    }
    path.write_text(json.dumps(record), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert "kg/m²" in result.output and "**" not in result.output


def _weights_only(age: int, first_kg: float, last_kg: float, **extra):
    return parse_record(
        {
            "schema_version": 1,
            "person": {"id": "p", "sex": "male", "age": age, "height": "172 cm"},
            "measurements": [
                {"kind": "body_weight", "value": f"{first_kg} kg", "date": "2026-05-20"},
                {"kind": "body_weight", "value": f"{last_kg} kg", "date": "2026-11-18"},
            ],
            **extra,
        }
    )


def _flag_codes(assessment) -> list[str]:
    return [f.code for f in assessment.red_flags]


def test_weight_loss_of_five_percent_in_six_months_that_nothing_explains_needs_a_medical_review():
    codes = _flag_codes(assess(_weights_only(76, 75.0, 69.0)))  # 8 % in 6 months, no intake recorded
    assert codes.count("unaccounted-weight-loss") == 1
    assert "rapid-weight-loss" not in codes


def test_weight_loss_below_five_percent_is_not_flagged_as_unaccounted():
    assert "unaccounted-weight-loss" not in _flag_codes(assess(_weights_only(76, 75.0, 72.0)))  # 4 %


def test_severe_weight_loss_shows_one_flag_not_two():
    codes = _flag_codes(assess(_weights_only(76, 75.0, 66.0)))  # 12 %: severe by GLIM
    assert "rapid-weight-loss" in codes
    assert "unaccounted-weight-loss" not in codes


def test_weight_loss_explained_by_a_recorded_wasting_condition_is_not_unaccounted():
    record = _weights_only(76, 75.0, 69.0, conditions=[{"kind": "other", "name": "lung cancer"}])
    assert "unaccounted-weight-loss" not in _flag_codes(assess(record))
