"""Typed contracts: every example's JSON validates against ``myoscope schema``; one model feeds every renderer."""

from __future__ import annotations

import json
import math

import jsonschema
import pytest
from typer.testing import CliRunner

from myoscope.causes import SCHEMA_VERSION, assess
from myoscope.cli import app
from myoscope.record import load_record
from myoscope.report import build_report, render_report
from myoscope.report.model import DISCLAIMER, SIGNS
from myoscope.store import record_data

runner = CliRunner()
CONTRACT_KEYS = {"schema_version", "atrophy", "causes", "red_flags", "references", "disclaimer", "summary"}
SECTION_KEYS = {"status", "evidence", "reversibility", "red_flags", "next_steps", "missing", "tables", "charts"}


def _schema(contract: str) -> dict:
    result = runner.invoke(app, ["schema", contract])
    assert result.exit_code == 0, result.stderr
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def _no_constant(token: str):
    raise AssertionError(f"the JSON holds {token}, which is not JSON")


def test_every_example_json_validates_against_the_assessment_schema(examples_dir):
    validator = jsonschema.Draft202012Validator(_schema("assessment"))
    for path in sorted(examples_dir.glob("*.yaml")):
        result = runner.invoke(app, ["assess", str(path), "--format", "json"])
        assert result.exit_code == 0, (path.name, result.stderr)
        payload = json.loads(result.stdout, parse_constant=_no_constant)
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(payload)]
        assert not errors, (path.name, errors[:3])
        assert payload["schema_version"] == SCHEMA_VERSION == 2
        assert set(payload) >= CONTRACT_KEYS
        for section in (payload["atrophy"], *payload["causes"]):
            assert set(section) >= SECTION_KEYS, section["cause"]


def test_a_changed_document_fails_the_schema(examples_dir):
    """The schema is not a free dict: a status outside the four, or a chart value as text, is refused."""
    validator = jsonschema.Draft202012Validator(_schema("assessment"))
    payload = json.loads(render_report(_report(examples_dir, "low-calorie-900"), "json"))
    wrong_status = json.loads(json.dumps(payload))
    wrong_status["atrophy"]["status"] = "probably"
    wrong_value = json.loads(json.dumps(payload))
    chart = next(c for s in wrong_value["causes"] for c in s["charts"])
    chart["series"][0]["y"][0] = "61.5 kg"
    extra = {**payload, "free": 1}
    for document in (wrong_status, wrong_value, extra):
        assert not validator.is_valid(document)


def test_every_example_record_validates_against_the_record_schema(examples_dir):
    validator = jsonschema.Draft202012Validator(_schema("record"))
    for path in sorted(examples_dir.glob("*.yaml")):
        errors = [e.message for e in validator.iter_errors(record_data(load_record(path)))]
        assert not errors, (path.name, errors[:3])


def _report(examples_dir, name):
    record = load_record(examples_dir / f"{name}.yaml")
    return build_report(assess(record), record.person)


def test_hall_projection_and_ffm_scenarios_are_numbers_in_the_json(examples_dir):
    payload = json.loads(render_report(_report(examples_dir, "low-calorie-900"), "json"))
    charts = {c["key"]: c for s in payload["causes"] for c in s["charts"]}
    hall = charts["hall-projection"]
    assert {s["label"] for s in hall["series"]} and all(len(s["x"]) == len(s["y"]) > 10 for s in hall["series"])
    assert all(isinstance(v, float) and math.isfinite(v) for s in hall["series"] for v in s["y"])
    bands = [s for s in charts["ffm-scenarios"]["series"] if s["style"] == "band"]
    assert bands and all(low <= high for s in bands for low, high in zip(s["low"], s["high"], strict=True))


def test_tables_are_in_the_json_with_their_rows(examples_dir):
    payload = json.loads(render_report(_report(examples_dir, "sci-t6"), "json"))
    tables = {t["key"]: t for s in (payload["atrophy"], *payload["causes"]) for t in s["tables"]}
    follow_up = tables["sci-follow-up"]
    assert follow_up["columns"][:3] == ["date", "NLI", "AIS"]
    assert all(len(row) == len(follow_up["columns"]) for row in follow_up["rows"])
    assert isinstance(follow_up["rows"][0][3], int)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_every_renderer_shows_the_one_disclaimer_and_the_signs_of_the_model(examples_dir, fmt):
    report = _report(examples_dir, "forearm-cast")
    out = render_report(report, fmt, width=120)
    assert out.count(DISCLAIMER) == 1, fmt
    directions = {e.direction for s in (report.atrophy, *report.causes) for e in s.evidence}
    assert {"for", "against"} <= directions
    assert SIGNS["against"] in out and SIGNS["for"] in out
