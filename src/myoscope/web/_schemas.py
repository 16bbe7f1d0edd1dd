"""Shapes of the JSON API (request and response bodies). Record items in requests are published with the
record's models but taken as given: :mod:`myoscope.record` validates them when they are saved."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from myoscope.record import (
    Condition,
    DietDay,
    Episode,
    FamilyHistory,
    InstrumentAnswers,
    Measurement,
    PastDate,
    Person,
    Record,
    SpinalExam,
    Symptom,
)
from myoscope.store import MAX_NOTE_CHARS
from myoscope.web._entry_models import ActivityItem, Raw, RecordSection, shaped


class PatientOut(BaseModel):
    id: int
    person_id: str = Field(description="The record's person.id")
    team: str
    person: Person
    updated_at: dt.datetime


class PatientIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    record: Annotated[Raw, shaped(Record)] = Field(description="A whole record, as in a record file (schema_version 1)")
    team_id: int | None = Field(
        None, ge=1, le=2**63 - 1, description="One of your care teams; may be left out if you have one"
    )


class VisitIn(BaseModel):
    """A visit's items; dated items without a date take the visit's date."""

    model_config = ConfigDict(extra="forbid")
    date: PastDate
    note: str = Field("", max_length=MAX_NOTE_CHARS)
    measurements: list[Annotated[Raw, shaped(Measurement)]] = []
    instruments: list[Annotated[Raw, shaped(InstrumentAnswers)]] = []
    diet_days: list[Annotated[Raw, shaped(DietDay)]] = []
    activity: list[Annotated[Raw, shaped(ActivityItem)]] = []
    conditions: list[Annotated[Raw, shaped(Condition)]] = []
    episodes: list[Annotated[Raw, shaped(Episode)]] = []
    symptoms: list[Annotated[Raw, shaped(Symptom)]] = []
    family_history: list[Annotated[Raw, shaped(FamilyHistory)]] = []
    spinal_exams: list[Annotated[Raw, shaped(SpinalExam)]] = []
    asked_none: list[RecordSection] = Field(
        [],
        max_length=len(RecordSection),
        description='Sections asked about with nothing found ("asked: none", a record file\'s empty list); '
        "an entry added to such a section later supersedes it",
    )


class VisitOut(BaseModel):
    id: int
    date: dt.date
    note: str
    by: str
    measurements: int
    instruments: list[str]


class MeasurementOut(BaseModel):
    kind: str
    date: dt.date
    side: str | None
    value: float = Field(description="The value, or the best trial, in the canonical unit")
    unit: str
