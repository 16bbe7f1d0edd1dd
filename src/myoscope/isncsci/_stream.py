"""Registry-scale classification: exam files streamed in chunks, columnar end to end.

Input: NDJSON (one EXAM object per line, optionally with ``id`` and ``site``) or Parquet
(the same fields as nested structs, or flat columns named ``right.motor.C5``). Each chunk is
parsed by polars, encoded by table look-ups on whole columns, classified by the compiled
kernel, and formatted column-wise (each distinct level list formatted once), so that no
Python object is made per exam. Output: NDJSON lines in the reference's OUTPUT shape
(with ``id`` and ``site`` first when given) or a Parquet table of flat columns. Invalid
values are collected for the whole file, named by line (row) and field; then nothing is
written (the output goes to a temporary file that replaces the target only when all is valid).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from myoscope.errors import InputError, Problem
from myoscope.isncsci._codes import (
    ANAL_CODE,
    COMPLETENESS,
    DERMATOMES,
    KEY_SEGMENT,
    MOTOR_CODE,
    MOTOR_LEVELS,
    S_2,
    SEGMENT_INDEX,
    SEGMENTS,
    SENSORY_CODE,
)
from myoscope.isncsci._encode import EncodedExams
from myoscope.record.spinal import MOTOR_ACCEPTED, NON_KEY_ACCEPTED, SENSORY_ACCEPTED

if TYPE_CHECKING:  # polars ships types; pyarrow has none (its names are Any here, see pyproject)
    import polars as pl
    import pyarrow as pa

    from myoscope.isncsci._result import BatchResult

WriteLine = Callable[[str], object]

SIDES = ("right", "left")
EXTRA = ("id", "site")
CHUNK = 100_000
MAX_PROBLEMS_SHOWN = 50
_NKM = {name: (SEGMENT_INDEX[name] if SEGMENT_INDEX[name] in set(KEY_SEGMENT) else -1) for name in SEGMENTS}


def fields() -> list[tuple[str, dict[str, int], str]]:
    """(flat field name, value -> code, accepted text) of every exam field, in kernel order."""
    out = [("vac", ANAL_CODE, "Yes, No or NT"), ("dap", ANAL_CODE, "Yes, No or NT")]
    for side in SIDES:
        out += [(f"{side}.motor.{m}", MOTOR_CODE, MOTOR_ACCEPTED) for m in MOTOR_LEVELS]
        out += [
            (f"{side}.{mod}.{d}", SENSORY_CODE, SENSORY_ACCEPTED)
            for mod in ("light_touch", "pin_prick")
            for d in DERMATOMES
        ]
    return out


def _schema() -> pa.Schema:
    import pyarrow as pa

    def struct(names: Sequence[str]) -> pa.DataType:
        return pa.struct([(n, pa.string()) for n in names])

    side = pa.struct(
        [
            ("lowest_non_key_muscle", pa.string()),
            ("motor", struct(MOTOR_LEVELS)),
            ("light_touch", struct(DERMATOMES)),
            ("pin_prick", struct(DERMATOMES)),
        ]
    )
    return pa.schema(
        [
            ("id", pa.string()),
            ("site", pa.string()),
            ("vac", pa.string()),
            ("dap", pa.string()),
            ("right", side),
            ("left", side),
        ]
    )


def _flat_arrow(table: pa.Table) -> pa.Table:
    """Struct columns flattened to ``a.b.c`` names (zero-copy), every column as text."""
    import pyarrow as pa

    while any(pa.types.is_struct(t) for t in table.schema.types):
        table = table.flatten()
    return table


def _polars_frame(table: pa.Table) -> pl.DataFrame:
    """A polars frame of an Arrow table (``from_arrow`` gives a Series only for a single array)."""
    import polars as pl

    frame = pl.from_arrow(table)
    if not isinstance(frame, pl.DataFrame):
        raise TypeError(f"expected an Arrow table, got {type(table).__name__}")
    return frame


def _read_ndjson(data: bytes, name: str) -> pa.Table:
    """Parse NDJSON: pyarrow's reader when every score is a string (fast), else polars (accepts numbers)."""
    import pyarrow as pa
    import pyarrow.json as pj

    try:
        return pj.read_json(io.BytesIO(data), parse_options=pj.ParseOptions(explicit_schema=_schema()))
    except pa.ArrowInvalid:
        pass
    import polars as pl

    schema = pl.Schema(_polars_frame(_schema().empty_table()).schema)
    try:
        return pl.read_ndjson(io.BytesIO(data), schema=schema).to_arrow()
    except Exception as exc:  # polars raises several types for malformed JSON
        bad = _first_bad_line(data)
        where = name if bad is None else bad.decode("utf-8", "replace")
        what = "is not NDJSON" if bad is None else f"is a line of {name} that is not NDJSON (one JSON object)"
        raise InputError(
            [Problem("input", where, f"{what} ({exc.__class__.__name__})", "one exam object per line")]
        ) from None


