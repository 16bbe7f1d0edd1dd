"""``myoscope screen`` refuses what a record refuses and never loses data: a row dated before 1900 or after the
day of the run is refused (a typed year 2062 would otherwise become the latest weight and hide a red flag), a
row without a person or a date is refused (never screened as a made-up person or as undated), an output folder
that would overwrite an input, is a file, or names a missing table is refused before anything is written, and
``--on`` takes a date a record could carry."""

from __future__ import annotations

import csv
from pathlib import Path

import polars as pl
from typer.testing import CliRunner

from myoscope.cli import app

runner = CliRunner()


def _screen(*args: str):
    return runner.invoke(app, ["screen", *args, "--no-progress"])


def _rows(path: Path, lines: list[str]) -> Path:
    path.write_text("person,date,kind,value,unit\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def _refused(out: Path) -> list[dict[str, str]]:
    with open(out / "refused.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_a_typed_future_year_is_refused_and_the_red_flag_it_hid_is_raised(tmp_path):
    rows = _rows(
        tmp_path / "rows.csv",
        ["3,2026-03-01,body_weight,60,kg", "3,2026-06-01,body_weight,50,kg", "3,2062-06-01,body_weight,50,kg"],
    )
    result = _screen(str(rows), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    (refused,) = _refused(tmp_path / "out")
    assert refused["row"] == "3" and refused["reason"] == "date before 1900-01-01 or after the day of the run"
    flags = pl.read_parquet(tmp_path / "out" / "flags.parquet")
    assert flags["red_flag_rapid_weight_loss"].to_list() == [1]
    assert "1 person has a red flag (rapid weight loss: 1; refeeding risk (NICE CG32): 1)" in result.output


def test_dates_before_1900_are_refused(tmp_path):
    rows = _rows(tmp_path / "rows.csv", ["1,1899-12-31,body_weight,60,kg", "1,2026-01-05,body_weight,61,kg"])
    assert _screen(str(rows), "-o", str(tmp_path / "out")).exit_code == 0
    assert [r["date"] for r in _refused(tmp_path / "out")] == ["1899-12-31"]


def test_canonical_rows_without_a_person_or_a_date_are_refused_not_invented(tmp_path):
    table = tmp_path / "canonical.parquet"
    pl.DataFrame(
        {
            "person": [1, None, 1, 2],
            "day": [20000, 20010, None, 20000],
            "kind": [0, 0, 0, 0],
            "side": [0, 0, 0, 0],
            "value": [70.0, 71.0, 72.0, 60.0],
        },
        schema={"person": pl.Int64, "day": pl.Int32, "kind": pl.Int8, "side": pl.Int8, "value": pl.Float64},
    ).write_parquet(table)
    result = _screen(str(table), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "RuntimeWarning" not in result.output
    refused = {(r["row"], r["reason"], r["date"]) for r in _refused(tmp_path / "out")}
    assert refused == {("2", "no person", "2024-10-14"), ("3", "no date", "")}
    flags = pl.read_parquet(tmp_path / "out" / "flags.parquet")
    assert flags["person"].to_list() == [1, 2] and flags["weight_kg"].to_list() == [70.0, 60.0]


def test_an_output_folder_holding_the_input_is_refused_and_the_input_kept(tmp_path):
    rows = _rows(tmp_path / "flags.csv", ["1,2026-01-05,body_weight,61,kg"])
    before = rows.read_bytes()
    result = _screen(str(rows), "-o", str(tmp_path))
    assert result.exit_code == 2
    assert "--out: would overwrite the input 'flags.csv'" in result.output
    assert rows.read_bytes() == before and not (tmp_path / "refused.csv").exists()


def test_an_output_path_through_a_file_or_a_missing_table_is_refused_before_writing(tmp_path):
    rows = _rows(tmp_path / "rows.csv", ["1,2026-01-05,body_weight,61,kg"])
    (tmp_path / "taken").write_text("x", encoding="utf-8")
    result = _screen(str(rows), "-o", str(tmp_path / "taken" / "sub"))
    assert result.exit_code == 2 and "--out: 'taken' is a file, not a folder" in result.output
    missing = _screen(str(rows), "--persons", str(tmp_path / "none.csv"), "-o", str(tmp_path / "out"))
    assert missing.exit_code == 2 and "--persons: is not a file" in missing.output
    assert not (tmp_path / "out").exists()


def test_an_output_folder_that_cannot_be_one_is_refused_not_an_internal_error(tmp_path):
    """A name too long for the file system, or a link to nothing, was an internal error (OSError)."""
    rows = _rows(tmp_path / "rows.csv", ["1,2026-01-05,body_weight,61,kg"])
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    for out, message in (
        (tmp_path / ("x" * 300), "--out: cannot be a folder here (file name too long)"),
        (tmp_path / "dangling", "--out: is a link to nothing"),
    ):
        result = _screen(str(rows), "-o", str(out))
        assert result.exit_code == 2 and message in result.output, result.output


def test_on_must_be_a_date_a_record_could_carry(tmp_path):
    rows = _rows(tmp_path / "rows.csv", ["1,2026-01-05,body_weight,61,kg"])
    for day, reason in (("2099-01-01", "is in the future"), ("1800-01-01", "is too early")):
        result = _screen(str(rows), "--on", day, "-o", str(tmp_path / "out"))
        assert result.exit_code == 2 and f"--on: {reason}" in result.output, result.output


def test_the_paths_printed_are_escaped(tmp_path):
    rows = _rows(tmp_path / "rows.csv", ["1,2026-01-05,body_weight,61,kg"])
    result = _screen(str(rows), "-o", str(tmp_path / "esc\x1b[2Jout"))
    assert result.exit_code == 0 and "\x1b" not in result.output and "esc\\x1b[2Jout" in result.output


def test_cells_that_start_like_a_formula_are_written_as_text_in_every_csv(tmp_path):
    """OWASP CSV injection: a site name or an unknown kind typed as '=HYPERLINK(...)' is run by a spreadsheet."""
    rows = tmp_path / "rows.csv"
    rows.write_text(
        'person,date,kind,value,unit\n1,2026-01-05,body_weight,61,kg\n1,2026-01-06,=HYPERLINK("x"),1,kg\n',
        encoding="utf-8",
    )
    persons = tmp_path / "persons.csv"
    persons.write_text("person,sex,birth_year,site\n1,female,1950,@SUM(1+1)\n", encoding="utf-8")
    out = tmp_path / "out"
    result = _screen(str(rows), "--persons", str(persons), "-o", str(out))
    assert result.exit_code == 0, result.output
    for name in ("flags.csv", "prevalence.csv", "refused.csv"):
        cells = [c for line in csv.reader((out / name).open(encoding="utf-8")) for c in line]
        assert not [c for c in cells if c[:1] in ("=", "@")], name
    assert "'@SUM(1+1)" in (out / "flags.csv").read_text(encoding="utf-8")
    assert pl.read_parquet(out / "flags.parquet")["site"].to_list() == ["@SUM(1+1)"]  # the data as given


def _canonical(path: Path, **columns) -> Path:
    base = {"person": [1], "day": [20000], "kind": [0], "side": [0], "value": [70.0]}
    pl.DataFrame({**base, **columns}).write_parquet(path)
    return path


def test_a_canonical_table_of_wrong_column_types_is_refused_naming_the_column(tmp_path):
    for column, values in (("day", ["x"]), ("kind", ["grip_strength"]), ("person", ["c"])):
        table = _canonical(tmp_path / f"{column}.parquet", **{column: values})
        result = _screen(str(table), "-o", str(tmp_path / "out"))
        assert result.exit_code == 2 and f"input.{column}: is not of the canonical table's type" in result.output


def test_a_canonical_code_beyond_its_range_is_a_refused_row_not_an_internal_error(tmp_path):
    table = _canonical(tmp_path / "big.parquet", kind=[300], side=[9])
    result = _screen(str(table), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert [r["reason"] for r in _refused(tmp_path / "out")] == ["unknown kind"]


def _omop(folder: Path, measurement: str, observation: str | None = None) -> Path:
    folder.mkdir()
    (folder / "person.csv").write_text("person_id,gender_concept_id,year_of_birth\n1,8507,1950\n", encoding="utf-8")
    (folder / "measurement.csv").write_text(
        "measurement_id,person_id,measurement_concept_id,measurement_date,value_as_number,unit_concept_id,"
        "unit_source_value\n" + measurement,
        encoding="utf-8",
    )
    if observation is not None:
        (folder / "observation.csv").write_text(observation, encoding="utf-8")
    return folder


def test_omop_dates_with_times_text_dates_and_header_only_tables_are_read_not_an_internal_error(tmp_path):
    rows = "1,1,3025315,2026-01-01 10:00:00,60,0,kg\n2,1,3025315,01/02/2026,59,0,kg\n3,1,3025315,2026-06-01,50,0,kg\n"
    header = "observation_id,person_id,observation_concept_id,observation_date,value_as_number,unit_concept_id,"
    folder = _omop(tmp_path / "omop", rows, header + "unit_source_value\n")
    result = _screen(str(folder), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert [(r["row"], r["reason"]) for r in _refused(tmp_path / "out")] == [
        ("measurement 2", "date is not a date (YYYY-MM-DD)")
    ]
    flags = pl.read_parquet(tmp_path / "out" / "flags.parquet")
    assert flags["weight_change_6m_pct"].round(1).to_list() == [-16.7]


def test_a_person_without_a_conditions_row_is_asked_none_with_or_without_a_persons_table(tmp_path):
    """The documented rule: a conditions table with rows is the site's list of diagnoses, so a person with
    measurements and no row there has conditions 'asked: none' (spinal cord injury not supported)."""
    rows = _rows(
        tmp_path / "rows.csv",
        [f"{p},2026-01-05,body_weight,61,kg" for p in (1, 2, 3)],
    )
    conditions = tmp_path / "conditions.csv"
    conditions.write_text("person,code\n1,90584004\n", encoding="utf-8")
    persons = tmp_path / "persons.csv"
    persons.write_text("person,sex,birth_year\n1,male,1950\n2,female,1960\n", encoding="utf-8")
    outs = []
    for name, extra in (("without", []), ("with", ["--persons", str(persons)])):
        out = tmp_path / name
        assert _screen(str(rows), "--conditions", str(conditions), *extra, "-o", str(out)).exit_code == 0
        outs.append(pl.read_parquet(out / "flags.parquet")["cause_spinal_cord_injury"].to_list())
    assert outs == [[2, 0, 0], [2, 0, 0]]
