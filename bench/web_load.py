"""Load on the web app, loopback only: simulated clinicians signing in, listing, opening patients, saving visits,
and an integration reading assessments through the API. Prints p50/p95/p99 and errors per action.

    python bench/web_load.py                      # SQLite, 50 users, 60 s
    python bench/web_load.py --users 10 --seconds 15
    python bench/web_load.py --postgres URL       # also on PostgreSQL (a scratch schema, dropped after)

The server runs in a child process (uvicorn, one worker) on 127.0.0.1 with the bundled examples.
Its reference, timed in the same run, is the static stylesheet: what the server costs with no
database and no assessment at all. Goal for pages and API reads: p95 <= 100 ms, 0 errors.
"""

from __future__ import annotations

import argparse
import asyncio
import os
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
ACTIONS = ("sign-in", "patient list", "patient page", "visit save", "API assessment", "static (reference)")


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _prepare(url: str, users: int) -> None:
    from myoscope.store import add_user, issue_token, make_engine, session_factory, upgrade
    from myoscope.web._demo import load_demo

    engine = make_engine(url)
    upgrade(engine)
    load_demo(engine, ROOT / "examples")
    with session_factory(engine)() as session, session.begin():
        from sqlalchemy import select

        from myoscope.store import User

        demo = session.scalar(select(User).where(User.username == "demo"))
        teams = tuple(t.name for t in demo.teams)
        for n in range(users):
            add_user(session, f"load{n}", PASSWORD, "clinician", teams)
        token = issue_token(session, demo, "load")
    engine.dispose()
    return token


SERVER = """
import sys, uvicorn
sys.path.insert(0, {src!r})
from myoscope.web import Settings, create_app
uvicorn.run(create_app(Settings(database_url={url!r}, secure_cookies=False)), host="127.0.0.1", port={port},
            log_level="warning", proxy_headers=False)
"""


async def _timed(samples, name, call):
    started = time.perf_counter()
    try:
        response = await call()
        ok = response.status_code < 400
    except Exception:  # noqa: BLE001 - a dropped connection counts as an error
        ok = False
    samples.setdefault(name, []).append((time.perf_counter() - started, ok))
    return response if ok else None


async def _clinician(base, n, ids, token, deadline, samples):
    import httpx2 as httpx

    csrf = re.compile(r'name="csrf_token" value="([^"]+)"')
    limits = httpx.Limits(max_connections=2)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits, follow_redirects=False) as client:
        api = {"Authorization": f"Bearer {token}"}
        step = 0
        while time.monotonic() < deadline:
            if step % 20 == 0:
                client.cookies.clear()
                page = await client.get("/login")
                form = {"username": f"load{n}", "password": PASSWORD, "csrf_token": csrf.search(page.text).group(1)}
                await _timed(samples, "sign-in", lambda form=form: client.post("/login", data=form))
            key = ids[(n + step) % len(ids)]
            await _timed(samples, "patient list", lambda: client.get("/patients"))
            page = await _timed(samples, "patient page", lambda key=key: client.get(f"/patients/{key}"))
            if step % 5 == 0:
                form = await client.get(f"/patients/{key}/visits/new")
                match = csrf.search(form.text)
                if match:
                    data = {
                        "csrf_token": match.group(1),
                        "date": time.strftime("%Y-%m-%d"),
                        "note": f"load {n}",
                        "measurements[0].kind": "body_weight",
                        "measurements[0].value": "70 kg",
                        "action": "save",
                    }
                    await _timed(
                        samples,
                        "visit save",
                        lambda key=key, data=data: client.post(f"/patients/{key}/visits", data=data),
                    )
            await _timed(
                samples, "API assessment", lambda key=key: client.get(f"/api/v1/patients/{key}/assessment", headers=api)
            )
            await _timed(samples, "static (reference)", lambda: client.get("/static/style.css"))
            step += 1


async def _run(base, users, seconds, ids, token):
    samples: dict[str, list] = {}
    deadline = time.monotonic() + seconds
    await asyncio.gather(*(_clinician(base, n, ids, token, deadline, samples) for n in range(users)))
    return samples


async def _warm(base, ids, token):
    import httpx2 as httpx

    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        page = await client.get("/login")
        token_field = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        await client.post("/login", data={"username": "load0", "password": PASSWORD, "csrf_token": token_field})
        for key in ids:
            await client.get(f"/api/v1/patients/{key}/assessment", headers={"Authorization": f"Bearer {token}"})
            await client.get(f"/patients/{key}")


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


def _report(label: str, samples: dict[str, list]) -> dict[str, float]:
    print(f"\n{label}")
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
    reference = p95s.get("static (reference)")
    if reference:
        print(
            "p95 as a multiple of the reference: "
            + ", ".join(f"{k} {v / reference:.1f}x" for k, v in p95s.items() if k != "static (reference)")
        )
    return p95s


def bench(url: str, label: str, users: int, seconds: float) -> None:
    token = _prepare(url, users)
    from myoscope.store import Patients, User, make_engine, session_factory

    engine = make_engine(url)
    with session_factory(engine)() as session:
        from sqlalchemy import select

        demo = session.scalar(select(User).where(User.username == "demo"))
        ids = [p.id for p in Patients(session, demo).list()]
    engine.dispose()
    port = _port()
    base = f"http://127.0.0.1:{port}"
    code = SERVER.format(src=str(ROOT / "src"), url=url, port=port)
    process = subprocess.Popen([sys.executable, "-c", code])
    try:
        _wait_up(base, process)
        asyncio.run(_warm(base, ids, token))  # models loaded, kernels compiled, every patient assessed once
        _report(f"{label}: {users} users, {seconds:g} s", asyncio.run(_run(base, users, seconds, ids, token)))
    finally:
        process.terminate()
        process.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=MAX_USERS)
    parser.add_argument("--seconds", type=float, default=MAX_SECONDS)
    parser.add_argument(
        "--postgres",
        default=os.environ.get("MYOSCOPE_TEST_POSTGRES_URL"),
        help="PostgreSQL URL (default: MYOSCOPE_TEST_POSTGRES_URL); without it SQLite only",
    )
    args = parser.parse_args()
    users, seconds = min(args.users, MAX_USERS), min(args.seconds, MAX_SECONDS)
    with tempfile.TemporaryDirectory() as folder:
        bench(f"sqlite:///{Path(folder) / 'load.sqlite'}", "SQLite", users, seconds)
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
        bench(f"{base}{separator}options=-csearch_path%3D{schema}", "PostgreSQL", users, seconds)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


if __name__ == "__main__":
    main()
