"""``screen``: inputs to canonical tables, the kernel on an engine, and the output files.

Outputs in the chosen folder: ``flags.parquet`` and ``flags.csv`` (one row per person, with
the rule version), ``prevalence.csv`` (Wilson 95 % intervals), ``refused.csv`` (every row
refused, with its reason), ``summary.html`` (tables and plots).
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from myoscope.cohort import _engines as engines
from myoscope.cohort._causes import CAUSE_COLUMNS as MEASURED_CAUSES
from myoscope.cohort._conditions import CAUSE_COLUMNS, STATUS_CODE
from myoscope.cohort._inputs import (
    SOURCE_ROW,
    SOURCE_TABLE,
    Mapping,
    is_canonical,
    read_conditions,
    read_long,
)
from myoscope.cohort._kinds import KINDS, SIDES
from myoscope.cohort._muscle_causes import CAUSE_COLUMNS as MUSCLE_CAUSES
from myoscope.cohort._persons import read_persons
from myoscope.cohort.kernel import FLAG_COLUMNS, NO_DATE, REASONS, RED_FLAG_COLUMNS, RULE_VERSION
from myoscope.errors import InputError, Problem, os_reason

if TYPE_CHECKING:
    import polars as pl

Part = dict[str, np.ndarray]
"""One partition's columns (flags, or refused rows) as the kernel gives them."""
Prepared = tuple[Path, Path | None, tuple[str, ...], list[dict[str, Any]], dict[str, Any]]
"""The rows file, the persons file (if any), the group columns, the rows refused early, the OMOP report."""

ENGINES = ("polars", "dask")
GLIM_CATEGORIES = {
    0: "no malnutrition",
    1: "malnutrition, stage 1 (moderate)",
    2: "malnutrition, stage 2 (severe)",
    3: "malnutrition (stage not graded)",
}
"""The GLIM instrument's category texts by the cohort's code (the per-person score gives the same words)."""
STATUS_TEXT = {code: text for text, code in STATUS_CODE.items() if code >= 0}


@dataclass
class ScreenResult:
    """What a run wrote and counted."""

    out: Path
    persons: int
    rows: int
    refused: int
    refused_by_reason: dict[str, int]
    files: dict[str, Path]
    report: dict[str, Any] = field(default_factory=dict)
    red_flags: int = 0
    red_flags_by_kind: dict[str, int] = field(default_factory=dict)
    """People with each red flag, by its flags column (``kernel.RED_FLAG_COLUMNS``)."""
    """People with at least one red flag (each should see a clinician soon)."""
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds spent in each stage (wall clock), for profiling and the benchmark."""
    cpu_timings: dict[str, float] = field(default_factory=dict)
    """CPU seconds of this process (all its threads) in each stage: steadier than wall time on a busy machine."""


class _Laps:
    """Wall-clock and CPU seconds per stage."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self._last, self._last_cpu = time.perf_counter(), time.process_time()

    def lap(self, name: str) -> None:
        now, cpu = time.perf_counter(), time.process_time()
        self.seconds[name] = self.seconds.get(name, 0.0) + now - self._last
        self.cpu[name] = self.cpu.get(name, 0.0) + cpu - self._last_cpu
        self._last, self._last_cpu = now, cpu


def _prepare(source: Path, persons: Path | None, conditions: Path | None, mapping: Mapping, work: Path) -> Prepared:
    from myoscope.cohort import _conditions
    from myoscope.cohort._omop import is_omop, read_omop

    if is_omop(source):
        person_file: Path | None
        with _readable("input", source):
            rows, person_file, report = read_omop(source, mapping, work)
        import polars as pl
        import pyarrow.parquet as pq

        groups = tuple(
            c for c in pq.read_schema(person_file).names if c not in ("person", "sex", "population", "birth_year")
        )
        found = report["conditions"].pop("path")
        table = pl.read_parquet(found) if found is not None else None
        person_file = _conditions.attach(person_file, table, work, _condition_kinds(mapping), rows)
        return rows, person_file, groups, report["refused"], report
    if not source.exists():
        raise InputError([Problem("input", str(source), "does not exist", "a CSV or Parquet file, or an OMOP folder")])
    with _readable("--persons", persons):
        person_file, groups, unread = read_persons(persons, mapping, work)
    with _readable("input", source):
        if is_canonical(source):
            _check_canonical_types(source)
            rows, refused = source, list[dict[str, Any]]()
        else:
            rows, refused = read_long(source, mapping, work)
    if conditions is not None:
        with _readable("--conditions", conditions):
            table, unread_conditions = read_conditions(conditions)
        person_file = _conditions.attach(person_file, table, work, _condition_kinds(mapping), rows)
        unread += unread_conditions
    return rows, person_file, groups, unread + refused, {}


