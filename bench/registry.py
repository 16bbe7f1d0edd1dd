"""Registry streaming throughput of ``myoscope isncsci``: end to end, one core, with the stages and references.

Run: ``.venv/bin/python bench/registry.py [--exams 200000] [--repeat 3]``

A seeded set of synthetic exams is written once as NDJSON (nested EXAM objects, with an id and
a site) and as Parquet (flat columns). Then, in the same run, pinned to one CPU (the first this
process may use) with polars, Arrow and numba held to one thread: ``stream()`` end to end from
the input file to the output file (read, check, encode, classify, format, write, site summary)
for Parquet -> Parquet, Parquet -> NDJSON, NDJSON -> NDJSON and NDJSON -> Parquet; each stage
of the Parquet -> Parquet path alone; and the references, timed the same way on the same
files: the compiled kernel alone, reading the Parquet file alone (Arrow), and parsing the NDJSON
file alone with the general parsers (Arrow's JSON reader with the exam schema, polars'
``read_ndjson``) and with the exam decoder of the NDJSON path. Prints exams/s at the median of
``--repeat`` runs (wall clock, and of this process's CPU time: a gap between them means other
work shared the CPU), the ratios to the references, the load average before and after, then the
goal: >= 200,000 exams/s end to end on one core.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

for _name in ("POLARS_MAX_THREADS", "OMP_NUM_THREADS", "NUMBA_NUM_THREADS"):
    os.environ[_name] = "1"  # one core: set before polars, Arrow or numba load
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # and one CPU

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import Timing, repeat  # noqa: E402

GOAL = 200_000


def _timed(fn, times: int) -> tuple[Timing, Timing]:
    """(wall clock, process CPU time) of ``times`` runs of ``fn`` after one untimed warm-up run."""
    fn()
    wall, cpu = [], []
    for _ in range(times):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return Timing(tuple(wall)), Timing(tuple(cpu))


def _references(ndjson: Path, parquet: Path, times: int) -> dict[str, tuple[Timing, Timing]]:
    """The same files read alone: Parquet by Arrow, NDJSON by Arrow, polars and the exam decoder."""
    import io

    import polars as pl
    import pyarrow.json as pj
    import pyarrow.parquet as pq

    from myoscope.isncsci._ndjson import decode_lines
    from myoscope.isncsci._stream import CHUNK, _line_blocks, _schema

    schema_pq = pq.ParquetFile(parquet).schema
    leaves = [schema_pq.column(i).path for i in range(len(schema_pq))]  # as the Parquet path reads: dictionaries

    data = ndjson.read_bytes()
    options = pj.ReadOptions(use_threads=False, block_size=32 << 20)
    schema = pj.ParseOptions(explicit_schema=_schema())

    def decoder():
        for block in _line_blocks(ndjson):
            start = 0
            while start < len(block):
                decoded = decode_lines(block[start:], CHUNK)
                assert decoded is not None
                start += decoded[2]

    return {
        "read Parquet alone (Arrow)": _timed(
            lambda: pq.read_table(parquet, use_threads=False, read_dictionary=leaves), times
        ),
        "parse NDJSON: pyarrow.json": _timed(lambda: pj.read_json(io.BytesIO(data), options, schema), times),
        "parse NDJSON: polars": _timed(lambda: pl.read_ndjson(io.BytesIO(data)), times),
        "parse NDJSON: exam decoder": _timed(decoder, times),
    }


def _files(n: int, seed: int, folder: Path) -> tuple[Path, Path]:
    import json

    import pyarrow.json as pj
    import pyarrow.parquet as pq

    from myoscope.isncsci import synthetic_exams
    from myoscope.isncsci._stream import _flat_arrow

    exams = synthetic_exams(n, seed)
    ndjson = folder / "exams.ndjson"
    with open(ndjson, "w", encoding="utf-8") as handle:
        for i, exam in enumerate(exams):
            handle.write(json.dumps({"id": f"e{i}", "site": f"site {i % 4}", **exam}) + "\n")
    parquet = folder / "exams.parquet"
    pq.write_table(_flat_arrow(pj.read_json(ndjson)), parquet)
    return ndjson, parquet


def _stages(parquet: Path, out: Path, times: int):
    """Each stage of Parquet -> Parquet on the whole file, timed alone."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from myoscope.isncsci._classify import classify_batch
    from myoscope.isncsci._stream import Summary, chunks, encode_frame, result_frame

    tables = list(chunks(parquet))
    batches = [encode_frame(t, 1)[0] for t in tables]
    results = [classify_batch(b) for b in batches]
    frames = [result_frame(r, t) for r, t in zip(results, tables, strict=True)]

    def write():
        table = pa.concat_tables([f.to_arrow() for f in frames])
        pq.write_table(table, out)

    def summary():
        s = Summary()
        for f in frames:
            s.add(f)

    return {
        "read Parquet (Arrow)": repeat(lambda: list(chunks(parquet)), times),
        "check + encode": repeat(lambda: [encode_frame(t, 1) for t in tables], times),
        "classify (kernel)": repeat(lambda: [classify_batch(b) for b in batches], times),
        "result columns": repeat(lambda: [result_frame(r, t) for r, t in zip(results, tables, strict=True)], times),
        "site summary": repeat(summary, times),
        "write Parquet": repeat(write, times),
    }


