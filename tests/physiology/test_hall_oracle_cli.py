"""The bw-oracle/1 format and ``myoscope simulate``.

Oracle for the CLI check: ``bw::adult_weight`` of INSP-RH/bw 1.0.0 (d5f9378), files of the shared
reference ``bw/`` (see tests/physiology/test_hall_against_bw_1_0_0.py).
"""

from __future__ import annotations

import csv
import gzip
import io
import json

import numpy as np
import pytest
import typer
from typer.testing import CliRunner

from myoscope.cli.simulate import register
from myoscope.errors import InputError
from myoscope.physiology.hall import read_oracle, simulate_oracle, write_oracle

REQUIRED = 1e-3  # 0.1 %


@pytest.fixture(scope="module")
def app():
    application = typer.Typer()
    register(application)

    @application.command("version")
    def version() -> None:  # a second command keeps typer in multi-command mode
        """Unused."""

    return application


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def _max_relative(ours, reference, names=("body_weight_kg", "fat_mass_kg", "lean_mass_kg")):
    worst = 0.0
    for mine, theirs in zip(ours["cases"], reference["cases"], strict=True):
        assert mine["id"] == theirs["id"]
        for name in names:
            a = np.array(mine["outputs"][name])
            b = np.array(theirs["outputs"][name])
            worst = max(worst, float(np.max(np.abs(a - b) / np.abs(b))))
    return worst


def test_cli_bw_variant_reproduces_the_reference_file(app, runner, reference_dir, tmp_path):
    source = reference_dir / "bw" / "bw_adult_seed1_n100_d365.json.gz"
    out = tmp_path / "ours.json.gz"
    result = runner.invoke(app, ["simulate", str(source), "--variant", "bw-1.0.0", "-o", str(out)])
    assert result.exit_code == 0, result.output
    ours = read_oracle(out)
    assert ours["generator"]["model"] == "bw-1.0.0"
    assert _max_relative(ours, read_oracle(source)) <= REQUIRED


def test_cli_default_is_hall2011_json_on_stdout(app, runner, reference_dir):
    source = reference_dir / "bw" / "hand_checks_bw.json"
    result = runner.invoke(app, ["simulate", str(source)])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["format"] == "bw-oracle/1"
    assert document["generator"]["model"] == "hall2011"
    assert document["generator"]["input_generator"]["bw_version"] == "1.0.0"
    assert len(document["cases"][0]["outputs"]["time_d"]) == 366


def test_cli_days_csv_and_html(app, runner, reference_dir, tmp_path):
    source = reference_dir / "bw" / "hand_checks_bw.json"
    result = runner.invoke(app, ["simulate", str(source), "--days", "400", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 4 * 401
    assert rows[0]["case_id"] == "man40_90kg_minus500" and rows[400]["day"] == "400"
    page = tmp_path / "sim.html"
    result = runner.invoke(app, ["simulate", str(source), "--format", "html", "-o", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text()
    assert html.count("<svg") == 4 and "lancet2011_fig3_man" in html and "Hall KD" in html


def test_cli_invalid_input_exits_2_one_line_per_problem(app, runner, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format": "bw-oracle/1",
                "cases": [
                    {
                        "id": "a",
                        "inputs": {
                            "sex": "male",
                            "age_y": 40,
                            "height_m": 1.75,
                            "weight_kg": 90,
                            "PAL": 1.5,
                            "pcarb_base": 0.5,
                            "ei_change_kcal": [0, 0],
                        },
                    },
                    {
                        "id": "b",
                        "inputs": {
                            "sex": "man",
                            "age_y": 40,
                            "height_m": 175,
                            "weight_kg": 90,
                            "PAL": 1.5,
                            "pcarb_base": 0.5,
                            "ei_change_kcal": [0, 0],
                        },
                    },
                ],
            }
        )
    )
    result = runner.invoke(app, ["simulate", str(bad)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip().startswith("- ")]
    assert lines == [
        "  - cases[1].inputs.sex: is not one of the accepted choices (got 'man'); accepted: 'male' or 'female'",
        "  - cases[1].inputs.height_m: is outside the accepted range (got 175.0); accepted: 1 to 2.5 m",
    ]
    missing = runner.invoke(app, ["simulate", str(tmp_path / "nowhere.json")])
    assert missing.exit_code == 2
    days = runner.invoke(app, ["simulate", str(bad), "--days", "0"])
    assert days.exit_code == 2 and "--days" in days.stderr


def test_outputs_in_the_input_are_ignored(reference_dir):
    document = read_oracle(reference_dir / "bw" / "hand_checks_bw.json")
    for case in document["cases"]:
        case["outputs"] = {"body_weight_kg": [0.0]}
    ours = simulate_oracle(document, "bw-1.0.0")
    assert ours["cases"][0]["outputs"]["body_weight_kg"][365] == pytest.approx(76.2646, abs=1e-4)


def test_write_and_read_back_plain_and_gzip(reference_dir, tmp_path):
    ours = simulate_oracle(read_oracle(reference_dir / "bw" / "hand_checks_bw.json"), "hall2011")
    for name in ("sim.json", "sim.json.gz"):
        write_oracle(ours, tmp_path / name)
        assert read_oracle(tmp_path / name) == ours
    with gzip.open(tmp_path / "sim.json.gz", "rt") as handle:
        assert json.load(handle)["generator"]["script"] == "myoscope simulate"


def test_missing_inputs_are_named():
    with pytest.raises(InputError) as exc:
        simulate_oracle({"cases": [{"id": "x", "inputs": {"sex": "male", "dt": 0.5}}]})
    fields = {p.field for p in exc.value.problems}
    assert {"cases[0].inputs.age_y", "cases[0].inputs.ei_change_kcal", "cases[0].inputs.dt"} <= fields
    with pytest.raises(InputError):
        simulate_oracle({"cases": []})


@pytest.mark.parametrize("cases", [1, 2])
def test_an_intake_cut_below_zero_names_the_case_and_day(cases):
    """A cut larger than the baseline intake is refused naming the file's field; with one case the index the
    model gives is a day (it was read as a case number, and an internal error followed)."""
    inputs = {
        "sex": "male",
        "age_y": 40,
        "height_m": 1.75,
        "weight_kg": 90,
        "PAL": 1.5,
        "days": 30,
        "dt": 1,
        "ei_change_kcal": [-3000],
    }
    document = {"format": "bw-oracle/1", "cases": [{"id": f"c{k}", "inputs": dict(inputs)} for k in range(cases)]}
    with pytest.raises(InputError) as exc:
        simulate_oracle(document)
    fields = [p.field for p in exc.value.problems]
    assert fields[0] == "cases[0].inputs.ei_change_kcal[0]"
    assert all(f.startswith("cases[") and ".inputs.ei_change_kcal[" in f for f in fields)
