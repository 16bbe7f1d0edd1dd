"""A record entry as form fields and back: one field per value, numbers with their unit as text ("72 kg").

The edit form shows every value of the entry under its path (``value``, ``trials[1]``,
``answers.strength``); what comes back is handed to :mod:`myoscope.record` as typed (a unit in the
text is parsed there), except that a field left as shown keeps its stored value exactly.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from myoscope.record import (
    MEASUREMENT_KINDS,
    NUTRIENT_UNITS,
    ActivitySession,
    ActivityWeek,
    Condition,
    DietDay,
    Episode,
    FamilyHistory,
    InstrumentAnswers,
    Measurement,
    Person,
    SpinalExam,
    StepCount,
    Symptom,
)
from myoscope.units import InUnit

MODELS: dict[str, tuple[type, ...]] = {
    "person": (Person,),
    "measurements": (Measurement,),
    "instruments": (InstrumentAnswers,),
    "diet_days": (DietDay,),
    "activity": (ActivitySession, ActivityWeek, StepCount),
    "conditions": (Condition,),
    "episodes": (Episode,),
    "symptoms": (Symptom,),
    "family_history": (FamilyHistory,),
    "spinal_exams": (SpinalExam,),
}
SECTION_LABELS = {
    "person": "Person's details",
    "measurements": "Measurements",
    "instruments": "Questionnaires and tests",
    "diet_days": "Diet days",
    "activity": "Activity",
    "conditions": "Conditions",
    "episodes": "Episodes",
    "symptoms": "Symptoms",
    "family_history": "Family history",
    "spinal_exams": "Spinal cord exams",
    "asked_none": "Sections asked about, none reported",
}
FIELD_PREFIX = "field."
_INDEX = re.compile(r"\[(\d+)\]")


@dataclass(frozen=True)
class FormField:
    path: str
    label: str
    text: str
    unit: str | None

    @property
    def name(self) -> str:
        return FIELD_PREFIX + self.path


def leaves(data: Any, prefix: str = "") -> list[tuple[str, Any]]:
    """(path, value) of every value inside ``data``, in order."""
    if isinstance(data, Mapping):
        out = []
        for key, value in data.items():
            out += leaves(value, f"{prefix}.{key}" if prefix else str(key))
        return out
    if isinstance(data, list):
        out = []
        for index, value in enumerate(data):
            out += leaves(value, f"{prefix}[{index}]")
        return out or [(prefix, [])]
    return [(prefix, data)]


def unit_of(section: str, data: Mapping[str, Any], path: str) -> str | None:
    """The canonical unit the stored number at ``path`` is in, if it has one."""
    top = re.split(r"[.\[]", path, maxsplit=1)[0]
    if section == "measurements" and top in ("value", "trials"):
        kind = MEASUREMENT_KINDS.get(str(data.get("kind")))
        return kind.unit if kind else None
    if section == "diet_days" and top in NUTRIENT_UNITS:
        return NUTRIENT_UNITS[top][0]
    if path != top:
        return None
    for model in MODELS.get(section, ()):
        info = getattr(model, "model_fields", {}).get(top)
        if info is not None:
            unit = _unit_in(info.annotation, info.metadata)
            if unit:
                return unit
    return None


def _unit_in(annotation: Any, metadata: list[Any]) -> str | None:
    for item in metadata:
        if isinstance(item, InUnit):
            return item.unit
    for extra in getattr(annotation, "__metadata__", ()):
        if isinstance(extra, InUnit):
            return extra.unit
    for argument in typing.get_args(annotation):
        found = _unit_in(argument, [])
        if found:
            return found
    return None


def shown(value: Any, unit: str | None) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        text = f"{value:g}" if isinstance(value, float) else str(value)
        return f"{text} {unit}" if unit else text
    if isinstance(value, list):
        return ", ".join(shown(v, unit) for v in value)
    return str(value)


def form_fields(section: str, data: Mapping[str, Any]) -> list[FormField]:
    fields = []
    for path, value in leaves(data):
        unit = unit_of(section, data, path)
        label = _INDEX.sub(lambda m: f" {int(m.group(1)) + 1}", path).replace(".", ": ").replace("_", " ")
        fields.append(FormField(path, label, shown(value, unit), unit))
    return fields


def brief(value: Any, unit: str | None) -> str:
    """A value as a list line shows it: numbers to 4 significant figures (158 lb is "71.67 kg", not "71.6676 kg")."""
    if isinstance(value, float):
        return f"{value:.4g} {unit}" if unit else f"{value:.4g}"
    if isinstance(value, list):
        return ", ".join(brief(v, unit) for v in value)
    return shown(value, unit)


def _brief_fields(section: str, data: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """(path, label, value as a list line shows it) of every value of the entry."""
    return [
        (f.path, f.label, brief(value, f.unit))
        for f, (_, value) in zip(form_fields(section, data), leaves(data), strict=True)
    ]


def summary(section: str, data: Mapping[str, Any]) -> str:
    """One line saying what the entry is ("forearm circumference (left), 2026-09-22: 22.1 cm")."""
    if section == "measurements":
        kind = MEASUREMENT_KINDS.get(str(data.get("kind")))
        label = kind.label if kind else str(data.get("kind"))
        side = f" ({data['side']})" if data.get("side") else ""
        value = data.get("value", data.get("trials"))
        return f"{label}{side}, {data.get('date', '')}: {brief(value, kind.unit if kind else None)}"
    if section == "asked_none":
        name = str(data.get("section", ""))
        return f"{SECTION_LABELS.get(name, name)}: none reported (asked)"
    if section == "person":
        return ", ".join(f"{label} {text}" for _, label, text in _brief_fields(section, data)[:6])
    head = data.get("name") or data.get("kind") or data.get("condition") or ""
    day = data.get("date") or data.get("week_of") or data.get("start") or data.get("onset") or ""
    named = ("name", "kind", "condition", "date", "week_of", "start", "onset")
    rest = [f"{label} {text}" for path, label, text in _brief_fields(section, data) if path not in named][:4]
    return ", ".join(str(part) for part in (head, day, *rest) if part)


def from_form(section: str, stored: Mapping[str, Any], form: Mapping[str, str]) -> dict[str, Any]:
    """The entry as edited: each shown field's text (blank: left out); unchanged text keeps the stored value."""
    out: dict[str, Any] = {}
    for path, value in leaves(stored):
        typed = form.get(FIELD_PREFIX + path)
        if typed is None:
            typed = shown(value, unit_of(section, stored, path))
        typed = typed.strip()
        if typed == shown(value, unit_of(section, stored, path)):
            new: Any = value
        elif typed == "":
            continue
        else:
            new = typed
        _put(out, path, new)
    compact: dict[str, Any] = _compact(out)
    return compact


def _put(target: dict[str, Any], path: str, value: Any) -> None:
    parts: list[str | int] = []
    for piece in path.split("."):
        name, *indexes = re.split(r"\[", piece)
        if name:
            parts.append(name)
        parts += [int(i.rstrip("]")) for i in indexes]
    node: Any = target
    for part, following in zip(parts, parts[1:], strict=False):
        node = node.setdefault(part, {} if isinstance(following, str) else {})
    node[parts[-1]] = value


def _compact(node: Any) -> Any:
    """Lists were built as {index: value}: back to lists, in order, without the removed items."""
    if isinstance(node, dict):
        if node and all(isinstance(k, int) for k in node):
            return [_compact(node[k]) for k in sorted(node)]
        return {k: _compact(v) for k, v in node.items()}
    return node
