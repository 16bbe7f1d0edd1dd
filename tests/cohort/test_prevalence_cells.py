"""Prevalence from one pass into cells equals counting each group directly, nulls and empty groups included."""

from __future__ import annotations

import numpy as np
import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from myoscope.cohort._prevalence import SCREENS, age_band, prevalence, wilson_interval

COLUMNS = sorted({s.column for s in SCREENS})


def _flags(seed: int, n: int) -> pl.DataFrame:
    rng = np.random.default_rng(seed)
    data = {
        "sex": rng.integers(0, 3, n).astype(np.int8),
        "age": rng.integers(10, 100, n).astype(np.int16),
        **{c: rng.integers(-1, 4, n).astype(np.int8) for c in COLUMNS},
    }
    site = rng.choice(np.array(["north", "south", "east"], dtype=object), n)
    frame = pl.DataFrame(data).with_columns(site=pl.Series(site, dtype=pl.Utf8))
    missing = rng.random(n) < 0.1  # people absent from the persons table have no group
    return frame.with_columns(pl.when(pl.Series(missing)).then(None).otherwise(pl.col("site")).alias("site"))


def _direct(flags: pl.DataFrame, by: str, label: str) -> dict[tuple[str, str], tuple[int, int, int]]:
    sex = {0: "unknown", 1: "male", 2: "female"}
    out = {}
    for row in flags.iter_rows(named=True):
        group = {
            "all": "all",
            "sex": sex[row["sex"]],
            "age_band": age_band(row["age"]),
            "site": "not recorded" if row["site"] is None else str(row["site"]),
        }[by]
        for screen in SCREENS:
            value = row[screen.column]
            positive = (value == screen.exactly) if screen.exactly is not None else (value >= screen.at_least)
            persons, decided, pos = out.get((screen.name, group), (0, 0, 0))
            out[(screen.name, group)] = (persons + 1, decided + (value >= 0), pos + (positive and value >= 0))
    return out


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 2**31), n=st.integers(1, 300))
def test_prevalence_equals_direct_counts(seed, n):
    flags = _flags(seed, n)
    table = prevalence(flags, ("site",))
    for by in ("all", "sex", "age_band", "site"):
        expected = _direct(flags, by, by)
        got = table.filter(pl.col("by") == by)
        assert got.height == len(expected)
        for row in got.iter_rows(named=True):
            persons, decided, positive = expected[(row["screen"], row["group"])]
            assert (row["persons"], row["decided"], row["positive"]) == (persons, decided, positive)
            assert row["cannot_tell"] == persons - decided
            low, high = wilson_interval(positive, decided)
            assert row["ci95_low"] == (None if decided == 0 else low)
            assert row["ci95_high"] == (None if decided == 0 else high)
    order = [s.name for s in SCREENS]
    assert table["screen"].to_list() == sorted(table["screen"].to_list(), key=order.index)


def test_a_table_whose_first_rows_are_all_undecided_keeps_its_types():
    """The first screens undecided for every group (no one measured for them) once made the table's columns
    of no type, and the first decided prevalence then failed to be added (an internal error of the run)."""
    n = 40
    data = {"sex": np.zeros(n, np.int8), "age": np.arange(20, 20 + n).astype(np.int16)}
    data |= {c: np.full(n, -1, np.int8) for c in COLUMNS}
    data[SCREENS[-1].column] = np.ones(n, np.int8)  # only the last screen decided
    site = pl.Series([f"site {i}" for i in range(n)], dtype=pl.Utf8)
    table = prevalence(pl.DataFrame(data).with_columns(site=site), ("site",))
    assert table.schema["prevalence"] == pl.Float64 and table.schema["ci95_low"] == pl.Float64
    last = table.filter((pl.col("screen") == SCREENS[-1].name) & (pl.col("by") == "all"))
    assert last["prevalence"].to_list() == [1.0]
