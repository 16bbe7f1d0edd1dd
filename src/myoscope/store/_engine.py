"""Where the database is and how to connect: SQLite file by default, PostgreSQL by URL.

``MYOSCOPE_DATABASE_URL`` chooses the database (``postgresql://user:pass@host/db`` or
``sqlite:///path``); without it, an SQLite file in the user's data folder
(``$XDG_DATA_HOME/myoscope/myoscope.sqlite``, else ``~/.local/share/myoscope/``).
SQLite runs with write-ahead logging, foreign keys on and a busy timeout.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from sqlalchemy.engine.interfaces import DBAPIConnection
    from sqlalchemy.pool import ConnectionPoolEntry, PoolProxiedConnection

ENV_URL = "MYOSCOPE_DATABASE_URL"
SQLITE_BUSY_TIMEOUT_MS = 30000
POOL_SIZE = 20
"""Connections kept open per engine: at least what serves requests at once under load. With fewer, a
busy server opens and closes an overflow connection per request (a new server process on PostgreSQL)."""
POOL_OVERFLOW = 20
PING_AFTER_IDLE_S = 30.0
"""A pooled PostgreSQL connection idle this long is checked (one round trip) before it is used again;
one used just now is not (a check on every request costs a round trip each)."""


def data_dir() -> Path:
    """The user's data folder for myoscope (not created here)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "myoscope"


def database_url(url: str | None = None) -> str:
    """``url``, else ``MYOSCOPE_DATABASE_URL``, else the default SQLite file; PostgreSQL URLs use psycopg 3."""
    url = url or os.environ.get(ENV_URL)
    if not url:
        return f"sqlite:///{data_dir() / 'myoscope.sqlite'}"
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _sqlite_pragmas(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")  # with WAL: a committed change survives a killed process
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


def private_file(path: Path) -> None:
    """Create the SQLite file readable by its owner only (0600) before SQLite opens it; SQLite gives its
    ``-wal`` and ``-shm`` files the same mode. An existing file (and those beside it) is narrowed to 0600."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
    for name in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if name.exists() and name.stat().st_mode & 0o077:
            os.chmod(name, 0o600)


def make_engine(url: str | None = None) -> Engine:
    """An engine for ``url`` (see :func:`database_url`); creates the SQLite file's folder."""
    url = database_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        pool = {}
        if parsed.database and parsed.database != ":memory:" and not parsed.database.startswith("file:"):
            private_file(Path(parsed.database))
            pool = {"pool_size": POOL_SIZE, "max_overflow": POOL_OVERFLOW}
        engine = create_engine(url, connect_args={"check_same_thread": False}, **pool)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    engine = create_engine(url, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW)
    event.listen(engine, "checkin", _returned)
    event.listen(engine, "checkout", _ping_if_idle)
    return engine


def _returned(_dbapi_connection: DBAPIConnection, record: ConnectionPoolEntry | None) -> None:
    if record is not None:
        record.info["returned_at"] = time.monotonic()


def _ping_if_idle(
    dbapi_connection: DBAPIConnection, record: ConnectionPoolEntry, _proxy: PoolProxiedConnection
) -> None:
    """Check a connection that sat idle (the server may have closed it); the pool replaces a dead one."""
    returned = record.info.get("returned_at")
    if returned is None or time.monotonic() - returned < PING_AFTER_IDLE_S:
        return
    try:
        _check(dbapi_connection)
    except Exception as error:  # noqa: BLE001 - any failure: the pool discards this connection and opens another
        raise exc.DisconnectionError() from error


def _check(dbapi_connection: DBAPIConnection) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("SELECT 1")
    finally:
        cursor.close()
    dbapi_connection.rollback()


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
