"""Start-up of ``myoscope serve --demo`` and the latency of a patient page, each against a reference.

Run: ``.venv/bin/python bench/serve.py [--repeat 3] [--requests 30]``

Start-up: the server is started ``--repeat`` times on a free loopback port with a fresh temporary
database, and timed until its sign-in page answers; ``python -c pass`` is timed in the same run as
the reference; the caches live in a temporary folder, warmed by one untimed start first.
Page: after signing in as the demo user, the first patient's page is requested
``--requests`` times, interleaved with a static file of the same server (the reference), and the
median and 95th percentile are printed. Goals (wall time on a quiet machine): ready <= 2 s, patient
page <= 150 ms. The load average is printed so that figures from a busy machine are read as such.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAIN = "from myoscope.cli import main; main()"
READY_GOAL = 2.0
PAGE_GOAL = 0.150
START_TIMEOUT = 60.0
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
PATIENT = re.compile(r'href="(/patients/[0-9A-Za-z_-]+)"')


def _environment() -> dict[str, str]:
    source = str(ROOT / "src")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "MYOSCOPE_DATABASE_URL")}
    return {**env, "PYTHONPATH": os.pathsep.join(p for p in (source, os.environ.get("PYTHONPATH")) if p)}


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def _start(folder: Path, env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str, float]:
    """A demo server on a free port with its database in ``folder``; its base URL and seconds to ready."""
    port = _free_port()
    database = f"sqlite:///{folder / 'demo.sqlite'}"
    args = [sys.executable, "-c", MAIN, "serve", "--demo", "--port", str(port), "--database", database]
    start = time.perf_counter()
    server = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    while not _answers(base + "/login"):
        if server.poll() is not None or time.perf_counter() - start > START_TIMEOUT:
            _stop(server)
            raise SystemExit(f"serve --demo did not answer within {START_TIMEOUT:.0f} s (exit {server.returncode})")
        time.sleep(0.02)
    return server, base, time.perf_counter() - start


def _stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=10)


def _signed_in(base: str) -> urllib.request.OpenerDirector:
    from myoscope.web import DEMO_PASSWORD, DEMO_USER

    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    with opener.open(base + "/login", timeout=30) as page:
        match = CSRF.search(page.read().decode())
    if match is None:
        raise SystemExit("the sign-in page has no CSRF field")
    form = urllib.parse.urlencode({"username": DEMO_USER, "password": DEMO_PASSWORD, "csrf_token": match.group(1)})
    opener.open(base + "/login", data=form.encode(), timeout=30).close()
    return opener


def _timed_get(opener: urllib.request.OpenerDirector, url: str) -> float:
    start = time.perf_counter()
    with opener.open(url, timeout=30) as response:
        response.read()
        if response.status != 200:
            raise SystemExit(f"{url}: HTTP {response.status}")
    return time.perf_counter() - start


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _row(name: str, values: list[float], reference: float, goal: float | None) -> str:
    med = statistics.median(values)
    verdict = "" if goal is None else ("met" if med <= goal else "MISSED")
    goal_text = "" if goal is None else f"{goal:.3f}"
    return (
        f"{name:34} {min(values):7.3f} {med:7.3f} {_p95(values):7.3f} {max(values):7.3f} "
        f"{med / reference:7.1f} {goal_text:>6}  {verdict}"
    )


def _load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg()) + f" on {os.cpu_count()} CPUs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="server start-ups (default 3)")
    parser.add_argument("--requests", type=int, default=30, help="requests of the page and of the static file")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="myoscope-bench-cache-") as cache:
        _bench({**_environment(), "MYOSCOPE_CACHE_DIR": cache}, options)


def _bench(env: dict[str, str], options: argparse.Namespace) -> None:
    """Run the benchmark with ``env``; its cache folder is warmed by one untimed start (as after a first run)."""
    before = _load()
    with tempfile.TemporaryDirectory(prefix="myoscope-bench-") as folder:
        _stop(_start(Path(folder), env)[0])
    ready: list[float] = []
    reference: list[float] = []
    page: list[float] = []
    static: list[float] = []
    for run in range(options.repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], env=env, check=True)
        reference.append(time.perf_counter() - start)
        with tempfile.TemporaryDirectory(prefix="myoscope-bench-") as folder:
            server, base, seconds = _start(Path(folder), env)
            try:
                ready.append(seconds)
                if run == options.repeat - 1:  # the page on the last server, warmed by one request
                    opener = _signed_in(base)
                    with opener.open(base + "/", timeout=30) as listing:
                        found = PATIENT.search(listing.read().decode())
                    if found is None:
                        raise SystemExit("the patient list shows no patient")
                    patient, asset = base + found.group(1), base + "/static/style.css"
                    _timed_get(opener, patient)
                    for _ in range(options.requests):
                        page.append(_timed_get(opener, patient))
                        static.append(_timed_get(opener, asset))
            finally:
                _stop(server)
    print(f"myoscope serve --demo: {options.repeat} start-ups, {options.requests} page requests; seconds")
    print(f"before: {before}; after: {_load()}")
    print(f"{'what':34} {'min':>7} {'median':>7} {'p95':>7} {'max':>7} {'x ref':>7} {'goal':>6}")
    ref, ref_static = statistics.median(reference), statistics.median(static)
    print(_row("python -c pass (reference)", reference, ref, None))
    print(_row("serve --demo until ready", ready, ref, READY_GOAL))
    print(_row("static file (reference)", static, ref_static, None))
    print(_row("patient page (signed in)", page, ref_static, PAGE_GOAL))
    print(f"patient page p95 {_p95(page):.3f} s ({'met' if _p95(page) <= PAGE_GOAL else 'MISSED'} against the goal)")
    print("a benchmark, not a test: figures depend on the machine and its load")


if __name__ == "__main__":
    main()
