"""Person tables: who each person is (sex, population, year of birth) and the site's grouping columns.

A cell is read as a person would read it: sex and population words whatever their case and the spaces around
them (``Female``, `` female``), a year of birth written ``1950``, `` 1950`` or ``1950.0``. What cannot be read
is not guessed: the person's attribute stays unknown ("cannot tell" wherever it matters) and the cell is
reported with its row, column and reason among the refused rows, never dropped silently. A year of birth is
read from 1900 (the earliest date of a record) to the year of the run. A cell that says it was not stated
(empty, ``0`` as in the coded tables :func:`myoscope.cohort.generate` writes, ``unknown``, ``not stated``,
``NA``...) leaves the attribute unknown and is not a refusal. A person listed twice keeps the first
row; the others are reported. A column the mapping names must exist, and a group column must be a column of
the table, must not take the name of a column the outputs make themselves, and may hold at most
:data:`MAX_GROUP_VALUES` distinct values (prevalence by 100,000 sites is one table per person, not a summary).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from myoscope.cohort._inputs import NO_SIDE_WORDS, Mapping, scan, whole_number
from myoscope.errors import InputError, Problem
from myoscope.record import EARLIEST_DATE

if TYPE_CHECKING:
    import polars as pl

SEX_CODE = {"male": 1, "female": 2}
POPULATION_CODE = {"asian": 1, "other": 2}
MAX_GROUP_VALUES = 1_000
"""Distinct values a group column may hold (sites, wards, regions: dozens to hundreds)."""
RESERVED_GROUPS = frozenset({"all", "sex_label", "age_band", "person", "sex", "population", "birth_year"})
"""Names the outputs use themselves: a group column so named would be overwritten or mistaken for them."""
PERSON_FIELDS = ("person", "sex", "birth_year", "population")
NOT_STATED = NO_SIDE_WORDS | {"0", "unknown", "not known", "not stated", "not recorded"}
"""Cells (trimmed, in lower case) that record an attribute as not stated: unknown, never refused."""


def read_persons(
    path: Path | None, mapping: Mapping, directory: Path
) -> tuple[Path | None, tuple[str, ...], list[dict[str, Any]]]:
    """Write ``persons.parquet`` (person, sex, population, birth_year, group columns) from a person table;
    returns its path, the group columns and the cells not read (as refused rows)."""
    import polars as pl

    if path is None:
        return None, (), []
    cols = {name: mapping.person_columns.get(name, name) for name in PERSON_FIELDS}
    frame = scan(path)
    schema = frame.collect_schema()
    names = schema.names()
    _check_columns(cols, names, mapping)
    year = _year(cols["birth_year"], names)
    if cols["birth_year"] not in names and BIRTH_DATE in names:  # a record's own field name: its year is read
        cols["birth_year"], year = BIRTH_DATE, _year_of_date(BIRTH_DATE)
    groups = tuple(mapping.groups) or tuple(g for g in ("site",) if g in names)
    sex_map = {**{k: k for k in SEX_CODE}, **mapping.sex, "1": "male", "2": "female"}
    pop_map = {**{k: k for k in POPULATION_CODE}, **mapping.population, "1": "asian", "2": "other"}
    last_year = dt.date.today().year
    read = frame.with_row_index("at", offset=1).select(
        "at",
        pl.col(cols["person"]).cast(pl.Utf8).str.strip_chars().alias("raw_person"),
        whole_number(cols["person"], schema).alias("person"),
        _coded(cols["sex"], names, sex_map, SEX_CODE).alias("sex"),
        _coded(cols["population"], names, pop_map, POPULATION_CODE, mapping.cohort_population).alias("population"),
        year.alias("year"),
        _raw(cols["sex"], names).alias("raw_sex"),
        _raw(cols["population"], names).alias("raw_population"),
        _raw(cols["birth_year"], names).alias("raw_birth_year"),
        *[pl.col(g).cast(pl.Utf8) for g in groups],
    )
    table = read.with_columns(
        birth_year=pl.when(pl.col("year").is_between(EARLIEST_DATE.year, last_year))
        .then(pl.col("year"))
        .otherwise(0)
        .cast(pl.Int16),
    ).collect()
    refused = _refused_cells(table, cols, last_year)
    table = table.filter(pl.col("person").is_not_null())
    ids = table["person"]
    if ids.len() > 1 and not (ids.diff().drop_nulls() > 0).all():  # a sorted table of distinct ids is kept as is
        twice = table.filter(pl.col("person").is_duplicated() & ~pl.col("person").is_first_distinct())
        refused += [
            _cell(r["at"], cols["person"], r["raw_person"], "person listed again; the first row is used")
            for r in twice.iter_rows(named=True)
        ]
        table = table.unique("person", keep="first", maintain_order=True).sort("person")
    _check_group_sizes(table, groups)
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / "persons.parquet"
    table.select("person", "sex", "population", "birth_year", *groups).write_parquet(target)
    return target, groups, refused


def _check_columns(cols: dict[str, str], names: list[str], mapping: Mapping) -> None:
    """The columns the mapping names exist; the group columns exist and are not named like the outputs' own."""
    problems = [
        Problem(f"persons.columns.{field}", column, "is not a column of the person table", ", ".join(names[:20]))
        for field, column in cols.items()
        if column not in names and (field == "person" or field in mapping.person_columns)
    ]
    for g in mapping.groups:
        if g in RESERVED_GROUPS:
            problems.append(Problem("persons.groups", g, "is a name the outputs use themselves", "another column name"))
        elif g not in names:
            problems.append(Problem("persons.groups", g, "is not a column of the person table", ", ".join(names[:20])))
    if problems:
        raise InputError(problems)