def _first_bad_line(data: bytes) -> bytes | None:
    """The first non-blank line that is not one JSON object (shown, shortened, so it can be found), or None."""
    import json

    for line in data.split(b"\n"):
        if not line.strip():
            continue
        try:
            if isinstance(json.loads(line), dict):
                continue
        except (ValueError, RecursionError):
            pass
        return line
    return None


def chunks(path: Path, size: int = CHUNK) -> Iterator[pa.Table]:
    """Flat Arrow tables of at most ``size`` exams."""
    if path.suffix.lower() == ".parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = pq.ParquetFile(path).schema
        leaves = [schema.column(i).path for i in range(len(schema))]
        batches = pq.ParquetFile(path, read_dictionary=leaves).iter_batches(batch_size=size, use_threads=_threads())
        for batch in batches:
            yield _flat_arrow(pa.Table.from_batches([batch]))
        return
    for block in _ndjson_blocks(path, size):
        yield _flat_arrow(_read_ndjson(block, path.name))


def _threads() -> bool:
    """Whether Arrow may read with threads: only when this process may run on more than one CPU.

    Arrow sizes its pool to the machine, not to the CPUs the process is allowed; on one CPU its
    threads only take turns (a third slower, measured on the registry benchmark).
    """
    import os

    return len(os.sched_getaffinity(0)) > 1 if hasattr(os, "sched_getaffinity") else True


def _encoded_chunks(path: Path, size: int) -> Iterator[tuple[Any, EncodedExams | None]]:
    """(flat table, its encoded exams when the NDJSON fast path decoded them, else None) per chunk."""
    if path.suffix.lower() == ".parquet":
        for table in chunks(path, size):
            yield table, None
        return
    from myoscope.isncsci._ndjson import decode_lines

    for block in _line_blocks(path):
        start = 0
        while start < len(block):
            decoded = decode_lines(block[start:], size)
            if decoded is None:  # blank lines, or anything the fast path declines: cleaned, then again
                for piece in _split(bytes(block[start:]), size):
                    yield _decoded_piece(piece, path.name)
                break
            encoded, extra, used = decoded
            yield extra, encoded
            start += used


def _decoded_piece(piece: bytes, name: str) -> tuple[Any, EncodedExams | None]:
    from myoscope.isncsci._ndjson import decode_block

    decoded = decode_block(piece)
    if decoded is not None:
        encoded, extra = decoded
        return extra, encoded
    return _flat_arrow(_read_ndjson(piece, name)), None


BLOCK_BYTES = 32 << 20


