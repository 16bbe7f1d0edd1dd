"""Tables of what the record file never holds: who a patient is (name, hospital numbers) and the
red-flag marker of the patient list.

The record keeps a pseudonymous id only; the name and other identifiers live here, beside the
patient, so that an exported record (:meth:`myoscope.store.Patient.export`) never carries them.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from myoscope.store._tables import Base, utcnow


class PersonDetails(Base):
    """A patient's name, kept apart from the record."""

    __tablename__ = "person_details"
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    name_key: Mapped[str] = mapped_column(String(200), default="", index=True)
    """The name case-folded, for search."""
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class PersonIdentifier(Base):
    """Another identifier of a patient (e.g. a hospital number), one per system."""

    __tablename__ = "person_identifiers"
    __table_args__ = (UniqueConstraint("person_id", "system", name="person_system"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    system: Mapped[str] = mapped_column(String(60))
    value: Mapped[str] = mapped_column(String(100), index=True)


class PatientFlags(Base):
    """The red flags of a patient's assessment, for one version of the record on one day.

    Written off the request path; the list shows it only while ``version`` is the record's
    current version and ``computed_on`` is today, else the marker is "being checked".
    """

    __tablename__ = "patient_flags"
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    version: Mapped[str] = mapped_column(String(40))
    computed_on: Mapped[dt.date] = mapped_column(Date)
    count: Mapped[int | None] = mapped_column(Integer, default=None)
    """How many red flags; None when the record could not be assessed."""
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    codes: Mapped[str] = mapped_column(String(500), default="")
    """The flags' codes, comma-separated."""
