"""Migrations run from an empty database to head (and back) on SQLite and PostgreSQL, and match the models."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from myoscope.store import Base, current_revision, downgrade, head_revision, make_engine, upgrade


def test_upgrade_from_empty_reaches_head_and_matches_the_models(db_url):
    engine = make_engine(db_url)
    try:
        assert current_revision(engine) is None
        upgrade(engine)
        assert current_revision(engine) == head_revision()
        assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
        with engine.connect() as connection:
            assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    finally:
        engine.dispose()


def test_downgrade_to_base_removes_every_table_and_upgrade_again(db_url):
    engine = make_engine(db_url)
    try:
        upgrade(engine)
        downgrade(engine, "base")
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        upgrade(engine)
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()