def _line_blocks(path: Path) -> Iterator[memoryview]:
    """Blocks of whole lines, about ``BLOCK_BYTES`` each, as they are in the file (blank lines kept).

    Each block is a view of one buffer that is read into again for the next: valid until then. Files
    are read into that buffer (no copy of a block, no new memory per block); a line longer than the
    buffer grows it.
    """
    buffer = bytearray(BLOCK_BYTES)
    view, filled = memoryview(buffer), 0
    with open(path, "rb", buffering=0) as handle:
        while True:
            if filled == len(buffer):  # no newline in the whole buffer: a longer one
                buffer = buffer + bytes(len(buffer))
                view = memoryview(buffer)
            got = handle.readinto(view[filled:])
            if not got:
                break
            filled += got
            end = buffer.rfind(b"\n", 0, filled) + 1
            if end == 0:
                continue
            yield view[:end]
            buffer[: filled - end] = bytes(view[end:filled])  # the cut line, to the front
            filled -= end
        if bytes(view[:filled]).strip():
            yield memoryview(bytes(view[:filled]) + b"\n")


def _ndjson_blocks(path: Path, size: int) -> Iterator[bytes]:
    """Blocks of whole lines (about ``BLOCK_BYTES``, at most ``size`` exams each), blank lines removed.

    Lines are found by bytes searches on the whole block, never one line at a time in Python.
    """
    for block in _line_blocks(path):
        yield from _split(bytes(block), size)


_SPACE = np.frombuffer(b" \t\n\r\x0b\x0c", dtype=np.uint8)


def _split(block: bytes, size: int) -> Iterator[bytes]:
    """``block`` without its blank lines, cut into pieces of at most ``size`` lines."""
    data = np.frombuffer(block, dtype=np.uint8)
    ends = np.flatnonzero(data == 10)
    after = data[ends[:-1] + 1] if ends.size > 1 else data[:0]
    # a line that starts with white space may be blank: only then is the block cut line by line
    if b"\r" in block or block[:1].isspace() or np.isin(after, _SPACE).any():
        block = b"".join(line + b"\n" for line in block.split(b"\n") if line.strip())
        ends = np.flatnonzero(np.frombuffer(block, dtype=np.uint8) == 10)
    if ends.size <= size:
        yield block
        return
    starts = ends[size - 1 :: size] + 1
    cut = 0
    for stop in (*starts.tolist(), len(block)):
        if stop > cut:
            yield block[cut:stop]
        cut = stop


_MISSING = 255


def _codes(column: pa.Array | pa.ChunkedArray, table: dict[str, int]) -> NDArray[np.uint8]:
    """Codes (uint8; 255 where the value is not in ``table`` or absent) of one Arrow column, by its dictionary."""
    import pyarrow as pa
    import pyarrow.compute as pc

    column = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    if not pa.types.is_dictionary(column.type):
        if not pa.types.is_string(column.type) and not pa.types.is_large_string(column.type):
            column = pc.cast(column, pa.string())
        known = list(table)  # one hash look-up per value against the accepted words, in Arrow
        lut = np.array([table[w] for w in known] + [_MISSING], dtype=np.uint8)
        at = pc.index_in(column, value_set=pa.array(known, column.type)).fill_null(len(known))
        out: NDArray[np.uint8] = lut[at.to_numpy(zero_copy_only=False)]
        return out
    words = column.dictionary.to_pylist()
    lut = np.array([table.get(str(w), _MISSING) for w in words] + [_MISSING], dtype=np.uint8)
    indices = column.indices
    if indices.null_count:
        indices = indices.fill_null(len(words))
    coded: NDArray[np.uint8] = lut[indices.to_numpy(zero_copy_only=False)]
    return coded


