"""The one way to patients' data: scoped to the user's care teams, every read and write audited.

:class:`Patients` is built for one user and only ever finds patients of that user's care
teams; anything else is :class:`NotFound`, exactly as if it did not exist. Admins are no
exception: their role manages accounts, and they see patients only of the teams they belong to.
Audit entries are added to the same session, so they commit (or roll back) with the change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, inspect, select, update
from sqlalchemy.orm import Session

from myoscope.errors import InputError, Problem, shorten
from myoscope.record import (
    MAX_ID,
    InstrumentAnswers,
    Record,
    canonical_answers,
    check_date,
    check_record,
    hidden_character,
    parse_record,
    parse_text,
)
from myoscope.store import _asked, _codec
from myoscope.store._entries import LiveEntries, Measured, live_entries
from myoscope.store._tables import (
    MAX_NOTE_CHARS,
    SECTION_TABLES,
    AuditEntry,
    Membership,
    Person,
    Team,
    User,
    Visit,
    utcnow,
)

if TYPE_CHECKING:
    from myoscope.store._audit import AuditQueue
    from myoscope.store._history import Corrections

DATED_SECTIONS = ("measurements", "instruments", "diet_days", "spinal_exams")
"""Sections whose items take the visit's date when they have none."""


class NotFound(LookupError):
    """No such patient for this user (it may exist for another care team: that is never said)."""


@dataclass
class VisitView:
    visit: Visit
    by: str
    measurements: list[Measured] = field(default_factory=list)
    instruments: list[str] = field(default_factory=list)
    other: dict[str, int] = field(default_factory=dict)
    asked_none: list[str] = field(default_factory=list)
    """Record sections this visit recorded as asked with nothing found (answers in force)."""


READ_ACTIONS = frozenset({"list", "read", "export", "refused"})
"""Audited actions that change nothing: with an ``audit_queue`` they are written off the request path."""


class Patients:
    """Patients of ``user``'s care teams; ``via`` (e.g. the request) and ``client`` go into the audit log.

    Changes are audited in the session, so they commit (or roll back) together; reads and refusals
    go to ``audit_queue`` when given (:class:`myoscope.store.AuditQueue`), else to the session too.
    """

    def __init__(
        self, session: Session, user: User, *, via: str = "", client: str = "", audit_queue: AuditQueue | None = None
    ) -> None:
        self.session = session
        self.user = user
        self.via = via[:500]
        self.client = client[:100]
        self._queue = audit_queue

    def audit(self, action: str, person_id: int | None = None, detail: str = "") -> None:
        entry = {
            "user_id": self.user.id,
            "username": self.user.username,
            "action": action,
            "person_id": person_id,
            "detail": (detail or self.via)[:500],
            "client": self.client,
        }
        if self._queue is not None and action in READ_ACTIONS:
            self._queue.add(**entry)
        else:
            self.session.add(AuditEntry(**entry))

    def _team_ids(self) -> Select[int]:
        return select(Membership.team_id).where(Membership.user_id == self.user.id)

    def teams(self) -> list[Team]:
        """The user's care teams by name: as loaded with the user in this session (a browser's session
        loads them with it), else read now."""
        state = inspect(self.user)
        if state.session is self.session and "teams" not in state.unloaded:
            return sorted(self.user.teams, key=lambda t: t.name)
        return list(self.session.scalars(select(Team).where(Team.id.in_(self._team_ids())).order_by(Team.name)))

    def list(self, search: str | None = None) -> list[Person]:
        query = select(Person).where(Person.team_id.in_(self._team_ids()))
        if search:
            pattern = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            query = query.where(Person.external_id.ilike(pattern, escape="\\"))
        people = list(self.session.scalars(query.order_by(Person.updated_at.desc(), Person.id.desc())))
        for detail in _list_details(self.via, [p.id for p in people]):
            self.audit("list", detail=detail)
        return people

    def open(self, person_id: int | str) -> Patient:
        """The patient, if in one of the user's care teams (audited as a read); else :class:`NotFound`."""
        try:
            key = int(person_id)
        except (TypeError, ValueError):
            key = None
        if key is None or not 1 <= key <= MAX_ID:
            self.audit("refused", None, f"{self.via} (no patient {shorten(person_id)[:40]} for this user)")
            raise NotFound(person_id)
        person = self.session.scalar(select(Person).where(Person.id == key, Person.team_id.in_(self._team_ids())))
        if person is None:
            # outside the user's care teams or missing: the same answer, and the same audit entry
            self.audit("refused", key, f"{self.via} (no patient {key} for this user)")
            raise NotFound(person_id)
        self.audit("read", person.id)
        return Patient(self, person)

    def _team_for(self, team_id: int | None) -> Team:
        teams = self.teams()
        if team_id is None and len(teams) == 1:
            return teams[0]
        chosen = next((t for t in teams if t.id == team_id), None)
        if chosen is None:
            raise InputError(
                [
                    Problem(
                        "team",
                        team_id,
                        "is not one of your care teams",
                        ", ".join(f"{t.id} ({t.name})" for t in teams) or "none: ask an admin",
                    )
                ]
            )
        return chosen

    def create(self, record: Record, team_id: int | None = None) -> Patient:
        """Save a whole (validated) record as a new patient of one of the user's teams."""
        check_record(record)
        team = self._team_for(team_id)
        taken = self.session.scalar(
            select(Person.id).where(Person.team_id == team.id, Person.external_id == record.person.id)
        )
        if taken is not None:
            raise InputError(
                [Problem("person.id", record.person.id, f"is already the id of a patient of the care team {team.name}")]
            )
        person = Person(team_id=team.id, external_id=record.person.id, person=_codec.person_data(record))
        self.session.add(person)
        self.session.flush()
        patient = Patient(self, person)
        patient._save_by_date(record)
        _asked.add(self.session, person.id, _asked.empty_sections(record), None)
        self.audit("create", person.id)
        return patient

    def import_text(self, text: str, suffix: str, team_id: int | None = None) -> Patient:
        """Create a patient from the text of a YAML or JSON record file."""
        return self.create(parse_record(parse_text(text, suffix)), team_id)