CANONICAL_TYPES = (
    "person a whole number, day a whole number (days since 1970-01-01) or a date, kind and side whole-number "
    "codes, value a number; or a long table read through --mapping"
)


def _check_canonical_types(path: Path) -> None:
    """A canonical table's columns are of the kernel's kinds of type (the codes' ranges are checked per row)."""
    import polars as pl

    schema = pl.read_parquet_schema(path)
    wanted: dict[str, Callable[[Any], bool]] = {
        "person": lambda t: t.is_integer(),
        "day": lambda t: t.is_integer() or t == pl.Date,
        "kind": lambda t: t.is_integer(),
        "side": lambda t: t.is_integer() or t == pl.Null,
        "value": lambda t: t.is_numeric() or t == pl.Null,
    }
    problems = [
        Problem(f"input.{name}", str(schema[name]), "is not of the canonical table's type", CANONICAL_TYPES)
        for name, ok in wanted.items()
        if not ok(schema[name])
    ]
    if problems:
        raise InputError(problems)


READABLE = "a UTF-8 CSV file with one header line, a Parquet file, or an OMOP CDM folder of such files"


@contextmanager
def _readable(field: str, path: Path | None) -> Iterator[None]:
    """A file that the readers cannot parse (malformed or ragged CSV, bytes that are not UTF-8, an empty file,
    a damaged Parquet file) is an input error naming the option and the file, not an internal error."""
    try:
        yield
    except Exception as exc:  # the readers' own error types, looked up only when something failed
        if not isinstance(exc, _read_errors()):
            raise
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        reason = first if len(first) <= 120 else first[:117] + "..."
        name = "" if path is None else path.name if len(path.name) <= 60 else path.name[:57] + "..."
        # the file's name in the message: the value (its whole path) is shortened for display, often mid-name
        message = f"{name!r} could not be read ({reason})"
        raise InputError([Problem(field, str(path), message, READABLE)]) from None


def _read_errors() -> tuple[type[BaseException], ...]:
    """What polars, pyarrow and DuckDB raise for a file they cannot parse (imported here, not on every run)."""
    import duckdb
    import polars as pl
    import pyarrow as pa

    return (pl.exceptions.PolarsError, pa.ArrowException, duckdb.Error, UnicodeDecodeError)


NO_PERSON = "no person"
"""Refusal reason of a canonical row without a person id (it cannot be screened with anyone)."""


def _without_personless(rows: Path, work: Path, tables: Sequence[str]) -> tuple[Path, list[dict[str, Any]]]:
    """The canonical table without its rows that have no person (refused, with their row), or the table itself
    where every row has one: the Parquet statistics say so without reading the column."""
    import polars as pl
    import pyarrow.parquet as pq

    meta = pq.ParquetFile(rows).metadata
    column = meta.schema.names.index("person")
    stats = [meta.row_group(g).column(column).statistics for g in range(meta.num_row_groups)]
    if all(st is not None and st.null_count == 0 for st in stats):
        return rows, []
    frame = pl.scan_parquet(rows).with_row_index("at", offset=1)
    missing = frame.filter(pl.col("person").is_null()).collect()
    if missing.height == 0:
        return rows, []
    kept = work / "rows-with-person.parquet"
    rest = frame.filter(pl.col("person").is_not_null())
    # the kernel numbers rows in the table it reads: keep each row's number in the input
    rest = rest.drop("at") if SOURCE_ROW in meta.schema.names else rest.rename({"at": SOURCE_ROW})
    rest.sink_parquet(kept)
    return kept, [_personless_row(r, tables) for r in missing.iter_rows(named=True)]


