"""Engines that run the kernel over person-aligned partitions of the canonical table.

The table is sorted by person, so every engine cuts it only where the person changes and no
shuffle is needed. The single-machine engine streams the file batch by batch (polars'
streaming engine), holds back the last person of each batch for the next, and runs the
compiled kernel on a small thread pool (it releases the GIL) while the next batch is read.
``dask`` plans slices of about ``rows_per_part`` rows up front (each cut moved forward to
the next change of person, found in the row groups around it; a multiple of the workers, at
most four per worker), builds them with ``dask.dataframe.from_map`` and runs the same kernel
through ``map_partitions`` with explicit ``meta``, on a ``LocalCluster`` (workers as threads
of this process by default, or as processes) or an existing scheduler. The cluster starts
while the inputs are prepared and closes while the outputs are written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from myoscope.cohort.kernel import FLAG_COLUMNS, NO_DATE, screen_arrays
from myoscope.errors import InputError, Problem

if TYPE_CHECKING:
    import polars as pl

ROW_COLUMNS = ("person", "day", "kind", "side", "value")
DEFAULT_ROWS_PER_PART = 2_000_000
PARTS_PER_WORKER = 4
Part = tuple[int, int]
Columns = dict[str, np.ndarray]
"""A table as NumPy columns by name."""


def plan(path: Path, rows_per_part: int = DEFAULT_ROWS_PER_PART) -> list[Part]:
    """Slices (start, stop) of about ``rows_per_part`` rows, each cut moved forward to the next change of person.

    Only the row groups around each cut are read (the table is sorted by person), not the whole column.
    """
    import pyarrow.parquet as pq

    table = pq.ParquetFile(path)
    n = table.metadata.num_rows
    if n == 0:
        return []
    offsets = np.cumsum([0] + [table.metadata.row_group(g).num_rows for g in range(table.metadata.num_row_groups)])
    cache: dict[int, np.ndarray] = {}

    def group(g: int) -> np.ndarray:
        if g not in cache:
            cache[g] = table.read_row_group(g, columns=["person"]).column(0).to_numpy()
        return cache[g]

    def next_change(at: int) -> int | None:
        """The first row ``i >= at`` whose person differs from row ``i - 1``'s (None: no change after ``at``)."""
        g = int(np.searchsorted(offsets, at - 1, side="right")) - 1
        values = group(g)[at - 1 - int(offsets[g]) :]
        while True:
            found = np.flatnonzero(values[1:] != values[:-1])
            if found.size:
                return int(offsets[g + 1]) - values.size + 1 + int(found[0])
            g += 1
            if g + 1 >= offsets.size:
                return None
            values = np.concatenate((values[-1:], group(g)))

    cuts = [0]
    target = rows_per_part
    while target < n:
        cut = next_change(target)
        if cut is None:
            break
        cuts.append(cut)
        target = cut + rows_per_part
    cuts.append(n)
    return list(zip(cuts[:-1], cuts[1:], strict=False))


def read_slice(path: str, part: Part) -> dict[str, np.ndarray]:
    """One slice as NumPy columns (``day`` as int32 days since 1970-01-01)."""
    import polars as pl

    start, stop = part
    frame = pl.scan_parquet(path).slice(start, stop - start).select(_selection()).collect()
    return {c: frame[c].to_numpy() for c in ROW_COLUMNS}


@lru_cache(maxsize=4)
def persons_arrays(path: str | None) -> dict[str, np.ndarray] | None:
    """The person attributes the kernel needs, read once per process (polars: no pyarrow.dataset, no pandas)."""
    if path is None:
        return None
    import polars as pl

    wanted = ["person", "sex", "population", "birth_year", "conditions"]
    names = pl.read_parquet_schema(path)
    frame = pl.read_parquet(path, columns=[c for c in wanted if c in names])
    return {c: frame[c].to_numpy() for c in frame.columns}