def encode_frame(table: pa.Table, first_row: int) -> tuple[EncodedExams, list[Problem]]:
    """Encode a flat Arrow table; problems are named ``line N: field`` (N counts from 1)."""
    import pyarrow as pa

    n = table.num_rows
    names = set(table.column_names)
    problems = _unknown_fields(table, first_row)
    spec = fields()
    codes = np.empty((len(spec), n), dtype=np.uint8)
    for j, (name, lookup, accepted) in enumerate(spec):
        column = table.column(name) if name in names else pa.nulls(n, pa.string())
        codes[j] = _codes(column, lookup)
        for i in np.flatnonzero(codes[j] == _MISSING)[:MAX_PROBLEMS_SHOWN].tolist():
            problems.append(Problem(f"line {first_row + i}: {name}", column[i].as_py(), "is not valid", accepted))
    nkm = np.full((n, 2), -1, dtype=np.int8)
    for s, side in enumerate(SIDES):
        name = f"{side}.lowest_non_key_muscle"
        if name not in names:
            continue
        column = table.column(name)
        level = _codes(column, {k: v + 1 for k, v in _NKM.items()}).astype(np.int16)
        valid = column.is_valid().to_numpy(zero_copy_only=False)
        for i in np.flatnonzero(valid & (level == _MISSING))[:MAX_PROBLEMS_SHOWN].tolist():
            problems.append(
                Problem(f"line {first_row + i}: {name}", column[i].as_py(), "is not valid", NON_KEY_ACCEPTED)
            )
        nkm[:, s] = np.where(valid & (level != _MISSING), level - 1, -1)
    return _batch(codes, nkm), problems


def _unknown_fields(table: pa.Table, first_row: int) -> list[Problem]:
    known = {name for name, _, _ in fields()} | {f"{s}.lowest_non_key_muscle" for s in SIDES} | set(EXTRA)
    problems: list[Problem] = []
    for name in table.column_names:
        column = table.column(name)
        if name not in known and column.null_count < table.num_rows:
            i = int(np.flatnonzero(column.is_valid().to_numpy(zero_copy_only=False))[0])
            problems.append(
                Problem(
                    f"line {first_row + i}: {name}",
                    column[i].as_py(),
                    "is not an exam field",
                    "vac, dap, right, left (and id, site)",
                )
            )
    return problems


def batch_by_row(codes: NDArray[np.uint8], nkm: NDArray[np.int8]) -> EncodedExams:
    """Kernel arrays from exam-major codes ``(n, fields)`` (``fields()`` order)."""
    n = codes.shape[0]
    per_side = 10 + 2 * len(DERMATOMES)
    sens = np.full((n, 2, 2, 29), S_2, dtype=np.uint8)
    motor = np.empty((n, 2, 10), dtype=np.uint8)
    for s in range(2):
        base = 2 + s * per_side
        motor[:, s, :] = codes[:, base : base + 10]
        sens[:, s, :, 1:] = codes[:, base + 10 : base + per_side].reshape(n, 2, len(DERMATOMES))
    return EncodedExams(sens=sens, motor=motor, anal=np.ascontiguousarray(codes[:, :2]), nkm=nkm)


def _batch(codes: NDArray[np.uint8], nkm: NDArray[np.int8]) -> EncodedExams:
    """Kernel arrays from field-major codes (``fields()`` order)."""
    n = codes.shape[1]
    per_side = 10 + 2 * len(DERMATOMES)
    sens = np.full((n, 2, 2, 29), S_2, dtype=np.uint8)
    motor = np.empty((n, 2, 10), dtype=np.uint8)
    for s in range(2):
        base = 2 + s * per_side
        motor[:, s, :] = codes[base : base + 10].T
        sens[:, s, :, 1:] = codes[base + 10 : base + per_side].T.reshape(n, 2, len(DERMATOMES))
    return EncodedExams(sens=sens, motor=motor, anal=np.ascontiguousarray(codes[:2].T), nkm=nkm)


OUTPUT_LEVELS = (
    "right.sensory_level",
    "left.sensory_level",
    "right.motor_level",
    "left.motor_level",
    "right.sensory_zpp",
    "left.sensory_zpp",
    "right.motor_zpp",
    "left.motor_zpp",
    "nli",
)
TOTALS = (
    "right.totals.upper_motor",
    "right.totals.lower_motor",
    "right.totals.motor",
    "right.totals.light_touch",
    "right.totals.pin_prick",
    "left.totals.upper_motor",
    "left.totals.lower_motor",
    "left.totals.motor",
    "left.totals.light_touch",
    "left.totals.pin_prick",
    "totals.upper_motor",
    "totals.lower_motor",
    "totals.light_touch",
    "totals.pin_prick",
)