def _personless_row(row: dict[str, Any], tables: Sequence[str]) -> dict[str, Any]:
    raw_kind = row.get("kind")
    kind = None if raw_kind is None else int(raw_kind)
    known = kind is not None and 0 <= kind < len(KINDS)
    if SOURCE_TABLE in row and row[SOURCE_TABLE] is not None and row.get(SOURCE_ROW) is not None:
        where: Any = f"{tables[int(row[SOURCE_TABLE])]} {int(row[SOURCE_ROW])}"
    else:
        where = int(row[SOURCE_ROW]) if row.get(SOURCE_ROW) is not None else int(row["at"])
    day = row.get("day")
    side = row.get("side")
    return {
        "row": where,
        "reason": NO_PERSON,
        "person": "",
        "date": "" if day is None else day.isoformat() if isinstance(day, dt.date) else _date_text(int(day)),
        "kind": KINDS[kind].name if kind is not None and known else ("" if kind is None else str(kind)),
        "value": "" if row.get("value") is None else float(f"{row['value']:.12g}"),
        "unit": KINDS[kind].unit if kind is not None and known else "",
        "side": SIDES[int(side)] if side is not None and 0 <= int(side) < 3 else "",
    }


def _condition_kinds(mapping: Mapping) -> dict[str, str]:
    return dict(mapping.condition_codes)


def _day(value: dt.date | None) -> int | None:
    return None if value is None else (value - dt.date(1970, 1, 1)).days


