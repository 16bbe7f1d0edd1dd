"""Throughput of Hall's adult model, compiled (numba) and plain numpy, against R ``bw`` timed in the same run.

Run: ``.venv/bin/python bench/hall.py [--seed 1] [--repeat 5] [--large]``

For 1 and 10,000 random adults x 365 days (with ``--large`` also 100,000 and 1,000,000), each
engine is timed ``--repeat`` times after an untimed warm-up; min / median / max seconds and
person-days per second are printed, with each engine's speed-up over R (ratio of medians).

The reference is R ``bw`` 1.0.0's ``adult_weight`` on the same people, run by ``Rscript`` in this
run: the same warm-up and the same number of timed calls, each timed inside R around the call
alone (R's start-up and the reading of the inputs are not counted). The same step count is asked
of both (bw's ``days`` counts day 0, so it is given one day more), and the final body weights of
both are compared person by person. bw keeps every day of every output (about 28 MB per 1,000
people x 365 days), so it is not run for 1,000,000 people. Where ``Rscript`` or bw is missing the
script says so and how to install it, and prints no ratio.
"""

from __future__ import annotations

import argparse
import csv
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
FINAL_ONLY_FROM = 1_000_000
R_MAX_PEOPLE = 100_000
R_INSTALL = (
    "R bw not found: the reference is not timed. To time it: `apt-get install r-base-core r-cran-rcpp "
    "r-cran-ggplot2 r-cran-gridextra r-cran-reshape2 r-cran-survey` (bw's dependencies), then install bw "
    "1.0.0 from its source (`R CMD INSTALL bw/`, source at github INSP-RH/bw; or `install.packages('bw')` "
    "in R where CRAN is reachable) and run this script again."
)
_R_SCRIPT = r"""
suppressMessages(library(bw))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE)
reps <- as.integer(args[2]); days <- as.integer(args[3])
ei <- matrix(rep(d$change, days), nrow = nrow(d))
na <- matrix(0, nrow = nrow(d), ncol = days)
run <- function() adult_weight(d$weight, d$height, d$age, d$sex, EIchange = ei, NAchange = na,
                               PAL = d$pal, days = days)
first <- run()
writeLines(format(first$Body_Weight[, days], digits = 15), args[4])
rm(first)
for (i in seq_len(reps)) {
  start <- Sys.time()
  invisible(run())
  cat(as.numeric(difftime(Sys.time(), start, units = "secs")), "\n")
}
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


def _ours(people: dict, engine: str, times: int) -> Timing:
    n = len(people["sex"])
    keep = (
        dict(record="final", outputs=["body_weight_kg", "fat_mass_kg", "lean_mass_kg"]) if n >= FINAL_ONLY_FROM else {}
    )
    return repeat(lambda: simulate(**people, days=DAYS, variant="bw-1.0.0", engine=engine, **keep), times)


def r_status() -> str | None:
    """None when ``Rscript`` and bw are installed, else why not (with how to install)."""
    if shutil.which("Rscript") is None:
        return R_INSTALL
    probe = subprocess.run(
        ["Rscript", "-e", "cat(as.character(packageVersion('bw')))"], capture_output=True, text=True, check=False
    )
    if probe.returncode != 0:
        return R_INSTALL
    if probe.stdout.strip() != "1.0.0":
        return f"R bw {probe.stdout.strip()} found, 1.0.0 wanted: the reference is not timed. {R_INSTALL}"
    return None


def _r_timing(people: dict, times: int) -> tuple[Timing, np.ndarray]:
    """R bw timed in its own process: ``times`` calls after a warm-up; also its final body weights."""
    with tempfile.TemporaryDirectory(prefix="myoscope-bench-hall-") as folder:
        inputs, script, final = Path(folder) / "in.csv", Path(folder) / "run.R", Path(folder) / "final.txt"
        with inputs.open("w", newline="") as handle:
            out = csv.writer(handle)
            out.writerow(["weight", "height", "age", "sex", "pal", "change"])
            numbers = zip(
                people["weight_kg"],
                people["height_m"],
                people["age_y"],
                people["pal"],
                people["ei_change_kcal"][:, 0],
                strict=True,
            )
            for sex, (weight, height, age, pal, change) in zip(people["sex"], numbers, strict=True):
                out.writerow(
                    [
                        repr(float(weight)),
                        repr(float(height)),
                        repr(float(age)),
                        sex,
                        repr(float(pal)),
                        repr(float(change)),
                    ]
                )
        script.write_text(_R_SCRIPT)
        done = subprocess.run(
            ["Rscript", str(script), str(inputs), str(times), str(DAYS + 1), str(final)],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise SystemExit(f"R bw failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
        weights = np.array([float(x) for x in final.read_text().split()])
    return Timing(tuple(float(x) for x in done.stdout.split())), weights


def _agreement(people: dict, r_final: np.ndarray) -> float:
    """Largest relative difference of the final body weight, ours (numpy engine) against R bw."""
    ours = simulate(**people, days=DAYS, variant="bw-1.0.0", engine="numpy", record="final", outputs=["body_weight_kg"])
    return float(np.max(np.abs(np.asarray(ours["body_weight_kg"]).ravel() / r_final - 1)))


def _accuracy() -> str:
    shared = Path(os.environ.get("MYOSCOPE_SHARED", ROOT.parent / "shared"))
    path = shared / "reference" / "bw" / "bw_adult_seed1_n100_d365.json.gz"
    if not path.exists():
        return "accuracy against the stored bw 1.0.0 outputs: file not found (set MYOSCOPE_SHARED)"
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
    return "accuracy against the stored bw 1.0.0 outputs (100 x 366 days, max relative error): " + ", ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each engine and of R (default 5)")
    parser.add_argument("--large", action="store_true", help="also 100,000 and 1,000,000 people")
    args = parser.parse_args()
    sizes = (1, 10_000, 100_000, 1_000_000) if args.large else (1, 10_000)
    missing_r = r_status()
    print(f"Hall adult model, {DAYS} days, variant bw-1.0.0; each engine and R: a warm-up, then timed runs")
    print("reference: R bw 1.0.0 adult_weight, timed in this run" if missing_r is None else missing_r)
    print(HEADER)
    notes = []
    for n in sizes:
        people = _people(n, args.seed)
        times = args.repeat if n * DAYS < 10**7 else max(2, args.repeat // 2)
        reference = None
        if missing_r is None and n <= R_MAX_PEOPLE:
            reference, r_final = _r_timing(people, times)
            print(row(f"{n:>9,} people  R bw 1.0.0", reference, n * DAYS, None))
            difference = _agreement(people, r_final)
            notes.append(f"{n:,} people: final body weight, ours against R, max relative difference {difference:.1e}")
        elif missing_r is None:
            notes.append(f"{n:,} people: R bw not run (it would hold about {28 * n // 1000:,} MB of daily outputs)")
        for engine in ("numpy", "numba"):
            timing = _ours(people, engine, times)
            print(row(f"{n:>9,} people  myoscope {engine}", timing, n * DAYS, reference))
    for note in notes:
        print(note)
    print(_accuracy())


if __name__ == "__main__":
    main()
