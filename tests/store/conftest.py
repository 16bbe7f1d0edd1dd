"""Store fixtures: every store test runs on SQLite and, where ``MYOSCOPE_TEST_POSTGRES_URL`` is set, PostgreSQL.

Without that variable the PostgreSQL cases are skipped with a message, except under ``CI=true``
where they fail (``scripts/ci-services.sh`` starts a server and prints the variable). Each
PostgreSQL test gets a schema of its own, dropped afterwards, so parallel workers never meet.
"""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text

from _unavailable import unavailable
from myoscope.store import add_user, database_url, make_engine, session_factory, upgrade

POSTGRES_ENV = "MYOSCOPE_TEST_POSTGRES_URL"


def postgres_url() -> str:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        unavailable(
            f"{POSTGRES_ENV} is not set: PostgreSQL store tests skipped "
            "(run scripts/ci-services.sh to start a server and print it)"
        )
    return database_url(url)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """An empty database: an SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite'}"
        return
    base = postgres_url()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture
def engine(db_url):
    engine = make_engine(db_url)
    upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def sessions(engine):
    return session_factory(engine)


@pytest.fixture
def users(sessions):
    """ann and cy in the care team 'neuro', bo in 'geriatrics', root an admin of no team."""
    with sessions() as session, session.begin():
        made = {
            "ann": add_user(session, "ann", "ann-password-1", "clinician", ("neuro",)),
            "cy": add_user(session, "cy", "cy-password-12", "clinician", ("neuro",)),
            "bo": add_user(session, "bo", "bo-password-12", "clinician", ("geriatrics",)),
            "root": add_user(session, "root", "root-password-1", "admin", ()),
        }
        return {name: user.id for name, user in made.items()}
