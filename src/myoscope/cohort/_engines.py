"""Engines that run the kernel over person-aligned partitions of the canonical table.

A plan cuts the person-sorted table into slices of about ``rows_per_part`` rows, each cut
moved forward to the next change of person, so that every person lies in one slice and no
shuffle is needed. ``polars`` reads each slice lazily (``scan_parquet().slice()``) and runs
the kernel on a small thread pool (the compiled kernel releases the GIL). ``dask`` builds
the same slices with ``dask.dataframe.from_map`` and runs the same kernel through
``map_partitions`` with explicit ``meta``, on a ``LocalCluster`` or an existing scheduler.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from myoscope.cohort.kernel import FLAG_COLUMNS, screen_arrays

ROW_COLUMNS = ("person", "day", "kind", "side", "value")
DEFAULT_ROWS_PER_PART = 2_000_000
Part = tuple[int, int]


def plan(path: Path, rows_per_part: int = DEFAULT_ROWS_PER_PART) -> list[Part]:
    """Slices (start, stop) of the table, cut only where the person changes."""
    import pyarrow.parquet as pq

    person = pq.read_table(path, columns=["person"]).column("person").to_numpy()
    n = person.size
    if n == 0:
        return []
    changes = np.flatnonzero(person[1:] != person[:-1]) + 1
    cuts = [0]
    target = rows_per_part
    while target < n:
        at = np.searchsorted(changes, target)
        if at >= changes.size:
            break
        cut = int(changes[at])
        if cut > cuts[-1]:
            cuts.append(cut)
        target = cut + rows_per_part
    cuts.append(n)
    return list(zip(cuts[:-1], cuts[1:], strict=True))


def read_slice(path: str, part: Part) -> dict[str, np.ndarray]:
    """One slice as NumPy columns (``day`` as int32 days since 1970-01-01)."""
    import polars as pl

    start, stop = part
    frame = (
        pl.scan_parquet(path)
        .slice(start, stop - start)
        .select(
            pl.col("person").cast(pl.Int64),
            pl.col("day").cast(pl.Int32),
            pl.col("kind").cast(pl.Int8),
            pl.col("side").cast(pl.Int8),
            pl.col("value").cast(pl.Float64),
        )
        .collect()
    )
    return {c: frame[c].to_numpy() for c in ROW_COLUMNS}


@lru_cache(maxsize=4)
def persons_arrays(path: str | None) -> dict[str, np.ndarray] | None:
    """The person attributes the kernel needs, read once per process."""
    if path is None:
        return None
    import pyarrow.parquet as pq

    table = pq.read_table(path, columns=["person", "sex", "population", "birth_year"])
    return {c: table.column(c).to_numpy() for c in table.column_names}


def run_part(path: str, persons: str | None, on: int | None, part: Part):
    """Kernel on one slice: (flags by column, refused rows by column)."""
    rows = read_slice(path, part)
    flags, refused, reason = screen_arrays(rows, persons_arrays(persons), on)
    bad = {c: rows[c][refused] for c in ROW_COLUMNS}
    bad["row"] = refused.astype(np.int64) + part[0] + 1
    bad["reason"] = reason
    return flags, bad


def run_polars(
    path: Path, persons: Path | None, on: int | None, parts: list[Part], threads: int, tick: Callable[[int], None]
) -> Iterator[tuple[dict, dict]]:
    """Slices in order, ``threads`` at a time."""
    with ThreadPoolExecutor(max_workers=max(1, threads)) as pool:
        futures = [pool.submit(run_part, str(path), None if persons is None else str(persons), on, p) for p in parts]
        for part, future in zip(parts, futures, strict=True):
            result = future.result()
            tick(part[1] - part[0])
            yield result


def _flags_frame(rows, persons: str | None, on: int | None):
    import pandas as pd

    flags, _, _ = screen_arrays({c: rows[c].to_numpy() for c in ROW_COLUMNS}, persons_arrays(persons), on)
    return pd.DataFrame({c: flags[c] for c in FLAG_COLUMNS})


def _refused_frame(rows, start_of: dict[int, int] | None = None):
    import pandas as pd

    from myoscope.cohort.kernel import validate

    cols = {c: rows[c].to_numpy() for c in ROW_COLUMNS}
    reason = validate(cols["day"], cols["kind"], cols["side"], cols["value"])
    bad = np.flatnonzero(reason != 0)
    return pd.DataFrame(
        {**{c: cols[c][bad] for c in ROW_COLUMNS}, "row": rows["row"].to_numpy()[bad], "reason": reason[bad]}
    )


def _read_pandas(part: Part, path: str):
    import pandas as pd

    rows = read_slice(path, part)
    rows["row"] = np.arange(part[0] + 1, part[1] + 1, dtype=np.int64)
    return pd.DataFrame(rows)


def _metas():
    import pandas as pd

    sample = {
        "person": np.zeros(1, np.int64),
        "day": np.zeros(1, np.int32),
        "kind": np.zeros(1, np.int8),
        "side": np.zeros(1, np.int8),
        "value": np.full(1, 70.0),
    }
    flags, _, _ = screen_arrays(sample)
    flags_meta = pd.DataFrame({c: flags[c][:0] for c in FLAG_COLUMNS})
    rows_meta = pd.DataFrame({**{c: v[:0] for c, v in sample.items()}, "row": np.zeros(0, np.int64)})
    refused_meta = pd.DataFrame(
        {**{c: v[:0] for c, v in sample.items()}, "row": np.zeros(0, np.int64), "reason": np.zeros(0, np.int8)}
    )
    return rows_meta, flags_meta, refused_meta


def run_dask(
    path: Path,
    persons: Path | None,
    on: int | None,
    parts: list[Part],
    workers: int,
    scheduler: str | None,
    tick: Callable[[int], None],
) -> Iterator[tuple[dict, dict]]:
    """The same slices and kernel through ``dask.dataframe.map_partitions`` (explicit ``meta``)."""
    import dask.dataframe as dd
    from distributed import Client, LocalCluster, as_completed

    rows_meta, flags_meta, refused_meta = _metas()
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",  # loopback only; any free port
            silence_logs=logging.ERROR,
        )
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        source = dd.from_map(_read_pandas, parts, path=str(path), meta=rows_meta, enforce_metadata=False)
        person_path = None if persons is None else str(persons)
        flags = source.map_partitions(_flags_frame, person_path, on, meta=flags_meta, enforce_metadata=False)
        refused = source.map_partitions(_refused_frame, meta=refused_meta, enforce_metadata=False)
        futures = client.compute(flags.to_delayed() + refused.to_delayed())
        index = {f.key: i for i, f in enumerate(futures)}
        sizes = [b - a for a, b in parts] * 2
        for done in as_completed(futures):
            tick(sizes[index[done.key]] // 2)
        results = client.gather(futures)
        n = len(parts)
        for f, r in zip(results[:n], results[n:], strict=True):
            yield {c: f[c].to_numpy() for c in f.columns}, {c: r[c].to_numpy() for c in r.columns}
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def engine_info(engine: str, workers: int, scheduler: str | None) -> dict[str, Any]:
    return {
        "engine": engine,
        "workers": workers,
        "scheduler": scheduler or ("local cluster" if engine == "dask" else ""),
    }