def _dictionary(texts: Sequence[str], indices: NDArray[np.integer[Any]]) -> pa.DictionaryArray:
    import pyarrow as pa

    return pa.DictionaryArray.from_arrays(pa.array(indices.astype(np.int32)), pa.array(texts, pa.string()))


def result_columns(result: BatchResult, extra: pa.Table) -> dict[str, Any]:
    """Flat output columns as Arrow arrays: level lists, completeness and AIS dictionary-encoded (each
    distinct text formatted once), totals as integers (-1 = ``ND``)."""
    import pyarrow as pa

    from myoscope.isncsci._result import _AIS_TEXT, format_levels

    cols: dict[str, Any] = {
        c: extra.column(c).cast(pa.string())
        for c in EXTRA
        if c in extra.column_names and extra.column(c).null_count < extra.num_rows
    }
    for f, name in enumerate(OUTPUT_LEVELS):
        keys = (result.lists[:, f, 0].astype(np.int64) << 30) | result.lists[:, f, 1].astype(np.int64)
        encoded = pa.array(keys).dictionary_encode()  # hashing, in Arrow: no sort, no Python per exam
        unique = encoded.dictionary.to_numpy()
        texts = [format_levels(int(k) >> 30, int(k) & ((1 << 30) - 1)) for k in unique.tolist()]
        cols[name] = _dictionary(texts, encoded.indices.to_numpy())
    cols["injury_complete"] = _dictionary(list(COMPLETENESS), result.complete)
    cols["ais"] = _dictionary(_AIS_TEXT, result.ais)
    for t, name in enumerate(TOTALS):
        cols[name] = pa.array(result.totals[:, t])
    return cols


def result_frame(result: BatchResult, extra: pa.Table) -> pl.DataFrame:
    """:func:`result_columns` as a polars frame (texts stay dictionary-encoded, Categorical, up to the writer)."""
    import pyarrow as pa

    return _polars_frame(pa.table(result_columns(result, extra)))


def _q(name: str) -> pl.Expr:
    import polars as pl

    return pl.lit('"') + pl.col(name).cast(pl.Utf8) + pl.lit('"')


def _total(name: str) -> pl.Expr:
    import polars as pl

    return pl.when(pl.col(name) < 0).then(pl.lit('"ND"')).otherwise(pl.col(name).cast(pl.Utf8))


def _head(columns: Sequence[str]) -> list[pl.Expr]:
    """Each line's ``"id":..., "site":..., `` prefix (JSON-encoded; empty where absent), per extra column."""
    import polars as pl

    head: list[pl.Expr] = []
    for extra in EXTRA:
        if extra in columns:
            encoded = pl.struct(pl.col(extra)).struct.json_encode().str.strip_prefix("{").str.strip_suffix("}")
            head.append(pl.when(pl.col(extra).is_null()).then(pl.lit("")).otherwise(encoded + pl.lit(", ")))
    return head


def ndjson_text(columns: dict[str, Any]) -> memoryview:
    """The NDJSON lines of result ``columns`` (as :func:`ndjson_lines`, each ending in a newline), compiled."""
    import polars as pl
    import pyarrow as pa

    from myoscope.isncsci._ndjson_out import ndjson_bytes

    head = _head([c for c in EXTRA if c in columns])
    prefix = None
    if head:  # only the id and site columns go through polars, for its JSON string encoder
        extra = _polars_frame(pa.table({c: columns[c] for c in EXTRA if c in columns}))
        prefix = extra.select(pl.concat_str(head).alias("head"))["head"].to_arrow()
    texts = (*OUTPUT_LEVELS, "injury_complete", "ais")
    return ndjson_bytes(columns, prefix, texts, TOTALS)


