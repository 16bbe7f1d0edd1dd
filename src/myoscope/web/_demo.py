"""The demo: every bundled example record in a demo care team, with a demo account.

The demo password is fixed and published (it is for a local demonstration on 127.0.0.1 only).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, select

from myoscope.store import Patients, User, add_user, session_factory

DEMO_USER = "demo"
DEMO_PASSWORD = "myoscope-demo"
DEMO_TEAM = "demo"
DEMO_PASSWORD_HASH = "$argon2id$v=19$m=65536,t=3,p=4$6fdeLG3SzPCLJ+NCwjSsvw$u5QOwopQTVLndJ2H+fd8Ib39Pjjl3B+JF8kLTgohKIg"
"""An argon2id hash of :data:`DEMO_PASSWORD`, made once: the password is published, so a hash of it made
beforehand hides nothing a fresh one would, and the demo starts without spending a hash's time (a fraction of a
second). It is used only while it has the hasher's parameters; a test checks that it verifies."""


def examples_dir() -> Path | None:
    """``examples/`` of a source checkout (None when myoscope is installed without it)."""
    folder = Path(__file__).resolve().parents[3] / "examples"
    return folder if folder.is_dir() else None


def load_demo(engine: Engine, examples: Path) -> int:
    """Create the demo account (if absent) and import each example not yet there; returns how many were imported."""
    with session_factory(engine)() as session, session.begin():
        user = session.scalar(select(User).where(User.username == DEMO_USER))
        if user is None:
            user = add_user(
                session, DEMO_USER, DEMO_PASSWORD, "clinician", (DEMO_TEAM,), published_hash=DEMO_PASSWORD_HASH
            )
        patients = Patients(session, user, via="myoscope serve --demo")
        present = {p.external_id for p in patients.list()}
        count = 0
        for path in sorted(examples.glob("*.yaml")):
            from myoscope.record import load_record

            record = load_record(path)
            if record.person.id not in present:
                patients.create(record)
                count += 1
        return count