def _check_group_sizes(table: pl.DataFrame, groups: tuple[str, ...]) -> None:
    for g in groups:
        distinct = table[g].n_unique()
        if distinct > MAX_GROUP_VALUES:
            raise InputError(
                [
                    Problem(
                        "persons.groups",
                        g,
                        f"holds {distinct:,} distinct values: prevalence by it would be one row per few people",
                        f"a grouping column of at most {MAX_GROUP_VALUES:,} values",
                    )
                ]
            )


def _raw(column: str, names: list[str]) -> pl.Expr:
    import polars as pl

    return pl.col(column).cast(pl.Utf8) if column in names else pl.lit(None, pl.Utf8)


def _coded(
    column: str, names: list[str], labels: dict[str, str], codes: dict[str, int], absent: str | None = None
) -> pl.Expr:
    """Words (mapped by ``labels``: as written, else trimmed and in lower case) to int8 codes, 0 when unknown."""
    import polars as pl

    if column not in names:
        return pl.lit(absent, dtype=pl.Utf8).replace_strict(codes, default=0, return_dtype=pl.Int8)
    lower = {k.strip().lower(): v for k, v in labels.items()}
    text = pl.col(column).cast(pl.Utf8).str.strip_chars()
    word = pl.coalesce(
        text.replace_strict(labels, default=None), text.str.to_lowercase().replace_strict(lower, default=None)
    )
    return word.replace_strict(codes, default=0, return_dtype=pl.Int8)


BIRTH_DATE = "birth_date"
"""A person table column of dates of birth (YYYY-MM-DD, as a record's ``birth_date``): read for its year when the
table has no year-of-birth column (ages are then taken mid-year, as for any year of birth)."""


def _year_of_date(column: str) -> pl.Expr:
    """The year of a date of birth written YYYY-MM-DD (a time after it is ignored); null where it is not one."""
    import polars as pl

    text = pl.col(column).cast(pl.Utf8).str.strip_chars().str.slice(0, 10)
    return text.str.to_date("%Y-%m-%d", strict=False).dt.year().cast(pl.Int64)


def _year(column: str, names: list[str]) -> pl.Expr:
    """A year of birth as a whole number (``1950``, `` 1950``, ``1950.0``); null where it is none."""
    import polars as pl

    if column not in names:
        return pl.lit(None, pl.Int64)
    number = pl.col(column).cast(pl.Utf8).str.strip_chars().cast(pl.Float64, strict=False)
    return pl.when(number == number.floor()).then(number).otherwise(None).cast(pl.Int64, strict=False)


def _refused_cells(table: pl.DataFrame, cols: dict[str, str], last_year: int) -> list[dict[str, Any]]:
    """The cells given but not read: an id that is not a whole number, a sex or population word not known, a
    year of birth outside 1900 to ``last_year``."""
    import polars as pl

    checks = [
        (
            pl.col("person").is_null() & pl.col("raw_person").is_not_null(),
            cols["person"],
            "raw_person",
            "person id is not a whole number",
        ),
        (_given("raw_sex") & (pl.col("sex") == 0), cols["sex"], "raw_sex", "sex not recognised (male or female)"),
        (
            _given("raw_population") & (pl.col("population") == 0),
            cols["population"],
            "raw_population",
            "population not recognised (asian or other)",
        ),
        (
            _given("raw_birth_year") & (pl.col("birth_year") == 0),
            cols["birth_year"],
            "raw_birth_year",
            f"year of birth not a year from {EARLIEST_DATE.year} to {last_year}",
        ),
    ]
    out = []
    for condition, column, raw, reason in checks:
        for r in table.filter(condition).select("at", raw).iter_rows():
            out.append(_cell(r[0], column, r[1], reason))
    return sorted(out, key=lambda r: int(r["row"].split()[-1]))


def _given(raw: str) -> pl.Expr:
    import polars as pl

    return pl.col(raw).is_not_null() & ~pl.col(raw).str.strip_chars().str.to_lowercase().is_in(list(NOT_STATED))


def _cell(at: int, column: str, value: Any, reason: str) -> dict[str, Any]:
    """A person-table cell not read, as a refused row ("persons 3", the column as its kind)."""
    return {
        "row": f"persons {at}",
        "table": "persons",  # a cell of the person table, not a measurement row read
        "reason": reason,
        "person": "",
        "date": "",
        "kind": column,
        "value": "" if value is None else str(value),
        "unit": "",
        "side": "",
    }
