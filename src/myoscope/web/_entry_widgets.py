"""The correction form of an entry with the visit form's own widgets, pre-filled with the entry's values.

The inputs are the visit form's (:data:`myoscope.web._entry_forms.SECTIONS`, the instruments'
answer widgets); an input is named ``field.NAME`` (``instruments[0].answers.NAME`` for answers, as on
the visit form) and a row is read back with the visit form's own :func:`build_item`. A value left as
shown keeps its stored value exactly; values the form has no input for are kept as stored.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from myoscope.errors import Problem
from myoscope.record import NUTRIENT_UNITS
from myoscope.web._entry_fields import FIELD_PREFIX, form_fields, shown, unit_of
from myoscope.web._entry_forms import NUTRIENT_ROWS, SECTIONS, Input, Section, build_item
from myoscope.web._forms import _answer, _rest_words
from myoscope.web._instrument_widgets import AnswerField, instrument_fields

ANSWERS = "instruments[0].answers."
DATE = Input("date", "Date", "date")
"""The entry's own date (on the visit form it is the visit's)."""


@dataclass(frozen=True)
class Shown:
    """One value of a version in words, for the history."""

    path: str
    label: str
    text: str


def has_widgets(section: str) -> bool:
    return section in SECTIONS or section == "instruments"


def inputs(section: str, data: Mapping[str, Any]) -> tuple[Input, ...]:
    """The visit form's inputs of ``section``, with the entry's date when the visit form takes it from the visit."""
    spec: Section = SECTIONS[section]
    names = {i.name for i in spec.inputs}
    return ((DATE,) if "date" in data and "date" not in names else ()) + spec.inputs


def answer_fields(data: Mapping[str, Any]) -> list[AnswerField]:
    return instrument_fields(str(data.get("name", "")))


def _activity_type(data: Mapping[str, Any]) -> str:
    return "week" if "week_of" in data else "steps" if "steps" in data else "session"


def _nutrients(data: Mapping[str, Any]) -> list[str]:
    return [k for k in data if k in NUTRIENT_UNITS and k not in ("energy", "protein")]


def _text(value: Any) -> str:
    return json.dumps(value) if isinstance(value, (list, dict)) else shown(value, None)


def prefill(section: str, data: Mapping[str, Any]) -> dict[str, str]:
    """The form's values for the entry as stored, by input name."""
    if section == "instruments":
        answers = data.get("answers") or {}
        out = {ANSWERS + k: _text(v) for k, v in answers.items()}
        if "date" in data:
            out[FIELD_PREFIX + "date"] = str(data["date"])
        return out
    out = {}
    for spec in inputs(section, data):
        if spec.name in data:
            out[FIELD_PREFIX + spec.name] = shown(data[spec.name], unit_of(section, data, spec.name))
    if section == "activity":
        out[FIELD_PREFIX + "type"] = _activity_type(data)
    if section == "diet_days":
        for j, name in enumerate(_nutrients(data)[:NUTRIENT_ROWS]):
            out[f"{FIELD_PREFIX}nutrient[{j}].name"] = name
            out[f"{FIELD_PREFIX}nutrient[{j}].amount"] = shown(data[name], unit_of(section, data, name))
    return out


def _kept(new: dict[str, Any], stored: Mapping[str, Any], shown_before: dict[str, str]) -> dict[str, Any]:
    """Values typed as they were shown keep their stored value exactly."""
    out = {}
    for key, value in new.items():
        before = shown_before.get(key)
        typed = ", ".join(value) if isinstance(value, list) else value
        out[key] = stored[key] if key in stored and before is not None and typed == before else value
    return out


