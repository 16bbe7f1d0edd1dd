"""Start-up time of the command line, against ``python -c pass`` timed in the same run.

Run: ``.venv/bin/python bench/cli.py [--repeat 7]``

Each command runs as a new process (as a person types it), ``--repeat`` times, interleaved with the
reference so that a busy machine slows both alike. Prints min/median/max wall time, the median's
ratio to the reference and the extra time over it, the median CPU time (user + system) of the
process, against the goals of the command line: ``--help`` <= 0.25 s, ``validate`` <= 0.3 s,
``assess`` of one example <= 0.5 s (goals are for wall time on a quiet machine: the load average
is printed before and after, so that figures from a busy one are read as such).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "forearm-cast.yaml"
MAIN = "from myoscope.cli import main; main()"

CASES: tuple[tuple[str, list[str], float | None], ...] = (
    ("python -c pass (reference)", ["-c", "pass"], None),
    ("myoscope --help", ["-c", MAIN, "--help"], 0.25),
    ("myoscope --version", ["-c", MAIN, "--version"], 0.25),
    ("myoscope validate EXAMPLE", ["-c", MAIN, "validate", str(EXAMPLE)], 0.3),
    ("myoscope assess EXAMPLE", ["-c", MAIN, "assess", str(EXAMPLE)], 0.5),
    ("myoscope assess EXAMPLE --format json", ["-c", MAIN, "assess", str(EXAMPLE), "--format", "json"], 0.5),
)


def _environment() -> dict[str, str]:
    """The caller's environment with our source first; bytecode may be written (an installed package has it)."""
    source = str(ROOT / "src")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPATH": os.pathsep.join(p for p in (source, os.environ.get("PYTHONPATH")) if p)}


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``python ARGS``."""
    cpu, start = _cpu(), time.perf_counter()
    done = subprocess.run(
        [sys.executable, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args[2:]) or args}: exit {done.returncode}\n{done.stderr.decode()[-2000:]}")
    return elapsed, _cpu() - cpu


def _load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg()) + f" on {os.cpu_count()} CPUs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs of each command (default 7)")
    repeat = parser.parse_args().repeat
    env = _environment()
    before = _load()
    for _, args, _ in CASES:  # warm the file cache, the bytecode and any compiled caches once, untimed
        _run(args, env)
    wall: dict[str, list[float]] = {name: [] for name, _, _ in CASES}
    cpu: dict[str, list[float]] = {name: [] for name, _, _ in CASES}
    for _ in range(repeat):
        for name, args, _ in CASES:
            elapsed, used = _run(args, env)
            wall[name].append(elapsed)
            cpu[name].append(used)
    reference = statistics.median(wall[CASES[0][0]])
    print(f"myoscope start-up: {repeat} runs each, wall time in seconds, {sys.executable}")
    print(f"before: {before}; after: {_load()}")
    print(f"{'command':40} {'min':>6} {'median':>7} {'max':>6} {'x ref':>6} {'+ref':>6} {'cpu':>6} {'goal':>6}")
    misses = 0
    for name, _, goal in CASES:
        values = wall[name]
        med = statistics.median(values)
        verdict = "" if goal is None else ("met" if med <= goal else "MISSED")
        misses += verdict == "MISSED"
        goal_text = "" if goal is None else f"{goal:.2f}"
        print(
            f"{name:40} {min(values):6.3f} {med:7.3f} {max(values):6.3f} {med / reference:6.1f} "
            f"{med - reference:6.3f} {statistics.median(cpu[name]):6.3f} {goal_text:>6}  {verdict}"
        )
    print(f"goals missed: {misses} (a benchmark, not a test: figures depend on the machine and its load)")


if __name__ == "__main__":
    main()
