"""Corrections with history: every record entry (and the person's details) can be edited or withdrawn,
and nothing is destroyed.

Each change names the version it started from; a stale version is refused with :class:`Conflict`,
which carries the entry as it is now, so two clinicians never overwrite each other. The version is
checked by the ``UPDATE`` itself (``WHERE version = :sent``), so of two concurrent changes exactly one
succeeds on SQLite and PostgreSQL alike. Every version is kept in ``entry_versions`` with who made
it, when and why; a withdrawn entry leaves the record (and so the assessment) and keeps its history.

An edited entry is validated exactly as a new one: parsed by :mod:`myoscope.record` on its own, then
the whole record with it, with every registered check. Problems about the entry name its fields
(``value``, ``answers.strength``) rather than its place in the record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, update

from myoscope.errors import ABSENT, InputError, Problem
from myoscope.record import canonical_answers, check_date, hidden_character, parse_record
from myoscope.store import _codec
from myoscope.store._asked import ASKED_NONE, SUPERSEDED, AskedNoneRow
from myoscope.store._repository import NotFound
from myoscope.store._tables import SECTION_TABLES, AuditEntry, EntryVersion, Person, User, Visit, utcnow

if TYPE_CHECKING:
    from myoscope.store._repository import Patient

PERSON = "person"
"""The section name of the person's details in the history (one entry per patient: its id is the patient's)."""
ENTRY_TABLES: dict[str, Any] = {**SECTION_TABLES, ASKED_NONE: AskedNoneRow}
"""Every kind of entry with a table: the record's sections and the sections recorded as "asked: none"."""
SECTIONS = (*ENTRY_TABLES, PERSON)
MAX_REASON = 500
"""A reason is required, and at most this many characters."""


@dataclass(frozen=True)
class Entry:
    """One entry as it is now: its data as the record file holds it (canonical units)."""

    section: str
    id: int
    version: int
    data: dict[str, Any]
    withdrawn: bool = False
    visit_id: int | None = None


@dataclass(frozen=True)
class EntryChange:
    """One version of an entry: what it held, who made it, when and why (empty for the first)."""

    version: int
    data: dict[str, Any]
    withdrawn: bool
    by: str
    at: dt.datetime
    reason: str


class Conflict(Exception):
    """The entry changed since the version the edit started from (or was withdrawn): ``current`` is it now."""

    def __init__(self, current: Entry, sent: int):
        self.current = current
        self.sent = sent
        state = "withdrawn" if current.withdrawn else f"at version {current.version}"
        super().__init__(f"{current.section} {current.id} is {state}, not at version {sent}")


def check_reason(reason: str | None) -> str:
    text = (reason or "").strip()
    if not text:
        raise InputError([Problem("reason", ABSENT, "is required", "a short text saying why the entry is changed")])
    if len(text) > MAX_REASON:
        raise InputError([Problem("reason", text, "is too long", f"at most {MAX_REASON} characters")])
    if (hidden := hidden_character("reason", text)) is not None:
        raise InputError([hidden])
    return text


