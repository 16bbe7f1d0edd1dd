"""Load on the web app, loopback only: simulated clinicians signing in, listing, opening patients (and
their chart images, as a browser does), saving visits, and an integration reading assessments
through the API. Prints p50/p95/p99 and errors per action.

    python bench/web_load.py                      # clinic: 50 clinicians, 60 s, SQLite (+ PostgreSQL if set)
    python bench/web_load.py --think 0            # saturation: no pause between requests
    python bench/web_load.py --users 10 --seconds 15 --workers 2
    python bench/web_load.py --postgres URL       # also on PostgreSQL (a scratch schema, dropped after)

Two models, reported under their own headings:

* clinic (default, ``--think 3``): each simulated clinician pauses between actions, as a person reads
  a page before the next click. The pause is drawn from a negative exponential distribution of mean
  ``--think`` seconds, cut at ten times the mean (the usual model of a web user's think time, as in the
  TPC-W benchmark, whose mean is 7 s; 3 s is a busier clinic than that). Each clinician starts at a
  random moment within the first two means, so that fifty people do not click in the same
  millisecond. This is the model the goal is about.
* saturation (``--think 0``): every user sends its next request as soon as the last one is answered.
  With 50 such users the server is always busy, so a time is mostly queueing: the figure shows the
  throughput limit, not what a clinician waits.

A clinician's round: the patient list, a patient page and its chart images; every fifth round the
visit form and a saved visit, then the patient page it redirects to (timed as "page after save": the
one view that needs a new assessment); the API assessment of that patient; the static stylesheet.
Sign-in at the start and every 20 rounds. Random choices are seeded (``--seed``).

The server runs in a child process (uvicorn, ``--workers`` processes) on 127.0.0.1 with the bundled
examples. Its reference, timed in the same run, is the static stylesheet: what the server costs with
no database and no assessment at all; ratios to it are printed, since on a shared machine the
absolute times move with its load (the load average is printed too). Goal for pages and API reads:
p95 <= 100 ms, 0 errors, in the clinic model.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
MAX_USERS, MAX_SECONDS = 50, 60
PASSWORD = "load-password-1"
ACTIONS = (
    "sign-in",
    "patient list",
    "patient page",
    "chart image",
    "visit save",
    "page after save",
    "API assessment",
    "static (reference)",
)
THINK_CAP = 10
"""A think time is cut at this many times its mean."""
ERRORS: dict[str, int] = {}
"""Errors of the current run by action and kind (HTTP status or client exception)."""
CHART = re.compile(r'src="(/patients/\d+/chart\.png\?[^"]+)"')


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _prepare(url: str, users: int) -> str:
    from myoscope.store import add_user, issue_token, make_engine, session_factory, upgrade
    from myoscope.web._demo import load_demo

    engine = make_engine(url)
    upgrade(engine)
    load_demo(engine, ROOT / "examples")
    from sqlalchemy import select

    from myoscope.store import User

    with session_factory(engine)() as session, session.begin():
        demo = session.scalar(select(User).where(User.username == "demo"))
        teams = tuple(t.name for t in demo.teams)
        first = add_user(session, "load0", PASSWORD, "clinician", teams)
        for n in range(1, users):  # the same argon2 hash (and salt) for every bench user: one hashing, not fifty
            session.add(
                User(username=f"load{n}", password_hash=first.password_hash, role="clinician", teams=first.teams)
            )
        token = issue_token(session, demo, "load")
    engine.dispose()
    return token


SERVER = """
import os, sys, uvicorn
sys.path.insert(0, {src!r})
from myoscope.web import Settings
from myoscope.web._serve import FACTORY, settings_environment
os.environ.update(settings_environment(Settings(database_url={url!r}, secure_cookies=False)))
uvicorn.run(FACTORY, factory=True, workers={workers}, host="127.0.0.1", port={port}, log_level="warning",
            proxy_headers=False)
