"""Every write to a patient's rows moves the patient's ``updated_at``: the version caches key on.

A listener on every ORM session, before each flush: a new, changed or deleted visit or section
row, or a change to the patient's own columns, sets the
patient's ``updated_at`` to now, and always later than the value it had (two writes within one
clock tick still give two versions). Derived results kept elsewhere (the web app's assessments
and charts) are keyed by ``(patient id, updated_at)``, read from the database, so no process can
show a result of an older version of the record.

Bulk statements (``session.execute(update(...))``) bypass the ORM's unit of work and so this
listener: code that changes patients' rows that way must move ``updated_at`` itself.
"""

from __future__ import annotations

import datetime as dt
from itertools import chain

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from myoscope.store._asked import AskedNoneRow
from myoscope.store._tables import SECTION_TABLES, Person, Visit, utcnow

TICK = dt.timedelta(microseconds=1)
PATIENT_ROWS: tuple[type, ...] = (Visit, *SECTION_TABLES.values(), AskedNoneRow)
"""What belongs to a patient's record (audit entries name a patient too, but are no part of it)."""


def _later(old: dt.datetime | None, now: dt.datetime) -> dt.datetime:
    if old is None:
        return now
    old = old if old.tzinfo else old.replace(tzinfo=dt.UTC)
    return max(now, old + TICK)


def _changed_columns(person: Person) -> bool:
    state = inspect(person)
    return any(state.attrs[name].history.has_changes() for name in ("person", "external_id", "team_id"))


@event.listens_for(Session, "before_flush")
def _move_versions(session: Session, _context: object, _instances: object) -> None:
    now = utcnow()
    owners: set[int] = set()
    for obj in chain(session.new, session.dirty, session.deleted):
        if isinstance(obj, Person):
            if obj not in session.new and (obj in session.deleted or _changed_columns(obj)):
                owners.add(obj.id)
        elif isinstance(obj, PATIENT_ROWS) and isinstance(owner := getattr(obj, "person_id", None), int):
            owners.add(owner)
    for key in owners:
        person = session.get(Person, key)
        if person is not None and person not in session.deleted:
            person.updated_at = _later(person.updated_at, now)
