"""Cohort screening throughput: polars, Dask (2 workers) and a plain pandas baseline, side by side.

Run: ``.venv/bin/python bench/screen.py [--rows 10000000,50000000] [--repeat 1]``

For each size a seeded cohort (about 50 rows per person) is written as canonical Parquet; each
engine then runs in a fresh process, end to end: read the table, validate every row, screen
every person, write flags (Parquet and CSV), prevalence and the HTML summary. The pandas
baseline is the obvious pandas program: ``read_parquet``, ``groupby`` for the per-person
aggregation, then the same NumPy rules; it writes the flags only. Peak memory is the largest
resident set of the whole process tree (Dask scheduler and workers included), sampled every
50 ms. Prints min/median/max seconds, rows/s, peak memory, the ratios to polars and the CPU seconds of
the main process (Dask workers not included), each engine's stages (read + validate + kernel,
flags table, writing, prevalence, summary), then the
goals: >= 20 M rows/s end to end on 2 cores, Dask within 1.5x of polars at 50 M rows, peak
memory <= 4 GB at 50 M rows. ``dask`` runs its two workers as threads of the process (the
default), ``dask-processes`` as two worker processes. The ``floor`` row is a fresh process that
only loads polars and reads the five columns the engines read: no engine can be faster, so it
shows how far the goal is from the machine. With two or more sizes, the marginal rows/s between
the smallest and the largest leave the fixed costs (start-up, imports, loading the compiled kernel, the cluster) out.
An engine may carry its own worker count, ``dask:1``: the default list times Dask with one worker beside
two, and prints the speed-up. End to end, Dask's fixed costs (importing dask.dataframe, starting the cluster,
about 1.5 s) and the noise of single runs can hide how it scales, so ``--scaling`` (on by default) also times
the partition work alone, in one process with the cluster already started, for 1 to ``--workers`` workers,
as threads and as processes. ``--inputs`` also times the polars engine from the other input forms a site
has: ``long-csv`` (a long CSV of labels, text dates and units, read through the mapping reader) and
``omop`` (an OMOP CDM extract in Parquet, read through DuckDB), the same cohort each time (the long CSV's flags
must equal the canonical ones; the extract's differ by design: it adds condition_occurrence and states no
population).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
GOAL_ROWS_PER_S = 20e6
GOAL_DASK_RATIO = 1.5
GOAL_PEAK_BYTES = 4 * 1024**3
FLOOR = "floor"
"""Pseudo-engine: only import polars and read the columns (what 20 M rows/s would leave for everything)."""
DASK_PROCESSES = "dask-processes"
"""Dask on a local cluster of worker processes (``--dask-processes``); ``dask`` runs its workers as threads."""


INPUTS = ("canonical", "long-csv", "omop")
"""The input forms ``--inputs`` can time: canonical Parquet, a long CSV read through the mapping, an OMOP extract."""


def _source(data: Path, form: str) -> tuple[Path, Path | None]:
    """The rows and the persons file (None: inside an OMOP extract) of one input form."""
    if form == "omop":
        return data / "omop", None
    rows = data / ("long.csv" if form == "long-csv" else "measurements.parquet")
    return rows, data / "persons.parquet"


def _write_long_csv(cohort, path: Path) -> None:
    """The cohort as a site would export it: kind names, ISO dates as text, units and sides as words."""
    import polars as pl

    from myoscope.cohort import KINDS
    from myoscope.cohort._kinds import SIDES

    names = dict(enumerate(k.name for k in KINDS))
    units = dict(enumerate(k.unit for k in KINDS))
    rows = pl.DataFrame({c: cohort.rows[c] for c in ("person", "day", "kind", "side", "value")})
    rows.select(
        "person",
        pl.col("day").cast(pl.Int32).cast(pl.Date).alias("date"),
        pl.col("kind").replace_strict(names, return_dtype=pl.Utf8).alias("kind"),
        "value",
        pl.col("kind").replace_strict(units, return_dtype=pl.Utf8).alias("unit"),
        pl.col("side").replace_strict(dict(enumerate(SIDES)), return_dtype=pl.Utf8).alias("side"),
    ).write_csv(path)


def _engine(name: str, workers: int) -> tuple[str, int]:
    """``dask:1`` -> (``dask``, 1); a name without a count runs ``workers`` workers."""
    base, _, count = name.partition(":")
    return base, int(count) if count else workers


def _child(engine: str, data: Path, out: Path, workers: int, form: str = "canonical") -> None:
    from myoscope.cohort import screen

    engine, workers = _engine(engine, workers)

    start, cpu = time.perf_counter(), time.process_time()
    stages: dict[str, float] = {}
    stages_cpu: dict[str, float] = {}
    if engine == "pandas":
        persons, rows = pandas_baseline(data / "measurements.parquet", data / "persons.parquet", out)
    elif engine == FLOOR:
        persons, rows = read_floor(data / "measurements.parquet")
    else:
        source, person_file = _source(data, form)
        result = screen(
            source,
            out,
            persons=person_file,
            engine="dask" if engine == DASK_PROCESSES else engine,
            dask_processes=engine == DASK_PROCESSES,
            workers=workers,
        )
        persons, rows, stages, stages_cpu = result.persons, result.rows, result.timings, result.cpu_timings
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    record = {
        "seconds": seconds,
        "cpu": cpu,
        "persons": persons,
        "rows": rows,
        "stages": stages,
        "cpu_stages": stages_cpu,
    }
    print(json.dumps(record))


def read_floor(rows_path: Path) -> tuple[int, int]:
    """The least any engine must do: load polars and read the five canonical columns, as the engine selects them."""
    import polars as pl

    from myoscope.cohort._engines import _selection

    frame = pl.scan_parquet(rows_path).select(_selection()).collect()
    return 0, frame.height


def pandas_baseline(rows_path: Path, persons_path: Path, out: Path) -> tuple[int, int]:
    """Per-person features with pandas groupby, then the kernel's NumPy rules; writes flags.parquet."""
    import pandas as pd

    from myoscope.cohort._features import COL, FEATURES
    from myoscope.cohort._kinds import GIRTHS, KIND_CODE
    from myoscope.cohort.kernel import FLAG_COLUMNS, WINDOW_MONTHS, flags, validate
    from myoscope.measures.body import MIN_SPAN_DAYS
    from myoscope.units import months_before_days

    df = pd.read_parquet(rows_path)
    n_rows = len(df)
    df["day"] = df["day"].values.astype("datetime64[D]").astype(np.int64)
    df = df[validate(df["day"].values, df["kind"].values, df["side"].values, df["value"].values) == 0]
    daily = df.groupby(["person", "kind", "side", "day"], sort=True)["value"].max().reset_index()
    anyside = daily.groupby(["person", "kind", "day"], sort=True)["value"].max().reset_index()
    last = anyside.groupby(["person", "kind"]).tail(1)
    ids = np.sort(df["person"].unique())
    f = np.full((ids.size, len(FEATURES)), np.nan)
    row_of = pd.Series(np.arange(ids.size), index=ids)
    f[row_of[last["person"]].values, last["kind"].values.astype(int)] = last["value"].values
    f[row_of[ids].values, COL["last_day"]] = df.groupby("person")["day"].max().loc[ids].values
    weights = last[last["kind"] == KIND_CODE["body_weight"]]
    f[row_of[weights["person"]].values, COL["weight_day"]] = weights["day"].values
    for j, name in enumerate(GIRTHS):
        g = daily[(daily["kind"] == KIND_CODE[name]) & (daily["side"] > 0)]
        wide = g.pivot_table(index=["person", "day"], columns="side", values="value").dropna()
        if len(wide):
            both = wide.groupby(level=0).tail(1).reset_index()
            at = row_of[both["person"]].values
            f[at, COL[f"both.{j}.left"]], f[at, COL[f"both.{j}.right"]] = both[1].values, both[2].values
            f[at, COL[f"both.{j}.day"]] = both["day"].values
            first_both = wide.groupby(level=0).head(1).reset_index()
            at = row_of[first_both["person"]].values
            f[at, COL[f"first_both.{j}.left"]] = first_both[1].values
            f[at, COL[f"first_both.{j}.right"]] = first_both[2].values
            f[at, COL[f"first_both.{j}.day"]] = first_both["day"].values
        for s, side in ((1, "left"), (2, "right")):
            one = g[g["side"] == s].groupby("person")
            first, lastrow = one.head(1), one.tail(1)
            at = row_of[first["person"]].values
            f[at, COL[f"trend.{j}.{side}.first_day"]], f[at, COL[f"trend.{j}.{side}.first"]] = (
                first["day"],
                first["value"],
            )
            at = row_of[lastrow["person"]].values
            f[at, COL[f"trend.{j}.{side}.last_day"]], f[at, COL[f"trend.{j}.{side}.last"]] = (
                lastrow["day"],
                lastrow["value"],
            )
    hands = daily[(daily["kind"] == KIND_CODE["grip_strength"]) & (daily["side"] > 0)]
    for s, side in ((1, "left"), (2, "right")):
        one = hands[hands["side"] == s].groupby("person")
        for rows, part in ((one.head(1), "first"), (one.tail(1), "last")):
            at = row_of[rows["person"]].values
            f[at, COL[f"grip.{side}.{part}_day"]], f[at, COL[f"grip.{side}.{part}"]] = rows["day"], rows["value"]
    w = anyside[anyside["kind"] == KIND_CODE["body_weight"]].merge(
        weights[["person", "day", "value"]].rename(columns={"day": "end_day", "value": "end"}), on="person"
    )
    for k, months in enumerate(WINDOW_MONTHS):
        since = months_before_days(w["end_day"].to_numpy(), months)
        inside = w[(w["day"] >= since) & (w["day"] <= w["end_day"] - MIN_SPAN_DAYS)]
        first = inside.groupby("person").head(1)
        at = row_of[first["person"]].values
        for part, col in (("start_day", "day"), ("start", "value"), ("end_day", "end_day"), ("end", "end")):
            f[at, COL[f"window.{k}.{part}"]] = first[col].values
    p = pd.read_parquet(persons_path)
    persons = {c: p[c].to_numpy() for c in ("person", "sex", "population", "birth_year")}
    out.mkdir(parents=True, exist_ok=True)
    result = flags(ids, f, persons, _pandas_activity(anyside, ids, row_of, f[:, COL["last_day"]]))
    pd.DataFrame({c: result[c] for c in FLAG_COLUMNS}).to_parquet(out / "flags.parquet")
    return ids.size, n_rows


