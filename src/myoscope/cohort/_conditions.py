"""Conditions tables: the diagnoses on record per person, and the cause statuses they decide.

A conditions table (OMOP ``condition_occurrence``, or a long table with person and SNOMED CT
code) is read into one small bit set per person: which of the conditions the causes weigh by
kind are recorded, and whether the site records conditions at all. A table with at least one
row counts as the site's list of diagnoses, so a person without a row has conditions "asked:
none" (as a record whose ``conditions`` section is ``[]``); without a table, or with an empty
one, conditions are "not recorded".

The statuses come from the causes' own rule tables: for each possible bit set, the findings the
per-person cause would hold are built from its findings ``Enum`` and :func:`decide` picks the
rule, once, into a 256-entry look-up table; a whole partition is then one array index. Only the
causes whose findings a table can settle are given (spinal cord injury, multiple sclerosis,
peripheral nerve injury); the ALS bit and the bit of conditions that explain motor signs feed the
ALS cause in :mod:`._muscle_causes`, and the bit of GLIM's chronic diseases feeds GLIM's inflammation
criterion. The other conditions and the nutrition causes also read
symptoms, episodes or diet, which these tables do not carry.
"""

from __future__ import annotations

from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from myoscope.instruments.api import given

if TYPE_CHECKING:
    import polars as pl

CONDITION_SNOMED: dict[str, str] = {
    "90584004": "spinal_cord_injury",
    "86044005": "als",
    "24700007": "multiple_sclerosis",
    "426373005": "multiple_sclerosis",
    "425500002": "multiple_sclerosis",
    "428700003": "multiple_sclerosis",
}
"""SNOMED CT concept ids of the condition kinds of the record: spinal cord injury, amyotrophic lateral
sclerosis, multiple sclerosis and its relapsing-remitting, secondary and primary progressive courses.
The same codes the FHIR terminology table of the project uses (a test pins the two together). No
SNOMED CT code was verified for a peripheral nerve injury: map a site's own code with ``conditions:``
in the mapping file."""

KIND_BIT: dict[str, int] = {
    "spinal_cord_injury": 1,
    "als": 2,
    "multiple_sclerosis": 4,
    "peripheral_nerve_injury": 8,
    "other": 16,
}
EXPLAINS = 32
"""Bit set when a recorded condition explains motor signs on its own (a stroke, a myopathy, heart failure:
``myoscope.causes.explaining_codes``), which the ALS cause weighs."""
ASKED = 64
"""Bit set when the site records conditions (the table has rows)."""
BURDEN = 128
"""Bit set when a recorded chronic disease meets GLIM's disease burden criterion (cancer, heart failure, COPD,
chronic kidney disease: ``myoscope.causes.disease_burden_codes``), which GLIM reads as inflammation."""
BIT_SETS = 256
"""Number of possible bit sets (the column is int16)."""

STATUS_CODE = {"likely": 2, "possible": 1, "not supported": 0, "cannot tell": -1}
"""Status of a cause as int8 (its ``Status`` value as key); the text goes beside it in the outputs."""
CAUSE_COLUMNS: dict[str, str] = {
    "cause_spinal_cord_injury": "spinal_cord_injury",
    "cause_multiple_sclerosis": "multiple_sclerosis",
    "cause_nerve_injury": "peripheral_nerve_injury",
}
"""Output column -> the condition kind the cause weighs."""


def _findings(cause: str, bits: int) -> set[Enum]:
    from myoscope.causes import ms, nerve, sci

    asked = bool(bits & ASKED)
    if cause == "cause_spinal_cord_injury":
        return (
            {sci.F.injury_recorded} if bits & KIND_BIT["spinal_cord_injury"] else {sci.F.asked_none} if asked else set()
        )
    if cause == "cause_nerve_injury":
        injury = bits & KIND_BIT["peripheral_nerve_injury"]
        return {nerve.F.injury_recorded} if injury else {nerve.F.asked_none} if asked else set()
    # multiple sclerosis without a diagnosis is judged on symptoms, which tables do not carry
    return {ms.F.diagnosed} if bits & KIND_BIT["multiple_sclerosis"] else set()