"""


async def _timed(samples, name, call):
    started = time.perf_counter()
    try:
        response = await call()
        ok = response.status_code < 400
        why = f"HTTP {response.status_code}"
    except Exception as error:  # noqa: BLE001 - a dropped connection counts as an error
        ok, why = False, type(error).__name__
    samples.setdefault(name, []).append((time.perf_counter() - started, ok))
    if not ok:  # what failed, for the report: the status or the client's exception
        ERRORS[f"{name}: {why}"] = ERRORS.get(f"{name}: {why}", 0) + 1
    return response if ok else None


class Pause:
    """Think time: exponential of mean ``mean`` seconds, cut at THINK_CAP means; none when the mean is 0."""

    def __init__(self, mean: float, seed: int):
        self.mean, self.random = mean, random.Random(seed)

    def start(self) -> float:
        return self.random.uniform(0, 2 * self.mean)

    async def __call__(self) -> None:
        if self.mean > 0:
            await asyncio.sleep(min(self.random.expovariate(1 / self.mean), THINK_CAP * self.mean))


async def _page_with_charts(client, samples, name, key, pause):
    page = await _timed(samples, name, lambda: client.get(f"/patients/{key}"))
    for src in CHART.findall(page.text if page is not None else ""):  # the browser loads them, no pause
        await _timed(samples, "chart image", lambda src=src: client.get(src.replace("&amp;", "&")))
    await pause()


async def _save_visit(client, samples, n, key, pause, csrf):
    form = await client.get(f"/patients/{key}/visits/new")
    await pause()  # filling in the form
    match = csrf.search(form.text)
    if not match:
        samples.setdefault("visit save", []).append((0.0, False))
        return
    data = {
        "csrf_token": match.group(1),
        "date": time.strftime("%Y-%m-%d"),
        "note": f"load {n}",
        "measurements[0].kind": "body_weight",
        "measurements[0].value": f"{60 + n % 30} kg",
        "action": "save",
    }
    saved = await _timed(samples, "visit save", lambda: client.post(f"/patients/{key}/visits", data=data))
    if saved is not None and saved.status_code == 303:
        await _page_with_charts(client, samples, "page after save", key, pause)


async def _sign_in(client, samples, n, csrf, pause):
    client.cookies.clear()
    page = await client.get("/login")
    form = {"username": f"load{n}", "password": PASSWORD, "csrf_token": csrf.search(page.text).group(1)}
    await pause()  # typing the password
    await _timed(samples, "sign-in", lambda: client.post("/login", data=form))


async def _clinician(base, n, ids, token, deadline, samples, think, seed):
    import httpx2 as httpx

    csrf = re.compile(r'name="csrf_token" value="([^"]+)"')
    pause = Pause(think, seed * 1000 + n)
    await asyncio.sleep(pause.start())
    limits = httpx.Limits(max_connections=2)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits, follow_redirects=False) as client:
        api = {"Authorization": f"Bearer {token}"}
        step = 0
        while time.monotonic() < deadline:
            if step % 20 == 0:
                await _sign_in(client, samples, n, csrf, pause)
            key = ids[pause.random.randrange(len(ids))]
            await _timed(samples, "patient list", lambda: client.get("/patients"))
            await pause()
            await _page_with_charts(client, samples, "patient page", key, pause)
            if step % 5 == 4:
                await _save_visit(client, samples, n, key, pause, csrf)
            await _timed(
                samples, "API assessment", lambda key=key: client.get(f"/api/v1/patients/{key}/assessment", headers=api)
            )
            await _timed(samples, "static (reference)", lambda: client.get("/static/style.css"))
            await pause()
            step += 1


async def _run(base, users, seconds, ids, token, think, seed):
    samples: dict[str, list] = {}
    deadline = time.monotonic() + seconds
    await asyncio.gather(*(_clinician(base, n, ids, token, deadline, samples, think, seed) for n in range(users)))
    return samples


async def _warm(base, ids, token):
    import httpx2 as httpx

    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        page = await client.get("/login")
        token_field = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        await client.post("/login", data={"username": "load0", "password": PASSWORD, "csrf_token": token_field})
        for key in ids:
            await client.get(f"/api/v1/patients/{key}/assessment", headers={"Authorization": f"Bearer {token}"})
            page = await client.get(f"/patients/{key}")
            for src in CHART.findall(page.text):
                await client.get(src.replace("&amp;", "&"))


def _wait_up(base: str, process) -> None:
    import httpx2 as httpx

    for _ in range(300):
        if process.poll() is not None:
            raise SystemExit("the server did not start")
        try:
            httpx.get(base + "/login", timeout=1)
            return
        except Exception:  # noqa: BLE001
            time.sleep(0.1)
    raise SystemExit("the server did not start in 30 s")


def _report(samples: dict[str, list]) -> dict[str, float]:
    print(f"{'action':22} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}")
    p95s = {}
    for name in ACTIONS:
        rows = samples.get(name, [])
        if not rows:
            continue
        times = sorted(t * 1000 for t, _ in rows)
        q = statistics.quantiles(times, n=100) if len(times) > 1 else times * 99
        errors = sum(1 for _, ok in rows if not ok)
        p95s[name] = q[94]
        print(f"{name:22} {len(rows):6} {q[49]:8.1f} {q[94]:8.1f} {q[98]:8.1f} {errors:7}")
    if ERRORS:
        print("errors: " + ", ".join(f"{k} x{n}" for k, n in sorted(ERRORS.items())))
    ERRORS.clear()
    reference = p95s.get("static (reference)")
    if reference:
        print(
            "p95 as a multiple of the reference: "
            + ", ".join(f"{k} {v / reference:.1f}x" for k, v in p95s.items() if k != "static (reference)")
        )
    return p95s


def _mode(think: float) -> str:
    if think > 0:
        return (
            f"clinic model: think time exponential, mean {think:g} s, cut at {THINK_CAP * think:g} s, "
            "between a clinician's actions"
        )
    return "saturation model: no think time (each user's next request as soon as the last is answered)"


def _load() -> str:
    try:
        return "load average " + " ".join(Path("/proc/loadavg").read_text().split()[:3]) + f" on {os.cpu_count()} cores"
    except OSError:
        return f"{os.cpu_count()} cores"


def bench(url: str, label: str, args) -> None:
    token = _prepare(url, args.users)
    from sqlalchemy import select

    from myoscope.store import Patients, User, make_engine, session_factory

    engine = make_engine(url)
    with session_factory(engine)() as session:
        demo = session.scalar(select(User).where(User.username == "demo"))
        ids = [p.id for p in Patients(session, demo).list()]
    engine.dispose()
    port = _port()
    base = f"http://127.0.0.1:{port}"
    code = SERVER.format(src=str(ROOT / "src"), url=url, port=port, workers=args.workers)
    process = subprocess.Popen([sys.executable, "-c", code])
    try:
        _wait_up(base, process)
        for _ in range(args.workers):  # each worker: models loaded, kernels compiled, every patient assessed once
            asyncio.run(_warm(base, ids, token))
        before = _load()
        samples = asyncio.run(_run(base, args.users, args.seconds, ids, token, args.think, args.seed))
        heading = f"{label}, {args.workers} server process(es): {args.users} users, {args.seconds:g} s"
        print(f"\n{heading}\n{_mode(args.think)}\nbefore: {before}; after: {_load()}")
        _report(samples)
    finally:
        process.terminate()
        process.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=MAX_USERS)
    parser.add_argument("--seconds", type=float, default=MAX_SECONDS)
    parser.add_argument(
        "--think", type=float, default=3.0, help="mean think time in seconds (default 3: clinic); 0: saturation"
    )
    parser.add_argument("--workers", type=int, default=1, help="server processes (myoscope serve --workers)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--sqlite", action=argparse.BooleanOptionalAction, default=True, help="run on SQLite")
    parser.add_argument(
        "--postgres",
        default=os.environ.get("MYOSCOPE_TEST_POSTGRES_URL"),
        help="PostgreSQL URL (default: MYOSCOPE_TEST_POSTGRES_URL); without it SQLite only",
    )
    args = parser.parse_args()
    args.users, args.seconds = max(1, min(args.users, MAX_USERS)), min(args.seconds, MAX_SECONDS)
    args.think, args.workers = min(max(0.0, args.think), 30.0), max(1, min(args.workers, 8))
    if args.sqlite:
        with tempfile.TemporaryDirectory() as folder:
            bench(f"sqlite:///{Path(folder) / 'load.sqlite'}", "SQLite", args)
    if not args.postgres:
        print("\nPostgreSQL: skipped (set MYOSCOPE_TEST_POSTGRES_URL or give --postgres URL)")
        return
    from sqlalchemy import create_engine, text

    from myoscope.store import database_url

    base = database_url(args.postgres)
    schema = f"load_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        separator = "&" if "?" in base else "?"
        bench(f"{base}{separator}options=-csearch_path%3D{schema}", "PostgreSQL", args)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


if __name__ == "__main__":
    main()
