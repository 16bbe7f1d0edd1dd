"""Throughput of the ISNCSCI classifier, side by side with the reference under Node.

Run: ``.venv/bin/python bench/isncsci.py [--n 100000] [--seed 1]``

Prints exams per second for (1) the compiled batch classification of encoded
exams, (2) the end-to-end path from EXAM mappings to the reference's output
strings (parsing, classification, formatting), and (3) the official
JavaScript implementation (npm ``isncsci`` 2.0.6) measured in the same run
when ``node`` and the package (``.cache/isncsci-node``) are present.
One process, one thread.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from myoscope.isncsci import classify_batch, encode
from myoscope.isncsci._synthetic import synthetic_exams

ROOT = Path(__file__).resolve().parents[1]
NODE_EXAMS = 20_000


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def _node_rate(exams) -> tuple[float | None, str]:
    sys.path.insert(0, str(ROOT / "tests" / "isncsci"))
    import isncsci_node_oracle as node_oracle

    missing = node_oracle.missing_tools()
    if "node" in missing:
        return None, "node not found: reference not measured"
    if node_oracle.installed_version() != node_oracle.VERSION:
        return None, (f"{node_oracle.PACKAGE}@{node_oracle.VERSION} not installed in {node_oracle.PREFIX.name}: "
                      "reference not measured (the differential test installs it)")
    sample = exams[:NODE_EXAMS]
    repeat = max(1, len(exams) // len(sample))
    count, seconds = node_oracle.time_node(sample, repeat)
    return count / seconds, f"{count} classifications ({len(sample)} distinct exams x {repeat})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="exams per batch (default 100000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="timed repetitions, best kept")
    args = parser.parse_args()

    exams = synthetic_exams(args.n, args.seed)
    batch = encode(exams)
    classify_batch(encode(exams[:10]))  # load the compiled kernel

    kernel = _best(lambda: classify_batch(batch), args.repeat)
    parse = _best(lambda: encode(exams), args.repeat)
    result = classify_batch(batch)
    fmt = _best(lambda: result.to_json(), args.repeat)
    end_to_end = _best(lambda: classify_batch(encode(exams)).to_json(), args.repeat)

    n = args.n
    print(f"ISNCSCI classification, {n} synthetic exams (seed {args.seed}), one thread")
    print(f"  batch classification (numba, encoded)  {n / kernel:>12,.0f} exams/s")
    print(f"  parsing only (mappings -> arrays)      {n / parse:>12,.0f} exams/s")
    print(f"  formatting only (arrays -> strings)    {n / fmt:>12,.0f} exams/s")
    print(f"  end to end (mappings -> output dicts)  {n / end_to_end:>12,.0f} exams/s")
    rate, note = _node_rate(exams)
    if rate is None:
        print(f"  official JS (isncsci 2.0.6)            {note}")
    else:
        print(f"  official JS (isncsci 2.0.6, Node)      {rate:>12,.0f} exams/s  [{note}]")
        print(f"  ratio batch / JS                       {n / kernel / rate:>12.1f} x")
        print(f"  ratio end to end / JS                  {n / end_to_end / rate:>12.1f} x")


if __name__ == "__main__":
    main()