class Patient:
    """One patient the user may see; made only by :meth:`Patients.open` and :meth:`Patients.create`."""

    def __init__(self, scope: Patients, person: Person):
        self._scope = scope
        self.person = person
        self._record: Record | None = None
        self._live: LiveEntries | None = None

    @property
    def id(self) -> int:
        return self.person.id

    @property
    def session(self) -> Session:
        return self._scope.session

    def _entries(self) -> LiveEntries:
        """Its live entries of every section (one query, kept until this object writes to them)."""
        if self._live is None:
            self._live = live_entries(self.session, self.id)
        return self._live

    def _forget(self) -> None:
        """The record or its entries changed: read them again when next asked."""
        self._record = None
        self._live = None

    def _lock(self) -> None:
        """Take this patient's write lock, held to the end of the transaction, and read the entries again: a
        visit checked against the entries as they were before another visit saved (a "none reported" beside
        a new entry of the same section) is checked against what that visit saved instead. An update of the
        person's row locks it on PostgreSQL and takes SQLite's write lock; a second writer waits for the first
        to commit."""
        self.session.execute(update(Person).where(Person.id == self.id).values(updated_at=Person.updated_at))
        self._forget()

    def _sections(self) -> dict[str, list[dict[str, Any]]]:
        return self._entries().sections()

    @property
    def corrections(self) -> Corrections:
        """Its entries with their versions: edit, withdraw and history (:mod:`myoscope.store._history`)."""
        from myoscope.store._history import Corrections

        return Corrections(self)

    def record(self) -> Record:
        """The record (withdrawn entries left out), rebuilt and re-validated by :mod:`myoscope.record`."""
        if self._record is None:
            entries = self._entries()
            self._record = _codec.build(self.person.person, entries.sections(), asked=entries.asked_sections())
        return self._record

    def export(self, fmt: str = "yaml") -> str:
        self._scope.audit("export", self.id, f"{self._scope.via} ({fmt})")
        return _codec.export_text(self.record(), fmt)

    def visits(self) -> list[VisitView]:
        """Visits, newest first, with what was entered at each."""
        views: dict[int, VisitView] = {}
        query = (
            select(Visit, User.username)
            .outerjoin(User, User.id == Visit.created_by)
            .where(Visit.person_id == self.id)
            .order_by(Visit.date.desc(), Visit.id.desc())
        )
        for visit, username in self.session.execute(query):
            views[visit.id] = VisitView(visit, username or "import")
        entries = self._entries()
        for entry in entries.entries:
            view = views.get(entry.visit_id) if entry.visit_id is not None else None
            if view is None:  # undated, or a visit saved meanwhile by someone else (read committed): shown next time
                continue
            if entry.measured is not None:
                view.measurements.append(entry.measured)
            elif entry.name is not None:
                view.instruments.append(entry.name)
            else:
                view.other[entry.section] = view.other.get(entry.section, 0) + 1
        for section, visit_id in entries.asked:
            if visit_id is not None and visit_id in views:
                views[visit_id].asked_none.append(section)
        return list(views.values())

    def add_visit(
        self,
        date: dt.date,
        sections: dict[str, list[dict[str, Any]]],
        note: str = "",
        asked_none: Iterable[str] = (),
    ) -> Visit:
        """Validate and save a visit's items; problems name ``SECTION[i].FIELD`` of ``sections`` (InputError).

        Items of the dated sections without a date take ``date``. The whole record, with the new
        items, must pass :func:`myoscope.record.parse_record` with the checks registered there (the
        instruments' answers). ``asked_none`` names sections asked about with nothing found
        (:mod:`myoscope.store._asked`); a new entry of a section supersedes its earlier "none". One
        recorded meanwhile by someone else rolls the whole visit back (:class:`~myoscope.store.NoneConflict`).
        """
        asked_none = list(dict.fromkeys(asked_none))
        check_date(date, "date")
        born = self.record().person.birth_date
        if born is not None and date < born:
            raise InputError(
                [Problem("date", date.isoformat(), "is before the birth date", f"a date from {born.isoformat()}")]
            )
        sections = {name: [dict(item) for item in items] for name, items in sections.items() if items}
        unknown = [name for name in sections if name not in SECTION_TABLES]
        if unknown:
            raise InputError(
                [Problem(name, None, "is not a record section", ", ".join(SECTION_TABLES)) for name in unknown]
            )
        for name in DATED_SECTIONS:
            for item in sections.get(name, ()):
                item.setdefault("date", date.isoformat())
        try:
            new = parse_record({"person": self.person.person, **sections}, checks=False)
        except InputError as exc:
            answers = self._answer_problems(sections.get("instruments", []))
            raise InputError(_unique([*exc.problems, *answers])) from None
        self._lock()
        stored = self._sections()
        new_items = {name: list(getattr(new, name)) for name in sections}
        refused = _asked.problems(asked_none, new_items, stored)
        if refused:
            raise InputError(refused)
        full = _codec.build(  # its checks run below, to renumber their problems
            self.person.person,
            {
                name: stored[name] + [_codec.dump_item(name, item) for item in new_items.get(name, ())]
                for name in SECTION_TABLES
            },
            checks=False,
        )
        try:
            check_record(full)
        except InputError as exc:
            raise _renumbered(exc, full.instruments, new_items.get("instruments", [])) from None
        if "instruments" in new_items:
            new_items["instruments"] = [canonical_answers(item) for item in new_items["instruments"]]
        if len(note) > MAX_NOTE_CHARS:
            raise InputError([Problem("note", note, f"is {len(note)} characters long", f"at most {MAX_NOTE_CHARS}")])
        if (hidden := hidden_character("note", note)) is not None:
            raise InputError([hidden])
        visit = Visit(person_id=self.id, date=date, note=note, created_by=self._scope.user.id)
        self.session.add(visit)
        self.session.flush()
        self._save(new_items, visit)
        try:
            _asked.add(self.session, self.id, asked_none, visit.id)
        except _asked.NoneConflict:
            self._forget()  # rolled back: read again as it is now
            raise
        self.corrections.supersede_none([name for name, items in new_items.items() if items])
        self.person.updated_at = utcnow()
        self._forget()
        self._scope.audit("add_visit", self.id, f"{self._scope.via} (visit {visit.id} of {date.isoformat()})")
        return visit

    def _answer_problems(self, items: list[dict[str, Any]]) -> list[Problem]:
        """Problems of the instruments' answers, found even when other items of the visit are invalid."""
        try:
            parse_record({"person": self.person.person, "instruments": items})
        except InputError as exc:
            return list(exc.problems)
        return []

    def _save(self, items: dict[str, list[Any]], visit: Visit | None) -> None:
        for name, models in items.items():
            table = SECTION_TABLES[name]
            for position, item in enumerate(models):
                row = table()
                row.person_id, row.visit_id, row.position = self.id, visit.id if visit else None, position
                row.data = _codec.dump_item(name, item)
                for column, value in _codec.columns(name, item).items():
                    setattr(row, column, value)
                self.session.add(row)
        self.session.flush()

    def _save_by_date(self, record: Record) -> None:
        """An imported record: one visit per date of its dated items; undated items belong to none."""
        by_date: dict[dt.date | None, dict[str, list[Any]]] = {}
        for name, models in _codec.sections_of(record).items():
            for item in models:
                day = _codec.columns(name, item).get("date")
                by_date.setdefault(day, {}).setdefault(name, []).append(item)
        for day in sorted(by_date, key=lambda d: (d is not None, d)):
            visit = None
            if day is not None:
                visit = Visit(person_id=self.id, date=day, note="imported", created_by=None)
                self.session.add(visit)
                self.session.flush()
            self._save(by_date[day], visit)


