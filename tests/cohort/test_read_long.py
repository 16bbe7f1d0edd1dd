"""``read_long``: a mapped long table (CSV or typed Parquet) to the canonical person-sorted rows, refusals kept."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from myoscope.cohort import KIND_CODE, Mapping, read_long

CSV = (
    "pid,when,test,result,unit,lat,row,factor,reason,kind_code\n"
    "2, 2026-03-01 ,Weight, 70 ,kg,,x,x,x,x\n"
    "1,2026-01-01,Weight,176.4,lb,,x,x,x,x\n"
    "P-7,not-a-date,Weight,70,kg,,x,x,x,x\n"
    "2,2026-03-02,Grip,20,kg,R,x,x,x,x\n"
    "1,2026-03-01,Weight,70,kg,,x,x,x,x\n"
    "1,2026-03-01,Weight,seventy,kg,,x,x,x,x\n"
    "1,2026-03-01,Grip,20,kg,up,x,x,x,x\n"
    "1,2026-03-01,Calf,33,stone-ish,,x,x,x,x\n"
    "1,2026-03-01,Mystery,1,kg,,x,x,x,x\n"
    "3,2026-03-01,Calf,,cm,,x,x,x,x\n"
)
MAPPING = Mapping(
    columns={"person": "pid", "date": "when", "kind": "test", "value": "result", "unit": "unit", "side": "lat"},
    kinds={"Weight": ("body_weight", None), "Grip": ("grip_strength", None), "Calf": ("calf_circumference", None)},
    sides={"R": "right", "L": "left"},
)


@pytest.fixture
def csv_path(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


def test_refusals_name_the_first_reason_and_keep_the_cells_as_written(csv_path, tmp_path):
    """Columns that share the reader's own names (row, factor, reason, kind_code) change nothing."""
    _, refused = read_long(csv_path, MAPPING, tmp_path / "work")
    assert [(r["row"], r["reason"]) for r in refused] == [
        (3, "person id is not a whole number"),  # its date is bad too: the first reason is given
        (6, "value is not a number"),
        (7, "unknown side"),
        (8, "unknown unit for this kind"),
        (9, "unknown kind"),
    ]
    first = refused[0]
    assert (first["person"], first["date"], first["kind"], first["value"], first["unit"]) == (
        "P-7",
        "not-a-date",
        "Weight",
        "70",
        "kg",
    )
    assert refused[2]["side"] == "up" and refused[1]["value"] == "seventy"


def test_rows_read_are_converted_and_sorted_by_person_keeping_the_file_order(csv_path, tmp_path):
    path, _ = read_long(csv_path, MAPPING, tmp_path / "work")
    rows = pl.read_parquet(path)
    assert rows.columns == ["person", "day", "kind", "side", "value", "source_row"]
    assert rows["person"].to_list() == [1, 1, 2, 2, 3]
    assert rows["source_row"].to_list() == [2, 5, 1, 4, 10]  # each row's place in the file
    assert rows["value"][0] == pytest.approx(176.4 * 0.45359237)  # lb to kg, once per (kind, unit)
    assert rows["day"].to_list()[2:4] == [dt.date(2026, 3, 1), dt.date(2026, 3, 2)]  # stripped cells read
    assert rows["kind"].to_list()[2:] == [
        KIND_CODE["body_weight"],
        KIND_CODE["grip_strength"],
        KIND_CODE["calf_circumference"],
    ]
    assert rows["side"][3] == 2  # R: right
    assert rows["value"][4] is None  # an empty value is not refused here: the kernel refuses it with its reason
    assert sorted(p.name for p in (tmp_path / "work").iterdir()) == ["measurements.parquet"]  # no scratch files left


