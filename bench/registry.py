"""Registry streaming throughput of ``myoscope isncsci``: end to end, one core, with the stages and the kernel.

Run: ``.venv/bin/python bench/registry.py [--exams 200000] [--repeat 3]``

A seeded set of synthetic exams is written once as NDJSON (nested EXAM objects, with a site)
and as Parquet (flat columns). Then, in the same run, with polars, Arrow and numba held to
one thread: ``stream()`` end to end from the input file to the output file (read, check,
encode, classify, format, write, site summary) for Parquet -> Parquet, Parquet -> NDJSON
and NDJSON -> NDJSON; each stage of the Parquet -> Parquet path alone; and the compiled
kernel alone on the same exams (the reference every path is measured against). Prints
exams/s at the median of ``--repeat`` runs and each path's share of the kernel's speed,
then the goal: >= 200,000 exams/s end to end on one core.
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

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import repeat  # noqa: E402

GOAL = 200_000


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exams", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from myoscope.isncsci._classify import classify_batch
    from myoscope.isncsci._stream import chunks, encode_frame, stream

    print(f"myoscope isncsci streaming, {args.exams:,} synthetic exams (seed {args.seed}), one thread")
    with tempfile.TemporaryDirectory(prefix="myoscope-bench-registry-") as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        ndjson, parquet = _files(args.exams, args.seed, folder)
        print(f"files written in {time.perf_counter() - start:.1f} s")
        stream(parquet, folder / "warm.parquet")  # compile or load the cached kernel once
        batches = [encode_frame(t, 1)[0] for t in chunks(parquet)]
        kernel = repeat(lambda: [classify_batch(b) for b in batches], args.repeat)
        paths = {
            "Parquet -> Parquet": repeat(lambda: stream(parquet, folder / "out.parquet"), args.repeat),
            "Parquet -> NDJSON": repeat(lambda: stream(parquet, folder / "out.ndjson"), args.repeat),
            "NDJSON -> NDJSON": repeat(lambda: stream(ndjson, folder / "out2.ndjson"), args.repeat),
        }
        stages = _stages(parquet, folder / "stage.parquet", args.repeat)
    n = args.exams
    print(f"\n{'':<24}{'exams/s':>12}{'min s':>9}{'median s':>10}{'max s':>9}{'of kernel':>11}")
    print(f"{'kernel alone':<24}{n / kernel.median:>12,.0f}{kernel.min:>9.3f}{kernel.median:>10.3f}{kernel.max:>9.3f}")
    for label, t in paths.items():
        share = kernel.median / t.median
        print(f"{label:<24}{n / t.median:>12,.0f}{t.min:>9.3f}{t.median:>10.3f}{t.max:>9.3f}{share:>10.0%}")
    print("\nParquet -> Parquet by stage (each alone)")
    for label, t in stages.items():
        print(f"  {label:<22}{n / t.median:>12,.0f}{t.median:>10.3f} s")
    best = max(n / t.median for t in paths.values())
    worst = min(n / t.median for t in paths.values())
    print(f"\nGoal: >= {GOAL:,} exams/s end to end on one core: best path {best:,.0f}/s, slowest {worst:,.0f}/s")


if __name__ == "__main__":
    main()
