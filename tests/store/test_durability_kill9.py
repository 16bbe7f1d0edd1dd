"""Kill -9 durability: every write the web app acknowledged survives a SIGKILL of the server.

The real ``myoscope serve`` runs as a child process on 127.0.0.1 over a database in the test's
folder (SQLite file, or a fresh PostgreSQL schema). Writer threads send a stream of API writes
(new patients, visits with a measurement); a write counts as acknowledged only when its 2xx
response has arrived. The server is killed with SIGKILL while writes are in flight, restarted on
the same database, and every acknowledged write must be there, with its audit entry, and the
database must be consistent: SQLite's integrity and foreign-key checks pass, and every patient
the app lists (also those whose write was cut off unacknowledged) opens with a whole record.
Three kills in one test; every request, the server start and the test as a whole are bounded.
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import make_url

import myoscope
from myoscope.store import AuditEntry, add_user, issue_token, make_engine, session_factory, upgrade

HOST = "127.0.0.1"
KILLS = 3
WRITERS = 3
REQUEST_TIMEOUT = 10.0  # seconds, for every request
START_TIMEOUT = 40.0  # seconds until the server answers an API call
MIN_ACKS_BEFORE_KILL = 20  # acknowledged writes in a round before the kill
ROUND_TIMEOUT = 20.0  # seconds a round may take to reach them
VISIT_DATE = "2026-06-01"


@dataclass
class Acks:
    """What the server acknowledged, shared by the writer threads."""

    patients: dict[int, str] = field(default_factory=dict)  # patient id -> person id
    visits: dict[int, int] = field(default_factory=dict)  # visit id -> patient id
    cut_off: int = 0  # writes sent that got no response (in flight at the kill)
    refused: list[str] = field(default_factory=list)  # non-2xx answers: none expected
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self) -> int:
        with self.lock:
            return len(self.patients) + len(self.visits)


class Server:
    """``myoscope serve`` in a child process; :meth:`kill` sends SIGKILL."""

    def __init__(self, url: str, folder: Path, token: str):
        self.url, self.folder, self.token = url, folder, token
        self.process: subprocess.Popen | None = None
        self.port = 0
        self.starts = 0

    def start(self) -> None:
        self.port = _free_port()
        self.starts += 1
        log = open(self.folder / f"server-{self.starts}.log", "wb")  # noqa: SIM115 - closed below
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([_source_dir(), os.environ.get("PYTHONPATH", "")]),
            "XDG_DATA_HOME": str(self.folder / "data"),
            "HOME": str(self.folder),
        }
        env.pop("MYOSCOPE_DATABASE_URL", None)
        try:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    "from myoscope.cli import main; main()",
                    "serve",
                    "--port",
                    str(self.port),
                    "--database",
                    self.url,
                ],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=self.folder,
            )
        finally:
            log.close()
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the server exited with {self.process.returncode}: {self.log()}")
            try:
                status, _ = self.call("GET", "/api/v1/patients", timeout=2.0)
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise AssertionError(f"the server did not answer within {START_TIMEOUT} s: {self.log()}")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()  # SIGKILL
            self.process.wait(timeout=10)

    def log(self) -> str:
        return (self.folder / f"server-{self.starts}.log").read_text(errors="replace")[-2000:]

    def connection(self, timeout: float = REQUEST_TIMEOUT) -> http.client.HTTPConnection:
        return http.client.HTTPConnection(HOST, self.port, timeout=timeout)

    def call(self, method: str, path: str, body=None, connection=None, timeout: float = REQUEST_TIMEOUT):
        """(status, parsed JSON body) of one request with the bearer token."""
        own = connection is None
        connection = connection or self.connection(timeout)
        try:
            headers = {"Authorization": f"Bearer {self.token}"}
            data = None
            if body is not None:
                data = json.dumps(body).encode()
                headers["Content-Type"] = "application/json"
            connection.request(method, path, body=data, headers=headers)
            response = connection.getresponse()
            raw = response.read()
            return response.status, (json.loads(raw) if raw else None)
        finally:
            if own:
                connection.close()


def _source_dir() -> str:
    """The folder this test imported ``myoscope`` from, so the server runs the same code."""
    return str(Path(myoscope.__file__).resolve().parents[1])


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _writer(server: Server, acks: Acks, name: str, stop: threading.Event) -> None:
    """Create patients and add a visit to each until stopped or the server goes away."""
    connection = server.connection()
    try:
        for n in range(10_000):
            if stop.is_set():
                return
            person_id = f"{name}-{n}"
            record = {"person": {"id": person_id, "sex": "female", "birth_date": "1960-05-01"}}
            made = _ack(server, acks, connection, "POST", "/api/v1/patients", {"record": record})
            if made is None:
                return
            with acks.lock:
                acks.patients[made["id"]] = person_id
            visit = {
                "date": VISIT_DATE,
                "note": f"visit of {person_id}",
                "measurements": [{"kind": "body_weight", "value": f"{60 + n % 20} kg"}],
            }
            added = _ack(server, acks, connection, "POST", f"/api/v1/patients/{made['id']}/visits", visit)
            if added is None:
                return
            with acks.lock:
                acks.visits[added["id"]] = made["id"]
    finally:
        connection.close()


def _ack(server: Server, acks: Acks, connection, method: str, path: str, body) -> dict | None:
    """The 2xx answer's body; None when the write got no answer (server killed) or was refused."""
    try:
        status, answer = server.call(method, path, body, connection=connection)
    except (OSError, http.client.HTTPException):
        with acks.lock:
            acks.cut_off += 1
        return None
    if not 200 <= status < 300:
        with acks.lock:
            acks.refused.append(f"{method} {path}: {status} {str(answer)[:200]}")
        return None
    return answer


