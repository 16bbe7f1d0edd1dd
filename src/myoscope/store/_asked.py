"""Record sections recorded as empty: the section was asked about and nothing was found ("asked: none").

A record file says this with an empty list (``symptoms: []``); a section left out says nothing
("not asked"), and the assessment treats the two differently (a missing section is "cannot tell").
The store keeps each such answer as an entry of its own, one per patient and section, with the
same history as any other entry (:mod:`myoscope.store._history`): withdrawing it returns the section
to "not asked", and adding an entry to the section supersedes it (a version saying so is kept).
The database keeps at most one such answer in force per patient and section (a partial unique index),
so two clinicians ticking "none" at the same moment cannot both save one: the second is told
(:class:`NoneConflict`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Index, String, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from myoscope.errors import Problem
from myoscope.record import Record
from myoscope.store._tables import SECTION_TABLES, Base, _Item

ASKED_NONE = "asked_none"
"""The entries' section name in the history and the API (``asked_none/{id}``)."""
FIELD = "asked_none"
"""The field a problem about an "asked: none" answer names; its value is the record section."""
SUPERSEDED = "superseded: an entry was added to the section"
"""The reason kept in the history when an entry of the section replaces the "none" answer."""


ACTIVE_INDEX = "uq_asked_none_active"
"""The partial unique index: one answer in force per patient and section."""
ACTIVE = "withdrawn_at IS NULL"


class AskedNoneRow(_Item, Base):
    """One section recorded as asked with nothing found; ``data`` is ``{"section": NAME}``."""

    __tablename__ = "asked_none"
    __table_args__ = (
        Index(
            ACTIVE_INDEX,
            "person_id",
            "section",
            unique=True,
            sqlite_where=text(ACTIVE),
            postgresql_where=text(ACTIVE),
        ),
    )
    section: Mapped[str] = mapped_column(String(40))


class NoneConflict(Exception):
    """Another "asked: none" answer for one of ``sections`` was saved meanwhile; nothing of this change is kept."""

    def __init__(self, sections: tuple[str, ...]):
        self.sections = sections
        super().__init__(f"none reported was recorded meanwhile for {', '.join(sections)}")


def data_of(section: str) -> dict[str, Any]:
    return {"section": section}


def empty_sections(record: Record) -> list[str]:
    """The sections a record holds as an empty list (given, and empty), in record order."""
    given = record.model_fields_set
    return [name for name in SECTION_TABLES if name in given and not getattr(record, name)]


def active(session: Session, person_id: int) -> dict[str, AskedNoneRow]:
    """The patient's "asked: none" entries in force, by section."""
    rows = session.scalars(
        select(AskedNoneRow)
        .where(AskedNoneRow.person_id == person_id, AskedNoneRow.withdrawn_at.is_(None))
        .order_by(AskedNoneRow.id)
    )
    return {row.section: row for row in rows}


def asked_sections(session: Session, person_id: int) -> frozenset[str]:
    """The sections recorded as "asked: none" for the patient (withdrawn answers left out)."""
    rows = session.scalars(
        select(AskedNoneRow.section).where(AskedNoneRow.person_id == person_id, AskedNoneRow.withdrawn_at.is_(None))
    )
    return frozenset(rows)


def problems(sections: Iterable[str], new: Mapping[str, list[Any]], stored: Mapping[str, list[Any]]) -> list[Problem]:
    """Why some of ``sections`` cannot be recorded as "asked: none" with the ``new`` and ``stored`` entries."""
    out = []
    for name in sections:
        if name not in SECTION_TABLES:
            out.append(Problem(FIELD, name, "is not a record section", ", ".join(SECTION_TABLES)))
        elif new.get(name):
            out.append(
                Problem(
                    FIELD,
                    name,
                    f"cannot be recorded as none reported: this visit also enters {len(new[name])} of its entries",
                    "either its entries or none reported, not both",
                )
            )
        elif stored.get(name):
            out.append(
                Problem(
                    FIELD,
                    name,
                    f"cannot be recorded as none reported: the record already holds {len(stored[name])} of its entries",
                    "withdraw those entries first, or add to them",
                )
            )
    return out


def add(session: Session, person_id: int, sections: Iterable[str], visit_id: int | None) -> list[AskedNoneRow]:
    """New "asked: none" entries for the sections that have none in force (a repeated answer adds nothing).

    One saved meanwhile by someone else (after ``present`` was read) is refused by the database: the
    session is rolled back, so nothing of the caller's change is kept, and :class:`NoneConflict` says so.
    """
    present = asked_sections(session, person_id)
    rows = [
        AskedNoneRow(person_id=person_id, visit_id=visit_id, section=name, data=data_of(name))
        for name in dict.fromkeys(sections)
        if name not in present
    ]
    session.add_all(rows)
    try:
        session.flush()
    except IntegrityError as exc:
        if ACTIVE_INDEX not in str(exc.orig) and "asked_none.person_id, asked_none.section" not in str(exc.orig):
            raise
        session.rollback()
        raise NoneConflict(tuple(row.section for row in rows)) from None
    return rows