@lru_cache(maxsize=1)
def status_tables() -> dict[str, np.ndarray]:
    """Per cause column, the status code of every bit set (index 0-255), from the cause's rules."""
    from myoscope.causes import ms, nerve, sci
    from myoscope.causes.contract import decide

    rules = {
        "cause_spinal_cord_injury": sci.RULES,
        "cause_multiple_sclerosis": ms.RULES,
        "cause_nerve_injury": nerve.RULES,
    }
    return {
        column: np.array(
            [STATUS_CODE[decide(rules[column], _findings(column, b)).status.value] for b in range(BIT_SETS)],
            np.int8,
        )
        for column in CAUSE_COLUMNS
    }


def cause_statuses(bits: np.ndarray) -> dict[str, np.ndarray]:
    """Status codes of the causes a conditions table decides, for each person's bit set."""
    index = np.asarray(bits, dtype=np.int64) & (BIT_SETS - 1)
    return {column: table[index] for column, table in status_tables().items()}


def _other_codes() -> dict[str, int]:
    """Codes of the other conditions the causes weigh, with their bits: 'other', and 'explains' for those that
    explain motor signs by themselves, 'burden' for GLIM's chronic diseases (heart failure is both)."""
    from myoscope.causes import disease_burden_codes, explaining_codes

    bits = dict.fromkeys(sorted(explaining_codes()), KIND_BIT["other"] | EXPLAINS)
    for code in sorted(disease_burden_codes()):
        bits[code] = bits.get(code, KIND_BIT["other"]) | BURDEN
    return bits


def _code_bits(kinds: dict[str, str] | None) -> dict[str, int]:
    table = {**CONDITION_SNOMED, **(kinds or {})}
    bits = _other_codes()
    bits.update({code: KIND_BIT[kind] for code, kind in table.items()})
    return bits


def bits_frame(conditions: pl.DataFrame, kinds: dict[str, str] | None = None) -> pl.DataFrame:
    """A polars frame (person, conditions bit set) from a frame of (person, code) rows."""
    import polars as pl

    bit = (
        pl.col("code").cast(pl.Utf8).replace_strict(_code_bits(kinds), default=KIND_BIT["other"], return_dtype=pl.Int16)
    )
    flags = [*KIND_BIT.values(), EXPLAINS, BURDEN]
    return (
        conditions.select(pl.col("person").cast(pl.Int64), bit.alias("bit"))
        .group_by("person")
        .agg(pl.sum_horizontal(*[((pl.col("bit") & b) > 0).any().cast(pl.Int16) * b for b in flags]).alias("bits"))
    )


def attach(
    persons_path: Path | None,
    conditions: pl.DataFrame | None,
    directory: Path,
    kinds: dict[str, str] | None = None,
    rows: Path | None = None,
) -> Path | None:
    """Rewrite the persons table with a ``conditions`` bit-set column; returns its path.

    ``conditions`` is a polars frame of (person, code) rows, or None (conditions not recorded). The people are
    those of the persons table (or, without one, of the conditions table) and of the canonical ``rows`` table:
    a person with rows but no condition is "asked: none" whether or not a persons table lists them."""
    import polars as pl

    asked = conditions is not None and conditions.height > 0
    if persons_path is None and not asked:
        return None
    unknown = {"sex": pl.lit(0, pl.Int8), "population": pl.lit(0, pl.Int8), "birth_year": pl.lit(0, pl.Int16)}
    if persons_path is None:
        persons = given(conditions).select(pl.col("person").cast(pl.Int64)).unique().with_columns(**unknown)
    else:
        persons = pl.read_parquet(persons_path)
    if asked and rows is not None:  # everyone with rows is among the people the conditions table was asked of
        seen = pl.scan_parquet(rows).select(pl.col("person").cast(pl.Int64)).unique().collect()
        extra = seen.join(persons.select("person"), on="person", how="anti").with_columns(**unknown)
        persons = pl.concat([persons, extra], how="diagonal")
    if asked:
        persons = persons.join(bits_frame(given(conditions), kinds), on="person", how="left")
        column = (pl.col("bits").fill_null(0) | ASKED).cast(pl.Int16)
    else:
        column = pl.lit(0, pl.Int16)
    persons = persons.with_columns(column.alias("conditions")).drop("bits", strict=False).sort("person")
    target = directory / "persons_with_conditions.parquet"
    persons.write_parquet(target)
    return target
