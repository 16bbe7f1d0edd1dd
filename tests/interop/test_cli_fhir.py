"""The command line: assess --format fhir, import-fhir, export-instrument."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from myoscope.cli import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_assess_fhir_then_import_fhir(tmp_path):
    runner = CliRunner()
    out = tmp_path / "bundle.json"
    result = runner.invoke(app, ["assess", str(EXAMPLES / "relapsing-ms.yaml"), "--format", "fhir", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["resourceType"] == "Bundle"
    back = runner.invoke(app, ["import-fhir", str(out), "--format", "json"])
    assert back.exit_code == 0
    assert json.loads(back.stdout)["person"]["id"] == "ex-relapsing-ms"


def test_import_fhir_refuses_a_non_bundle(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"resourceType": "Patient"}')
    result = CliRunner().invoke(app, ["import-fhir", str(path)])
    assert result.exit_code == 2 and "not a FHIR Bundle" in result.output


def test_export_instrument_formats():
    runner = CliRunner()
    q = runner.invoke(app, ["export-instrument", "sarc-f", "--format", "fhir-questionnaire"])
    assert q.exit_code == 0 and json.loads(q.stdout)["resourceType"] == "Questionnaire"
    r = runner.invoke(app, ["export-instrument", "sarc-f", "--format", "redcap"])
    assert r.exit_code == 0 and r.stdout.startswith("Variable / Field Name,Form Name")
    assert runner.invoke(app, ["export-instrument", "nope", "--format", "redcap"]).exit_code == 2
    assert runner.invoke(app, ["export-instrument", "cdp", "--format", "redcap"]).exit_code == 2