def _row(label: str, n: int, timing: tuple[Timing, Timing], reference: tuple[Timing, Timing] | None = None) -> str:
    wall, cpu = timing
    ratio = "" if reference is None else f"{reference[0].median / wall.median:>10.2f}x"
    return f"{label:<30}{n / wall.median:>12,.0f}{n / cpu.median:>12,.0f}{wall.min:>8.3f}{wall.max:>8.3f}{ratio}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exams", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import pyarrow as pa

    from myoscope.isncsci._classify import classify_batch
    from myoscope.isncsci._stream import chunks, encode_frame, stream

    pa.set_cpu_count(1)  # Arrow's own pools: one thread (they size themselves to the machine, not the affinity)
    pa.set_io_thread_count(1)
    cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else "?"
    print(f"myoscope isncsci streaming, {args.exams:,} synthetic exams (seed {args.seed}), one thread, CPUs {cpus}")
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="myoscope-bench-registry-") as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        ndjson, parquet = _files(args.exams, args.seed, folder)
        print(f"files written in {time.perf_counter() - start:.1f} s ({ndjson.stat().st_size / 1e6:,.0f} MB NDJSON)")
        stream(parquet, folder / "warm.parquet")  # compile or load the cached kernel once
        batches = [encode_frame(t, 1)[0] for t in chunks(parquet)]
        kernel = _timed(lambda: [classify_batch(b) for b in batches], args.repeat)
        paths = {
            "Parquet -> Parquet": _timed(lambda: stream(parquet, folder / "out.parquet"), args.repeat),
            "Parquet -> NDJSON": _timed(lambda: stream(parquet, folder / "out.ndjson"), args.repeat),
            "NDJSON -> NDJSON": _timed(lambda: stream(ndjson, folder / "out2.ndjson"), args.repeat),
            "NDJSON -> Parquet": _timed(lambda: stream(ndjson, folder / "out2.parquet"), args.repeat),
        }
        references = _references(ndjson, parquet, args.repeat)
        stages = _stages(parquet, folder / "stage.parquet", args.repeat)
    load_after = os.getloadavg()
    n = args.exams
    head = f"{'':<30}{'exams/s':>12}{'CPU ex/s':>12}{'min s':>8}{'max s':>8}"
    print(f"\n{head}{'ratio':>11}   (exams/s: wall clock, median; ratio: reference time / path time)")
    print(_row("kernel alone", n, kernel))
    for label, timing in references.items():
        print(_row(label, n, timing))
    parse = references["parse NDJSON: pyarrow.json"]
    fastest = min(("parse NDJSON: pyarrow.json", "parse NDJSON: polars"), key=lambda k: references[k][0].median)
    for label, timing in paths.items():
        reference = references["read Parquet alone (Arrow)"] if label.startswith("Parquet") else references[fastest]
        print(_row(label, n, timing, reference))
    print(f"  ratio: Parquet paths to reading the Parquet file alone; NDJSON paths to {fastest} parsing alone")
    decoder = references["parse NDJSON: exam decoder"][0].median
    print(f"  exam decoder / pyarrow.json parsing: {parse[0].median / decoder:.2f}x faster")
    print("\nParquet -> Parquet by stage (each alone)")
    for label, t in stages.items():
        print(f"  {label:<22}{n / t.median:>12,.0f}{t.median:>10.3f} s")
    rates = {label: n / timing[0].median for label, timing in paths.items()}
    before, after = (", ".join(f"{x:.2f}" for x in load) for load in (load_before, load_after))
    print(f"\nload average (1, 5, 15 min) before {before}; after {after} ({os.cpu_count()} CPUs on this machine)")
    print(f"Goal: >= {GOAL:,} exams/s end to end on one core:")
    for label, rate in rates.items():
        print(f"  {label:<20}{rate:>12,.0f}/s  {'met' if rate >= GOAL else 'not met'}")


if __name__ == "__main__":
    main()
