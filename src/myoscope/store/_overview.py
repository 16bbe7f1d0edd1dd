"""The patient list of a clinic: search by name, id or identifier; age, last visit and red-flag marker; sort; pages.

The red-flag marker is read from :class:`~myoscope.store._people_tables.PatientFlags`, written
off the request path by whoever runs assessments (the store never does): a marker counts only
while it was computed from the record's current version (``Person.updated_at``) on today's date,
else the row says it is still being checked and is handed back in :attr:`Page.stale` so the caller
can have it computed. Only the rows of the page shown are audited, each by id.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from sqlalchemy import Engine, Select, String, bindparam, case, func, or_, select, union_all
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, lazyload

from myoscope.record import Record
from myoscope.store import _codec
from myoscope.store._accounts import aware
from myoscope.store._entries import live_entries
from myoscope.store._people_tables import PatientFlags, PersonDetails, PersonIdentifier
from myoscope.store._repository import Patients, _list_details
from myoscope.store._tables import SECTION_TABLES, Membership, Person, Team, Visit

PER_PAGE = 50
MAX_MATCHES = 5000
"""At most this many matching patients (the most recently updated) are sorted; a search narrows further."""


class Sort(str, Enum):
    id = "id"
    name = "name"
    age = "age"
    last_visit = "last_visit"
    flags = "flags"


@dataclass(frozen=True, slots=True)
class Flags:
    count: int | None
    """None: the record could not be assessed."""
    urgent: bool
    codes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Row:
    id: int
    external_id: str
    name: str
    sex: str | None
    age: int | None
    age_stated: bool
    """The age is the one stated in the record (no birth date)."""
    team: str
    last_visit: dt.date | None
    flags: Flags | None
    """None while being checked."""


@dataclass(frozen=True, slots=True)
class Page:
    rows: tuple[Row, ...]
    total: int
    page: int
    pages: int
    truncated: bool
    """More than :data:`MAX_MATCHES` patients matched."""
    stale: tuple[tuple[int, str], ...]
    """(patient, version) of the rows shown whose marker is missing or out of date."""


def version_of(updated_at: dt.datetime) -> str:
    """The version of a record that a red-flag marker belongs to (in UTC, whatever zone the database answered in)."""
    return aware(updated_at).astimezone(dt.UTC).isoformat()


def _age(person: dict[str, Any], today: dt.date) -> tuple[int | None, bool]:
    born = person.get("birth_date")
    if born:
        day = dt.date.fromisoformat(born)
        return today.year - day.year - ((today.month, today.day) < (day.month, day.day)), False
    age = person.get("age")
    return (int(age), True) if age is not None else (None, False)


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _flags(row: PatientFlags | None, version: str, today: dt.date) -> Flags | None:
    if row is None or row.version != version or row.computed_on != today:
        return None
    return Flags(row.count, row.urgent, tuple(c for c in row.codes.split(",") if c))


def _sort_key(sort: Sort) -> Callable[[Row], tuple[Any, ...]]:
    def key(row: Row) -> tuple[Any, ...]:
        if sort is Sort.name:
            value: Any = row.name.casefold() or None
        elif sort is Sort.age:
            value = row.age
        elif sort is Sort.last_visit:
            value = row.last_visit
        elif sort is Sort.flags:
            value = None if row.flags is None or row.flags.count is None else (row.flags.urgent, row.flags.count)
        else:
            value = row.external_id.casefold()
        return (value is None, value if value is not None else 0, row.external_id.casefold(), row.id)

    return key


def _withdrawn_visits() -> Select[Any]:
    """Visits whose every entry was withdrawn: they no longer count as a visit (a visit saved empty still does).

    One pass over the sections' rows (a visit's rows, live or not, grouped), not one per kind of row:
    the database plans this part of the list's query on every list shown."""
    rows = union_all(
        *(
            select(t.visit_id.label("visit_id"), case((t.withdrawn_at.is_(None), 1), else_=0).label("live"))
            for t in SECTION_TABLES.values()
        )
    ).subquery("entry_rows")
    return (
        select(rows.c.visit_id)
        .where(rows.c.visit_id.is_not(None))
        .group_by(rows.c.visit_id)
        .having(func.max(rows.c.live) == 0)
    )


