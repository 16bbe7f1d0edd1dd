"""``read_omop``: an OMOP CDM extract to canonical rows, refusing what it cannot read and counting what is not ours."""

from __future__ import annotations

import polars as pl

from myoscope.cohort import KIND_CODE, Mapping, generate, read_omop, write_omop


def _extract(tmp_path):
    directory = write_omop(generate(40, 20, seed=3), tmp_path / "omop")
    measurement = pl.read_parquet(directory / "measurement.parquet")
    weight = measurement.filter(pl.col("unit_source_value") == "kg").row(0, named=True)
    first = int(measurement["measurement_id"].max()) + 1
    extra = pl.DataFrame(
        [
            {**weight, "measurement_id": first, "unit_concept_id": 0, "unit_source_value": "stone-ish"},
            {**weight, "measurement_id": first + 1, "measurement_concept_id": 0, "unit_source_value": "kg"},
            {**weight, "measurement_id": first + 2, "measurement_concept_id": 4_000_001},
            {**weight, "measurement_id": first + 3, "person_id": 1, "value_as_number": 72.0},
        ],
        schema=measurement.schema,
    )
    # the extra rows come first: the reader orders by person, then by table and row id
    pl.concat([extra, measurement]).write_parquet(directory / "measurement.parquet")
    return directory, first, weight


def test_refused_rows_carry_table_and_id_and_other_concepts_are_counted(tmp_path):
    directory, first, weight = _extract(tmp_path)
    rows, persons, report = read_omop(directory, Mapping(), tmp_path / "work")
    assert [(r["row"], r["reason"]) for r in report["refused"]] == [
        (f"measurement {first}", "unknown unit 'stone-ish' for body_weight")
    ]
    assert report["unmapped_concept_0"] == 1
    assert report["other_concepts"] == {4_000_001: 1}
    table = pl.read_parquet(rows)
    assert table["person"].is_sorted()
    assert (
        table.height
        == pl.read_parquet(directory / "measurement.parquet").height
        - 3
        + pl.read_parquet(directory / "observation.parquet").height
    )
    one = table.filter((pl.col("person") == 1) & (pl.col("kind") == KIND_CODE["body_weight"]))
    assert one["value"][-1] == 72.0  # person 1's added row, highest id among person 1's measurements, comes last
    assert pl.read_parquet(persons)["person"].is_sorted()


def test_rows_the_kernel_refuses_name_their_omop_table_and_id(tmp_path):
    from myoscope.cohort import screen

    directory, first, weight = _extract(tmp_path)
    measurement = pl.read_parquet(directory / "measurement.parquet")
    implausible = measurement.filter(pl.col("measurement_id") == first + 3).with_columns(value_as_number=pl.lit(7000.0))
    rest = measurement.filter(pl.col("measurement_id") != first + 3)
    pl.concat([rest, implausible]).write_parquet(directory / "measurement.parquet")
    result = screen(directory, tmp_path / "out", html=False)
    refused = pl.read_csv(tmp_path / "out" / "refused.csv", infer_schema=False).to_dicts()
    kernel = [r for r in refused if r["reason"] == "value outside the plausible range of its kind"]
    assert [(r["row"], r["person"], r["value"], r["unit"]) for r in kernel] == [
        (f"measurement {first + 3}", "1", "7000.0", "kg")
    ]
    assert result.refused == len(refused)
