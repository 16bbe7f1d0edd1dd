"""Alembic environment: the engine comes from :func:`myoscope.store.upgrade` (or the URL setting)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from myoscope.store._tables import Base

config = context.config


def _url() -> str:
    url = config.get_main_option("sqlalchemy.url")
    if url is None:
        raise RuntimeError("migrations need an engine or a sqlalchemy.url")
    return url


def run_migrations() -> None:
    engine = config.attributes.get("engine") or create_engine(_url())
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations()
