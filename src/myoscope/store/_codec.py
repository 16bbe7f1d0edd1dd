"""A validated :class:`~myoscope.record.Record` to table rows and back.

Rows keep each item as :mod:`myoscope.record` dumps it (canonical units); loading gives the
items back to :func:`myoscope.record.parse_record`, so the record's rules are the only rules.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from pydantic import BaseModel

from myoscope.record import (
    ActivitySession,
    ActivityWeek,
    Condition,
    DietDay,
    Episode,
    FamilyHistory,
    InstrumentAnswers,
    Measurement,
    Record,
    SpinalExam,
    StepCount,
    Symptom,
    parse_record,
)
from myoscope.store._tables import SECTION_TABLES


def dump_item(section: str, item: BaseModel) -> dict[str, Any]:
    """One validated item as JSON data that :func:`parse_record` reads back to the same item."""
    data = item.model_dump(mode="json", exclude_none=True)
    if section == "diet_days" and "nutrients" in data:
        # a diet day is written as the record file writes it: date plus one key per nutrient
        data = {"date": data["date"], **data["nutrients"]}
    return data


def columns(section: str, item: BaseModel) -> dict[str, Any]:
    """The columns copied out of an item of ``section`` for queries (the item's model says which)."""
    if isinstance(item, Measurement):
        return {"kind": item.kind, "date": item.date, "side": item.side, "value": item.best}
    if isinstance(item, InstrumentAnswers):
        return {"name": item.name, "date": item.date}
    if isinstance(item, ActivityWeek):
        return {"date": item.week_of}
    if isinstance(item, (DietDay, SpinalExam, ActivitySession, StepCount)):
        return {"date": item.date}
    if isinstance(item, Episode):
        return {"kind": item.kind, "start": item.start}
    if isinstance(item, FamilyHistory):
        return {"condition": item.condition}
    if isinstance(item, (Condition, Symptom)):
        return {"kind": item.kind}
    raise TypeError(f"{section}: {type(item).__name__} is not an item of a record section")


def sections_of(record: Record) -> dict[str, tuple[BaseModel, ...]]:
    """The record's sections that have rows, by name."""
    return {name: getattr(record, name) for name in SECTION_TABLES}


def person_data(record: Record) -> dict[str, Any]:
    return record.person.model_dump(mode="json", exclude_none=True)


def build(
    person: dict[str, Any],
    sections: dict[str, list[dict[str, Any]]],
    *,
    checks: bool = True,
    asked: Collection[str] = (),
) -> Record:
    """Rebuild (and so re-validate) a record from stored data.

    A section without entries is left out ("not asked") unless it is in ``asked``: then it is
    given as an empty list ("asked: none"), as a record file says it. ``checks`` as in
    :func:`~myoscope.record.parse_record`.
    """
    data = {"schema_version": 1, "person": person}
    data.update({k: v for k, v in sections.items() if v or k in asked})
    data.update({k: [] for k in asked if k in SECTION_TABLES and k not in data})
    return parse_record(data, checks=checks)


def record_data(record: Record) -> dict[str, Any]:
    """The record as plain data in the shape of a record file (canonical units)."""
    data: dict[str, Any] = {"schema_version": record.schema_version, "person": person_data(record)}
    for name, items in sections_of(record).items():
        if items or name in record.model_fields_set:  # an empty list given means "asked: none"
            data[name] = [dump_item(name, item) for item in items]
    return data


def export_text(record: Record, fmt: str = "yaml") -> str:
    """The record as a YAML or JSON file that :func:`myoscope.record.parse_text` reads back."""
    import json

    import yaml

    data = record_data(record)
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
