"""Nothing lost: an output that is one of the inputs, or two outputs that are one file, is refused with exit 2
before anything is written (``assess -o RECORD`` replaced the record with its report; two records named
``r.yaml`` in different folders wrote one ``r.json``, the other's assessment lost)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from myoscope.cli import app

EXAMPLES = Path(__file__).parents[2] / "examples"
runner = CliRunner()


def _record(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(EXAMPLES / "healthy-active.yaml", path)
    return path


def test_assess_refuses_to_write_its_report_over_the_record(tmp_path):
    record = _record(tmp_path / "r.yaml")
    before = record.read_bytes()
    result = runner.invoke(app, ["assess", str(record), "-f", "markdown", "-o", str(record)])
    assert result.exit_code == 2
    assert "--output: is an input file: writing it would replace it" in result.output
    assert record.read_bytes() == before


def test_two_records_of_one_name_are_refused_rather_than_one_report_lost(tmp_path):
    first, second = _record(tmp_path / "x" / "r.yaml"), _record(tmp_path / "y" / "r.yaml")
    out = tmp_path / "out"
    result = runner.invoke(app, ["assess", str(first), str(second), "-f", "json", "-o", str(out)])
    assert result.exit_code == 2 and "one would replace the other" in result.output
    assert not out.exists() or not any(out.iterdir())


def test_import_fhir_refuses_to_replace_its_bundle_or_write_both_outputs_to_one_file(tmp_path):
    bundle = tmp_path / "b.json"
    bundle.write_text(json.dumps({"resourceType": "Bundle", "type": "collection", "entry": []}), encoding="utf-8")
    before = bundle.read_bytes()
    over = runner.invoke(app, ["import-fhir", str(bundle), "-o", str(bundle)])
    assert over.exit_code == 2 and bundle.read_bytes() == before
    same = runner.invoke(app, ["import-fhir", str(bundle), "-o", str(tmp_path / "x"), "--issues", str(tmp_path / "x")])
    assert same.exit_code == 2 and "--issues" in same.output and not (tmp_path / "x").exists()
