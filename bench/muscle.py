"""Throughput of the joined muscle model against the plain Hall model, timed in the same run.

Run: ``.venv/bin/python bench/muscle.py [--repeat 5] [--large]``

For 1, 10,000 and 100,000 (1,000,000 with ``--large``) random adults x 365 days: the plain Hall
model (numba, ``hall2011``), and the whole-body part of the joined model with a lean-share cut
(protein / training band) in its numba and numpy engines. Prints person-days per second, min /
median / max seconds, and each engine's speed relative to plain Hall (ratio of medians: below 1
means slower). Then the regional part (disuse curves per compartment, shared across people) and
one full ``project_record`` per person for an example record.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

from _timing import HEADER, repeat, row  # noqa: E402
from myoscope.physiology import project_record  # noqa: E402
from myoscope.physiology.composition import simulate_composition  # noqa: E402
from myoscope.physiology.hall import simulate  # noqa: E402
from myoscope.physiology.regional import disuse_course  # noqa: E402
from myoscope.record import load_record  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DAYS = 365


def _people(n: int, seed: int = 1) -> dict:
    rng = np.random.default_rng(seed)
    return dict(
        sex=np.where(rng.random(n) < 0.5, "female", "male"),
        age_y=rng.uniform(20, 75, n),
        height_m=rng.uniform(1.5, 1.95, n),
        weight_kg=rng.uniform(60, 120, n),
        pal=rng.uniform(1.4, 2.0, n),
        ei_change_kcal=rng.uniform(-800, 400, n)[:, None],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--large", action="store_true", help="also 1,000,000 people")
    args = parser.parse_args()
    sizes = (1, 10_000, 100_000) + ((1_000_000,) if args.large else ())
    print(f"whole body, {DAYS} days, body weight / fat / lean / FFM on the last day; {args.repeat} runs after warm-up")
    print(HEADER)
    keep = dict(record="final")
    for n in sizes:
        people = _people(n)
        cut = np.random.default_rng(2).uniform(0.0, 1.0, n)
        times = args.repeat if n < 1_000_000 else 2
        hall = repeat(
            lambda people=people: simulate(
                **people, days=DAYS, outputs=["body_weight_kg", "fat_mass_kg", "lean_mass_kg", "ffm_kg"], **keep
            ),
            times,
        )
        print(row(f"{n:>9,}  plain Hall (numba)", hall, n * DAYS, None))
        for engine in ("numba", "numpy"):
            if engine == "numpy" and n >= 1_000_000:
                continue
            joined = repeat(
                lambda people=people, cut=cut, engine=engine: simulate_composition(
                    **people, days=DAYS, lean_share_cut=cut, engine=engine, **keep
                ),
                times,
            )
            print(row(f"{n:>9,}  joined, cut ({engine})", joined, n * DAYS, hall) + "  (vs plain Hall)")
    course = repeat(lambda: disuse_course("bed_rest", "thigh", "left", -10, 20, DAYS, older=True), args.repeat)
    print(f"regional compartment, {DAYS} days (curve cached after first use): median {course.median * 1e3:.2f} ms")
    record = load_record(ROOT / "examples" / "forearm-cast.yaml")
    full = repeat(
        lambda: project_record(record, scenarios=("current", "lean_sparing", "added_protein", "resistance_training")),
        args.repeat,
    )
    print(
        f"project_record, forearm-cast example, 4 scenarios x 84 days: min {full.min * 1e3:.0f} ms, "
        f"median {full.median * 1e3:.0f} ms, max {full.max * 1e3:.0f} ms"
    )


if __name__ == "__main__":
    main()