def ndjson_lines(frame: pl.DataFrame) -> pl.Series:
    """One reference-shaped JSON object per exam, built by vectorised string concatenation."""
    import polars as pl

    def side(s: str) -> list[pl.Expr]:
        t = [f"{s}.totals.{k}" for k in ("upper_motor", "lower_motor", "motor", "light_touch", "pin_prick")]
        return [
            pl.lit(f'"{s}": {{"sensory_level": '),
            _q(f"{s}.sensory_level"),
            pl.lit(', "motor_level": '),
            _q(f"{s}.motor_level"),
            pl.lit(', "sensory_zpp": '),
            _q(f"{s}.sensory_zpp"),
            pl.lit(', "motor_zpp": '),
            _q(f"{s}.motor_zpp"),
            pl.lit(', "totals": {"upper_motor": '),
            _total(t[0]),
            pl.lit(', "lower_motor": '),
            _total(t[1]),
            pl.lit(', "motor": '),
            _total(t[2]),
            pl.lit(', "light_touch": '),
            _total(t[3]),
            pl.lit(', "pin_prick": '),
            _total(t[4]),
            pl.lit("}}"),
        ]

    head = _head(frame.columns)
    parts = [
        pl.lit("{"),
        *head,
        *side("right"),
        pl.lit(", "),
        *side("left"),
        pl.lit(', "nli": '),
        _q("nli"),
        pl.lit(', "injury_complete": '),
        _q("injury_complete"),
        pl.lit(', "ais": '),
        _q("ais"),
        pl.lit(', "totals": {"upper_motor": '),
        _total("totals.upper_motor"),
        pl.lit(', "lower_motor": '),
        _total("totals.lower_motor"),
        pl.lit(', "light_touch": '),
        _total("totals.light_touch"),
        pl.lit(', "pin_prick": '),
        _total("totals.pin_prick"),
        pl.lit("}}"),
    ]
    return frame.select(pl.concat_str(parts).alias("line"))["line"]


@dataclass
class Summary:
    """Counts over the whole file, overall and by site."""

    exams: int = 0
    by_site: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)

    def add(self, frame: pl.DataFrame) -> None:
        import polars as pl

        self.exams += frame.height
        site = pl.col("site").cast(pl.Utf8).fill_null("(no site)") if "site" in frame.columns else pl.lit("all")
        zpp = ((pl.col("right.motor_zpp") != "NA") | (pl.col("left.motor_zpp") != "NA")).cast(pl.Utf8)
        # count the few distinct (site, AIS, NLI, ZPP) combinations first; the texts are read only for those
        counts = frame.group_by(site.alias("_site"), "ais", "nli", zpp.alias("_zpp")).len()
        counts = counts.with_columns(
            pl.col("ais").cast(pl.Utf8),
            pl.col("nli").cast(pl.Utf8).str.extract(r"^([CTLS])", 1).fill_null("other").alias("_region"),
        )
        for key, column in (("ais", "ais"), ("nli region", "_region"), ("motor ZPP recorded", "_zpp")):
            summed = counts.group_by("_site", pl.col(column).alias("_v")).agg(pl.col("len").sum())
            for s, value, n in summed.iter_rows():
                tally = self.by_site.setdefault(s, {}).setdefault(key, {})
                tally[str(value)] = tally.get(str(value), 0) + int(n)

    def add_columns(self, columns: dict[str, Any], ais: NDArray[np.integer[Any]]) -> None:
        """:meth:`add` from the Arrow result columns and the AIS grade bits: counted on integer codes."""
        import pyarrow as pa

        from myoscope.isncsci._result import _AIS_TEXT

        n = len(ais)
        self.exams += n
        if "site" in columns:
            column = columns["site"]
            column = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
            site = column.dictionary_encode()
            names = [*(str(v) for v in site.dictionary.to_pylist()), "(no site)"]
            site_code = site.indices.fill_null(len(names) - 1).to_numpy(zero_copy_only=False).astype(np.int64)
        else:
            names, site_code = ["all"], np.zeros(n, np.int64)
        nli = columns["nli"]
        region_of = [t[0] if t[:1] in ("C", "T", "L", "S") else "other" for t in nli.dictionary.to_pylist()]
        regions = sorted(set(region_of))
        region = np.array([regions.index(r) for r in region_of], np.int64)[nli.indices.to_numpy()]
        zpp = np.zeros(n, np.int64)
        for side in SIDES:
            column = columns[f"{side}.motor_zpp"]
            recorded = np.array([t != "NA" for t in column.dictionary.to_pylist()], np.bool_)
            zpp |= recorded[column.indices.to_numpy()]
        key = ((site_code * 1024 + ais.astype(np.int64)) * len(regions) + region) * 2 + zpp
        keys, counts = np.unique(key, return_counts=True)
        for k, count in zip(keys.tolist(), counts.tolist(), strict=True):
            rest, z = divmod(k, 2)
            rest, r = divmod(rest, len(regions))
            s, a = divmod(rest, 1024)
            by = self.by_site.setdefault(names[s], {})
            for name, value in (
                ("ais", _AIS_TEXT[a]),
                ("nli region", regions[r]),
                ("motor ZPP recorded", str(bool(z)).lower()),
            ):
                tally = by.setdefault(name, {})
                tally[value] = tally.get(value, 0) + count


