"""Finding 3 (load): connections are kept across requests, and a PostgreSQL connection is checked
only after it sat idle, not with a round trip before every request."""

from __future__ import annotations

from sqlalchemy import event, text

from myoscope.store import _engine, make_engine


def _connects(engine) -> list[int]:
    opened: list[int] = []
    event.listen(engine, "connect", lambda *_: opened.append(1))
    return opened


def test_finding_3_concurrent_requests_reuse_pooled_connections(db_url):
    """Fifteen requests at once, three times over: fifteen connections opened in all (a pool of five
    kept only five, closing and reopening ten at every burst)."""
    engine = make_engine(db_url)
    opened = _connects(engine)
    for _ in range(3):
        held = [engine.connect() for _ in range(15)]
        for connection in held:
            connection.execute(text("SELECT 1"))
        for connection in held:
            connection.close()
    engine.dispose()
    assert len(opened) == 15


def _pings(monkeypatch) -> list[int]:
    seen: list[int] = []
    original = _engine._check

    def counting(dbapi_connection):
        seen.append(1)
        original(dbapi_connection)

    monkeypatch.setattr(_engine, "_check", counting)
    return seen


def test_finding_3_postgresql_connection_in_use_is_not_pinged_an_idle_one_is(db_url, monkeypatch):
    if not db_url.startswith("postgresql"):
        return  # SQLite has no server to lose
    engine = make_engine(db_url)
    pings = _pings(monkeypatch)
    for _ in range(10):
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    assert pings == []  # used back to back: no extra round trip
    monkeypatch.setattr(_engine, "PING_AFTER_IDLE_S", 0.0)
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    engine.dispose()
    assert pings == [1]


def test_finding_3_postgresql_connection_closed_by_the_server_is_replaced(db_url, monkeypatch):
    if not db_url.startswith("postgresql"):
        return
    engine = make_engine(db_url)
    with engine.connect() as connection:
        pid = connection.execute(text("SELECT pg_backend_pid()")).scalar()
    killer = make_engine(db_url)
    with killer.begin() as connection:
        assert connection.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid}).scalar()
    killer.dispose()
    monkeypatch.setattr(_engine, "PING_AFTER_IDLE_S", 0.0)  # the pooled connection counts as idle
    with engine.connect() as connection:
        assert connection.execute(text("SELECT pg_backend_pid()")).scalar() != pid
    engine.dispose()
