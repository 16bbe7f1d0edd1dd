"""Long tables (CSV or Parquet) with a YAML mapping, turned into the canonical tables the kernel reads.

The mapping names the columns, translates kind and side labels, and states the units; values
are converted once per distinct (kind, unit) pair with pint (the boundary), then by a
vectorised multiply. A row that cannot be read (unknown kind or unit, no person, a date that
is not a date) is kept in the refused table with its reason, never dropped::

    format: myoscope-cohort-mapping/1
    measurements:
      columns: {person: patient, date: visit_date, kind: test, value: result, unit: unit, side: side}
      kinds: {Weight: body_weight, "Grip R": {kind: grip_strength, side: right}}
      sides: {L: left, R: right}
    persons:
      columns: {person: patient, sex: sex, birth_year: born, population: population}
      sex: {M: male, F: female}
      population: {A: asian, O: other}
      groups: [site]
    condition_codes: {"123456": peripheral_nerve_injury}

The file is read as records are (YAML 1.2: ``012`` is the number 12, hex and duplicate keys are refused):
quote a code that starts with a zero.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from myoscope.cohort._kinds import KIND_CODE, KINDS, SIDES
from myoscope.errors import InputError, Problem, os_reason

if TYPE_CHECKING:
    import polars as pl

MAPPING_FORMAT = "myoscope-cohort-mapping/1"
CANONICAL = ("person", "day", "kind", "side", "value")
SOURCE_ROW, SOURCE_TABLE = "source_row", "source_table"
"""Optional columns of a canonical table made here: the input's row (and, from an OMOP extract, its table code)."""
_ROW_COLUMNS = ("person", "date", "kind", "value")
MAX_DISTINCT_CELLS = 10_000
"""Distinct (kind, unit, side) cells a long table may hold: a site's labels, units and sides make dozens or hundreds;
more means a column mapped wrongly (values read as kinds), refused before each is looked up."""
DATE_FORMAT = "%Y-%m-%d"
"""Dates in a long table: ISO 8601 calendar dates, as the refusal message says."""
_COUNTS = {
    "points": ("{score}", "score", "point"),
    "min/week": ("min", "min/wk", "min/{week}"),
    "sessions/week": ("{score}", "/wk"),
    "yes=1/no=0": ("{score}",),
}
"""Scores and weekly counts: the spellings accepted for their (unit-less) canonical unit."""

NO_SIDE_WORDS = frozenset({"", "none", "na", "n/a", "null", "-"})
"""Cells that say there is nothing (an export's placeholder for an empty cell, or the mapping's 'none'): no side,
or no unit for a score."""


@dataclass(frozen=True)
class Mapping:
    """A parsed mapping file (see the module docstring)."""

    columns: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    sides: dict[str, str] = field(default_factory=dict)
    person_columns: dict[str, str] = field(default_factory=dict)
    sex: dict[str, str] = field(default_factory=dict)
    population: dict[str, str] = field(default_factory=dict)
    groups: tuple[str, ...] = ()
    cohort_population: str | None = None
    concepts: dict[int, tuple[str, str | None]] = field(default_factory=dict)
    condition_codes: dict[str, str] = field(default_factory=dict)
    """A site's own condition codes -> condition kind (spinal_cord_injury, als, multiple_sclerosis,
    peripheral_nerve_injury, other), beside the SNOMED CT codes known already."""


def _kind_entry(label: str, entry: Any, where: str) -> tuple[str, str | None]:
    kind, side = (
        (entry, None)
        if isinstance(entry, str)
        else (entry.get("kind"), entry.get("side"))
        if isinstance(entry, dict)
        else (None, None)
    )
    if not isinstance(kind, str) or kind not in KIND_CODE:
        raise InputError([Problem(f"{where}.{_key(label)}", entry, "is not a known kind", ", ".join(KIND_CODE))])
    if not (side is None or isinstance(side, str)) or side not in (None, "left", "right"):
        raise InputError([Problem(f"{where}.{_key(label)}.side", side, "is not a side", "left or right")])
    return kind, side


