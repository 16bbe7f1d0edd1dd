"""``myoscope screen`` end to end: OMOP extract and mapped long tables, polars and Dask, refusals, escaping."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from _unavailable import unavailable
from myoscope.cli import app
from myoscope.cohort import RULE_VERSION, generate, write_long
from myoscope.cohort._omop import write_omop

OUTPUTS = ("flags.parquet", "flags.csv", "prevalence.csv", "refused.csv", "summary.html")


def _screen(*args: str):
    return CliRunner().invoke(app, ["screen", *args, "--no-progress"])


@pytest.fixture(scope="module")
def omop(tmp_path_factory) -> Path:
    return write_omop(generate(4000, 40, seed=11), tmp_path_factory.mktemp("omop"))


def test_omop_extract_polars_and_dask_give_identical_files(omop, tmp_path):
    polars_out, dask_out = tmp_path / "polars", tmp_path / "dask"
    first = _screen(str(omop), "-o", str(polars_out))
    assert first.exit_code == 0, first.output
    second = _screen(str(omop), "-o", str(dask_out), "--engine", "dask", "--workers", "2")
    assert second.exit_code == 0, second.output
    for name in OUTPUTS:
        assert (polars_out / name).read_bytes() == (dask_out / name).read_bytes(), name
    flags = pl.read_parquet(polars_out / "flags.parquet")
    assert flags.height == 4000 and flags["person"].is_unique().all()
    assert set(flags["rule_version"]) == {RULE_VERSION}
    sci = flags["cause_spinal_cord_injury"]  # the extract's condition_occurrence decides it
    assert set(sci.unique()) == {0, 2} and 0 < (sci == 2).sum() < 200
    assert set(flags["cause_spinal_cord_injury_category"].unique()) == {"likely", "not supported"}
    prevalence = pl.read_csv(polars_out / "prevalence.csv")
    assert {"all", "sex", "age_band", "care_site"} <= set(prevalence["by"])
    html = (polars_out / "summary.html").read_text()
    assert "<svg" in html and "Wilson" in html
    assert "<td>age band</td>" in html and "age_band" not in html  # the grouping in words
    assert "<td>care_site</td>" in html  # a site's own column as it is named


def test_long_table_with_mapping_converts_units_and_reports_refusals(tmp_path):
    rows = tmp_path / "rows.csv"
    rows.write_text(
        "pid,when,test,result,unit,lat\n"
        "1,2026-01-01,Weight,176.4,lb,\n"
        "1,2026-03-01,Weight,70,kg,\n"
        "1,2026-03-01,Grip,20,kg,R\n"
        "1,2026-03-01,Grip,22,kg,R\n"
        "1,2026-03-01,Calf,33,cm,\n"
        "1,not-a-date,Weight,70,kg,\n"
        "2,2026-03-01,Weight,70,stone-ish,\n"
        "2,2026-03-01,Weight,7000,kg,\n"
        "2,2026-03-01,Mystery,1,kg,\n",
        encoding="utf-8",
    )
    persons = tmp_path / "persons.csv"
    persons.write_text("pid,sex,born,site\n1,F,1950,<b>ward</b>\n2,M,1960,north\n", encoding="utf-8")
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(
        "format: myoscope-cohort-mapping/1\n"
        "measurements:\n  columns: {person: pid, date: when, kind: test, value: result, unit: unit, side: lat}\n"
        "  kinds: {Weight: body_weight, Grip: grip_strength, Calf: calf_circumference}\n"
        "  sides: {R: right, L: left}\n"
        "persons:\n  columns: {person: pid, sex: sex, birth_year: born}\n  sex: {F: female, M: male}\n"
        "  groups: [site]\n"
        'condition_codes: {"N1": peripheral_nerve_injury}\n',
        encoding="utf-8",
    )
    conditions = tmp_path / "conditions.csv"
    conditions.write_text("person,code\n1,90584004\n2,N1\n", encoding="utf-8")
    out = tmp_path / "out"
    result = _screen(
        str(rows), "--persons", str(persons), "--conditions", str(conditions), "--mapping", str(mapping), "-o", str(out)
    )
    assert result.exit_code == 0, result.output
    refused = list(csv.DictReader((out / "refused.csv").open()))
    reasons = sorted(r["reason"] for r in refused)
    assert reasons == [
        "date is not a date (YYYY-MM-DD)",
        "needs the side (left or right)",
        "unknown kind",
        "unknown unit for this kind",
        "value outside the plausible range of its kind",
    ]
    assert "5 rows refused" in result.output
    flags = pl.read_parquet(out / "flags.parquet").sort("person")
    one = flags.row(0, named=True)
    assert one["grip_kg"] == 22.0  # same-day duplicates: the highest value
    assert one["weight_change_3m_pct"] == pytest.approx(100 * (70 - 176.4 * 0.45359237) / (176.4 * 0.45359237))
    assert one["ewgsop2_category"] == "no sarcopenia"
    assert (one["cause_spinal_cord_injury_category"], one["cause_nerve_injury_category"]) == ("likely", "not supported")
    two = flags.row(1, named=True)
    assert (two["cause_spinal_cord_injury_category"], two["cause_nerve_injury_category"]) == ("not supported", "likely")
    html = (out / "summary.html").read_text()
    assert "<b>ward</b>" not in html and "&lt;b&gt;ward&lt;/b&gt;" in html


def test_bad_mapping_exits_2_naming_the_entry(tmp_path):
    rows = tmp_path / "rows.csv"
    rows.write_text("person,date,kind,value\n1,2026-01-01,body_weight,70\n", encoding="utf-8")
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("format: myoscope-cohort-mapping/1\nmeasurements:\n  kinds: {W: body_mass}\n", encoding="utf-8")
    result = _screen(str(rows), "--mapping", str(mapping), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "measurements.kinds.W" in result.output


def test_canonical_parquet_and_on_date(tmp_path):
    cohort = generate(300, 30, seed=5)
    rows, persons = write_long(cohort, tmp_path / "in")
    result = _screen(str(rows), "--persons", str(persons), "-o", str(tmp_path / "out"), "--on", "2019-06-30")
    assert result.exit_code == 0, result.output
    flags = pl.read_parquet(tmp_path / "out" / "flags.parquet")
    assert flags["last_day"].drop_nulls().max() <= __import__("datetime").date(2019, 6, 30)
    assert _screen(str(rows), "--on", "2019-13-40", "-o", str(tmp_path / "x")).exit_code == 2


def test_spark_partition_function_runs_the_same_kernel_on_person_clustered_batches():
    """What Spark's ``mapInArrow`` would call, fed the partitions a person-clustered table gives (pyspark itself
    is not a dependency, so the Spark session wiring is not exercised here)."""
    import numpy as np
    import pyarrow as pa

    from myoscope.cohort import screen_arrays
    from myoscope.cohort._spark import screen_batches

    cohort = generate(50, 20, seed=2)
    table = pa.table({k: np.asarray(v) for k, v in cohort.rows.items()}).sort_by("person")
    people = np.unique(table.column("person").to_numpy())
    cut = int(people[len(people) // 2])
    persons_col = table.column("person").to_numpy()
    first, second = table.filter(pa.array(persons_col < cut)), table.filter(pa.array(persons_col >= cut))
    batches = [b for part in (first, second) for b in part.to_batches(max_chunksize=10**9)]
    got = pa.Table.from_batches(list(screen_batches(batches, cohort.persons))).sort_by("person").to_pydict()
    want, _, _ = screen_arrays(cohort.rows, cohort.persons)
    order = np.argsort(want["person"])
    assert got["person"] == list(np.asarray(want["person"])[order])
    assert got["ewgsop2"] == list(np.asarray(want["ewgsop2"])[order])


def test_spark_screen_on_a_local_session_gives_the_kernel_flags(monkeypatch):
    """The Spark session wiring (``spark_screen`` through ``mapInArrow``), where pyspark is installed."""
    import importlib.util
    import shutil

    if importlib.util.find_spec("pyspark") is None or shutil.which("java") is None:
        unavailable("pyspark (a test dependency) or Java (its runtime) is not installed")
    import numpy as np
    from pyspark.sql import SparkSession

    from myoscope.cohort import screen_arrays, spark_screen

    cohort = generate(30, 20, seed=4)
    # Spark's Python workers run the interpreter this test runs in (where myoscope is installed), not PATH's python3
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    spark = SparkSession.builder.master("local[1]").appName("myoscope-screen-test").getOrCreate()
    try:
        rows = [
            tuple(int(v) if k != "value" else float(v) for k, v in zip(cohort.rows, r, strict=True))
            for r in zip(*cohort.rows.values(), strict=True)
        ]
        frame = spark.createDataFrame(rows, schema="person long, day int, kind byte, side byte, value double")
        got = {r["person"]: r["ewgsop2"] for r in spark_screen(frame, cohort.persons).collect()}
    finally:
        spark.stop()
    want, _, _ = screen_arrays(cohort.rows, cohort.persons)
    assert got == {int(p): int(e) for p, e in zip(want["person"], want["ewgsop2"], strict=True)}
    assert np.unique(want["ewgsop2"]).size > 1


def test_flags_csv_rounds_measures_for_people_and_parquet_keeps_them(omop, tmp_path):
    """flags.csv writes 83.5, not 83.500000; each value is the Parquet value rounded to 2 decimals."""
    result = _screen(str(omop), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    exact = pl.read_parquet(tmp_path / "flags.parquet")
    with open(tmp_path / "flags.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == exact.height
    floats = [c for c, t in exact.schema.items() if t == pl.Float64]
    assert {"weight_kg", "bmi", "grip_kg"} <= set(floats)
    unrounded = 0
    for column in floats:
        for row, value in zip(rows, exact[column].to_list(), strict=True):
            text = row[column]
            if value is None:
                assert text == ""
                continue
            assert len(text.partition(".")[2]) <= 2, (column, text)
            assert abs(float(text) - value) <= 0.005 + 1e-9, (column, text, value)
            unrounded += round(value, 2) != value
    assert unrounded > 0  # the Parquet file keeps what the CSV rounds