def screen(
    source: Path,
    out: Path,
    *,
    persons: Path | None = None,
    conditions: Path | None = None,
    mapping: Mapping | None = None,
    engine: str = "polars",
    workers: int = 2,
    scheduler: str | None = None,
    dask_processes: bool = False,
    on: dt.date | None = None,
    rows_per_part: int = engines.DEFAULT_ROWS_PER_PART,
    html: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> ScreenResult:
    """Screen a cohort; ``progress(done_rows, total_rows)`` is called as partitions finish.

    ``dask_processes``: a local Dask cluster's workers are processes rather than threads of this process.
    """
    if engine not in ENGINES:
        raise InputError([Problem("engine", engine, "is not an engine", " or ".join(ENGINES))])
    if scheduler is not None:
        if engine != "dask":
            raise InputError([Problem("--scheduler", scheduler, "is a Dask scheduler", "with --engine dask")])
        engines.check_scheduler(scheduler)
    mapping = mapping or Mapping()
    _check_paths(Path(source), out, persons, conditions)
    out.mkdir(parents=True, exist_ok=True)
    laps = _Laps()
    with ThreadPoolExecutor(max_workers=1) as pool, tempfile.TemporaryDirectory(prefix="myoscope-screen-") as tmp:
        # a Dask cluster starts (its workers load the kernel) while the inputs are prepared, and closes while
        # the outputs are written
        session = pool.submit(engines.start_dask, workers, scheduler, dask_processes) if engine == "dask" else None
        try:
            rows_path, person_path, groups, early_refused, report = _prepare(
                Path(source), persons, conditions, mapping, Path(tmp)
            )
            rows_path, personless = _without_personless(rows_path, Path(tmp), report.get("tables", ()))
            early_refused = early_refused + personless
            total = engines.table_rows(rows_path)
            laps.lap("prepare inputs")
            done = [0]

            def tick(n: int) -> None:
                done[0] += n
                if progress:
                    progress(done[0], total)

            if session is None:
                results = list(engines.run_polars(rows_path, person_path, _day(on), workers, tick, rows_per_part))
            else:
                parts = engines.dask_plan(rows_path, rows_per_part, workers)
                results = list(engines.run_dask(rows_path, person_path, _day(on), parts, session, tick))
        finally:
            if session is not None:
                pool.submit(_stop, session)
        laps.lap(f"read + validate + kernel ({engine})")
        flag_parts, refused_parts = zip(*results, strict=False) if results else ((), ())
        flags = _flags_table(flag_parts, person_path, groups)
        refused = _refused_rows(refused_parts, early_refused, rows_path, report.get("tables", ()))
        laps.lap("flags table")
        return _write(
            out,
            flags,
            refused,
            groups,
            total + sum(1 for r in early_refused if r.get("table") not in ("persons", "conditions")),
            html,
            report,
            laps,
        )


OUTPUT_NAMES = ("flags.parquet", "flags.csv", "prevalence.csv", "refused.csv", "summary.html")
"""The files a run writes into its output folder."""


def _check_paths(source: Path, out: Path, persons: Path | None, conditions: Path | None) -> None:
    """Refuse, before anything is read or written: an output folder that is a file (or lies under one), input
    files that do not exist, tables beside an OMOP extract (it carries its own), and an output file that
    would overwrite an input."""
    from myoscope.cohort._omop import is_omop

    problems = []
    try:
        blocked = next((p for p in (out, *out.parents) if p.exists() and not p.is_dir()), None)
        if blocked is not None:
            problems.append(Problem("--out", str(out), f"{blocked.name!r} is a file, not a folder", "a folder"))
        elif out.is_symlink() and not out.exists():
            problems.append(Problem("--out", str(out), "is a link to nothing", "a folder, or a new folder's name"))
    except OSError as exc:  # a name too long for the file system, say: refused, never an internal error
        reason = os_reason(exc)
        problems.append(Problem("--out", str(out), f"cannot be a folder here ({reason})", "a shorter path"))
    for option, path in (("--persons", persons), ("--conditions", conditions)):
        if path is not None and not path.is_file():
            problems.append(Problem(option, str(path), "is not a file", "a CSV or Parquet file"))
        elif path is not None and source.exists() and is_omop(source):
            problems.append(
                Problem(
                    option,
                    str(path),
                    "is not read with an OMOP extract",
                    "the extract's own person and condition_occurrence tables (leave the option out)",
                )
            )
    inputs = {p.resolve() for p in (source, persons, conditions) if p is not None and p.exists()}
    clash = [out / name for name in OUTPUT_NAMES if (out / name).resolve() in inputs]
    if clash:
        problems.append(
            Problem("--out", str(out), f"would overwrite the input {clash[0].name!r}", "a folder without the inputs")
        )
    if problems:
        raise InputError(problems)


def _stop(session: Future[engines.Session]) -> None:
    """Close a Dask session once it has started (a failed start left nothing to close)."""
    if session.exception() is None:
        engines.stop_dask(session.result())


def _flags_table(parts: Sequence[Part], person_path: Path | None, groups: tuple[str, ...]) -> pl.DataFrame:
    import polars as pl

    from myoscope.criteria import awgs2019, ewgsop2, fnih2014
    from myoscope.instruments import must

    if parts:
        columns = {c: np.concatenate([p[c] for p in parts]) for c in FLAG_COLUMNS}
    else:
        columns = {c: np.zeros(0) for c in FLAG_COLUMNS}
    frame = pl.DataFrame(columns).with_columns(pl.col("last_day").fill_nan(None).cast(pl.Int32).cast(pl.Date))
    labels = {
        "ewgsop2": {v: k for k, v in ewgsop2.STAGE.items()},
        "awgs2019": {v: k for k, v in awgs2019.STAGE.items()},
        "fnih2014": {v: k for k, v in fnih2014.STAGE.items()},
        "must": dict(enumerate(must.CATEGORIES)),
        "glim": GLIM_CATEGORIES,
        **{c: STATUS_TEXT for c in (*CAUSE_COLUMNS, *MEASURED_CAUSES, *MUSCLE_CAUSES)},
    }
    from myoscope.instruments import CANNOT_TELL

    frame = frame.with_columns(
        *[
            pl.col(c).replace_strict({**m, -1: CANNOT_TELL}, return_dtype=pl.Utf8).alias(f"{c}_category")
            for c, m in labels.items()
        ],
        rule_version=pl.lit(RULE_VERSION),
    )
    if person_path is not None and groups:
        frame = frame.join(pl.read_parquet(person_path, columns=["person", *groups]), on="person", how="left")
    return frame if frame["person"].is_sorted() else frame.sort("person")  # person-ordered parts: sorted


def _refused_rows(
    parts: Sequence[Part], early: list[dict[str, Any]], rows_path: Path, tables: Sequence[str] = ()
) -> list[dict[str, Any]]:
    """Rows refused while reading (``early``: as written), then rows the kernel refused: their value in the kind's
    unit, and their row in the input where the canonical table was made here (a long table's row, an OMOP
    table and id), else their row in the canonical table."""
    rows = list(early)
    positions = np.concatenate([p["row"] for p in parts]) if parts else np.zeros(0, np.int64)
    where = _source_rows(rows_path, positions, tables)
    at = 0
    for p in parts:
        for i in range(len(p["reason"])):
            kind = int(p["kind"][i])
            known = 0 <= kind < len(KINDS)
            rows.append(
                {
                    "row": where[at] if where is not None else int(p["row"][i]),
                    "reason": REASONS[int(p["reason"][i])],
                    "person": int(p["person"][i]),
                    "date": _date_text(int(p["day"][i])),
                    "kind": KINDS[kind].name if known else "" if kind == -1 else str(kind),  # -1: empty cell
                    "value": float(f"{p['value'][i]:.12g}"),  # in the kind's unit, without float noise (…000001)
                    "unit": KINDS[kind].unit if known else "",
                    "side": SIDES[int(p["side"][i])] if 0 <= p["side"][i] < 3 else "",
                }
            )
            at += 1
    return rows


def _date_text(day: int) -> str:
    """A refused row's day as ISO text; empty where the row had none."""
    return "" if day == NO_DATE else str(np.datetime64(day, "D"))


def _source_rows(rows_path: Path, positions: np.ndarray, tables: Sequence[str]) -> list[Any] | None:
    """The input row behind each canonical row (1-based ``positions``, ascending), or None where the canonical
    table is the input itself."""
    import polars as pl

    names = pl.read_parquet_schema(rows_path)
    if SOURCE_ROW not in names or positions.size == 0:
        return None
    wanted = [SOURCE_ROW, *([SOURCE_TABLE] if SOURCE_TABLE in names else [])]
    found = (
        pl.scan_parquet(rows_path)
        .select(wanted)
        .with_row_index("at", offset=1)
        .with_columns(pl.col("at").cast(pl.Int64))
        .join(pl.LazyFrame({"at": positions.astype(np.int64)}), on="at", how="semi")
        .collect()
    )
    order = np.searchsorted(found["at"].to_numpy(), positions)
    source = found[SOURCE_ROW].to_numpy()[order]
    if SOURCE_TABLE not in names:
        return [int(r) for r in source]
    table = found[SOURCE_TABLE].to_numpy()[order]
    return [f"{tables[int(t)]} {int(r)}" for t, r in zip(table, source, strict=True)]


def _write(
    out: Path,
    flags: pl.DataFrame,
    refused: list[dict[str, Any]],
    groups: tuple[str, ...],
    rows: int,
    html: bool,
    report: dict[str, Any],
    laps: _Laps | None = None,
) -> ScreenResult:

    import polars as pl

    from myoscope.cohort._prevalence import prevalence

    files = {
        "flags_parquet": out / "flags.parquet",
        "flags_csv": out / "flags.csv",
        "prevalence": out / "prevalence.csv",
        "refused": out / "refused.csv",
    }
    flags = flags.with_columns(pl.col(pl.Float64).fill_nan(None))  # not measured: empty, not NaN
    laps = laps or _Laps()
    with ThreadPoolExecutor(max_workers=3) as pool:  # polars writes without the GIL: overlap with the rest
        written = [
            pool.submit(flags.write_parquet, files["flags_parquet"], statistics=False, compression="snappy"),
            *_write_csv(pool, flags, files["flags_csv"]),
        ]
        table = prevalence(flags, groups)
        result = _finish(out, flags, table, refused, rows, html, report, files, laps)
        for w in written:
            w.result()
    laps.lap("write flags (Parquet + CSV), waited for")
    result.timings, result.cpu_timings = laps.seconds, laps.cpu
    return result


CSV_DECIMALS = 2
"""Decimals of the measures in flags.csv, finer than any measurement behind them (a scale reads to 0.1 kg,
a tape to 0.1 cm, a stopwatch to 0.01 s); written as people write them (83.5, not 83.500000).
flags.parquet keeps the values unrounded."""


def _write_csv(pool: ThreadPoolExecutor, flags: pl.DataFrame, path: Path) -> list[Future[None]]:
    """The flags CSV in two halves at once (one CSV writer keeps one core busy): the first half with the
    header straight to the file, the second into memory and appended after it; the bytes are those of
    one ``write_csv`` of the whole table. Measures are rounded to ``CSV_DECIMALS``."""
    import io

    import polars as pl

    from myoscope.report.escape import FORMULA_PATTERN

    text = [c for c, t in flags.schema.items() if t == pl.Utf8]  # a site's group values among them
    flags = flags.with_columns(
        pl.col(pl.Float64).round(CSV_DECIMALS),
        *[_spreadsheet_safe(c, FORMULA_PATTERN) for c in text],
    )
    half = flags.height // 2
    tail = io.BytesIO()
    second = pool.submit(flags.slice(half).write_csv, tail, include_header=False)

    def first() -> None:
        flags.slice(0, half).write_csv(path)
        second.result()
        with open(path, "ab") as handle:
            handle.write(tail.getbuffer())

    return [pool.submit(first), second]


def _spreadsheet_safe(name: str, pattern: str) -> pl.Expr:
    """A text column whose cells starting like a formula get a leading apostrophe (a spreadsheet shows them
    as text; :func:`myoscope.report.escape.safe_cell` for one cell). Parquet keeps the values as they are."""
    import polars as pl

    column = pl.col(name)
    return pl.when(column.str.contains(pattern)).then(pl.lit("'") + column).otherwise(column).alias(name)


def _finish(
    out: Path,
    flags: pl.DataFrame,
    table: pl.DataFrame,
    refused: list[dict[str, Any]],
    rows: int,
    html: bool,
    report: dict[str, Any],
    files: dict[str, Path],
    laps: _Laps,
) -> ScreenResult:
    """Prevalence, refused rows and the summary (while the flags are written)."""
    import csv

    from myoscope.report.escape import FORMULA_PATTERN, safe_cell

    safe = table.with_columns(_spreadsheet_safe("group", FORMULA_PATTERN)) if "group" in table.columns else table
    safe.write_csv(files["prevalence"], float_precision=6)
    with open(files["refused"], "w", newline="", encoding="utf-8") as handle:
        fields = ["row", "reason", "person", "date", "kind", "value", "unit", "side"]
        writer = csv.DictWriter(handle, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        # the cells as read (text a site typed): shown as text by a spreadsheet; numbers are written as numbers
        writer.writerows({k: safe_cell(v) if isinstance(v, str) else v for k, v in r.items()} for r in refused)
    laps.lap("prevalence + refused rows")
    by_reason: dict[str, int] = {}
    for r in refused:
        by_reason[r["reason"]] = by_reason.get(r["reason"], 0) + 1
    result = ScreenResult(
        out,
        flags.height,
        rows,
        len(refused),
        by_reason,
        files,
        report,
        red_flags=int((flags["red_flags"] > 0).sum()),
        red_flags_by_kind={c: int((flags[c] == 1).sum()) for c in RED_FLAG_COLUMNS},
    )
    if html:
        from myoscope.cohort._summary import write_summary

        files["summary"] = write_summary(out / "summary.html", flags, table, result)
        laps.lap("HTML summary")
    return result
