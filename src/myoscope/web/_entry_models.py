"""Typed shapes of record entries in the JSON API: each section's item is the record's own model.

Responses are built from those models (an entry read back is validated as the record reads it). Request
bodies are documented with the same models but taken as given: the store validates an item where its
section is known (from the path), so that its problems name the item's own fields in words.
"""

from __future__ import annotations

import enum
import operator
from functools import reduce
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, TypeAdapter, create_model
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError

from myoscope.record import (
    NUTRIENT_UNITS,
    ActivitySession,
    ActivityWeek,
    Condition,
    DietDay,
    Episode,
    FamilyHistory,
    InstrumentAnswers,
    Measurement,
    PastDate,
    Person,
    SpinalExam,
    StepCount,
    Symptom,
)
from myoscope.units import InUnit

Raw = dict[str, Any]
"""A JSON object as the client sent it."""


def _object(value: Any) -> Raw:
    if not isinstance(value, dict):
        raise PydanticCustomError("dict_type", "Input should be a valid dictionary")
    return value


def shaped(shape: Any) -> PlainValidator:
    """Metadata for a JSON object taken as given and published with the JSON Schema of ``shape``."""
    return PlainValidator(_object, json_schema_input_type=shape)


ActivityItem = ActivityWeek | StepCount | ActivitySession
"""An activity entry: a weekly summary, a day's steps or one session."""


class RecordSection(enum.StrEnum):
    """A list section of a record."""

    measurements = "measurements"
    instruments = "instruments"
    diet_days = "diet_days"
    activity = "activity"
    conditions = "conditions"
    episodes = "episodes"
    symptoms = "symptoms"
    family_history = "family_history"
    spinal_exams = "spinal_exams"


class AskedNone(BaseModel):
    """A record section asked about with nothing found ("asked: none", a record file's empty list)."""

    model_config = ConfigDict(extra="forbid")
    section: RecordSection


ITEMS: dict[str, Any] = {
    "measurements": Measurement,
    "instruments": InstrumentAnswers,
    "diet_days": DietDay,
    "activity": ActivityItem,
    "conditions": Condition,
    "episodes": Episode,
    "symptoms": Symptom,
    "family_history": FamilyHistory,
    "spinal_exams": SpinalExam,
    "person": Person,
    "asked_none": AskedNone,
}
"""Section (``person`` for the person's details, ``asked_none`` for sections asked with nothing found) -> the
model of one of its entries."""
EntryData = (
    Measurement
    | InstrumentAnswers
    | DietDay
    | ActivityItem
    | Condition
    | Episode
    | Symptom
    | FamilyHistory
    | SpinalExam
    | Person
    | AskedNone
)
"""An entry's data, of whichever section."""
_ADAPTERS: dict[str, TypeAdapter[Any]] = {section: TypeAdapter(item) for section, item in ITEMS.items()}


def item_of(section: str, data: Raw) -> EntryData:
    """Stored data of ``section`` as its record model (validated as the record reads it)."""
    item: EntryData = _ADAPTERS[section].validate_python(data)
    return item


class _Entry(BaseModel):
    section: str
    id: int
    version: int = Field(description="Raised by one at each change; the ETag is this number in quotes")
    withdrawn: bool


class MeasurementEntry(_Entry):
    section: Literal["measurements"]
    data: Measurement


class InstrumentEntry(_Entry):
    section: Literal["instruments"]
    data: InstrumentAnswers


class DietDayEntry(_Entry):
    section: Literal["diet_days"]
    data: DietDay


class ActivityEntry(_Entry):
    section: Literal["activity"]
    data: ActivityItem


class ConditionEntry(_Entry):
    section: Literal["conditions"]
    data: Condition


class EpisodeEntry(_Entry):
    section: Literal["episodes"]
    data: Episode


class SymptomEntry(_Entry):
    section: Literal["symptoms"]
    data: Symptom


class FamilyHistoryEntry(_Entry):
    section: Literal["family_history"]
    data: FamilyHistory


class SpinalExamEntry(_Entry):
    section: Literal["spinal_exams"]
    data: SpinalExam


class PersonEntry(_Entry):
    """The person's details: one entry per patient, its id the patient's."""

    section: Literal["person"]
    data: Person


class AskedNoneEntry(_Entry):
    """A section recorded as asked with nothing found; withdrawing it returns the section to "not asked"."""

    section: Literal["asked_none"]
    data: AskedNone


ENTRY_MODELS: tuple[type[_Entry], ...] = (
    MeasurementEntry,
    InstrumentEntry,
    DietDayEntry,
    ActivityEntry,
    ConditionEntry,
    EpisodeEntry,
    SymptomEntry,
    FamilyHistoryEntry,
    SpinalExamEntry,
    PersonEntry,
    AskedNoneEntry,
)
EntryOut = Annotated[
    MeasurementEntry
    | InstrumentEntry
    | DietDayEntry
    | ActivityEntry
    | ConditionEntry
    | EpisodeEntry
    | SymptomEntry
    | FamilyHistoryEntry
    | SpinalExamEntry
    | PersonEntry
    | AskedNoneEntry,
    Field(discriminator="section"),
]
"""One entry as it is now, its data typed by its section."""
_ENTRY_ADAPTER: TypeAdapter[_Entry] = TypeAdapter(EntryOut)


def entry_model(section: str, entry_id: int, version: int, withdrawn: bool, data: Raw) -> _Entry:
    """An entry's model; its data validated as the record reads it."""
    values = {"section": section, "id": entry_id, "version": version, "withdrawn": withdrawn, "data": data}
    return _ENTRY_ADAPTER.validate_python(values)


def _changes_of(model: type[BaseModel]) -> type[BaseModel]:
    """The model of a change to some fields of ``model``: every field may be left out, or null to remove it."""
    fields: dict[str, Any] = {name: _optional(info) for name, info in model.model_fields.items()}
    return create_model(f"{model.__name__}Changes", __config__=ConfigDict(extra="forbid"), **fields)


def _optional(info: FieldInfo) -> tuple[Any, Any]:
    annotation: Any = info.annotation  # a field's annotation, read at import from the record's own model
    kind: Any = annotation | None
    if info.metadata:
        kind = Annotated[kind, *info.metadata]
    return kind, Field(None, description=info.description)


def _diet_day_changes() -> type[BaseModel]:
    amounts: dict[str, Any] = {
        name: (Annotated[float, InUnit(unit, 0, high)] | None, None) for name, (unit, high) in NUTRIENT_UNITS.items()
    }
    return create_model(
        "DietDayChanges", __config__=ConfigDict(extra="forbid"), date=(PastDate | None, None), **amounts
    )


_CHANGE_MODELS = [
    _diet_day_changes() if item is DietDay else _changes_of(item)
    for item in (
        Measurement,
        InstrumentAnswers,
        DietDay,
        ActivityWeek,
        StepCount,
        ActivitySession,
        Condition,
        Episode,
        Symptom,
        FamilyHistory,
        SpinalExam,
        Person,
    )
]
EntryChanges: Any = reduce(operator.or_, _CHANGE_MODELS)
"""The fields a PATCH may send, of whichever section (a field set to null is removed)."""
