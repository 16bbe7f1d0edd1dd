"""The record's sections as form rows: which inputs each row has, in words, and how a row becomes an item.

An input's name is the record path its value goes to (``episodes[0].limb``), so a
:class:`~myoscope.errors.Problem` finds its input without a second set of rules. The choices are
read from the record's own models, so the forms offer exactly what a record file may hold.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from myoscope.causes import coded_conditions
from myoscope.record import (
    MEASUREMENT_KINDS,
    NUTRIENT_UNITS,
    ActivitySession,
    ActivityWeek,
    Condition,
    Episode,
    FamilyHistory,
    StepCount,
    Symptom,
)

Pair = tuple[str, str]


def words(value: str) -> str:
    """``upper_arm`` -> ``upper arm``; ``S4_5`` -> ``S4-5``."""
    return value.replace("S4_5", "S4-5").replace("_", " ")


def literal_choices(model: type[BaseModel], field: str) -> tuple[Pair, ...]:
    """The values a model's field accepts (its ``Literal`` members), each with its words."""
    found: list[str] = []

    def visit(annotation: Any) -> None:
        origin = typing.get_origin(annotation)
        if origin is Literal:
            found.extend(str(a) for a in typing.get_args(annotation))
        elif origin in (typing.Union, types.UnionType, typing.Annotated):
            for arg in typing.get_args(annotation):
                visit(arg)

    visit(model.model_fields[field].annotation)
    return tuple((v, words(v)) for v in dict.fromkeys(found))


YES_NO: tuple[Pair, ...] = (("true", "yes"), ("false", "no"))


@dataclass(frozen=True)
class Input:
    """One input of a row: ``name`` is the item's field (a path below the row)."""

    name: str
    label: str
    type: str = "text"
    """``text``, ``date``, ``select`` or ``list`` (several values separated by commas)."""
    choices: tuple[Pair, ...] = ()
    hint: str = ""
    only: tuple[str, ...] = ()
    """For activity rows: the entry types (week, session, steps) this input belongs to."""


@dataclass(frozen=True)
class Section:
    name: str
    title: str
    item: str
    """One item in words, for problems ("episode 2, limb: ...")."""
    inputs: tuple[Input, ...]
    rows: int = 1
    hint: str = ""

    def row_count(self, values: dict[str, str], action: str | None) -> int:
        used = [int(key[len(self.name) + 1 :].split("]", 1)[0]) for key in values if _in_row(key, self.name)]
        return max(self.rows, max(used, default=-1) + 1) + (action == f"add_{self.name}")


def _in_row(key: str, section: str) -> bool:
    head = f"{section}["
    return key.startswith(head) and key[len(head) :].split("]", 1)[0].isdigit()


SIDES: tuple[Pair, ...] = (("left", "left"), ("right", "right"))
NUTRIENT_CHOICES: tuple[Pair, ...] = tuple(
    (name, f"{words(name)} ({unit})") for name, (unit, _) in NUTRIENT_UNITS.items() if name not in ("energy", "protein")
)
NUTRIENT_ROWS = 4
ACTIVITY_TYPES: tuple[Pair, ...] = (
    ("week", "week summary"),
    ("session", "one session"),
    ("steps", "step count of a day"),
)