def _scaling_child(data: Path, workers: int, processes: bool) -> None:
    """Dask's partition work alone, in one process: the cluster started and the kernel loaded first, then the
    slices screened twice; prints the second run's seconds (fixed costs and the first read of the file left out)."""
    from concurrent.futures import Future

    from myoscope.cohort import _engines as engines

    rows, persons = data / "measurements.parquet", data / "persons.parquet"
    session = engines.start_dask(workers, None, processes)
    started: Future = Future()
    started.set_result(session)
    try:
        seconds = []
        for _ in range(2):
            parts = engines.dask_plan(rows, engines.DEFAULT_ROWS_PER_PART, workers)
            start = time.perf_counter()
            for _ in engines.run_dask(rows, persons, None, parts, started, lambda n: None):
                pass
            seconds.append(time.perf_counter() - start)
    finally:
        engines.stop_dask(session)
    print(json.dumps({"seconds": seconds[-1], "parts": len(parts)}))


def _scaling(data: Path, rows: int, max_workers: int) -> None:
    """Dask with 1 to ``max_workers`` workers, threads and processes: the speed-up of the partition work itself."""
    print(f"  Dask partition work alone ({rows:,} rows; cluster started, second run, one process each):")
    for processes in (False, True):
        base = None
        for workers in range(1, max_workers + 1):
            args = ["--scaling-child", str(data), "--workers", str(workers)] + (["--processes"] if processes else [])
            done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=True)
            record = json.loads(done.stdout.strip().splitlines()[-1])
            base = base or record["seconds"]
            kind = "processes" if processes else "threads"
            print(
                f"    {workers} worker {kind:<10}{record['seconds']:>8.2f} s{rows / record['seconds']:>14,.0f} rows/s"
                f"   {base / record['seconds']:.2f}x   ({record['parts']} slices)"
            )