def _list_statement(searching: bool) -> Select[Any]:
    """The list's one query for a user (``user_id``), with the search's patterns (``pattern``, ``name_pattern``)
    when ``searching``. Built once per shape: the same statement object keeps its cache key and compiled SQL."""
    last_visit = (
        select(Visit.person_id, func.max(Visit.date).label("last"))
        .where(Visit.id.not_in(_withdrawn_visits()))
        .group_by(Visit.person_id)
        .subquery()
    )
    query = (
        select(Person, Team.name, PersonDetails.name, last_visit.c.last, PatientFlags)
        .join(Team, Team.id == Person.team_id)
        .outerjoin(PersonDetails, PersonDetails.person_id == Person.id)
        .outerjoin(last_visit, last_visit.c.person_id == Person.id)
        .outerjoin(PatientFlags, PatientFlags.person_id == Person.id)
        .where(Person.team_id.in_(select(Membership.team_id).where(Membership.user_id == bindparam("user_id"))))
        .options(lazyload(Person.team))  # its name is a column of the query already
    )
    if searching:
        pattern = bindparam("pattern", type_=String)
        identified = select(PersonIdentifier.person_id).where(PersonIdentifier.value.ilike(pattern, escape="\\"))
        query = query.where(
            or_(
                Person.external_id.ilike(pattern, escape="\\"),
                PersonDetails.name_key.like(bindparam("name_pattern", type_=String), escape="\\"),
                Person.id.in_(identified),
            )
        )
    return query.order_by(Person.updated_at.desc(), Person.id.desc()).limit(MAX_MATCHES + 1)


LIST = {searching: _list_statement(searching) for searching in (False, True)}


def overview(
    scope: Patients,
    search: str | None = None,
    sort: Sort = Sort.last_visit,
    descending: bool = True,
    page: int = 1,
    per_page: int = PER_PAGE,
    today: dt.date | None = None,
) -> Page:
    """One page of the user's patients matching ``search`` (id, name or another identifier), sorted.

    Patients without the sorted value come last in either direction."""
    session, today = scope.session, today or dt.date.today()
    values: dict[str, Any] = {"user_id": scope.user.id}
    if search:
        values.update(pattern=_like(search.strip()[:100]), name_pattern=_like(" ".join(search.split()).casefold()))
    found = session.execute(LIST[bool(search)], values).all()
    truncated = len(found) > MAX_MATCHES
    rows, versions = [], {}
    for person, team, name, last, flag_row in found[:MAX_MATCHES]:
        age, stated = _age(person.person, today)
        versions[person.id] = version_of(person.updated_at)
        flags = _flags(flag_row, versions[person.id], today)
        rows.append(
            Row(person.id, person.external_id, name or "", person.person.get("sex"), age, stated, team, last, flags)
        )
    present = [r for r in rows if _sort_key(sort)(r)[0] is False]
    absent = [r for r in rows if _sort_key(sort)(r)[0] is True]
    present.sort(key=_sort_key(sort), reverse=descending)
    absent.sort(key=_sort_key(Sort.id))
    ordered = present + absent
    pages = max(1, math.ceil(len(ordered) / per_page))
    page = min(max(1, page), pages)
    shown = tuple(ordered[(page - 1) * per_page : page * per_page])
    for detail in _list_details(scope.via, [r.id for r in shown]):
        scope.audit("list", detail=detail)
    stale = tuple((r.id, versions[r.id]) for r in shown if r.flags is None)
    return Page(shown, len(ordered), page, pages, truncated, stale)


def records_to_flag(engine: Engine, wanted: Iterable[tuple[int, str]]) -> list[tuple[int, str, Record | None]]:
    """The records of patients whose marker is due, each with the version it is read at.

    For the background worker that computes markers (no user: the ids come from a list that was
    scoped and audited). The version is read before the rows, so a change made meanwhile can only
    make the marker look older than it is, never newer. A record that no longer validates is None.
    """
    out: list[tuple[int, str, Record | None]] = []
    with Session(engine) as session:
        for person_id, _seen in wanted:
            person = session.get(Person, person_id)
            if person is None:
                continue
            version = version_of(person.updated_at)
            try:
                entries = live_entries(session, person_id)
                record: Record | None = _codec.build(person.person, entries.sections(), asked=entries.asked_sections())
            except Exception:  # noqa: BLE001 - shown as "could not assess", never hidden
                record = None
            out.append((person_id, version, record))
    return out


def save_flags(engine: Engine, person_id: int, version: str, flags: Flags, computed_on: dt.date | None = None) -> None:
    """Store the marker of ``version`` (insert or replace; a patient deleted meanwhile is skipped)."""
    values = {
        "person_id": person_id,
        "version": version,
        "computed_on": computed_on or dt.date.today(),
        "count": flags.count,
        "urgent": flags.urgent,
        "codes": ",".join(flags.codes)[:500],
    }
    insert = pg_insert if engine.dialect.name == "postgresql" else sqlite_insert
    statement = insert(PatientFlags).values(**values)
    statement = statement.on_conflict_do_update(
        index_elements=[PatientFlags.person_id], set_={k: v for k, v in values.items() if k != "person_id"}
    )
    with Session(engine) as session, session.begin():
        if session.get(Person, person_id) is not None:
            session.execute(statement)