SECTIONS: dict[str, Section] = {
    "measurements": Section(
        "measurements",
        "Measurements",
        "measurement",
        (
            Input("kind", "Measurement", "select", tuple((k, v.label) for k, v in MEASUREMENT_KINDS.items())),
            Input("side", "Side", "select", SIDES, "where the measurement has one"),
            Input("value", "Value", hint="with its unit, e.g. 72 kg"),
            Input("trials", "or trials", "list", hint="grip: e.g. 26 kg, 27 kg"),
            Input("distance", "Course", hint="gait time: e.g. 4 m"),
            Input("observer", "Observer"),
            Input("method", "Method", hint="e.g. dxa, bia"),
        ),
        rows=4,
        hint="Write each value with its unit as you would say it: 72 kg, 158 lb, 31.5 cm, 0.8 m/s, 12 s.",
    ),
    "conditions": Section(
        "conditions",
        "Conditions",
        "condition",
        (
            Input("kind", "Condition", "select", literal_choices(Condition, "kind")),
            Input("snomed", "Other condition: common ones", "select", coded_conditions(), "SNOMED CT"),
            Input("name", "or its name", hint="free text"),
            Input("onset", "Onset", "date"),
            Input("side", "Side", "select", literal_choices(Condition, "side")),
            Input("nerve", "Nerve", hint="nerve injury, e.g. radial"),
            Input("sensory_loss", "Loss of feeling", "select", YES_NO),
            Input("level", "Level of injury", hint="spinal cord injury, e.g. T6"),
            Input("ais", "AIS grade", "select", literal_choices(Condition, "ais")),
            Input("course", "Course", "select", literal_choices(Condition, "course"), "multiple sclerosis"),
            Input("relapses", "Relapses", "list", hint="dates, e.g. 2026-02-10, 2026-07-22"),
        ),
    ),
    "symptoms": Section(
        "symptoms",
        "Symptoms",
        "symptom",
        (
            Input("kind", "Symptom", "select", literal_choices(Symptom, "kind")),
            Input("onset", "Onset", "date"),
            Input("progressive", "Getting worse", "select", YES_NO),
            Input("painless", "Painless", "select", YES_NO),
            Input("site", "Where", hint="e.g. hand"),
            Input("side", "Side", "select", literal_choices(Symptom, "side")),
        ),
    ),
    "family_history": Section(
        "family_history",
        "Family history",
        "family history entry",
        (
            Input("condition", "Condition", "select", literal_choices(FamilyHistory, "condition")),
            Input("relation", "Relative", "select", literal_choices(FamilyHistory, "relation")),
        ),
    ),
    "episodes": Section(
        "episodes",
        "Immobilisation, bed rest and illness",
        "episode",
        (
            Input("kind", "Episode", "select", literal_choices(Episode, "kind")),
            Input("device", "Device", "select", literal_choices(Episode, "device"), "cast, sling, brace..."),
            Input("limb", "Limb", "select", literal_choices(Episode, "limb")),
            Input("side", "Side", "select", literal_choices(Episode, "side")),
            Input("start", "Start", "date"),
            Input("end", "End", "date", hint="empty while ongoing"),
            Input("no_intake_days", "Days without food", hint="illness"),
        ),
    ),
    "diet_days": Section(
        "diet_days",
        "Diet days",
        "diet day",
        (
            Input("energy", "Energy", hint="e.g. 1800 kcal"),
            Input("protein", "Protein", hint="e.g. 60 g"),
            *(
                field
                for j in range(NUTRIENT_ROWS)
                for field in (
                    Input(f"nutrient[{j}].name", f"Nutrient {j + 1}", "select", NUTRIENT_CHOICES),
                    Input(f"nutrient[{j}].amount", "Amount", hint="with its unit"),
                )
            ),
        ),
        hint="One day's intake, dated by the visit (enter earlier days in a visit of their date).",
    ),
    "activity": Section(
        "activity",
        "Activity",
        "activity entry",
        (
            Input("type", "Entry", "select", ACTIVITY_TYPES),
            Input("week_of", "Week of", "date", only=("week",)),
            Input("moderate_minutes", "Moderate minutes", hint="in the week", only=("week",)),
            Input("vigorous_minutes", "Vigorous minutes", only=("week",)),
            Input("strength_days", "Strength days", only=("week",)),
            Input("balance_days", "Balance days", only=("week",)),
            Input("sessions_20min", "Sessions of 20 min or more", only=("week",)),
            Input("sitting", "Sitting", hint="e.g. 8 h/day", only=("week",)),
            Input("date", "Date", "date", hint="session or steps; empty: the visit's", only=("session", "steps")),
            Input("minutes", "Minutes", only=("session",)),
            Input("intensity", "Intensity", "select", literal_choices(ActivitySession, "intensity"), only=("session",)),
            Input("kind", "Kind", "select", literal_choices(ActivitySession, "kind"), only=("session",)),
            Input("steps", "Steps", only=("steps",)),
        ),
    ),
}
"""The repeated sections of a visit other than instruments and the ISNCSCI exam, in page order."""

ACTIVITY_MODELS: dict[str, type[BaseModel]] = {"week": ActivityWeek, "session": ActivitySession, "steps": StepCount}
SIDED_KINDS = frozenset(k for k, v in MEASUREMENT_KINDS.items() if v.sided)


ENTRY_TYPES = ("week", "session", "steps")


def _entry_type(filled: dict[str, str], kinds: dict[str, Input]) -> str:
    """The activity entry type the filled fields belong to, when the row's type was left blank (the first type
    that has them all; else the type of the first field that has one)."""
    shared = [t for t in ENTRY_TYPES if all(t in kinds.get(k, Input(k, k)).only for k in filled)]
    if shared:
        return shared[0]
    return next((t for k in filled for t in kinds.get(k, Input(k, k)).only), "")


def build_item(section: str, fields: dict[str, str], visit_date: str) -> dict[str, Any] | None:
    """The record item of one filled form row (None for an empty row); values stay text for the record to judge."""
    spec = SECTIONS[section]
    kinds = {i.name: i for i in spec.inputs}
    if section == "activity":
        filled = {k: v for k, v in fields.items() if k != "type"}
        if not filled:
            return None
        entry = fields.get("type") or _entry_type(filled, kinds)
        if entry in ("session", "steps"):
            filled.setdefault("date", visit_date)
        fields = filled  # every filled field is kept: one that the entry type lacks is refused by the record
    item: dict[str, Any] = {}
    for name, text in fields.items():
        spec_input = kinds.get(name)
        if spec_input is None or name.startswith("nutrient["):  # a diet day's nutrient rows are read below
            continue
        item[name] = [part.strip() for part in text.split(",") if part.strip()] if spec_input.type == "list" else text
    if section == "diet_days":
        for j in range(NUTRIENT_ROWS):
            nutrient, amount = fields.get(f"nutrient[{j}].name"), fields.get(f"nutrient[{j}].amount")
            if nutrient or amount:
                item[nutrient or f"nutrient {j + 1}"] = amount or ""  # a name given twice: refused by the form
    if section == "conditions" and item.get("snomed"):
        item.setdefault("kind", "other")
        item.setdefault("name", dict(coded_conditions()).get(item["snomed"], ""))
    if section == "measurements" and not (item.get("kind") or item.get("value") or item.get("trials")):
        return None
    return item or None
