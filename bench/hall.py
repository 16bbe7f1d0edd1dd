"""Throughput of Hall's adult model, compiled (numba) and plain numpy, against R ``bw``.

Run: ``.venv/bin/python bench/hall.py [--seed 1] [--quick]``

For 1, 10,000 and 1,000,000 random adults x 365 days (a different constant intake change per
person) prints person-days per second, microseconds per person-day, the ratio to R ``bw``
(about 1.9 s for 10,000 x 365, i.e. 0.5 us per person-day) and the plain-numpy engine side by
side. Up to 10,000 people every output is kept for every day, as ``bw`` returns them; at
1,000,000 people only body weight, fat and lean mass on the last day are kept (memory). The
timings are end to end: input checks, baseline, simulation. When the shared reference folder is
found (``MYOSCOPE_SHARED`` or ``../shared`` beside the checkout), the accuracy of the same code
against ``bw`` is printed too. ``--quick`` skips the numpy engine at 1,000,000 people (about a
minute).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import time
from pathlib import Path

import numpy as np

from myoscope.physiology.hall import simulate

ROOT = Path(__file__).resolve().parents[1]
DAYS = 365
R_BW_US_PER_PERSON_DAY = 0.5
"""R bw 1.0.0: about 1.9 s for 10,000 people x 365 days (0.52 us per person-day)."""
SIZES = (1, 10_000, 1_000_000)
FINAL_ONLY_FROM = 1_000_000


def _people(n: int, seed: int) -> dict:
    rng = np.random.default_rng(seed)
    return dict(
        sex=np.where(rng.random(n) < 0.5, "female", "male"),
        age_y=rng.uniform(20, 75, n),
        height_m=rng.uniform(1.50, 1.95, n),
        weight_kg=rng.uniform(60, 120, n),
        pal=rng.uniform(1.4, 2.0, n),
        ei_change_kcal=rng.uniform(-800, 400, n)[:, None],
    )


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def _time(n: int, engine: str, seed: int) -> float:
    people = _people(n, seed)
    keep = (dict(record="final", outputs=["body_weight_kg", "fat_mass_kg", "lean_mass_kg"])
            if n >= FINAL_ONLY_FROM else {})
    run = lambda: simulate(**people, days=DAYS, variant="bw-1.0.0", engine=engine, **keep)  # noqa: E731
    run()  # load the compiled kernel and warm caches
    return _best(run, 5 if n * DAYS < 10**7 else 2)


def _accuracy() -> str:
    shared = Path(os.environ.get("MYOSCOPE_SHARED", ROOT.parent / "shared"))
    path = shared / "reference" / "bw" / "bw_adult_seed1_n100_d365.json.gz"
    if not path.exists():
        return "accuracy: reference file not found (set MYOSCOPE_SHARED)"
    with gzip.open(path, "rt") as handle:
        cases = json.load(handle)["cases"]
    col = lambda f: [c["inputs"][f] for c in cases]  # noqa: E731
    sim = simulate(sex=col("sex"), age_y=col("age_y"), height_m=col("height_m"), weight_kg=col("weight_kg"),
                   pal=col("PAL"), pcarb_base=col("pcarb_base"), pcarb=col("pcarb"), ei_kcal=col("EI_kcal"),
                   fat_kg=col("fat_kg"), ei_change_kcal=col("ei_change_kcal"), na_change_mg=col("na_change_mg"),
                   days=DAYS, variant="bw-1.0.0")
    parts = []
    for name in ("body_weight_kg", "fat_mass_kg", "lean_mass_kg"):
        reference = np.array([c["outputs"][name] for c in cases])
        parts.append(f"{name} {np.max(np.abs(sim[name] / reference - 1)):.1e}")
    return "accuracy vs bw 1.0.0 (100 x 366 days, max relative error): " + ", ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="skip the numpy engine at 1,000,000 people")
    args = parser.parse_args()
    print(f"Hall adult model, {DAYS} days, variant bw-1.0.0; R bw reference {R_BW_US_PER_PERSON_DAY} us/person-day")
    print(f"{'people':>10} {'engine':>6} {'person-days/s':>14} {'us/person-day':>14} {'vs R bw':>9} "
          f"{'numba/numpy':>12}")
    for n in SIZES:
        timings = {"numba": _time(n, "numba", args.seed)}
        if not (args.quick and n >= FINAL_ONLY_FROM):
            timings["numpy"] = _time(n, "numpy", args.seed)
        for engine, seconds in timings.items():
            per = seconds / (n * DAYS) * 1e6
            speedup = timings["numpy"] / timings["numba"] if engine == "numba" and "numpy" in timings else None
            print(f"{n:>10,} {engine:>6} {n * DAYS / seconds:>14.3e} {per:>14.4f} "
                  f"{R_BW_US_PER_PERSON_DAY / per:>8.1f}x {'' if speedup is None else f'{speedup:.1f}x':>12}")
    print(_accuracy())


if __name__ == "__main__":
    main()