def read(section: str, stored: Mapping[str, Any], form: Mapping[str, str]) -> dict[str, Any]:
    """The entry as corrected through the widgets."""
    if section == "instruments":
        return _read_answers(stored, form)
    specs = inputs(section, stored)
    sent = {**prefill(section, stored), **form}  # an input not sent at all is left as it was
    fields = {k.removeprefix(FIELD_PREFIX): v.strip() for k, v in sent.items() if k.startswith(FIELD_PREFIX)}
    fields = {k: v for k, v in fields.items() if v}
    item = build_item(section, fields, str(fields.get("date") or stored.get("date") or "")) or {}
    if DATE in specs and fields.get("date"):  # the visit form's rows take it from the visit
        item["date"] = fields["date"]
    before = {k.removeprefix(FIELD_PREFIX): v for k, v in prefill(section, stored).items()}
    for name in _nutrients(stored):
        before[name] = shown(stored[name], unit_of(section, stored, name))
    covered = {i.name for i in specs} | (set(_nutrients(stored)) if section == "diet_days" else set())
    out = {k: v for k, v in stored.items() if k not in covered}
    out.update(_kept(item, stored, before))
    out.update({k: [] for k, v in stored.items() if v == [] and k not in out})  # an empty list stays as stored
    return out


def _read_answers(stored: Mapping[str, Any], form: Mapping[str, str]) -> dict[str, Any]:
    answers_before = dict(stored.get("answers") or {})
    sent = {**prefill("instruments", stored), **form}
    typed = {k.removeprefix(ANSWERS): v.strip() for k, v in sent.items() if k.startswith(ANSWERS)}
    known = {f.name for f in answer_fields(stored)}
    answers = {k: v for k, v in answers_before.items() if k not in known}
    for name, text in typed.items():
        if not text:
            continue
        before = answers_before.get(name)
        answers[name] = before if name in answers_before and text == _text(before) else _answer(text)
    out = {k: v for k, v in stored.items() if k != "answers"}
    out["answers"] = answers
    date = (form.get(FIELD_PREFIX + "date") or "").strip()
    if date and date != str(stored.get("date", "")):
        out["date"] = date
    return out


def error_key(section: str, stored: Mapping[str, Any], problem: Problem) -> tuple[str, str]:
    """The form input a problem belongs to, and the problem with the input named in words."""
    field = problem.field
    if section == "instruments":
        if field.startswith("answers."):
            return "instruments[0]." + field, f"answer {_rest_words('instruments', field)}"
        return FIELD_PREFIX + field if field == "date" else "entry", _rest_words("instruments", field or "entry")
    if field in {i.name for i in inputs(section, stored)}:
        label = next(i.label for i in inputs(section, stored) if i.name == field).lower()
        return FIELD_PREFIX + field, label
    if section == "diet_days" and field in _nutrients(stored):
        row = _nutrients(stored).index(field)
        if row < NUTRIENT_ROWS:
            return f"{FIELD_PREFIX}nutrient[{row}].amount", _rest_words(section, field)
    return "entry", _rest_words(section, field) if field else "the entry"


def history_values(section: str, data: Mapping[str, Any]) -> list[Shown]:
    """A version's values as the form shows them: labels in words, choices by their words, units as text."""
    if section == "instruments":
        out = [Shown("name", "Instrument", str(data.get("name", "")))]
        if "date" in data:
            out.append(Shown("date", "Date", str(data["date"])))
        answers = data.get("answers") or {}
        for f in answer_fields(data):
            if f.name in answers:
                text = _text(answers[f.name])
                words = dict(f.options).get(text, "")
                out.append(Shown("answers." + f.name, f.label, f"{text} {words}".strip()))
        return out
    out = []
    for spec in inputs(section, data):
        if spec.name in data:
            text = shown(data[spec.name], unit_of(section, data, spec.name))
            out.append(Shown(spec.name, spec.label, dict(spec.choices).get(text, text)))
    names = {i.name for i in inputs(section, data)}
    for other in form_fields(section, data):
        if other.path.split(".", 1)[0].split("[", 1)[0] not in names:
            out.append(Shown(other.path, other.label, other.text))
    return out
