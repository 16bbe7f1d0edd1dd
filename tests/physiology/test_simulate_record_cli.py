"""``myoscope simulate`` on a person's record, and its handling of model failure (exit 3, no NaN)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from myoscope.cli.simulate import EXIT_MODEL_FAILURE, register

DATA = Path(__file__).parent / "data"
EXAMPLES = Path(__file__).parents[2] / "examples"
app = typer.Typer()
register(app)


@app.callback()
def _root() -> None:
    """Test app."""


runner = CliRunner()


def _run(*args):
    return runner.invoke(app, ["simulate", *map(str, args)])


def _strict(text: str):
    def refuse(token):
        raise ValueError(token)

    return json.loads(text, parse_constant=refuse)


def test_record_text_shows_scenarios_with_bands():
    result = _run(DATA / "bed-rest-older.yaml", "--scenario", "current", "--scenario", "added_protein")
    assert result.exit_code == 0, result.output
    assert "protein raised to 1.4 g/kg/day" in result.output
    assert "left thigh (bed rest): now" in result.output and " to " in result.output


def test_record_json_is_strict_and_typed():
    result = _run(EXAMPLES / "forearm-cast.yaml", "--format", "json", "-s", "current", "-s", "added_protein")
    assert result.exit_code == 0, result.output
    doc = _strict(result.output)
    assert doc["format"] == "myoscope-projection/1"
    forearm = next(c for c in doc["scenarios"][0]["regional"] if c["region"] == "forearm" and c["side"] == "left")
    assert forearm["now"][0] < forearm["now"][2] < 0
    assert len(forearm["middle"]) == doc["horizon_days"] + 1


def test_record_csv_and_html(tmp_path):
    result = _run(EXAMPLES / "low-calorie-900.yaml", "--format", "csv", "-s", "current")
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert {r["quantity"] for r in rows} >= {"ffm_kg", "both_thigh_energy_balance"}
    out = tmp_path / "p.html"
    result = _run(EXAMPLES / "low-calorie-900.yaml", "--format", "html", "-o", out)
    assert result.exit_code == 0
    page = out.read_text()
    assert page.count("<svg") >= 3 and "fat-free mass" in page


def test_record_with_a_bad_scenario_exits_2():
    result = _run(DATA / "bed-rest-older.yaml", "--scenario", "sideways")
    assert result.exit_code == 2
    assert "--scenario" in result.output


def test_example_bw_oracle_input_runs():
    result = _run(EXAMPLES / "simulate" / "hall-two-cases.json", "--format", "csv")
    assert result.exit_code == 0
    assert result.output.startswith("case_id,day,")


def test_model_failure_exits_3_without_output(tmp_path):
    """All-carbohydrate intake rising by 2000 kcal/day makes glycogen's one-day RK4 step unstable (-inf)."""
    case = {
        "id": "collapse",
        "inputs": {
            "sex": "male",
            "age_y": 30,
            "height_m": 1.9,
            "weight_kg": 150,
            "PAL": 1.5,
            "pcarb_base": 1.0,
            "pcarb": 1.0,
            "days": 60,
            "ei_change_kcal": [2000.0],
        },
    }
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"format": "bw-oracle/1", "cases": [case]}))
    out = tmp_path / "out.json"
    result = _run(path, "-o", out)
    assert result.exit_code == EXIT_MODEL_FAILURE, result.output
    assert "model failure" in result.output and "collapse" in result.output
    assert not out.exists()


def test_a_yaml_record_on_standard_input_is_read_as_yaml():
    """``simulate -`` read standard input as JSON only, though its help names YAML too."""
    text = (EXAMPLES / "forearm-cast.yaml").read_text(encoding="utf-8")
    result = runner.invoke(app, ["simulate", "-", "-s", "current", "--format", "json"], input=text)
    assert result.exit_code == 0, result.output
    payload = _strict(result.stdout)
    assert payload["person_id"] == "ex-cast-forearm"
    assert [s["name"] for s in payload["scenarios"]] == ["current"]