class _Sink:
    """Where results go: NDJSON text (a file or a callback) or Parquet, through a temporary file."""

    def __init__(self, target: Path | None, write_line: WriteLine | None):
        self.target, self.write_line = target, write_line
        self.writer: Any = None  # a pyarrow ParquetWriter, opened on the first write
        self.temp = None if target is None else target.with_name(f".{target.name}.partial")
        self.parquet = target is not None and target.suffix.lower() == ".parquet"
        # the sink keeps its file open across write() calls until close(): no context manager can span that
        self.handle = (
            open(self.temp, "wb")  # noqa: SIM115
            if self.temp is not None and not self.parquet
            else None
        )

    def write(self, columns: dict[str, Any], n: int) -> None:
        if self.parquet:
            import pyarrow as pa
            import pyarrow.parquet as pq

            # through polars, whose Arrow types (large strings, uint32 dictionaries) the files keep
            table = _polars_frame(pa.table(columns)).to_arrow()
            self.writer = self.writer or pq.ParquetWriter(self.temp, table.schema)
            self.writer.write_table(table)
            return
        text = ndjson_text(columns) if n else memoryview(b"\n")
        if self.handle is not None:
            self.handle.write(text)
        elif self.write_line is not None:
            self.write_line(str(text, "utf-8"))
        else:
            raise ValueError("a sink needs a target file or a write_line callback")

    def close(self, keep: bool) -> None:
        if self.handle is not None:
            self.handle.close()
        if self.writer is not None:
            self.writer.close()
        if self.temp is None or self.target is None:
            return
        if not keep:
            self.temp.unlink(missing_ok=True)
            return
        if not self.temp.exists():
            import polars as pl

            pl.DataFrame().write_parquet(self.temp) if self.parquet else self.temp.write_bytes(b"")
        self.temp.replace(self.target)


def stream(source: Path, target: Path | None, write_line: WriteLine | None = None, size: int = CHUNK) -> Summary:
    """Classify every exam of ``source`` into ``target`` (NDJSON or Parquet) or ``write_line``."""
    from myoscope.isncsci._classify import classify_batch

    summary, problems, row = Summary(), list[Problem](), 1
    sink, keep = _Sink(target, write_line), False
    try:
        for frame, encoded in _encoded_chunks(source, size):
            batch, bad = (encoded, []) if encoded is not None else encode_frame(frame, row)
            row += frame.num_rows
            problems += bad
            if not problems:
                result = classify_batch(batch)
                columns = result_columns(result, frame)
                summary.add_columns(columns, result.ais)
                sink.write(columns, len(result.ais))
        keep = not problems
    finally:
        sink.close(keep)
    if problems:
        raise InputError(problems[:MAX_PROBLEMS_SHOWN])
    return summary
