"""OMOP CDM 5.4 extracts: a synthetic writer for tests and benchmarks, and a DuckDB reader.

The reader pushes the work down to DuckDB: it finds the concepts we use, converts units once
per (concept, unit) pair, and writes the canonical, person-sorted measurement table straight
from SQL. Rows of our concepts that cannot be read (no unit, unknown unit) are refused with
their reason; rows of other concepts are counted (concept 0, "unmapped", is reported apart
with its source values), never silently dropped.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from myoscope.cohort._concepts import GENDER, LOCAL_CONCEPT_BASE, LOCAL_VOCABULARY, LOINC, STANDARD_CONCEPTS, UCUM_UNITS
from myoscope.cohort._generate import Cohort
from myoscope.cohort._inputs import Mapping, unit_factors
from myoscope.cohort._kinds import KIND_CODE, KINDS, MEASUREMENTS, SIDES
from myoscope.errors import InputError, Problem

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

Pair = tuple[str, int, Any, Any, int]
"""(table, concept id, unit concept id, unit source value, rows) of one concept and unit found in a table."""
MapRow = tuple[str, int, Any, Any, int, int, float | None, str | None]
"""A row of the concept map: a Pair's keys, the kind and side codes, the unit factor, why refused (or None)."""

TABLES = ("person", "measurement", "observation", "condition_occurrence")
_CANON_UNIT = {"kg": "kg", "cm": "cm", "m/s": "m/s", "s": "s"}


def _synthetic_concepts() -> tuple[dict[tuple[str, int], int], list[dict[str, Any]]]:
    """(kind, side) -> concept id, and the concept rows, of the synthetic extract."""
    ids: dict[tuple[str, int], int] = {}
    rows: list[dict[str, Any]] = []
    by_loinc = {v: c for c, v in LOINC.items()}
    by_standard = {v: c for c, v in STANDARD_CONCEPTS.items()}
    local = LOCAL_CONCEPT_BASE
    for kind in KINDS:
        for side in (1, 2) if kind.sided or kind.name == "grip_strength" else (0,):
            key = (kind.name, SIDES[side] or None)
            if key in by_standard:
                cid, vocab, code = by_standard[key], "LOINC", by_loinc[key]
            elif key in by_loinc:
                local += 1
                cid, vocab, code = local, "LOINC", by_loinc[key]
            else:
                local += 1
                cid, vocab, code = local, LOCAL_VOCABULARY, f"{kind.name}.{SIDES[side]}".rstrip(".")
            ids[(kind.name, side)] = cid
            domain = "Measurement" if kind.name in MEASUREMENTS else "Observation"
            rows.append(
                {
                    "concept_id": cid,
                    "concept_name": kind.name.replace("_", " "),
                    "vocabulary_id": vocab,
                    "concept_code": code,
                    "domain_id": domain,
                }
            )
    units = {"kg": 9529, "cm": 8582}  # OMOP UCUM concepts for kilogram and centimetre (Athena)
    for code in ("kg", "cm", "s", "m/s", "{score}", "min"):
        if code not in units:
            local += 1
            units[code] = local
        rows.append(
            {
                "concept_id": units[code],
                "concept_name": code,
                "vocabulary_id": "UCUM",
                "concept_code": code,
                "domain_id": "Unit",
            }
        )
    return ids | {("unit", 0): 0}, rows + [{"_units": units}]