def test_no_empty_plot_where_nothing_could_be_projected(tmp_path):
    """No weight and no human data for a calf boot or an upper-arm sling: two empty plots were drawn."""
    record = tmp_path / "r.yaml"
    record.write_text(
        "schema_version: 1\n"
        "person: {id: noweight, sex: male, age: 45, activity_level: moderate}\n"
        "episodes:\n"
        "  - {kind: immobilisation, limb: lower_leg, side: left, start: 2026-09-01, end: 2026-10-01, device: boot}\n"
        "  - {kind: immobilisation, limb: upper_arm, side: right, start: 2026-09-01, device: sling}\n"
        "measurements:\n"
        "  - {kind: calf_circumference, side: left, value: 35 cm, date: 2026-10-02}\n",
        encoding="utf-8",
    )
    out = tmp_path / "r.html"
    result = _run(record, "-s", "current", "--format", "html", "-o", out)
    assert result.exit_code == 0, result.output
    assert "<svg" not in out.read_text(encoding="utf-8")


def test_simulate_takes_the_option_names_of_the_other_commands(tmp_path):
    out = tmp_path / "p.json"
    result = _run(EXAMPLES / "forearm-cast.yaml", "-s", "current", "-f", "json", "--output", out)
    assert result.exit_code == 0, result.output
    assert _strict(out.read_text(encoding="utf-8"))["person_id"] == "ex-cast-forearm"


@pytest.mark.parametrize(
    ("args", "field"),
    [(["--horizon", "4"], "--horizon"), (["--on", "2026-01-01"], "--on"), (["--format", "text"], "--format")],
)
def test_a_record_option_given_with_a_bw_oracle_file_is_refused_not_ignored(args, field):
    result = _run(EXAMPLES / "simulate" / "hall-two-cases.json", *args)
    assert result.exit_code == 2
    assert f"{field}:" in result.output


def test_days_given_with_a_record_is_refused_not_ignored():
    result = _run(EXAMPLES / "forearm-cast.yaml", "--days", "30")
    assert result.exit_code == 2 and "--days: applies to a bw-oracle/1 file" in result.output


def test_every_course_of_one_muscle_is_named_and_shown_in_every_format(tmp_path):
    """A nerve injury and two casts of one forearm: the text had three unnamed 'left forearm' lines, the HTML
    table only the last of them and its plot only the first."""
    record = tmp_path / "r.yaml"
    record.write_text(
        "schema_version: 1\n"
        "person: {id: dup, sex: male, birth_date: 1980-01-01, height: 180 cm}\n"
        "conditions:\n"
        "  - {kind: peripheral_nerve_injury, nerve: radial, side: left, onset: 2026-06-01}\n"
        "episodes:\n"
        "  - {kind: immobilisation, limb: forearm, side: left, start: 2026-09-01, end: 2026-10-01, device: cast}\n"
        "  - {kind: immobilisation, limb: forearm, side: left, start: 2026-10-20, device: cast}\n"
        "measurements:\n"
        "  - {kind: body_weight, value: 80 kg, date: 2026-10-21}\n",
        encoding="utf-8",
    )
    text = _run(record, "-s", "current").output
    names = ("left forearm (immobilisation)", "left forearm (immobilisation, 2)", "left forearm (denervation)")
    for name in names:
        assert f"  {name}: now" in text, text
    out = tmp_path / "r.html"
    assert _run(record, "-s", "current", "-f", "html", "-o", out).exit_code == 0
    page = out.read_text(encoding="utf-8")
    for name in names:
        assert f"<th>{name}, %</th>" in page and f"{name} muscle size" in page


def test_a_spinal_cord_injury_says_why_its_paralysed_muscles_are_not_projected():
    """simulate on a T6 complete injury showed the whole body only, with no word about the paralysed legs."""
    result = _run(EXAMPLES / "sci-t6.yaml", "-s", "current")
    assert result.exit_code == 0, result.output
    assert "muscles paralysed by the spinal cord injury are not projected" in result.output
    assert "[castro1999]" in result.output
