"""Throughput of Hall's adult model, compiled (numba) and plain numpy, against R ``bw`` timed in the same run.

Run: ``.venv/bin/python bench/hall.py [--seed 1] [--repeat 5] [--quick]``

For 1, 10,000 and (without ``--quick``) 1,000,000 random adults x 365 days, each engine is timed
``--repeat`` times after a warm-up; min / median / max seconds and person-days per second are
printed, with the speed-up over the reference (ratio of medians). The reference is R ``bw``
1.0.0's ``adult_weight`` on the same inputs, timed by ``Rscript`` in this run, when ``Rscript``
and the package are installed. When they are not, the script says so and how to install them,
and compares against the plain-numpy engine measured here; the figure the earlier version of
this script divided by is printed separately and labelled as not measured here.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

from _timing import HEADER, Timing, repeat, row  # noqa: E402
from myoscope.physiology.hall import simulate  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DAYS = 365
QUOTED_R_US_PER_PERSON_DAY = 0.52
"""Figure the earlier version of this benchmark divided by (10,000 x 365 in about 1.9 s); its
measurement was not recorded, so it is shown only as a quoted figure, never as a ratio."""
FINAL_ONLY_FROM = 1_000_000
R_INSTALL = (
    "R is not installed here (CRAN is not reachable from this machine). To time the reference: "
    "`apt-get install r-base-core`, then in R `install.packages(c('bw', 'jsonlite'))` (or "
    "`remotes::install_github('INSP-RH/bw')` for bw), and run this script again."
)
_R_SCRIPT = r"""
suppressMessages(library(bw))
args <- commandArgs(trailingOnly = TRUE)
d <- jsonlite::fromJSON(args[1]); reps <- as.integer(args[2])
ei <- matrix(rep(d$change, each = 366), nrow = length(d$change), byrow = TRUE)
run <- function() suppressWarnings(
  adult_weight(d$weight, d$height, d$age, d$sex, EIchange = ei, PAL = d$pal, days = 365)
)
invisible(run())
for (i in seq_len(reps)) cat(system.time(run())[["elapsed"]], "\n")
"""


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


def _ours(n: int, engine: str, seed: int, times: int) -> Timing:
    people = _people(n, seed)
    keep = (
        dict(record="final", outputs=["body_weight_kg", "fat_mass_kg", "lean_mass_kg"]) if n >= FINAL_ONLY_FROM else {}
    )
    return repeat(lambda: simulate(**people, days=DAYS, variant="bw-1.0.0", engine=engine, **keep), times)


def _r_available() -> bool:
    if shutil.which("Rscript") is None:
        return False
    probe = subprocess.run(["Rscript", "-e", "library(bw); library(jsonlite)"], capture_output=True)
    return probe.returncode == 0


def _r_timing(n: int, seed: int, times: int) -> Timing:
    people = _people(n, seed)
    data = {
        "weight": people["weight_kg"].tolist(),
        "height": people["height_m"].tolist(),
        "age": people["age_y"].tolist(),
        "sex": people["sex"].tolist(),
        "pal": people["pal"].tolist(),
        "change": people["ei_change_kcal"][:, 0].tolist(),
    }
    with tempfile.TemporaryDirectory() as folder:
        inputs, script = Path(folder) / "in.json", Path(folder) / "run.R"
        inputs.write_text(json.dumps(data))
        script.write_text(_R_SCRIPT)
        done = subprocess.run(
            ["Rscript", str(script), str(inputs), str(times)], capture_output=True, text=True, check=True
        )
    return Timing(tuple(float(x) for x in done.stdout.split()))


def _accuracy() -> str:
    shared = Path(os.environ.get("MYOSCOPE_SHARED", ROOT.parent / "shared"))
    path = shared / "reference" / "bw" / "bw_adult_seed1_n100_d365.json.gz"
    if not path.exists():
        return "accuracy: reference file not found (set MYOSCOPE_SHARED)"
    with gzip.open(path, "rt") as handle:
        cases = json.load(handle)["cases"]
    col = lambda f: [c["inputs"][f] for c in cases]  # noqa: E731
    sim = simulate(
        sex=col("sex"),
        age_y=col("age_y"),
        height_m=col("height_m"),
        weight_kg=col("weight_kg"),
        pal=col("PAL"),
        pcarb_base=col("pcarb_base"),
        pcarb=col("pcarb"),
        ei_kcal=col("EI_kcal"),
        fat_kg=col("fat_kg"),
        ei_change_kcal=col("ei_change_kcal"),
        na_change_mg=col("na_change_mg"),
        days=DAYS,
        variant="bw-1.0.0",
    )
    parts = []
    for name in ("body_weight_kg", "fat_mass_kg", "lean_mass_kg"):
        reference = np.array([c["outputs"][name] for c in cases])
        parts.append(f"{name} {np.max(np.abs(sim[name] / reference - 1)):.1e}")
    return "accuracy vs bw 1.0.0 outputs (100 x 366 days, max relative error): " + ", ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="skip 1,000,000 people")
    args = parser.parse_args()
    sizes = (1, 10_000) if args.quick else (1, 10_000, 1_000_000)
    with_r = _r_available()
    print(f"Hall adult model, {DAYS} days, variant bw-1.0.0, {args.repeat} timed runs after a warm-up")
    print("reference: R bw timed in this run" if with_r else R_INSTALL)
    if not with_r:
        print("  -> speed-ups below are against the plain-numpy engine measured in this run")
    print(
        f"  quoted figure for R bw (not measured here): {QUOTED_R_US_PER_PERSON_DAY} us/person-day "
        f"= {1e6 / QUOTED_R_US_PER_PERSON_DAY:.2e} person-days/s"
    )
    print(HEADER)
    for n in sizes:
        times = args.repeat if n * DAYS < 10**8 else max(2, args.repeat // 2)
        numpy_t = _ours(n, "numpy", args.seed, times)
        reference = _r_timing(n, args.seed, times) if with_r else numpy_t
        if with_r:
            print(row(f"{n:>9,} people  R bw", reference, n * DAYS, None))
        print(row(f"{n:>9,} people  numpy", numpy_t, n * DAYS, reference if with_r else None))
        print(row(f"{n:>9,} people  numba", _ours(n, "numba", args.seed, times), n * DAYS, reference))
    print(_accuracy())


if __name__ == "__main__":
    main()