class Corrections:
    """The entries of one patient, their versions, and changes to them (only through :class:`Patient`)."""

    def __init__(self, patient: Patient):
        self._patient = patient
        self.session = patient.session

    # reading

    def entries(self, section: str | None = None) -> list[Entry]:
        """Every entry (withdrawn ones too), by section in record order, then as saved."""
        names = [section] if section else list(ENTRY_TABLES)
        out = [self.entry(PERSON, self._patient.id)] if section in (None, PERSON) else []
        for name in names:
            if name == PERSON:
                continue
            table = self._table(name)
            rows = self.session.scalars(
                select(table).where(table.person_id == self._patient.id).order_by(table.id)
            ).all()
            out += [_entry(name, row) for row in rows]
        return out

    def entry(self, section: str, entry_id: int) -> Entry:
        """The entry as committed now; :class:`NotFound` if it is not this patient's."""
        if section == PERSON:
            if entry_id != self._patient.id:
                raise NotFound(entry_id)
            person = self.session.execute(
                select(Person).where(Person.id == entry_id).execution_options(populate_existing=True)
            ).scalar_one()
            return Entry(PERSON, person.id, person.version, dict(person.person))
        table = self._table(section)
        row = self.session.execute(
            select(table)
            .where(table.id == entry_id, table.person_id == self._patient.id)
            .execution_options(populate_existing=True)
        ).scalar_one_or_none()
        if row is None:
            raise NotFound(entry_id)
        return _entry(section, row)

    def versions(self, section: str, entry_id: int) -> list[EntryChange]:
        """Every version of the entry, the first (as entered) first."""
        current = self.entry(section, entry_id)
        rows = self.session.scalars(
            select(EntryVersion)
            .where(EntryVersion.section == section, EntryVersion.entry_id == entry_id)
            .order_by(EntryVersion.version)
        ).all()
        if rows:
            return [EntryChange(r.version, r.data, r.withdrawn, r.username, r.at, r.reason) for r in rows]
        by, at = self._first_author(current)
        return [EntryChange(1, current.data, current.withdrawn, by, at, "")]

    # changing

    def replace(self, section: str, entry_id: int, data: dict[str, Any], *, version: int, reason: str | None) -> Entry:
        """The entry replaced by ``data`` (validated as a new entry), if it is still at ``version``."""
        why = check_reason(reason)
        current = self._current(section, entry_id, version)
        if section == ASKED_NONE:
            raise InputError(
                [
                    Problem(
                        "section",
                        ASKED_NONE,
                        "cannot be edited: a section asked with nothing found has no values",
                        "withdraw it (the section is then not asked), or add an entry to the section",
                    )
                ]
            )
        if section == PERSON:
            stored, columns = self._valid_person(data)
        else:
            stored, columns = self._valid_item(section, current, data)
        return self._write(current, stored, columns, why, withdrawn=False)

    def patch(self, section: str, entry_id: int, changes: dict[str, Any], *, version: int, reason: str | None) -> Entry:
        """The entry with ``changes`` merged into it (a field set to None is removed)."""
        current = self.entry(section, entry_id)
        merged = {**current.data, **changes}
        return self.replace(
            section, entry_id, {k: v for k, v in merged.items() if v is not None}, version=version, reason=reason
        )

    def withdraw(self, section: str, entry_id: int, *, version: int, reason: str | None) -> Entry:
        """The entry taken out of the record (it stays in its history), if it is still at ``version``."""
        why = check_reason(reason)
        if section == PERSON:
            raise InputError(
                [Problem("section", PERSON, "cannot be withdrawn: a record needs its person", "an entry of the record")]
            )
        current = self._current(section, entry_id, version)
        if section == ASKED_NONE:  # the section goes back to "not asked": the record stays valid
            return self._write(current, current.data, {}, why, withdrawn=True)
        rest = {name: self._active(name) for name in SECTION_TABLES}
        rest[section] = [d for i, d in self._active_with_ids(section) if i != entry_id]
        try:
            _codec.build(self._patient.person.person, rest)
        except InputError as exc:
            raise InputError(
                [Problem("withdrawal", ABSENT, f"would leave an invalid record: {p}") for p in exc.problems]
            ) from None
        return self._write(current, current.data, {}, why, withdrawn=True)

    def supersede_none(self, sections: list[str]) -> None:
        """The "asked: none" entries of ``sections`` withdrawn, because entries of those sections were added."""
        for row in self.session.scalars(
            select(AskedNoneRow).where(
                AskedNoneRow.person_id == self._patient.id,
                AskedNoneRow.withdrawn_at.is_(None),
                AskedNoneRow.section.in_(sections),
            )
        ).all():
            self._write(_entry(ASKED_NONE, row), row.data, {}, SUPERSEDED, withdrawn=True)

    # inside

    def _table(self, section: str) -> Any:
        table = ENTRY_TABLES.get(section)
        if table is None:
            raise InputError([Problem("section", section, "is not a record section", ", ".join(SECTIONS))])
        return table

    def _current(self, section: str, entry_id: int, version: int) -> Entry:
        current = self.entry(section, entry_id)
        if current.withdrawn or current.version != version:
            raise Conflict(current, version)
        return current

    def _active_with_ids(self, section: str) -> list[tuple[int, dict[str, Any]]]:
        table = self._table(section)
        rows = self.session.execute(
            select(table.id, table.data)
            .where(table.person_id == self._patient.id, table.withdrawn_at.is_(None))
            .order_by(table.id)
        ).all()
        return [(key, data) for key, data in rows]

    def _active(self, section: str) -> list[dict[str, Any]]:
        return [data for _, data in self._active_with_ids(section)]

    def _valid_item(self, section: str, current: Entry, data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        person = self._patient.person.person
        try:
            item = getattr(parse_record({"person": person, section: [data]}, checks=False), section)[0]
        except InputError as exc:
            raise _relative(exc, f"{section}[0]") from None
        if section == "instruments":
            item = canonical_answers(item)
        columns = _codec.columns(section, item)
        for name in ("date", "start"):
            if isinstance(columns.get(name), dt.date):
                check_date(columns[name], name)
        stored = _codec.dump_item(section, item)
        sections = {name: self._active(name) for name in SECTION_TABLES}
        ids = [key for key, _ in self._active_with_ids(section)]
        place = ids.index(current.id)
        sections[section][place] = stored
        try:
            _codec.build(person, sections)
        except InputError as exc:
            raise _relative(exc, f"{section}[{place}]") from None
        return stored, columns

    def _valid_person(self, data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        sections = {name: self._active(name) for name in SECTION_TABLES}
        try:
            record = _codec.build(data, sections)
        except InputError as exc:
            raise _relative(exc, "person") from None
        if record.person.birth_date is not None:
            check_date(record.person.birth_date, "birth_date")
        stored = _codec.person_data(record)
        columns: dict[str, Any] = {}
        if record.person.id != self._patient.person.external_id:
            taken = self.session.scalar(
                select(Person.id).where(
                    Person.team_id == self._patient.person.team_id, Person.external_id == record.person.id
                )
            )
            if taken is not None:
                raise InputError([Problem("id", record.person.id, "is already the id of another patient of the team")])
            columns["external_id"] = record.person.id
        return stored, columns

    def _write(
        self, current: Entry, data: dict[str, Any], columns: dict[str, Any], why: str, *, withdrawn: bool
    ) -> Entry:
        now = utcnow()
        table: Any = Person if current.section == PERSON else self._table(current.section)
        values: dict[str, Any] = {"version": current.version + 1, **columns}
        if current.section == PERSON:
            values.update(person=data, updated_at=now)
        else:
            values["data"] = data
            if withdrawn:
                values["withdrawn_at"] = now
        guard = [table.id == current.id, table.version == current.version]
        if current.section != PERSON:
            guard.append(table.withdrawn_at.is_(None))
        changed = self.session.execute(
            update(table).where(*guard).values(**values).execution_options(synchronize_session=False)
        )
        if changed.rowcount != 1:  # type: ignore[attr-defined]
            raise Conflict(self.entry(current.section, current.id), current.version)
        if current.version == 1 and not self._has_versions(current):
            by, at = self._first_author(current)
            self.session.add(self._version_row(current, 1, current.data, False, by, at, "", user_id=None))
        user = self._patient._scope.user
        self.session.add(
            self._version_row(current, current.version + 1, data, withdrawn, user.username, now, why, user_id=user.id)
        )
        if current.section != PERSON:
            self.session.execute(update(Person).where(Person.id == self._patient.id).values(updated_at=now))
        self.session.flush()
        self.session.refresh(self._patient.person)
        self._patient._forget()
        action = "withdraw" if withdrawn else "edit"
        scope = self._patient._scope
        scope.audit(action, self._patient.id, f"{scope.via} ({current.section} {current.id} v{current.version + 1})")
        return self.entry(current.section, current.id)

    def _version_row(
        self,
        current: Entry,
        version: int,
        data: dict[str, Any],
        withdrawn: bool,
        by: str,
        at: dt.datetime,
        why: str,
        *,
        user_id: int | None,
    ) -> EntryVersion:
        return EntryVersion(
            person_id=self._patient.id,
            section=current.section,
            entry_id=current.id,
            version=version,
            data=data,
            withdrawn=withdrawn,
            user_id=user_id,
            username=by[:60],
            at=at,
            reason=why,
        )

    def _has_versions(self, current: Entry) -> bool:
        found = self.session.scalar(
            select(EntryVersion.id).where(EntryVersion.section == current.section, EntryVersion.entry_id == current.id)
        )
        return found is not None

    def _first_author(self, current: Entry) -> tuple[str, dt.datetime]:
        """Who entered the entry first, and when: the visit's author (or the import), or the patient's creator."""
        if current.visit_id is not None:
            row = self.session.execute(
                select(User.username, Visit.created_at)
                .select_from(Visit)
                .outerjoin(User, User.id == Visit.created_by)
                .where(Visit.id == current.visit_id)
            ).first()
            if row is not None:
                return row[0] or "import", row[1]
        creator = self.session.scalar(
            select(AuditEntry.username)
            .where(AuditEntry.person_id == self._patient.id, AuditEntry.action == "create")
            .order_by(AuditEntry.id)
        )
        return creator or "import", self._patient.person.created_at


def _entry(section: str, row: Any) -> Entry:
    return Entry(section, row.id, row.version, dict(row.data), row.withdrawn_at is not None, row.visit_id)


def _relative(error: InputError, prefix: str) -> InputError:
    """Problems about the entry at ``prefix`` (``measurements[3]``) named by the entry's own fields."""
    problems = []
    for p in error.problems:
        field = p.field
        if field == prefix:
            field = ""
        elif field.startswith(prefix) and field[len(prefix)] in ".[":
            field = field[len(prefix) :].lstrip(".")
        problems.append(Problem(field, p.value, p.message, p.accepted, p.unit))
    return InputError(problems)
