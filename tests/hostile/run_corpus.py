"""Run hostile files through ``myoscope validate``, ``myoscope assess`` and the web import, in one process.

Called by the test as ``python run_corpus.py FOLDER DATABASE_URL``; prints one JSON object: per file
the exit codes, the import's HTTP status and the slowest time, plus the process's peak memory and
its memory after one valid record (every library loaded) before the hostile files.
An "internal error" is an exception escaping a command or a 5xx from the web app.
"""

from __future__ import annotations

import json
import re
import resource
import sys
import time
from pathlib import Path


def _cli(app, runner, command: str, path: Path) -> tuple[str, float]:
    started = time.monotonic()
    result = runner.invoke(app, [command, str(path)])
    elapsed = time.monotonic() - started
    escaped = result.exception is not None and not isinstance(result.exception, SystemExit)
    if escaped or result.exit_code not in (0, 2) or "internal error" in result.output:
        return f"internal error: {type(result.exception).__name__}: {str(result.exception)[:200]}", elapsed
    return str(result.exit_code), elapsed


def _web(url: str):
    from fastapi.testclient import TestClient

    from myoscope.store import add_user, make_engine, session_factory, upgrade
    from myoscope.web import Settings, create_app

    engine = make_engine(url)
    upgrade(engine)
    with session_factory(engine)() as session, session.begin():
        add_user(session, "corpus", "corpus-password-1", "clinician", ("hostile",))
    engine.dispose()
    client = TestClient(create_app(Settings(database_url=url)), base_url="https://testserver", follow_redirects=False)
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text).group(1)
    client.post("/login", data={"username": "corpus", "password": "corpus-password-1", "csrf_token": token})
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/patients").text).group(1)
    return client, csrf


def main(folder: str, url: str) -> None:
    from typer.testing import CliRunner

    from myoscope.cli import app

    runner = CliRunner()
    client, csrf = _web(url)
    results = {}
    paths = sorted(Path(folder).iterdir())
    warm = Path(folder).parent / "warm-up.yaml"  # a valid record first: what every command loads, loaded
    warm.write_text("person: {id: warm, age: 60}\nmeasurements: [{kind: body_weight, date: 2026-01-05, value: 70}]\n")
    _cli(app, runner, "assess", warm)
    client.post("/patients/import", data={"csrf_token": csrf}, files={"file": (warm.name, warm.read_bytes())})
    baseline_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for path in paths:
        validate, t1 = _cli(app, runner, "validate", path)
        assess, t2 = _cli(app, runner, "assess", path)
        started = time.monotonic()
        response = client.post(
            "/patients/import",
            data={"csrf_token": csrf},
            files={"file": (path.name, path.read_bytes(), "application/octet-stream")},
        )
        t3 = time.monotonic() - started
        results[path.name] = {
            "validate": validate,
            "assess": assess,
            "import": response.status_code,
            "slowest": round(max(t1, t2, t3), 3),
        }
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    json.dump({"files": results, "peak_mb": round(peak_mb, 1), "baseline_mb": round(baseline_mb, 1)}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
