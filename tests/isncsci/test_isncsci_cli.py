"""``myoscope isncsci``: round trip on the official cases, shapes of input, text output, refusals."""

from __future__ import annotations

import json

import typer
from test_isncsci_rules import normal_exam, with_values
from typer.testing import CliRunner

from myoscope.cli.isncsci import register

runner = CliRunner()


def _app() -> typer.Typer:
    app = typer.Typer()
    register(app)

    @app.callback()
    def main() -> None:
        """Test application."""

    return app


def run(*args: str):
    return runner.invoke(_app(), ["isncsci", *args])


def test_round_trip_reproduces_official_2019(reference_dir, tmp_path):
    """Oracle: official_2019.json (npm isncsci 2.0.6 test cases); the output is the file itself, byte for byte."""
    source = reference_dir / "isncsci" / "official_2019.json"
    out = tmp_path / "ours.json"
    result = run(str(source), "-o", str(out))
    assert result.exit_code == 0, result.output
    ours = json.loads(out.read_text(encoding="utf-8"))
    theirs = json.loads(source.read_text(encoding="utf-8"))
    assert [c["expected"] for c in ours["cases"]] == [c["expected"] for c in theirs["cases"]]
    assert out.read_text(encoding="utf-8") == source.read_text(encoding="utf-8")


def test_one_exam_and_a_list(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps(normal_exam()), encoding="utf-8")
    result = run(str(one))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["ais"] == "E"
    many = tmp_path / "many.yaml"
    many.write_text(json.dumps([normal_exam(), normal_exam("No")]), encoding="utf-8")
    result = run(str(many))
    assert [r["ais"] for r in json.loads(result.stdout)] == ["E", "B"]


def test_text_format_is_a_table_per_exam(tmp_path):
    path = tmp_path / "exams.json"
    path.write_text(json.dumps([normal_exam(), normal_exam("NT")]), encoding="utf-8")
    result = run(str(path), "--format", "text")
    assert result.exit_code == 0
    assert "ISNCSCI exam 1: AIS E, NLI INT" in result.stdout
    assert "ISNCSCI exam 2: AIS B,E, NLI INT" in result.stdout
    assert "upper limb motor (UEMS)" in result.stdout


def test_invalid_input_exits_2_with_one_line_per_problem(tmp_path):
    path = tmp_path / "bad.json"
    bad = with_values(normal_exam(), right__motor__C5="6", left__light_touch__T4="2*")
    path.write_text(
        json.dumps({"format": "isncsci-cases/1", "cases": [{"id": 1, "exam": normal_exam()}, {"id": 2, "exam": bad}]}),
        encoding="utf-8",
    )
    result = run(str(path))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    lines = [line.strip() for line in result.stderr.splitlines()]
    assert lines[0] == "invalid input (2 problems):"
    assert lines[1].startswith(
        "- cases[1].exam.right.motor.C5: is not a valid motor grade (got '6'); accepted: one of 0,"
    )
    assert lines[2].startswith("- cases[1].exam.left.light_touch.T4: is not a valid sensory score (got '2*')")


def test_unknown_document_and_missing_file(tmp_path):
    path = tmp_path / "other.json"
    path.write_text(json.dumps({"format": "something/2", "cases": []}), encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 2
    assert "format: is not a known format (got 'something/2'); accepted: isncsci-cases/1" in result.stderr
    result = run(str(tmp_path / "absent.json"))
    assert result.exit_code == 2
    assert "file not found" in result.stderr


def test_a_truncated_ndjson_line_is_shown_so_it_can_be_found(tmp_path):
    path = tmp_path / "exams.ndjson"
    path.write_text('{"id": "a"}\n{"id": "b", "right": {"motor"\n')
    result = run(str(path))
    assert result.exit_code == 2
    assert "is a line of exams.ndjson that is not NDJSON (one JSON object)" in result.output
    assert '{"id": "b", "right": {"motor"' in result.output
