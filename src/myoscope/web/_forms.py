"""Form fields named by record paths (``measurements[0].value``), and problems put back beside them.

A field's name is the path a :class:`~myoscope.errors.Problem` names, so an error finds its
field without a second set of rules: the form only collects text, :mod:`myoscope.record`
and the instruments judge it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from myoscope.errors import ABSENT, InputError, Problem

ROW = re.compile(r"^(measurements|instruments)\[(\d+)\]\.(.+)$")
PATH_INDEX = re.compile(r"^(measurements|instruments)\[(\d+)\]")
DATED = ("measurements", "instruments")
MEASUREMENT_FIELDS = ("kind", "side", "value", "observer", "method")
MAX_ROWS = 40


@dataclass(frozen=True)
class VisitForm:
    """What was typed (to show again), and the items to validate with their row numbers."""

    values: dict[str, str]
    date: dt.date | None
    note: str
    sections: dict[str, list[dict[str, Any]]]
    rows: dict[str, list[int]]
    """For each section, the form row of each item sent for validation (empty rows are skipped)."""
    problems: tuple[Problem, ...] = ()


def read_visit_form(form: Mapping[str, Any]) -> VisitForm:
    values = {k: v.strip() for k, v in form.items() if isinstance(v, str) and k != "csrf_token"}
    problems: list[Problem] = []
    date = None
    try:
        date = dt.date.fromisoformat(values.get("date", ""))
    except ValueError:
        problems.append(Problem("date", values.get("date") or ABSENT, "is not a date", "a date as YYYY-MM-DD"))
    rows: dict[str, dict[int, dict[str, Any]]] = {"measurements": {}, "instruments": {}}
    for key, value in values.items():
        match = ROW.match(key)
        if not match or value == "" or int(match.group(2)) >= MAX_ROWS:
            continue
        section, index, rest = match.group(1), int(match.group(2)), match.group(3)
        item = rows[section].setdefault(index, {})
        if rest.startswith("answers."):
            item.setdefault("answers", {})[rest.removeprefix("answers.")] = _answer(value)
        elif (section, rest) == ("instruments", "name") or (section == "measurements" and rest in MEASUREMENT_FIELDS):
            item[rest] = value
    sections, order = {}, {}
    for section, items in rows.items():
        kept = sorted(i for i, item in items.items() if _filled(section, item))
        sections[section] = [items[i] for i in kept]
        order[section] = kept
    return VisitForm(values, date, values.get("note", ""), sections, order, tuple(problems))


def _filled(section: str, item: dict[str, Any]) -> bool:
    return bool(item.get("name")) if section == "instruments" else any(item.get(f) for f in ("kind", "value"))


def _answer(text: str) -> Any:
    """Answers are passed as typed; JSON lists or objects (for structured answers) are decoded."""
    if text[:1] in "[{":
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            return text
    return text


def field_errors(problems: Iterable[Problem], rows: Mapping[str, list[int]]) -> dict[str, list[str]]:
    """Messages by form field: item paths renumbered to form rows; item dates go to the visit's date."""
    out: dict[str, list[str]] = {}
    for problem in problems:
        field = problem.field
        match = PATH_INDEX.match(field)
        if match:
            section, index = match.group(1), int(match.group(2))
            known = rows.get(section, [])
            row = known[index] if index < len(known) else index
            field = f"{section}[{row}]{field[match.end() :]}"
            if field == f"{section}[{row}].date" and section in DATED:
                field = "date"
        out.setdefault(field, []).append(str(problem))
    return out


def problems_of(error: InputError | Iterable[Problem]) -> tuple[Problem, ...]:
    return tuple(error.problems if isinstance(error, InputError) else error)


@dataclass(frozen=True)
class AnswerField:
    """One input of an instrument, described from its input model's JSON schema."""

    name: str
    label: str
    hint: str
    choices: tuple[str, ...] = ()
    from_record: bool = False

    @property
    def pairs(self) -> list[tuple[str, str]]:
        return [(c, c) for c in self.choices]


def instrument_fields(name: str) -> list[AnswerField]:
    """The answer fields of instrument ``name`` (unknown name: none)."""
    from myoscope import scores

    try:
        instrument = scores.get(name)
    except KeyError:
        return []
    schema = instrument.Input.model_json_schema()
    fields = []
    for key, spec in schema.get("properties", {}).items():
        options = [spec, *spec.get("anyOf", [])]
        choices: tuple[str, ...] = ()
        kinds, low, high = [], None, None
        for option in options:
            if "enum" in option:
                choices = tuple(str(v) for v in option["enum"])
            if "const" in option:
                choices += (str(option["const"]),)
            if option.get("type") == "boolean":
                choices = ("true", "false")
            if option.get("type") not in (None, "null"):
                kinds.append(option["type"])
            low = option.get("minimum", low)
            high = option.get("maximum", high)
        hint = spec.get("description") or ""
        if low is not None and high is not None and not choices:
            hint = f"{low:g} to {high:g}" + (f"; {hint}" if hint else "")
        if any(k in ("array", "object") for k in kinds):
            hint = "JSON" + (f"; {hint}" if hint else "")
        fields.append(
            AnswerField(
                key, spec.get("title") or key.replace("_", " "), hint[:200], choices, key in instrument.person_fields
            )
        )
    return fields
