"""A conditions table is read as a person reads it: a spinal cord injury code with a space around it, or written as
a decimal by a spreadsheet or a float column, is a spinal cord injury, never "asked: none"; a row that cannot be read
is reported with its row among the refused rows and the rest of the run goes on."""

from __future__ import annotations

import csv

import polars as pl
from typer.testing import CliRunner

from myoscope.cli import app

runner = CliRunner()
SCI = "90584004"


def _screen(tmp_path, conditions):
    rows = tmp_path / "rows.csv"
    rows.write_text(
        "person,date,kind,value,unit\n" + "".join(f"{p},2026-06-01,body_weight,70,kg\n" for p in range(1, 7)),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["screen", str(rows), "--conditions", str(conditions), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    flags = pl.read_parquet(tmp_path / "out" / "flags.parquet")
    with open(tmp_path / "out" / "refused.csv", encoding="utf-8") as handle:
        refused = list(csv.DictReader(handle))
    return dict(zip(flags["person"], flags["cause_spinal_cord_injury_category"], strict=True)), refused, result


def test_codes_written_with_spaces_or_as_decimals_are_read_as_written(tmp_path):
    path = tmp_path / "conditions.csv"
    path.write_text(f'person,code\n1, {SCI}\n2,{SCI}.0\n3,"{SCI} "\n 4,{SCI}\n5.0,{SCI}\n', encoding="utf-8")
    status, refused, _ = _screen(tmp_path, path)
    assert status == {1: "likely", 2: "likely", 3: "likely", 4: "likely", 5: "likely", 6: "not supported"}
    assert refused == []


def test_a_float_column_of_codes_and_ids_is_read_as_whole_numbers(tmp_path):
    path = tmp_path / "conditions.parquet"
    pl.DataFrame({"person": [1.0, 2.0], "code": [float(SCI), 73211009.0]}).write_parquet(path)
    status, _, _ = _screen(tmp_path, path)
    assert status[1] == "likely" and status[2] == "not supported"


def test_a_row_that_cannot_be_read_is_refused_with_its_row_and_the_run_goes_on(tmp_path):
    path = tmp_path / "conditions.csv"
    path.write_text(f"person,code\n1,{SCI}\nP2,{SCI}\n3,\n", encoding="utf-8")
    status, refused, result = _screen(tmp_path, path)
    assert status[1] == "likely"
    assert [(r["row"], r["reason"], r["person"], r["value"]) for r in refused] == [
        ("conditions 2", "person id is not a whole number", "P2", SCI),
        ("conditions 3", "no condition code", "3", ""),
    ]
    assert "6 people screened from 6 rows; 2 rows refused" in result.output