def _write_then_kill(server: Server, acks: Acks, round_no: int) -> None:
    """Start writers, wait for some acknowledged writes, then SIGKILL the server while they write."""
    before = acks.count()
    stop = threading.Event()
    threads = [
        threading.Thread(target=_writer, args=(server, acks, f"k{round_no}w{i}", stop), daemon=True)
        for i in range(WRITERS)
    ]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + ROUND_TIMEOUT
    while acks.count() - before < MIN_ACKS_BEFORE_KILL and time.monotonic() < deadline and not acks.refused:
        time.sleep(0.02)
    server.kill()
    stop.set()
    for thread in threads:
        thread.join(timeout=REQUEST_TIMEOUT + 5)
    assert not any(thread.is_alive() for thread in threads), "a writer hung after the kill"
    assert not acks.refused, acks.refused[:5]
    assert acks.count() - before >= MIN_ACKS_BEFORE_KILL, f"round {round_no}: too few writes before the deadline"


def _check_all_present(server: Server, acks: Acks, url: str) -> None:
    """Every acknowledged write is served, with its audit entry; every listed patient opens whole."""
    status, listed = server.call("GET", "/api/v1/patients")
    assert status == 200
    served = {p["id"]: p["person_id"] for p in listed}
    missing = {key: person for key, person in acks.patients.items() if served.get(key) != person}
    assert not missing, f"acknowledged patients lost: {sorted(missing.items())[:10]}"
    visits: set[int] = set()
    for key in served:
        status, record = server.call("GET", f"/api/v1/patients/{key}/record")
        assert status == 200 and record["person"]["id"] == served[key], (key, status)
        status, rows = server.call("GET", f"/api/v1/patients/{key}/visits")
        assert status == 200, (key, status)
        assert all(row["measurements"] == 1 for row in rows), (key, rows)  # no visit saved without its item
        visits.update(row["id"] for row in rows)
    lost = sorted(set(acks.visits) - visits)
    assert not lost, f"acknowledged visits lost: {lost[:10]}"
    _check_audit(acks, url)


def _check_audit(acks: Acks, url: str) -> None:
    """A change commits with its audit entry: every acknowledged write has one."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                select(AuditEntry.action, AuditEntry.person_id, AuditEntry.detail).where(
                    AuditEntry.action.in_(("create", "add_visit"))
                )
            ).all()
    finally:
        engine.dispose()
    created = {person for action, person, _ in rows if action == "create"}
    assert set(acks.patients) <= created, sorted(set(acks.patients) - created)[:10]
    details = " ".join(detail for action, _, detail in rows if action == "add_visit")
    unaudited = [key for key in acks.visits if f"(visit {key} of " not in details]
    assert not unaudited, unaudited[:10]


def _check_sqlite(url: str) -> None:
    """SQLite's own checks, read-only, beside the running server."""
    path = make_url(url).database
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=REQUEST_TIMEOUT)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()


def _account(url: str) -> str:
    """A clinician of one care team and an API token for her, written through the store."""
    engine = make_engine(url)
    upgrade(engine)
    try:
        with session_factory(engine)() as session, session.begin():
            user = add_user(session, "kit", "kit-password-12", "clinician", ("rehab",))
            return issue_token(session, user, "kill -9 test")
    finally:
        engine.dispose()


def test_no_acknowledged_write_is_lost_when_the_server_is_killed(db_url, tmp_path):
    started = time.monotonic()
    server = Server(db_url, tmp_path, _account(db_url))
    acks = Acks()
    sqlite = make_url(db_url).get_backend_name() == "sqlite"
    try:
        server.start()
        for round_no in range(1, KILLS + 1):
            _write_then_kill(server, acks, round_no)
            server.start()  # the same database, after a SIGKILL
            _check_all_present(server, acks, db_url)
            if sqlite:
                _check_sqlite(db_url)
    finally:
        server.kill()
    elapsed = time.monotonic() - started
    print(
        f"kill -9 durability ({'sqlite' if sqlite else 'postgresql'}): {KILLS} kills, "
        f"{len(acks.patients)} patients and {len(acks.visits)} visits acknowledged, 0 lost, "
        f"{acks.cut_off} writes cut off unanswered, {elapsed:.1f} s"
    )
    assert server.starts == KILLS + 1