def write_omop(cohort: Cohort, directory: Path) -> Path:
    """Write a synthetic OMOP extract (Parquet: person, measurement, observation, condition_occurrence,
    concept) from a generated cohort; questionnaire kinds go to ``observation``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    directory.mkdir(parents=True, exist_ok=True)
    ids, concept_rows = _synthetic_concepts()
    units = concept_rows.pop()["_units"]
    r = cohort.rows
    concept_of = np.zeros((len(KINDS), 3), dtype=np.int64)
    for (name, side), cid in ids.items():
        if name in KIND_CODE:
            concept_of[KIND_CODE[name], side] = cid
    unit_of = np.array([units.get(_CANON_UNIT.get(k.unit, "{score}"), 0) for k in KINDS], dtype=np.int64)
    unit_of[KIND_CODE["moderate_minutes"]] = unit_of[KIND_CODE["vigorous_minutes"]] = units["min"]
    measured = np.isin(r["kind"], [KIND_CODE[m] for m in MEASUREMENTS])
    day = pa.array(r["day"]).cast(pa.date32())
    for table, mask, prefix in (("measurement", measured, "measurement"), ("observation", ~measured, "observation")):
        at = np.flatnonzero(mask)
        pq.write_table(
            pa.table(
                {
                    f"{prefix}_id": pa.array(at + 1, pa.int64()),
                    "person_id": r["person"][at],
                    f"{prefix}_concept_id": concept_of[r["kind"][at], r["side"][at]],
                    f"{prefix}_date": day.take(pa.array(at)),
                    "value_as_number": r["value"][at],
                    "unit_concept_id": unit_of[r["kind"][at]],
                    "unit_source_value": pa.array(np.array([k.unit for k in KINDS])[r["kind"][at]]),
                }
            ),
            directory / f"{table}.parquet",
            row_group_size=1_000_000,
        )
    p = cohort.persons
    pq.write_table(
        pa.table(
            {
                "person_id": p["person"],
                "gender_concept_id": np.where(p["sex"] == 1, 8507, 8532),
                "year_of_birth": p["birth_year"].astype(np.int32),
                "care_site": p["site"],
            }
        ),
        directory / "person.parquet",
    )
    conditions, condition_concepts = _synthetic_conditions(cohort, max(ids.values()) + 1000)
    pq.write_table(conditions, directory / "condition_occurrence.parquet")
    pq.write_table(pa.Table.from_pylist(concept_rows + condition_concepts), directory / "concept.parquet")
    return directory


def _synthetic_conditions(cohort: Cohort, first_id: int) -> tuple[Any, list[dict[str, Any]]]:
    """``condition_occurrence`` of a generated cohort, and SNOMED CT concept rows (site-local ids)."""
    import pyarrow as pa

    c = cohort.conditions or {"person": np.zeros(0, np.int64), "code": np.zeros(0, str)}
    codes = sorted(set(c["code"].tolist()))
    concept_id = {code: first_id + i for i, code in enumerate(codes)}
    table = pa.table(
        {
            "condition_occurrence_id": pa.array(np.arange(1, c["person"].size + 1), pa.int64()),
            "person_id": pa.array(c["person"], pa.int64()),
            "condition_concept_id": pa.array([concept_id[x] for x in c["code"].tolist()], pa.int64()),
            "condition_start_date": pa.array([None] * c["person"].size, pa.date32()),
        }
    )
    rows = [
        {
            "concept_id": cid,
            "concept_name": code,
            "vocabulary_id": "SNOMED",
            "concept_code": code,
            "domain_id": "Condition",
        }
        for code, cid in concept_id.items()
    ]
    return table, rows


def _table(directory: Path, name: str) -> str | None:
    for suffix in (".parquet", ".csv"):
        path = directory / f"{name}{suffix}"
        if path.exists():
            reader = "read_parquet" if suffix == ".parquet" else "read_csv_auto"
            return f"{reader}('{_quote(path)}')"
    return None


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")


def is_omop(path: Path) -> bool:
    return path.is_dir() and _table(path, "person") is not None and _table(path, "measurement") is not None


def _concept_kinds(con: DuckDBPyConnection, directory: Path, mapping: Mapping) -> dict[int, tuple[str, str | None]]:
    kinds = dict(STANDARD_CONCEPTS)
    concept = _table(directory, "concept")
    if concept is not None:
        for cid, vocab, code in con.execute(
            f"SELECT concept_id, vocabulary_id, concept_code FROM {concept} "
            f"WHERE vocabulary_id IN ('LOINC', '{LOCAL_VOCABULARY}')"
        ).fetchall():
            if vocab == "LOINC" and code in LOINC:
                kinds[int(cid)] = LOINC[code]
            elif vocab == LOCAL_VOCABULARY:
                name, _, side = code.partition(".")
                if name in KIND_CODE:
                    kinds[int(cid)] = (name, side or None)
    return kinds | mapping.concepts


def _unit_codes(con: DuckDBPyConnection, directory: Path) -> dict[int, str]:
    concept = _table(directory, "concept")
    if concept is None:
        return {}
    rows = con.execute(f"SELECT concept_id, concept_code FROM {concept} WHERE vocabulary_id = 'UCUM'").fetchall()
    return {int(c): code for c, code in rows}


def read_omop(directory: Path, mapping: Mapping, out: Path) -> tuple[Path, Path, dict[str, Any]]:
    """Canonical ``measurements.parquet`` and ``persons.parquet`` from an extract; and a report
    (refused rows with reasons, counts of rows of other concepts, of concept 0, of conditions)."""
    import duckdb

    out.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    kinds, units = _concept_kinds(con, directory, mapping), _unit_codes(con, directory)
    sources = [
        (t, p)
        for t, p in (
            ("measurement", _table(directory, "measurement")),
            ("observation", _table(directory, "observation")),
        )
        if p
    ]
    pairs: list[Pair] = []
    other_concepts: dict[int, int] = {}
    unmapped = 0
    refused: list[dict[str, Any]] = []
    for table, src in sources:
        for cid, ucid, usrc, n in con.execute(
            f"SELECT TRY_CAST({table}_concept_id AS BIGINT), TRY_CAST(unit_concept_id AS BIGINT), "
            f"CAST(unit_source_value AS VARCHAR), count(*) FROM {src} GROUP BY ALL"
        ).fetchall():
            cid = int(cid or 0)
            if cid == 0:
                unmapped += int(n)
            elif cid not in kinds:
                other_concepts[cid] = other_concepts.get(cid, 0) + int(n)
            else:
                pairs.append((table, cid, ucid, usrc, int(n)))
    rows = _map_rows(pairs, kinds, units)
    con.execute(
        "CREATE TABLE map (tbl VARCHAR, cid BIGINT, ucid BIGINT, usrc VARCHAR, kind TINYINT, side TINYINT, "
        "factor DOUBLE, reason VARCHAR)"
    )
    if rows:
        con.executemany("INSERT INTO map VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    union = " UNION ALL ".join(_rows_of(i, t, src) for i, (t, src) in enumerate(sources))
    con.execute(f"CREATE VIEW rows AS {union}")
    target = out / "measurements.parquet"
    con.execute(
        f"COPY (SELECT person, day, kind, side, value, tbl AS source_table, row_id AS source_row FROM rows "
        f"WHERE reason IS NULL ORDER BY person, tbl, row_id) "
        f"TO '{_quote(target)}' (FORMAT parquet, ROW_GROUP_SIZE 1000000)"
    )
    names = [t for t, _ in sources]
    for tbl, row_id, person, reason, value, unit in con.execute(
        "SELECT tbl, row_id, person, reason, raw_value, raw_unit FROM rows WHERE reason IS NOT NULL "
        "ORDER BY tbl, row_id"
    ).fetchall():
        refused.append(
            {"row": f"{names[tbl]} {row_id}", "reason": reason, "person": person, "value": value, "unit": unit}
        )
    report: dict[str, Any] = {
        "other_concepts": other_concepts,
        "unmapped_concept_0": unmapped,
        "refused": refused,
        "tables": names,  # the source_table codes of the canonical rows
        "conditions": _conditions(con, directory, out),
    }
    persons = _persons(con, directory, mapping, out)
    return target, persons, report


NOT_A_DATE = "date is not a date (YYYY-MM-DD)"


def _rows_of(i: int, t: str, src: str) -> str:
    """The rows of one OMOP table joined to the concept map, every column read as its CDM 5.4 type: a cell that
    is not of it is empty (no person, no value) or, for a date, refused as not a date (text like 01/02/2026);
    a date with a time is that day. A header-only CSV table (text columns) reads as an empty table."""
    day = f"coalesce(TRY_CAST(x.{t}_date AS DATE), TRY_CAST(TRY_CAST(x.{t}_date AS TIMESTAMP) AS DATE))"
    return (
        f"SELECT TRY_CAST(x.person_id AS BIGINT) AS person, {day} AS day, map.kind, map.side, "
        f"TRY_CAST(x.value_as_number AS DOUBLE) * map.factor AS value, "
        f"coalesce(map.reason, CASE WHEN x.{t}_date IS NOT NULL AND {day} IS NULL THEN '{NOT_A_DATE}' END) AS reason, "
        f"CAST({i} AS TINYINT) AS tbl, TRY_CAST(x.{t}_id AS BIGINT) AS row_id, "
        f"TRY_CAST(x.value_as_number AS DOUBLE) AS raw_value, CAST(x.unit_source_value AS VARCHAR) AS raw_unit "
        f"FROM {src} x JOIN map ON map.tbl = '{t}' AND map.cid = TRY_CAST(x.{t}_concept_id AS BIGINT) "
        f"AND map.ucid IS NOT DISTINCT FROM TRY_CAST(x.unit_concept_id AS BIGINT) "
        f"AND map.usrc IS NOT DISTINCT FROM CAST(x.unit_source_value AS VARCHAR)"
    )


def _map_rows(pairs: list[Pair], kinds: dict[int, tuple[str, str | None]], units: dict[int, str]) -> list[MapRow]:
    wanted: list[tuple[str, int, Any, Any, tuple[str, str | None], str]] = []
    for table, cid, ucid, usrc, _ in pairs:
        code = units.get(int(ucid)) if ucid else None
        unit = UCUM_UNITS.get(code, code) if code is not None else (usrc or "")
        wanted.append((table, cid, ucid, usrc, kinds[cid], unit))
    factors = unit_factors(sorted({(k[0], unit) for *_, k, unit in wanted}))
    rows: list[MapRow] = []
    for table, cid, ucid, usrc, (kind, side), unit in wanted:
        factor = factors[(kind, unit)]
        reason = None if factor is not None else f"unknown unit {unit or '(none)'!r} for {kind}"
        rows.append((table, cid, ucid, usrc, KIND_CODE[kind], SIDES.index(side or ""), factor, reason))
    return rows


def _conditions(con: DuckDBPyConnection, directory: Path, out: Path) -> dict[str, Any]:
    """Counts, and ``conditions.parquet`` (person, SNOMED CT code or null) when the table has rows."""
    src = _table(directory, "condition_occurrence")
    if src is None:
        return {"rows": 0, "persons": 0, "path": None}
    counted = con.execute(f"SELECT count(*), count(DISTINCT person_id) FROM {src}").fetchone()
    n, persons = counted if counted is not None else (0, 0)  # an aggregate always gives its one row
    if not n:
        return {"rows": 0, "persons": 0, "path": None}
    concept = _table(directory, "concept")
    code = "NULL"
    join = ""
    if concept is not None:
        join = f"LEFT JOIN (SELECT concept_id, concept_code FROM {concept} WHERE vocabulary_id = 'SNOMED') c "
        join += "ON c.concept_id = TRY_CAST(x.condition_concept_id AS BIGINT)"
        code = "c.concept_code"
    target = out / "conditions.parquet"
    con.execute(
        f"COPY (SELECT TRY_CAST(x.person_id AS BIGINT) AS person, CAST({code} AS VARCHAR) AS code "
        f"FROM {src} x {join}) "
        f"TO '{_quote(target)}' (FORMAT parquet)"
    )
    return {"rows": int(n), "persons": int(persons), "path": target}


def _persons(con: DuckDBPyConnection, directory: Path, mapping: Mapping, out: Path) -> Path:
    src = _table(directory, "person")
    names = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {src}").fetchall()]
    if "person_id" not in names:
        raise InputError([Problem("person.person_id", None, "column not found in the OMOP person table")])
    groups = [g for g in (mapping.groups or ("care_site",)) if g in names and g != "person_id"]
    population = {"asian": 1, "other": 2}.get(mapping.cohort_population or "", 0)
    sex = " ".join(f"WHEN {cid} THEN {1 if s == 'male' else 2}" for cid, s in GENDER.items())
    select = ", ".join(
        [
            "TRY_CAST(person_id AS BIGINT) AS person",
            f"CAST(CASE TRY_CAST(gender_concept_id AS BIGINT) {sex} ELSE 0 END AS TINYINT) AS sex",
            f"CAST({population} AS TINYINT) AS population",
            "coalesce(TRY_CAST(year_of_birth AS SMALLINT), 0) AS birth_year",
            *[f'CAST("{g}" AS VARCHAR) AS "{g}"' for g in groups],
        ]
    )
    target = out / "persons.parquet"
    con.execute(
        f"COPY (SELECT {select} FROM {src} WHERE TRY_CAST(person_id AS BIGINT) IS NOT NULL ORDER BY person) "
        f"TO '{_quote(target)}' (FORMAT parquet)"
    )
    return target
