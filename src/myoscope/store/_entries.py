"""A patient's live entries of every record section, and its "asked: none" answers, in one query.

The record (:meth:`myoscope.store.Patient.record`), its visits (:meth:`~myoscope.store.Patient.visits`)
and the red-flag worker all need the same rows: each section's entries not withdrawn, oldest first.
Read table by table that is ten round trips to the database per page (on PostgreSQL each is a wait
for the server); here it is one ``UNION ALL``, built once (its compiled form is reused) and bound to
the patient's id.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Float, Integer, String, bindparam, cast, literal_column, null, select, union_all
from sqlalchemy.orm import Session

from myoscope.store._asked import AskedNoneRow
from myoscope.store._tables import SECTION_TABLES, InstrumentRow, MeasurementRow

SECTION_NAMES = tuple(SECTION_TABLES)
ASKED = len(SECTION_NAMES)
"""The ``section`` number of an "asked: none" answer (after the record's sections)."""


@dataclass(frozen=True, slots=True)
class Measured:
    """What a visit's list shows of a measurement (the columns copied out of the stored item)."""

    kind: str
    side: str | None
    value: float | None


@dataclass(frozen=True, slots=True)
class LiveEntry:
    section: str
    id: int
    visit_id: int | None
    data: dict[str, Any]
    measured: Measured | None
    """Measurements only."""
    name: str | None
    """The instrument's name (instruments only)."""


@dataclass(frozen=True, slots=True)
class LiveEntries:
    entries: tuple[LiveEntry, ...]
    asked: tuple[tuple[str, int | None], ...]
    """(section, visit id) of each "asked: none" answer in force, oldest first."""

    def sections(self) -> dict[str, list[dict[str, Any]]]:
        """Each section's items (as stored), oldest first; every section present."""
        out: dict[str, list[dict[str, Any]]] = {name: [] for name in SECTION_NAMES}
        for entry in self.entries:
            out[entry.section].append(entry.data)
        return out

    def asked_sections(self) -> frozenset[str]:
        return frozenset(section for section, _ in self.asked)


def _statement() -> Any:
    person = bindparam("person_id", type_=Integer)
    parts = []
    for number, table in enumerate(SECTION_TABLES.values()):
        measurement = table is MeasurementRow
        parts.append(
            select(
                literal_column(str(number), Integer).label("section"),
                table.id.label("id"),
                table.visit_id.label("visit_id"),
                table.data.label("data"),
                (MeasurementRow.kind if measurement else cast(null(), String(40))).label("kind"),
                (MeasurementRow.side if measurement else cast(null(), String(10))).label("side"),
                (MeasurementRow.value if measurement else cast(null(), Float)).label("value"),
                (InstrumentRow.name if table is InstrumentRow else cast(null(), String(40))).label("name"),
            ).where(table.person_id == person, table.withdrawn_at.is_(None))
        )
    parts.append(
        select(
            literal_column(str(ASKED), Integer).label("section"),
            AskedNoneRow.id.label("id"),
            AskedNoneRow.visit_id.label("visit_id"),
            AskedNoneRow.data.label("data"),
            cast(null(), String(40)).label("kind"),
            cast(null(), String(10)).label("side"),
            cast(null(), Float).label("value"),
            AskedNoneRow.section.label("name"),
        ).where(AskedNoneRow.person_id == person, AskedNoneRow.withdrawn_at.is_(None))
    )
    every = union_all(*parts).subquery("entries")
    return select(every).order_by(every.c.section, every.c.id)


STATEMENT = _statement()
"""Built once: executing the same statement object reuses its cache key and compiled SQL."""


def live_entries(session: Session, person_id: int) -> LiveEntries:
    """The patient's live entries and "asked: none" answers, read in one query."""
    entries: list[LiveEntry] = []
    asked: list[tuple[str, int | None]] = []
    for number, key, visit_id, data, kind, side, value, name in session.execute(STATEMENT, {"person_id": person_id}):
        if number == ASKED:
            asked.append((name, visit_id))
            continue
        section = SECTION_NAMES[number]
        measured = Measured(kind, side, value) if section == "measurements" else None
        entries.append(LiveEntry(section, key, visit_id, data, measured, name))
    return LiveEntries(tuple(entries), tuple(asked))