def _list_details(via: str, ids: list[int]) -> list[str]:
    """Audit details naming every id a list showed, as many entries as the column's 500 characters need."""
    head = f"{via[:300]} ({len(ids)} patients"
    if not ids:
        return [head + ")"]
    details: list[str] = []
    chunk: list[int] = []
    for key in ids:
        if len(head) + len(", ".join(map(str, chunk + [key]))) + 8 > 500:
            details.append(f"{head}: {', '.join(map(str, chunk))})")
            chunk = []
        chunk.append(key)
    details.append(f"{head}: {', '.join(map(str, chunk))})")
    return details


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[str] = set()
    unique = []
    for p in problems:
        if str(p) not in seen:
            seen.add(str(p))
            unique.append(p)
    return unique


def _renumbered(
    error: InputError, everything: tuple[InstrumentAnswers, ...], new: list[InstrumentAnswers]
) -> InputError:
    """Problems about ``instruments[i]`` of the whole record, renumbered as ``instruments[j]`` of the new items."""
    import re

    problems = []
    for p in error.problems:
        match = re.match(r"^instruments\[(\d+)\]", p.field)
        if match:
            item = everything[int(match.group(1))]
            if item in new:
                p = Problem(
                    f"instruments[{new.index(item)}]" + p.field[match.end() :], p.value, p.message, p.accepted, p.unit
                )
        problems.append(p)
    return InputError(problems)