def load_mapping(path: Path | None) -> Mapping:
    """Read and check a mapping file; raises :class:`InputError` naming the bad entry."""
    if path is None:
        return Mapping()
    from myoscope.record import MAX_FILE_BYTES, parse_text

    try:
        with open(path, "rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
        text = raw.decode("utf-8-sig")
    except OSError as exc:
        raise InputError([Problem("mapping", str(path), f"cannot be read ({os_reason(exc)})")]) from None
    except UnicodeDecodeError:
        raise InputError([Problem("mapping", str(path), "is not UTF-8 text", "a YAML file in UTF-8")]) from None
    data = parse_text(text, ".yaml")  # as records are read: YAML 1.2 numbers, no duplicate key, bounded nesting
    if not isinstance(data, dict) or data.get("format") != MAPPING_FORMAT:
        raise InputError(
            [
                Problem(
                    "format",
                    (data or {}).get("format") if isinstance(data, dict) else data,
                    "is not a cohort mapping",
                    MAPPING_FORMAT,
                )
            ]
        )
    _check_shape(data)
    m, p = _section(data, "measurements"), _section(data, "persons")
    population = data.get("population")
    if population not in (None, "asian", "other"):
        raise InputError([Problem("population", population, "is not a population", "asian or other (stated)")])
    return Mapping(
        columns=_table(m, "columns"),
        kinds=_kinds(_table(m, "kinds"), "measurements.kinds"),
        sides=_text_table(m, "sides"),
        person_columns=_table(p, "columns"),
        sex=_text_table(p, "sex"),
        population=_text_table(p, "population"),
        groups=_groups(p.get("groups")),
        cohort_population=population,
        concepts=_concepts(_table(data, "concepts")),
        condition_codes=_condition_codes(_table(data, "condition_codes")),
    )


SECTIONS: dict[str, tuple[str, ...]] = {
    "": ("format", "measurements", "persons", "population", "concepts", "condition_codes"),
    "measurements": ("columns", "kinds", "sides"),
    "persons": ("columns", "sex", "population", "groups"),
}
"""The keys a mapping may hold, at its top and in each section: a mistyped key is refused, never ignored."""
COLUMN_FIELDS = {
    "measurements": ("person", "date", "kind", "value", "unit", "side"),
    "persons": ("person", "sex", "birth_year", "population"),
}
VALUE_WORDS = {
    ("measurements", "sides"): ("left", "right", "none"),
    ("persons", "sex"): ("male", "female"),
    ("persons", "population"): ("asian", "other"),
}
"""What each label table maps to."""


def _key(key: Any) -> str:
    """A mapping key as part of a field's name: at most 40 characters (a pasted value can be thousands)."""
    text = str(key)
    return text if len(text) <= 40 else text[:37] + "..."


def _check_shape(data: dict[str, Any]) -> None:
    """Every key known, column names and label tables text, labels mapped to words the reader knows."""
    problems = []
    for where, allowed in SECTIONS.items():
        section = data if where == "" else data.get(where)
        for key in section if isinstance(section, dict) else ():
            if key not in allowed:
                name = _key(key)
                problems.append(
                    Problem(
                        name if where == "" else f"{where}.{name}", key, "is not a key of a mapping", ", ".join(allowed)
                    )
                )
    for section, fields in COLUMN_FIELDS.items():
        columns = (data.get(section) or {}).get("columns") if isinstance(data.get(section), dict) else None
        for name, column in (columns or {}).items() if isinstance(columns, dict) else ():
            if name not in fields:
                problems.append(
                    Problem(f"{section}.columns.{name}", name, "is not a column the reader reads", ", ".join(fields))
                )
            elif not isinstance(column, str):
                problems.append(Problem(f"{section}.columns.{name}", column, "is not a column name", "text"))
    for (section, table), words in VALUE_WORDS.items():
        labels = (data.get(section) or {}).get(table) if isinstance(data.get(section), dict) else None
        for label, word in (labels or {}).items() if isinstance(labels, dict) else ():
            if not isinstance(word, str) or word not in words:
                problems.append(
                    Problem(f"{section}.{table}.{label}", word, "is not a value the reader knows", ", ".join(words))
                )
    if problems:
        raise InputError(problems)


def _groups(value: Any) -> tuple[str, ...]:
    """Group columns: a list of column names, or one name."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise InputError([Problem("persons.groups", value, "is not a list of column names", "e.g. [site, ward]")])


def _condition_codes(table: dict[Any, Any]) -> dict[str, str]:
    from myoscope.cohort._conditions import KIND_BIT

    for code, kind in table.items():
        if not isinstance(kind, str) or kind not in KIND_BIT:
            raise InputError(
                [
                    Problem(
                        f"condition_codes.{_key(code)}",
                        kind,
                        "is not a condition kind",
                        ", ".join(KIND_BIT),
                    )
                ]
            )
    return {str(k): str(v) for k, v in table.items()}


def _section(data: dict[str, Any], name: str) -> dict[str, Any]:
    value = data.get(name) or {}
    if not isinstance(value, dict):
        raise InputError([Problem(name, value, "must be a mapping")])
    return value


def _table(data: dict[str, Any], name: str) -> dict[Any, Any]:
    return dict(_section(data, name))


def _text_table(data: dict[str, Any], name: str) -> dict[str, str]:
    return {str(k): str(v) for k, v in _table(data, name).items()}


def _kinds(table: dict[Any, Any], where: str) -> dict[str, tuple[str, str | None]]:
    return {str(k): _kind_entry(str(k), v, where) for k, v in table.items()}


def _concepts(table: dict[Any, Any]) -> dict[int, tuple[str, str | None]]:
    out = {}
    for concept, entry in table.items():
        try:
            out[int(concept)] = _kind_entry(str(concept), entry, "concepts")
        except (TypeError, ValueError):
            raise InputError(
                [Problem(f"concepts.{concept}", concept, "is not a concept id", "a whole number")]
            ) from None
    return out


def scan(path: Path) -> pl.LazyFrame:
    """A polars LazyFrame over a CSV or Parquet file."""
    import polars as pl

    if path.suffix.lower() == ".parquet":
        return pl.scan_parquet(path)
    if path.suffix.lower() in (".csv", ".txt"):
        return pl.scan_csv(path, infer_schema=False)
    raise InputError([Problem("input", str(path), "is neither CSV nor Parquet", "a .csv or .parquet file")])


def is_canonical(path: Path) -> bool:
    return path.suffix.lower() == ".parquet" and set(CANONICAL) <= set(scan(path).collect_schema().names())


def unit_factors(pairs: list[tuple[str, str]]) -> dict[tuple[str, str], float | None]:
    """Factor from each (kind, unit) to the kind's canonical unit (pint at the boundary); None if unknown."""
    from myoscope.units import parse

    units = {k.name: k.unit for k in KINDS}
    out: dict[tuple[str, str], float | None] = {}
    for kind, unit in pairs:
        canonical = units[kind]
        if canonical in _COUNTS:  # before the digit check: the canonical unit of a yes/no answer is 'yes=1/no=0'
            plain = unit.strip().lower() in NO_SIDE_WORDS  # an empty cell's placeholder: no unit, as a score has
            out[(kind, unit)] = 1.0 if plain or unit in (canonical, *_COUNTS[canonical]) else None
            continue
        if any(ch.isdigit() for ch in unit):  # a unit cell is a unit: '9' with 'st 6 lb' is not 9 st 6 lb
            out[(kind, unit)] = None
            continue
        try:
            out[(kind, unit)] = parse(f"1 {unit}", canonical)
        except (ValueError, InputError):
            out[(kind, unit)] = None
    return out


def read_long(path: Path, mapping: Mapping, directory: Path) -> tuple[Path, list[dict[str, Any]]]:
    """Write ``measurements.parquet`` (canonical, sorted by person) from a mapped long table.

    Returns the path and the refused rows (input row number, reason, the raw cells, stripped). The
    table is streamed, never loaded whole: a first pass finds its distinct (kind, unit, side) cells
    (a handful), which are read once here (labels, sides, pint factors); a second pass reads every
    row against that small table and writes the rows read (typed, a few bytes each) and the rows
    refused side by side; the rows read are then sorted by person, keeping the file's order within
    a person.
    """
    import polars as pl

    cols = _columns(path, mapping)
    cells = scan(path).select(  # our own names from here on, whatever else the table holds
        *[(pl.col(c) if c is not None else pl.lit("", pl.Utf8)).alias(name) for name, c in cols.items()]
    )
    cells = cells.with_row_index("row", offset=1)
    schema = cells.collect_schema()
    keys = [pl.col(k).cast(pl.Utf8).alias(f"{k}_key") for k in ("kind", "unit", "side")]
    found = cells.select(keys).unique().collect(engine="streaming")
    if found.height > MAX_DISTINCT_CELLS:
        columns = ", ".join(str(cols[k]) for k in ("kind", "unit", "side") if cols[k] is not None)
        raise InputError(
            [
                Problem(
                    "measurements.columns",
                    f"{found.height:,} in {columns}",
                    "too many distinct (kind, unit, side) cells for a measurement table; "
                    "is the mapping pointing at the right columns?",
                    f"at most {MAX_DISTINCT_CELLS:,} distinct combinations",
                )
            ]
        )
    checked = (
        cells.with_columns(keys)
        .join(
            _key_table(found, mapping).lazy(),
            on=["kind_key", "unit_key", "side_key"],
            how="left",
            nulls_equal=True,
            maintain_order="left",
        )
        .with_columns(person_id=whole_number("person", schema), day=_date("date", schema), value_text=_text("value"))
        .with_columns(number=pl.col("value_text").cast(pl.Float64, strict=False))
        .with_columns(reason=_refusal())
    )
    directory.mkdir(parents=True, exist_ok=True)
    unsorted, bad, target = (directory / f"{n}.parquet" for n in ("rows-unsorted", "rows-refused", "measurements"))
    good = checked.filter(pl.col("reason").is_null()).select(
        pl.col("person_id").alias("person"),
        "day",
        pl.col("kind_code").alias("kind"),
        pl.col("side_code").alias("side"),
        (pl.col("number") * pl.col("factor")).alias("value"),
        pl.col("row").cast(pl.Int64).alias(SOURCE_ROW),  # the input's row, for the rows the kernel refuses
    )
    refused = checked.filter(pl.col("reason").is_not_null()).select(
        "row",
        "reason",
        *[_text(c).alias(c) for c in ("person", "date", "kind")],
        pl.col("value_text").alias("value"),
        _text("unit_key").fill_null("").alias("unit"),
        _text("side_key").fill_null("").alias("side"),
    )
    sinks = [good.sink_parquet(unsorted, lazy=True, maintain_order=True), refused.sink_parquet(bad, lazy=True)]
    pl.collect_all(sinks, engine="streaming")
    in_order = pl.scan_parquet(unsorted).select(pl.col("person").diff().min().fill_null(0) >= 0).collect().item()
    if in_order:  # most exports list each person's rows together, in order
        unsorted.replace(target)
    else:  # a stable sort: a person's rows keep their order in the file
        pl.scan_parquet(unsorted).sort("person", maintain_order=True).sink_parquet(target, row_group_size=1_000_000)
        unsorted.unlink()
    rows = pl.read_parquet(bad).sort("row").to_dicts()
    bad.unlink()
    return target, rows


def _columns(path: Path, mapping: Mapping) -> dict[str, str | None]:
    """The table's column for each field (None: optional and absent); a required one missing is refused, and so
    is an optional one the mapping names (a misspelt unit column would read pounds as kilograms)."""
    cols = {name: mapping.columns.get(name, name) for name in (*_ROW_COLUMNS, "unit", "side")}
    names = scan(path).collect_schema().names()
    named = set(_ROW_COLUMNS) | set(mapping.columns)
    missing = [f"{k} (column {v!r})" for k, v in cols.items() if k in named and v not in names]
    if missing:
        raise InputError(
            [
                Problem(
                    "measurements.columns",
                    ", ".join(missing),
                    "not found in the table",
                    "the columns named in the mapping",
                )
            ]
        )
    return {k: (v if v in names else None) for k, v in cols.items()}


def _text(column: str) -> pl.Expr:
    """A column's cells as text, stripped."""
    import polars as pl

    return pl.col(column).cast(pl.Utf8).str.strip_chars()


def whole_number(column: str, schema: pl.Schema) -> pl.Expr:
    """Person ids as whole numbers (null where a cell is not one): integer columns as they are, ``17``, `` 17``
    and ``17.0`` (a float column's whole values too) as 17."""
    import polars as pl

    if schema[column].is_integer():
        return pl.col(column).cast(pl.Int64)
    return _whole_text(column, schema).cast(pl.Int64, strict=False)


def _whole_text(column: str, schema: pl.Schema) -> pl.Expr:
    """A column's cells as stripped text, a whole number written as a decimal (``17.0``, or a float column's
    whole value) written as the whole number (``17``); other cells as they are."""
    import polars as pl

    if schema[column].is_float():
        value = pl.col(column)
        whole = value.is_finite() & (value == value.floor()) & (value.abs() < 2.0**53)
        return pl.when(whole).then(value.cast(pl.Int64).cast(pl.Utf8)).otherwise(value.cast(pl.Utf8))
    return _text(column).str.replace(r"^([+-]?\d+)\.0*$", "${1}")


def _date(column: str, schema: pl.Schema) -> pl.Expr:
    """Dates (null where a cell is not a YYYY-MM-DD date): date and datetime columns as they are."""
    import polars as pl

    dtype = schema[column]
    if dtype == pl.Date:
        return pl.col(column)
    if isinstance(dtype, pl.Datetime):
        return pl.col(column).dt.date()
    return _text(column).str.to_date(DATE_FORMAT, strict=False)


def _side(text: str) -> str:
    """A side cell as the reader's word: left or right whatever the case, no side for a placeholder."""
    word = text.strip().lower()
    return "" if word in NO_SIDE_WORDS else word if word in ("left", "right") else text


def _key_table(found: pl.DataFrame, mapping: Mapping) -> pl.DataFrame:
    """Each distinct (kind, unit, side) cell triple read once: kind and side codes, the unit factor (pint), and
    whether the kind is unknown or, for a known kind, why the unit or the side cannot be read."""
    import polars as pl

    kinds = {label: kind for label, (kind, _) in mapping.kinds.items()} or {k: k for k in KIND_CODE}
    kind_side = {label: side for label, (_, side) in mapping.kinds.items() if side}
    triples = found.rows()
    read = []
    for kind_cell, unit_cell, side_cell in triples:
        label = None if kind_cell is None else kind_cell.strip()
        side_text = (side_cell or "").strip()
        side = kind_side[label] if label in kind_side else _side(mapping.sides.get(side_text, side_text))
        read.append((kinds.get(label) if label is not None else None, (unit_cell or "").strip(), side))
    factors = unit_factors(sorted({(k, u) for k, u, _ in read if k is not None}))
    table = []
    for (kind_cell, unit_cell, side_cell), (kind, unit, side) in zip(triples, read, strict=True):
        factor = factors.get((kind, unit)) if kind is not None else None
        why = None if kind is None else ("unknown unit for this kind" if factor is None else None)
        if why is None and kind is not None and side not in SIDES:
            why = "unknown side"
        code = (KIND_CODE[kind], SIDES.index(side)) if kind is not None and side in SIDES else (0, 0)
        table.append((kind_cell, unit_cell, side_cell, kind is None, why, *code, factor))
    schema = {
        "kind_key": pl.Utf8,
        "unit_key": pl.Utf8,
        "side_key": pl.Utf8,
        "unknown_kind": pl.Boolean,
        "key_reason": pl.Utf8,
        "kind_code": pl.Int8,
        "side_code": pl.Int8,
        "factor": pl.Float64,
    }
    return pl.DataFrame(table, schema=schema, orient="row")


def _refusal() -> pl.Expr:
    """Why a row cannot be read (the first reason that applies, in this order), or null."""
    import polars as pl

    return (
        pl.when(pl.col("person_id").is_null())
        .then(pl.lit("person id is not a whole number"))
        .when(pl.col("day").is_null())
        .then(pl.lit("date is not a date (YYYY-MM-DD)"))
        .when(pl.col("unknown_kind"))
        .then(pl.lit("unknown kind"))
        .when(pl.col("number").is_null() & (pl.col("value_text").fill_null("") != ""))
        .then(pl.lit("value is not a number"))
        .otherwise(pl.col("key_reason"))
    )


def read_conditions(path: Path) -> tuple[pl.DataFrame, list[dict[str, Any]]]:
    """A conditions table (columns ``person`` and ``code``, a SNOMED CT concept id or a site code) as polars,
    and its rows not read (an id that is not a whole number, no code) as refused rows ("conditions 3").

    Cells are read as written: spaces around them are dropped, and a whole number written as a decimal
    (``90584004.0``, what a spreadsheet or a float column makes of an id) is that whole number."""
    import polars as pl

    frame = scan(path)
    schema = frame.collect_schema()
    missing = [c for c in ("person", "code") if c not in schema.names()]
    if missing:
        raise InputError([Problem("conditions", ", ".join(missing), "column not found", "columns person and code")])
    read = frame.with_row_index("at", offset=1).select(
        "at",
        whole_number("person", schema).alias("person"),
        _whole_text("code", schema).alias("code"),
        _text("person").alias("raw_person"),
        _text("code").alias("raw_code"),
    )
    table = read.collect()
    bad = table.filter(pl.col("person").is_null() | pl.col("code").is_null() | (pl.col("code") == ""))
    refused = [
        {
            "row": f"conditions {r['at']}",
            "table": "conditions",  # a row of the conditions table, not a measurement row read
            "reason": "person id is not a whole number" if r["person"] is None else "no condition code",
            "person": "" if r["raw_person"] is None else r["raw_person"],
            "date": "",
            "kind": "condition",
            "value": "" if r["raw_code"] is None else r["raw_code"],
            "unit": "",
            "side": "",
        }
        for r in bad.iter_rows(named=True)
    ]
    kept = table.filter(pl.col("person").is_not_null() & pl.col("code").is_not_null() & (pl.col("code") != ""))
    return kept.select("person", "code"), refused