def _measure(engine: str, data: Path, out: Path, workers: int, form: str = "canonical") -> dict:
    import psutil

    proc = subprocess.Popen(
        [
            sys.executable,
            __file__,
            "--child",
            engine,
            "--data",
            str(data),
            "--out",
            str(out),
            "--workers",
            str(workers),
            "--input-form",
            form,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    parent, peak = psutil.Process(proc.pid), 0
    while proc.poll() is None:
        try:
            tree = [parent, *parent.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.05)
    output = proc.stdout.read()
    if proc.returncode != 0:
        raise SystemExit(f"{engine} failed (exit {proc.returncode})")
    return {**json.loads(output.strip().splitlines()[-1]), "peak": peak}


def _pandas_activity(anyside, ids, row_of, last_day) -> np.ndarray:
    """Weekly activity findings per person with pandas: each day's summary, the latest day of each calendar
    week among the latest four up to the person's last day, then the kernel's weekly rule."""
    from myoscope.cohort._body_causes import _ACTIVITY, WEEKS, _week_bits

    act = anyside[anyside["kind"].isin(_ACTIVITY)].copy()
    act["end"] = last_day[row_of[act["person"]].values].astype(np.int64)
    act["monday"] = act["day"] - (act["day"] + 3) % 7
    act = act[(act["monday"] >= act["end"] - (act["end"] + 3) % 7 - 7 * (WEEKS - 1)) & (act["day"] <= act["end"])]
    act = act[act["day"] == act.groupby(["person", "monday"])["day"].transform("max")]
    wide = act.pivot_table(index=["person", "day"], columns="kind", values="value").reindex(columns=list(_ACTIVITY))
    bits = np.zeros(ids.size, np.int64)
    if len(wide):
        found = _week_bits(wide.to_numpy(dtype=np.float64))
        np.bitwise_or.at(bits, row_of[wide.index.get_level_values("person")].values, found)
    return bits


def _agree(data_out: Path, baseline_out: Path) -> bool:
    import polars as pl

    from myoscope.cohort.kernel import FLAG_COLUMNS

    def load(folder: Path):
        frame = pl.read_parquet(folder / "flags.parquet").select(FLAG_COLUMNS).drop("last_day")
        return frame.with_columns(pl.col(pl.Float64).fill_nan(None))  # NaN = not measured, in both

    return load(data_out).equals(load(baseline_out))


def _warm_cache(args) -> None:
    """Run each engine once on a small cohort, in a fresh process as the timed runs are, so that numba compiles
    (and caches on disk) every specialisation they use and no timed run pays the one-time compile."""
    with tempfile.TemporaryDirectory(prefix="myoscope-bench-warm-") as tmp:
        data = _write_inputs(200, args, Path(tmp) / "data", seed=0)
        for engine in dict.fromkeys(args.engines.split(",")):
            _measure(engine, data, Path(tmp) / "out", args.workers)
        for form in _forms(args):
            _measure("polars", data, Path(tmp) / "out", args.workers, form)


def _forms(args) -> list[str]:
    forms = [f for f in args.inputs.split(",") if f]
    unknown = set(forms) - set(INPUTS)
    if unknown:
        raise SystemExit(f"--inputs: unknown form(s) {sorted(unknown)}; known: {', '.join(INPUTS)}")
    return [f for f in forms if f != "canonical"]


def _write_inputs(persons: int, args, data: Path, seed: int) -> Path:
    """The seeded cohort as canonical Parquet and, as ``--inputs`` asks, as a long CSV and an OMOP extract."""
    from myoscope.cohort import generate, write_long, write_omop

    cohort = generate(max(1, persons), args.rows_per_person, seed=seed)
    write_long(cohort, data)
    forms = _forms(args)
    if "long-csv" in forms:
        _write_long_csv(cohort, data / "long.csv")
    if "omop" in forms:
        write_omop(cohort, data / "omop")
    return data


def _run_size(rows: int, args) -> list[dict]:
    from myoscope.cohort._engines import table_rows

    results = []
    with tempfile.TemporaryDirectory(prefix="myoscope-bench-screen-") as tmp:
        start = time.perf_counter()
        data = _write_inputs(rows // args.rows_per_person, args, Path(tmp) / "data", seed=args.seed)
        n_rows = table_rows(data / "measurements.parquet")
        print(f"\n{n_rows:,} rows (seed {args.seed}) generated and written in {time.perf_counter() - start:.1f} s")
        for engine in args.engines.split(","):
            runs = [_measure(engine, data, Path(tmp) / f"out-{engine}", args.workers) for _ in range(args.repeat)]
            results.append({"engine": engine, "rows": n_rows, "runs": runs})
        for form in _forms(args):
            out = Path(tmp) / f"out-{form}"
            runs = [_measure("polars", data, out, args.workers, form) for _ in range(args.repeat)]
            results.append({"engine": f"polars <- {form}", "rows": n_rows, "runs": runs})
            if form == "long-csv" and (Path(tmp) / "out-polars").exists():  # OMOP adds conditions, lacks population
                same = _agree(Path(tmp) / "out-polars", out)
                print(f"  flags from {form} identical to flags from canonical Parquet: {same}")
        if args.scaling and any(e.startswith("dask") for e in args.engines.split(",")):
            _scaling(data, n_rows, args.workers)
        if {"polars", "pandas"} <= set(args.engines.split(",")):
            same = _agree(Path(tmp) / "out-polars", Path(tmp) / "out-pandas")
            print(f"  pandas baseline flags identical to polars flags: {same}")
    return results


def _print(results: list[dict]) -> None:
    polars = next((r for r in results if r["engine"] == "polars"), None)
    base = statistics.median(x["seconds"] for x in polars["runs"]) if polars else None
    print(
        f"  {'engine':<16}{'min s':>8}{'median s':>10}{'max s':>8}{'rows/s (median)':>18}{'peak GB':>9}"
        f"{'time / polars':>15}{'CPU s':>10}"
    )
    for r in results:
        secs = [x["seconds"] for x in r["runs"]]
        med = statistics.median(secs)
        peak = max(x["peak"] for x in r["runs"]) / 1024**3
        ratio = f"{med / base:.2f}x" if base else ""
        cpu = statistics.median(x["cpu"] for x in r["runs"])
        print(
            f"  {r['engine']:<16}{min(secs):>8.2f}{med:>10.2f}{max(secs):>8.2f}{r['rows'] / med:>18,.0f}"
            f"{peak:>9.2f}{ratio:>15}{cpu:>10.2f}"
        )
    for r in results:
        stages, cpu = r["runs"][0]["stages"], r["runs"][0].get("cpu_stages", {})
        if stages:
            print(
                f"    {r['engine']} stages (first run, wall s / CPU s of the main process): "
                + ", ".join(f"{k} {v:.2f}/{cpu.get(k, 0.0):.2f}" for k, v in stages.items())
            )


def _marginal(all_results: list[list[dict]]) -> None:
    """Rows/s of each engine between the smallest and the largest size: the cost of a row, fixed costs left out."""
    if len(all_results) < 2:
        return
    small, large = ({r["engine"]: r for r in rs} for rs in (all_results[0], all_results[-1]))
    print("\nMarginal rows/s (largest minus smallest size; start-up, imports and compile left out)")
    for engine in small:
        if engine in large:
            a, b = (statistics.median(x["seconds"] for x in d[engine]["runs"]) for d in (small, large))
            rows = large[engine]["rows"] - small[engine]["rows"]
            print(f"  {engine:<16}{rows / (b - a) if b > a else float('inf'):>18,.0f}")


def _goals(all_results: list[list[dict]]) -> None:
    _marginal(all_results)
    print("\nGoals")
    for results in all_results:
        by = {r["engine"]: r for r in results}
        rows = results[0]["rows"]
        if "polars" in by:
            med = statistics.median(x["seconds"] for x in by["polars"]["runs"])
            print(f"  {rows:,} rows: polars {rows / med / 1e6:.1f} M rows/s (goal >= {GOAL_ROWS_PER_S / 1e6:.0f} M)")
            peak = max(x["peak"] for x in by["polars"]["runs"])
            goal = GOAL_PEAK_BYTES / 1024**3
            print(f"  {rows:,} rows: polars peak memory {peak / 1024**3:.2f} GB (goal <= {goal:.0f} GB)")
        if "polars" in by and "dask" in by:
            ratio = statistics.median(x["seconds"] for x in by["dask"]["runs"]) / statistics.median(
                x["seconds"] for x in by["polars"]["runs"]
            )
            print(f"  {rows:,} rows: Dask / polars time {ratio:.2f}x (goal <= {GOAL_DASK_RATIO}x)")
        if "dask" in by and "dask:1" in by:
            one, two = (statistics.median(x["seconds"] for x in by[e]["runs"]) for e in ("dask:1", "dask"))
            print(f"  {rows:,} rows: Dask 1 -> 2 workers, {one / two:.2f}x faster (scaling with workers)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="10000000,50000000", help="comma-separated row counts")
    parser.add_argument("--rows-per-person", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1, help="runs per engine (fresh process each)")
    parser.add_argument("--workers", type=int, default=2, help="polars threads and Dask workers")
    parser.add_argument("--engines", default=f"polars,dask,dask:1,{DASK_PROCESSES},pandas,{FLOOR}")
    parser.add_argument(
        "--inputs", default="canonical,long-csv,omop", help=f"input forms for the polars engine: {', '.join(INPUTS)}"
    )
    parser.add_argument(
        "--scaling",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also time Dask's partition work alone with 1 to --workers workers",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--scaling-child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--processes", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--input-form", default="canonical", help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.scaling_child:
        _scaling_child(args.scaling_child, args.workers, args.processes)
        return
    if args.child:
        _child(args.child, args.data, args.out, args.workers, args.input_form)
        return
    print(subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    print(
        f"Cohort screening, end to end, {args.workers} workers; each run in a fresh process "
        "(the kernel's one-time compile is done before timing; Dask times include starting its local cluster)"
    )
    _warm_cache(args)
    everything = []
    for rows in (int(x) for x in args.rows.split(",")):
        results = _run_size(rows, args)
        _print(results)
        everything.append(results)
    _goals(everything)
    print(subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())


if __name__ == "__main__":
    main()
