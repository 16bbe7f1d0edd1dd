"""The database tables (SQLAlchemy 2 ORM). Only storage: validation stays in :mod:`myoscope.record`.

Each record section is a table whose rows keep the validated item as JSON (``data``), in
canonical units, plus a few columns copied out of it for queries (kind, date, side, value).
Items entered at a visit point to it; items from an imported file point to the visit of
their date, undated items (conditions, family history, symptoms) to none.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

MAX_NOTE_CHARS = 2000
"""Characters of a visit's note; a longer one is refused, never cut."""

JSONType = JSON().with_variant(JSONB(), "postgresql")

ROLES = ("clinician", "admin")

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSONType, dt.datetime: DateTime(timezone=True)}


class Team(Base):
    """A care team: its members see its patients, and no one else does."""

    __tablename__ = "care_teams"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class User(Base):
    __tablename__ = "users"
    __table_args__ = (CheckConstraint("role IN ('clinician', 'admin')", name="role"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    """argon2id hash (PHC string); the password itself is never stored."""
    role: Mapped[str] = mapped_column(String(20), default="clinician")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    teams: Mapped[list[Team]] = relationship(secondary="team_members", lazy="selectin", order_by=Team.name)


class Membership(Base):
    __tablename__ = "team_members"
    team_id: Mapped[int] = mapped_column(ForeignKey("care_teams.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True)


class ApiToken(Base):
    """A bearer token for integrations; only its SHA-256 is kept."""

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    """Updated at most once a minute, off the request path."""
    revoked_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    """Set by ``myoscope user token --revoke`` and, for every token of the user, by a password change."""
    expires_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    """After this the token is refused (a token without it is refused too)."""


class WebSession(Base):
    """A signed-in browser: the cookie holds a random token, the table its SHA-256."""

    __tablename__ = "web_sessions"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column()
    user: Mapped[User] = relationship(lazy="joined")


class LoginFailure(Base):
    """A failed sign-in, keyed by account and client together (``pair:NAME|ADDRESS``) and by client
    (``client:ADDRESS``)."""

    __tablename__ = "login_failures"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), index=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)


class Person(Base):
    """A patient; ``person`` is the record's validated person section."""

    __tablename__ = "people"
    __table_args__ = (UniqueConstraint("team_id", "external_id", name="team_external_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("care_teams.id", ondelete="RESTRICT"), index=True)
    external_id: Mapped[str] = mapped_column(String(100), index=True)
    person: Mapped[dict[str, Any]] = mapped_column()
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    """Raised by one at each correction of the person's details (see :mod:`myoscope.store._history`)."""
    team: Mapped[Team] = relationship(lazy="joined")


class Visit(Base):
    __tablename__ = "visits"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(MAX_NOTE_CHARS), default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), default=None)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class _Item:
    """What every section row has: its patient, its visit (if any), its order, the item."""

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True, default=None)
    position: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[dict[str, Any]] = mapped_column()
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    """Raised by one at each correction; an edit names the version it started from."""
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    """Set when the entry is withdrawn: it leaves the record and stays in its history."""


class MeasurementRow(_Item, Base):
    __tablename__ = "measurements"
    kind: Mapped[str] = mapped_column(String(40))
    date: Mapped[dt.date] = mapped_column(Date)
    side: Mapped[str | None] = mapped_column(String(10), default=None)
    value: Mapped[float | None] = mapped_column(Float, default=None)
    """The value, or the best of the trials, in the kind's canonical unit."""


class InstrumentRow(_Item, Base):
    __tablename__ = "instrument_answers"
    name: Mapped[str] = mapped_column(String(40))
    date: Mapped[dt.date] = mapped_column(Date)


class DietRow(_Item, Base):
    __tablename__ = "diet_days"
    date: Mapped[dt.date] = mapped_column(Date)


class ActivityRow(_Item, Base):
    __tablename__ = "activity"
    date: Mapped[dt.date] = mapped_column(Date)
    """The day of a session or step count, or the first day of a summarised week."""


class ConditionRow(_Item, Base):
    __tablename__ = "conditions"
    kind: Mapped[str] = mapped_column(String(40))


class EpisodeRow(_Item, Base):
    __tablename__ = "episodes"
    kind: Mapped[str] = mapped_column(String(40))
    start: Mapped[dt.date] = mapped_column(Date)


class SymptomRow(_Item, Base):
    __tablename__ = "symptoms"
    kind: Mapped[str] = mapped_column(String(40))


class FamilyHistoryRow(_Item, Base):
    __tablename__ = "family_history"
    condition: Mapped[str] = mapped_column(String(40))


class SpinalExamRow(_Item, Base):
    __tablename__ = "spinal_exams"
    date: Mapped[dt.date] = mapped_column(Date)


SECTION_TABLES: dict[str, type[_Item]] = {
    "measurements": MeasurementRow,
    "instruments": InstrumentRow,
    "diet_days": DietRow,
    "activity": ActivityRow,
    "conditions": ConditionRow,
    "episodes": EpisodeRow,
    "symptoms": SymptomRow,
    "family_history": FamilyHistoryRow,
    "spinal_exams": SpinalExamRow,
}
"""Record section -> its table, in the order of :class:`myoscope.record.Record`."""


class EntryVersion(Base):
    """One version of a record entry (or of the person's details, section ``person``): never changed or removed.

    Version 1 is the entry as first saved; each correction adds the next version with who made it,
    when and why. ``data`` is the entry as that version held it; ``withdrawn`` marks the version
    that took it out of the record.
    """

    __tablename__ = "entry_versions"
    __table_args__ = (UniqueConstraint("section", "entry_id", "version", name="entry_version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    section: Mapped[str] = mapped_column(String(40))
    entry_id: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any]] = mapped_column()
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)
    user_id: Mapped[int | None] = mapped_column(Integer, default=None)
    username: Mapped[str] = mapped_column(String(60), default="")
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    reason: Mapped[str] = mapped_column(String(500), default="")


class AuditEntry(Base):
    """Who read or changed what, about which patient, when. No foreign keys: entries outlive rows."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(Integer, default=None, index=True)
    username: Mapped[str] = mapped_column(String(60), default="")
    action: Mapped[str] = mapped_column(String(40))
    person_id: Mapped[int | None] = mapped_column(Integer, default=None, index=True)
    detail: Mapped[str] = mapped_column(String(500), default="")
    client: Mapped[str] = mapped_column(String(100), default="")