def test_typed_parquet_reads_as_the_same_rows_as_its_csv(csv_path, tmp_path):
    """Integer ids, dates, datetimes and numbers are taken as they are, without a detour through text."""
    text = pl.read_csv(csv_path, infer_schema=False)
    good = text.filter(
        pl.col("pid").str.strip_chars().str.contains(r"^\d+$")
        & pl.col("result").str.strip_chars().str.contains(r"^[\d.]+$")
    )
    typed = good.with_columns(
        pl.col("pid").str.strip_chars().cast(pl.Int64),
        pl.col("when").str.strip_chars().str.to_datetime("%Y-%m-%d"),
        pl.col("result").str.strip_chars().cast(pl.Float64),
    )
    parquet = tmp_path / "rows.parquet"
    typed.write_parquet(parquet)
    from_csv = pl.read_parquet(read_long(csv_path, MAPPING, tmp_path / "a")[0])
    path, refused = read_long(parquet, MAPPING, tmp_path / "b")
    from_parquet = pl.read_parquet(path)
    assert [r["reason"] for r in refused] == ["unknown side", "unknown unit for this kind", "unknown kind"]
    assert from_parquet.drop("source_row").equals(from_csv.filter(pl.col("value").is_not_null()).drop("source_row"))


def test_rows_the_kernel_refuses_name_their_row_in_the_input_and_the_unit_of_their_value(tmp_path):
    """The canonical table is sorted by person; a refusal still points at the row a person would look up."""
    import csv

    from typer.testing import CliRunner

    from myoscope.cli import app

    rows = tmp_path / "rows.csv"
    rows.write_text(
        "person,date,kind,value,unit,side\n"
        "2,2026-03-01,body_weight,70,kg,\n"
        "1,2026-03-01,body_weight,15400,lb,\n"
        "1,2026-03-02,body_weight,71,kg,\n"
        "2,2026-03-05,calf_circumference,33,cm,\n"
        "2,2026-03-06,body_weight,9000,kg,\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["screen", str(rows), "-o", str(tmp_path / "out"), "--no-progress"])
    assert result.exit_code == 0, result.output
    refused = list(csv.DictReader((tmp_path / "out" / "refused.csv").open(encoding="utf-8")))
    assert [(r["row"], r["reason"], r["person"]) for r in refused] == [
        ("2", "value outside the plausible range of its kind", "1"),
        ("4", "needs the side (left or right)", "2"),
        ("5", "value outside the plausible range of its kind", "2"),
    ]
    assert (refused[0]["value"], refused[0]["unit"]) == ("6985.322498", "kg")  # 15400 lb, in the kind's unit


def test_a_kind_column_that_holds_values_is_refused_before_each_is_looked_up(tmp_path):
    """A mapping that points ``kind`` at a column of values makes a distinct cell of nearly every row."""
    from myoscope.cohort._inputs import MAX_DISTINCT_CELLS
    from myoscope.errors import InputError

    n = MAX_DISTINCT_CELLS + 5
    path = tmp_path / "rows.csv"
    pl.DataFrame(
        {
            "person": [1] * n,
            "date": ["2026-03-01"] * n,
            "kind": [f"{70 + i / 100:.2f}" for i in range(n)],
            "value": [1.0] * n,
        }
    ).write_csv(path)
    with pytest.raises(InputError) as refused:
        read_long(path, Mapping(), tmp_path / "work")
    problem = refused.value.problems[0]
    assert problem.field == "measurements.columns"
    assert str(problem) == (
        "measurements.columns: too many distinct (kind, unit, side) cells for a measurement table; is the mapping "
        f"pointing at the right columns? (got '{n:,} in kind'); accepted: at most 10,000 distinct combinations"
    )
    assert "at most 10,000" in problem.accepted


def test_placeholders_for_an_empty_cell_are_read_as_empty(tmp_path):
    """'NA' in the side of a weight, or in the unit of a score, is an export's empty cell, not a side or unit."""
    rows = tmp_path / "rows.csv"
    rows.write_text(
        "person,date,kind,value,unit,side\n"
        "1,2026-06-01,body_weight,70,kg,NA\n1,2026-06-01,sppb,8,NA,n/a\n1,2026-06-01,sarc_f,3,score,\n"
        "1,2026-06-01,calf_circumference,30,cm,Left\n",
        encoding="utf-8",
    )
    out, refused = read_long(rows, Mapping(), tmp_path / "work")
    assert refused == []
    import polars as pl

    assert pl.read_parquet(out).height == 4
