"""The database URL and connection settings."""

from __future__ import annotations

from sqlalchemy import text

from myoscope.store import ENV_URL, database_url, make_engine


def test_default_url_is_an_sqlite_file_in_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv(ENV_URL, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert database_url() == f"sqlite:///{tmp_path / 'myoscope' / 'myoscope.sqlite'}"


def test_environment_variable_chooses_postgresql_with_psycopg(monkeypatch):
    monkeypatch.setenv(ENV_URL, "postgresql://u:p@127.0.0.1/db")
    assert database_url() == "postgresql+psycopg://u:p@127.0.0.1/db"
    assert database_url("postgres://h/x") == "postgresql+psycopg://h/x"
    assert database_url("sqlite:///a.sqlite") == "sqlite:///a.sqlite"


def test_sqlite_runs_with_wal_and_foreign_keys(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'sub' / 'x.sqlite'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()
    assert (tmp_path / "sub" / "x.sqlite").exists()


def test_finding_12_the_sqlite_file_and_its_wal_are_private_to_their_owner(tmp_path):
    import os
    import stat

    from myoscope.store import upgrade

    path = tmp_path / "private.sqlite"
    old = os.umask(0o022)
    try:
        engine = make_engine(f"sqlite:///{path}")
        upgrade(engine)
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE t (x INTEGER)"))
            connection.execute(text("INSERT INTO t VALUES (1)"))
            modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir()}
        engine.dispose()
    finally:
        os.umask(old)
    assert {"private.sqlite", "private.sqlite-wal", "private.sqlite-shm"} <= set(modes)
    assert set(modes.values()) == {0o600}, modes
