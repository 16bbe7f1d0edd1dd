"""Throughput of the ISNCSCI classifier, side by side with the official JavaScript package in the same run.

Run: ``.venv/bin/python bench/isncsci.py [--n 200000] [--repeat 5] [--seed 1] [--quick]``

Every measure, ours and the reference alike, gets one untimed warm-up pass and then ``--repeat``
timed runs over the same number of exams, printed as min / median / max exams per second:
(1) the compiled batch classification of encoded exams (numba), (2) the per-exam Python path
from EXAM mappings to the reference's output objects, (3) the registry path of
``myoscope isncsci``: a Parquet file of flat columns streamed to Parquet (read, encode,
classify, format, write, site summary) and (4) the same from and to NDJSON, and (5) the
official implementation, npm ``isncsci`` 2.0.6 under Node, on the same exams (each run a fresh
Node process: a warm-up pass, then its classification loop timed alone, mapping excluded as
for (1)). Ratios are of medians. One process, one thread and one CPU for our side (Node runs
on the same CPU); the load average is printed with the figures. Where Node or the
package is missing the reference is not timed and the line says how to install it.
``--quick`` is 20,000 exams and 3 runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

for _name in ("POLARS_MAX_THREADS", "OMP_NUM_THREADS", "NUMBA_NUM_THREADS"):
    os.environ[_name] = "1"  # one core: set before polars, Arrow or numba load
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # and one CPU (Node, started from here, too)

sys.path.insert(0, str(Path(__file__).parent))

from _timing import Timing, repeat  # noqa: E402
from myoscope.isncsci import classify_batch, encode  # noqa: E402
from myoscope.isncsci._synthetic import synthetic_exams  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
NODE_EXAMS = 20_000
GOAL_REGISTRY = 200_000


def _rates(n: int, timing: Timing) -> list[float]:
    """Exams per second of every run, slowest first."""
    return sorted(n / seconds for seconds in timing.seconds)


def _node_rates(exams, repeat: int) -> tuple[list[float] | None, str]:
    sys.path.insert(0, str(ROOT / "tests" / "isncsci"))
    import isncsci_node_oracle as node_oracle

    install = (
        f"install it with: npm install --prefix {node_oracle.PREFIX.relative_to(ROOT)} "
        f"{node_oracle.PACKAGE}@{node_oracle.VERSION}"
    )
    if "node" in node_oracle.missing_tools():
        return (
            None,
            "node not found: reference not timed (install Node.js, e.g. apt-get install nodejs npm; then "
            + install
            + ")",
        )
    if node_oracle.installed_version() != node_oracle.VERSION:
        return None, f"{node_oracle.PACKAGE}@{node_oracle.VERSION} not installed: reference not timed ({install})"
    sample = exams[:NODE_EXAMS]
    passes = max(1, len(exams) // len(sample))
    rates = []
    for _ in range(repeat):
        count, seconds = node_oracle.time_node(sample, passes)
        rates.append(count / seconds)
    return sorted(
        rates
    ), f"{len(sample):,} distinct exams x {passes} pass{'es' if passes != 1 else ''} per run, after a warm-up pass"


def _registry_files(exams, folder: Path) -> tuple[Path, Path]:
    import pyarrow.json as pj
    import pyarrow.parquet as pq

    from myoscope.isncsci._stream import _flat_arrow

    ndjson = folder / "exams.ndjson"
    ndjson.write_text("\n".join(json.dumps({"site": f"site {i % 4}", **e}) for i, e in enumerate(exams)) + "\n")
    parquet = folder / "exams.parquet"
    pq.write_table(_flat_arrow(pj.read_json(ndjson)), parquet)
    return ndjson, parquet


def _line(label: str, rates: list[float], extra: str = "") -> None:
    print(f"  {label:<44}{rates[0]:>12,.0f}{statistics.median(rates):>12,.0f}{rates[-1]:>12,.0f}  {extra}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200_000, help="exams per run (default 200000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of every measure (default 5)")
    parser.add_argument("--quick", action="store_true", help="20,000 exams, 3 runs")
    args = parser.parse_args()
    n, runs = (20_000, 3) if args.quick else (args.n, args.repeat)

    import pyarrow as pa

    from myoscope.isncsci._stream import stream

    pa.set_cpu_count(1)  # Arrow's pools size themselves to the machine, not to the CPUs allowed
    pa.set_io_thread_count(1)
    load_before = os.getloadavg()
    exams = synthetic_exams(n, args.seed)
    batch = encode(exams)
    results = {
        "batch classification (numba, encoded)": _rates(n, repeat(lambda: classify_batch(batch), runs)),
        "per exam, mappings -> output objects": _rates(
            n, repeat(lambda: classify_batch(encode(exams)).to_json(), runs)
        ),
    }
    with tempfile.TemporaryDirectory(prefix="myoscope-bench-isncsci-") as tmp:
        ndjson, parquet = _registry_files(exams, Path(tmp))
        results["registry: Parquet -> Parquet (isncsci cmd)"] = _rates(
            n, repeat(lambda: stream(parquet, Path(tmp) / "out.parquet"), runs)
        )
        results["registry: NDJSON -> NDJSON (isncsci cmd)"] = _rates(
            n, repeat(lambda: stream(ndjson, Path(tmp) / "out.ndjson"), runs)
        )
        results["registry: NDJSON -> Parquet (isncsci cmd)"] = _rates(
            n, repeat(lambda: stream(ndjson, Path(tmp) / "out2.parquet"), runs)
        )
    node, note = _node_rates(exams, runs)
    print(f"ISNCSCI classification, {n:,} synthetic exams (seed {args.seed}), one thread on one CPU;")
    print(f"every measure and the reference: one untimed warm-up pass, then {runs} timed runs")
    print(f"  {'exams per second':<44}{'min':>12}{'median':>12}{'max':>12}")
    for label, rates in results.items():
        _line(label, rates)
    if node is None:
        print(f"  official JS (isncsci 2.0.6, Node): {note}")
    else:
        _line("official JS (isncsci 2.0.6, Node)", node, f"[{note}]")
        js = statistics.median(node)
        for label, rates in results.items():
            print(f"  ratio {label} / JS: {statistics.median(rates) / js:.1f}x")
    for label in [k for k in results if k.startswith("registry")]:
        rate = statistics.median(results[label])
        print(f"  goal: {label[10:]} >= {GOAL_REGISTRY:,} exams/s on one core: {rate:,.0f} (median)")
    before, after = (", ".join(f"{x:.2f}" for x in load) for load in (load_before, os.getloadavg()))
    print(f"  load average (1, 5, 15 min) before {before}; after {after} ({os.cpu_count()} CPUs)")


if __name__ == "__main__":
    main()