def _selection() -> list[pl.Expr]:
    """The five row columns in the kernel's types; an empty cell becomes what validation refuses (no date, an
    unknown kind, no value: NaN) or no side. Rows without a person never reach here (see ``_run``)."""
    import polars as pl

    side = pl.col("side")
    return [
        pl.col("person").cast(pl.Int64),
        pl.col("day").cast(pl.Int32).fill_null(NO_DATE),
        pl.col("kind").cast(pl.Int8, strict=False).fill_null(-1),  # a code beyond int8 is no kind: refused
        pl.when(side.is_null()).then(0).otherwise(side.cast(pl.Int8, strict=False).fill_null(-1)).alias("side"),
        pl.col("value").cast(pl.Float64).fill_null(float("nan")),
    ]


def stream_chunks(
    path: Path, rows_per_part: int = DEFAULT_ROWS_PER_PART
) -> Iterator[tuple[int, dict[str, np.ndarray]]]:
    """Person-aligned chunks of the person-sorted table, streamed in order (first row index, columns).

    polars' streaming engine reads the file batch by batch; the rows of the last person of a
    batch are held back and put in front of the next batch's first person (a small copy), and
    the rest of each batch goes to the kernel as it is, so every person lies in one chunk and
    memory stays at a few batches whatever the size of the file.
    """
    import polars as pl

    batches = pl.scan_parquet(path).select(_selection()).collect_batches(chunk_size=rows_per_part)
    carry: dict[str, np.ndarray] | None = None
    start = 0
    for batch in batches:
        cols = {c: batch[c].to_numpy() for c in ROW_COLUMNS}
        person = cols["person"]
        if person.size == 0:
            continue
        changes = np.flatnonzero(person[1:] != person[:-1]) + 1
        head = 0
        if carry is not None:
            if person[0] == carry["person"][-1]:
                head = int(changes[0]) if changes.size else person.size
                carry = {c: np.concatenate((carry[c], cols[c][:head])) for c in ROW_COLUMNS}
            if head == person.size:
                continue
            yield start, carry
            start += carry["person"].size
        cut = max(int(changes[-1]) if changes.size else 0, head)
        if cut > head:
            yield start, {c: v[head:cut] for c, v in cols.items()}
            start += cut - head
        carry = {c: v[cut:] for c, v in cols.items()}
    if carry is not None and carry["person"].size:
        yield start, carry


def table_rows(path: Path) -> int:
    import pyarrow.parquet as pq

    rows: int = pq.ParquetFile(path).metadata.num_rows
    return rows


def warm_kernel() -> None:
    """Import numba and load the compiled kernel from its cache, on a one-row batch."""
    screen_arrays(_SAMPLE)


_SAMPLE: Columns = {
    "person": np.zeros(1, np.int64),
    "day": np.zeros(1, np.int32),
    "kind": np.zeros(1, np.int8),
    "side": np.zeros(1, np.int8),
    "value": np.full(1, 70.0),
}


def _run_chunk(start: int, rows: Columns, persons: Future[Columns | None], on: int | None) -> tuple[Columns, Columns]:
    flags, refused, reason = screen_arrays(rows, persons.result(), on)
    bad = {c: rows[c][refused] for c in ROW_COLUMNS}
    bad["row"] = refused.astype(np.int64) + start + 1
    bad["reason"] = reason
    return flags, bad


def run_polars(
    path: Path,
    persons: Path | None,
    on: int | None,
    threads: int,
    tick: Callable[[int], None],
    rows_per_part: int = DEFAULT_ROWS_PER_PART,
) -> Iterator[tuple[Columns, Columns]]:
    """Stream person-aligned chunks; the kernel runs on ``threads`` threads (it releases the GIL) while
    the next chunk is read. At most ``threads + 1`` chunks are in flight, so memory stays bounded."""
    person_path = None if persons is None else str(persons)
    threads = max(1, threads)
    with ThreadPoolExecutor(max_workers=threads) as pool:
        pool.submit(warm_kernel)  # numba loads its cached code while the first batch is read (GIL released)
        person_table = pool.submit(persons_arrays, person_path)  # read once, before the first chunk needs it
        pending: list[tuple[int, Future[tuple[Columns, Columns]]]] = []
        for start, rows in stream_chunks(path, rows_per_part):
            pending.append((rows["person"].size, pool.submit(_run_chunk, start, rows, person_table, on)))
            while len(pending) > threads:
                n, future = pending.pop(0)
                result = future.result()
                tick(n)
                yield result
        for n, future in pending:
            result = future.result()
            tick(n)
            yield result


