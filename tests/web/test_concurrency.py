"""Finding 3 (every request held SQLite's write lock to its end) and finding 12 (audit gaps), through the app."""

from __future__ import annotations

import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import create_engine, select

from myoscope.store import AuditEntry


def _audit_rows(world):
    world.app.state.audit.flush()
    engine = create_engine(world.url)
    with engine.connect() as connection:
        rows = connection.execute(
            select(AuditEntry.username, AuditEntry.action, AuditEntry.person_id, AuditEntry.detail, AuditEntry.client)
        ).all()
    engine.dispose()
    return [tuple(r) for r in rows]


def test_finding_3_reads_answer_while_another_writer_holds_the_lock(world):
    key = world.patients["healthy-active"]
    client, headers = world.client(), world.api("ann")
    paths = (
        "/api/v1/patients",
        f"/api/v1/patients/{key}",
        f"/api/v1/patients/{key}/record",
        f"/api/v1/patients/{key}/assessment",
    )
    for path in paths:  # warm: the token's last-used time is written now, the models are loaded
        client.get(path, headers=headers)
    world.app.state.audit.flush()
    holder = sqlite3.connect(world.url.removeprefix("sqlite:///"), timeout=1)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the write lock throughout
    try:
        started = time.monotonic()
        pages = [client.get(path, headers=headers).status_code for path in paths]
        elapsed = time.monotonic() - started
    finally:
        holder.rollback()
        holder.close()
    assert pages == [200, 200, 200, 200]
    assert elapsed < 4  # not waiting for the lock (the busy timeout is 30 s)


def test_finding_3_fifty_simultaneous_sign_ins_all_succeed(world):
    def sign_in(_):
        client = world.client()
        token = world.csrf(client.get("/login").text)
        return client.post(
            "/login", data={"username": "ann", "password": world.passwords["ann"], "csrf_token": token}
        ).status_code

    with ThreadPoolExecutor(max_workers=25) as pool:
        codes = list(pool.map(sign_in, range(50)))
    assert codes == [303] * 50


def test_finding_12_refused_access_is_audited_like_a_missing_patient(world):
    foreign, missing = world.patients["bo-own"], 999_999
    client = world.client()
    for key in (foreign, missing):
        assert client.get(f"/api/v1/patients/{key}", headers=world.api("ann")).status_code == 404
    refused = [r for r in _audit_rows(world) if r[1] == "refused"]
    assert {r[2] for r in refused} == {foreign, missing} and all(r[0] == "ann" for r in refused)
    assert len({r[3].replace(str(foreign), "N").replace(str(missing), "N") for r in refused}) == 1


def test_finding_12_a_list_records_the_ids_it_showed(world):
    world.client().get("/api/v1/patients", headers=world.api("ann"))
    lists = [r for r in _audit_rows(world) if r[1] == "list"]
    shown = {world.patients["healthy-active"], world.patients["als-pattern-brother"]}
    assert lists and all(str(key) in lists[-1][3] for key in shown)


def test_finding_12_failed_sign_ins_are_audited_with_the_client(world):
    client = world.client()
    token = world.csrf(client.get("/login").text)
    client.post("/login", data={"username": "ann", "password": "wrong-password", "csrf_token": token})
    assert ("ann", "sign_in_failed") in [(r[0], r[1]) for r in _audit_rows(world)]


def test_audit_entries_queued_off_the_request_path_are_written_soon(world):
    world.client().get("/api/v1/patients", headers=world.api("bo"))
    deadline = time.monotonic() + 5
    engine = create_engine(world.url)
    try:
        while time.monotonic() < deadline:
            with engine.connect() as connection:
                if connection.execute(select(AuditEntry.id).where(AuditEntry.username == "bo")).first():
                    return
            time.sleep(0.05)
    finally:
        engine.dispose()
    raise AssertionError("the queued audit entry was not written within 5 s")


def test_token_last_used_is_written_at_most_once_a_minute(world):
    from myoscope.store import ApiToken

    client, headers = world.client(), world.api("ann")
    touched = []
    queue = world.app.state.audit
    original = queue.touch_token
    queue.touch_token = lambda token_id: (touched.append(token_id), original(token_id))
    for _ in range(5):
        client.get("/api/v1/patients", headers=headers)
        queue.flush()
    assert len(touched) == 1
    engine = create_engine(world.url)
    with engine.connect() as connection:
        assert connection.execute(select(ApiToken.last_used_at).where(ApiToken.id == touched[0])).scalar()
    engine.dispose()
    assert threading.active_count() >= 1