def _flags_frame(rows: Any, persons: str | None, on: int | None) -> Any:
    import pandas as pd

    flags, _, _ = screen_arrays({c: rows[c].to_numpy() for c in ROW_COLUMNS}, persons_arrays(persons), on)
    return pd.DataFrame({c: flags[c] for c in FLAG_COLUMNS})


def _refused_frame(rows: Any, start_of: dict[int, int] | None = None) -> Any:
    import pandas as pd

    from myoscope.cohort.kernel import validate

    cols = {c: rows[c].to_numpy() for c in ROW_COLUMNS}
    reason = validate(cols["day"], cols["kind"], cols["side"], cols["value"])
    bad = np.flatnonzero(reason != 0)
    return pd.DataFrame(
        {**{c: cols[c][bad] for c in ROW_COLUMNS}, "row": rows["row"].to_numpy()[bad], "reason": reason[bad]}
    )


def _read_pandas(part: Part, path: str) -> Any:
    import pandas as pd

    rows = read_slice(path, part)
    rows["row"] = np.arange(part[0] + 1, part[1] + 1, dtype=np.int64)
    return pd.DataFrame(rows, copy=False)  # the arrays as they are: no copy into consolidated blocks


def _metas() -> tuple[Any, Any, Any]:
    """Empty frames of the rows, the flags and the refused rows (pandas: ``meta`` for dask)."""
    import pandas as pd

    sample = _SAMPLE
    flags, _, _ = screen_arrays(sample)
    flags_meta = pd.DataFrame({c: flags[c][:0] for c in FLAG_COLUMNS})
    rows_meta = pd.DataFrame({**{c: v[:0] for c, v in sample.items()}, "row": np.zeros(0, np.int64)})
    refused_meta = pd.DataFrame(
        {**{c: v[:0] for c, v in sample.items()}, "row": np.zeros(0, np.int64), "reason": np.zeros(0, np.int8)}
    )
    return rows_meta, flags_meta, refused_meta


Session = tuple[Any, Any]
"""A Dask client and the local cluster it runs on (None on an existing scheduler)."""


def start_dask(workers: int, scheduler: str | None, processes: bool = False) -> Session:
    """Connect to ``scheduler``, or start a local cluster of ``workers`` workers (one thread each).

    Local workers are threads of this process unless ``processes``: the kernel and polars' reader
    release the GIL, so threads run side by side without starting interpreters, loading the
    libraries and the kernel once more in each, or copying partitions and flags between processes.
    Worker processes load the kernel as they start (``preload``). Either way the dataframe library
    and the kernel are loaded here too, while the caller prepares the inputs.
    """
    from distributed import Client, LocalCluster

    if scheduler is not None:
        session: Session = (_connect(Client, scheduler), None)
    else:
        where = {"host": "127.0.0.1", "preload": ["myoscope.cohort._dask_worker"]} if processes else {}
        cluster = LocalCluster(  # type: ignore[no-untyped-call]  # dask and distributed: unannotated
            n_workers=workers,
            threads_per_worker=1,
            processes=processes,
            dashboard_address="127.0.0.1:0",  # loopback only; any free port
            silence_logs=logging.ERROR,
            **where,
        )
        session = (Client(cluster), cluster)  # type: ignore[no-untyped-call]  # dask and distributed: unannotated
    import dask.dataframe  # noqa: F401  # loaded here, in the background, for the graph

    warm_kernel()
    return session


SCHEDULER_TIMEOUT_S = 10
"""How long a ``--scheduler`` may take to answer before the run stops with a message."""
SCHEDULER_FORMAT = "the address of a running Dask scheduler, tcp://HOST:PORT (or tls://HOST:PORT)"


def check_scheduler(address: str) -> None:
    """Refuse an address that cannot be a scheduler's before anything starts."""
    scheme, _, rest = address.partition("://")
    host, _, port = rest.rpartition(":")
    if scheme not in ("tcp", "tls") or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise InputError([Problem("--scheduler", address, "is not a scheduler address", SCHEDULER_FORMAT)])


def _connect(client: Any, address: str) -> Any:
    """A client of the scheduler at ``address``; a scheduler that does not answer is an input error, not a crash."""
    check_scheduler(address)
    try:
        return client(address, timeout=SCHEDULER_TIMEOUT_S)
    except (OSError, TimeoutError) as exc:
        raise InputError(
            [
                Problem(
                    "--scheduler",
                    address,
                    f"no Dask scheduler answered within {SCHEDULER_TIMEOUT_S} s",
                    SCHEDULER_FORMAT,
                )
            ]
        ) from exc


def stop_dask(session: Session) -> None:
    client, cluster = session
    client.close()
    if cluster is not None:
        cluster.close()


def dask_plan(path: Path, rows_per_part: int, workers: int) -> list[Part]:
    """:func:`plan` with a number of slices that is a multiple of ``workers`` (no worker idles at the end), at
    most :data:`PARTS_PER_WORKER` per worker (fewer, larger slices: less overhead per task)."""
    rows = table_rows(path)
    workers = max(1, workers)
    n_parts = min(max(1, -(-rows // max(1, rows_per_part))), PARTS_PER_WORKER * workers)
    n_parts = -(-n_parts // workers) * workers
    return plan(path, max(1, -(-rows // n_parts)))


def run_dask(
    path: Path,
    persons: Path | None,
    on: int | None,
    parts: list[Part],
    session: Future[Session],
    tick: Callable[[int], None],
) -> Iterator[tuple[Columns, Columns]]:
    """The same slices and kernel through ``dask.dataframe.map_partitions`` (explicit ``meta``).

    ``session`` is a :func:`start_dask` still starting: the graph is built meanwhile, and the caller
    closes it (while the outputs are written). Each slice is read once: the flags and the refused rows
    of a slice are two tasks on the same read (no fusion, which would read it twice).
    """
    import dask
    import dask.dataframe as dd
    from distributed import as_completed

    rows_meta, flags_meta, refused_meta = _metas()
    with dask.config.set({"dataframe.convert-string": False}):  # numeric columns only: no conversion step
        source = dd.from_map(_read_pandas, parts, path=str(path), meta=rows_meta, enforce_metadata=False)  # type: ignore[no-untyped-call]  # dask and distributed: unannotated
        person_path = None if persons is None else str(persons)
        flags = source.map_partitions(_flags_frame, person_path, on, meta=flags_meta, enforce_metadata=False)
        refused = source.map_partitions(_refused_frame, meta=refused_meta, enforce_metadata=False)
        tasks = flags.to_delayed(optimize_graph=False) + refused.to_delayed(optimize_graph=False)
    client = session.result()[0]
    futures = client.compute(tasks)
    index = {f.key: i for i, f in enumerate(futures)}
    sizes = [b - a for a, b in parts] * 2
    for done in as_completed(futures):  # type: ignore[no-untyped-call]  # dask and distributed: unannotated
        tick(sizes[index[done.key]] // 2)
    results = client.gather(futures)
    n = len(parts)
    for f, r in zip(results[:n], results[n:], strict=False):
        yield {c: f[c].to_numpy() for c in f.columns}, {c: r[c].to_numpy() for c in r.columns}


def engine_info(engine: str, workers: int, scheduler: str | None) -> dict[str, Any]:
    return {
        "engine": engine,
        "workers": workers,
        "scheduler": scheduler or ("local cluster" if engine == "dask" else ""),
    }
