"""Form fields named by record paths (``measurements[0].value``), and problems put back beside them in words.

A field's name is the path a :class:`~myoscope.errors.Problem` names, so an error finds its
field without a second set of rules: the form only collects text, :mod:`myoscope.record`
and the instruments judge it. Problems are shown with the field named in words
("measurement 2, value: ...") and otherwise worded as the command line words them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from myoscope.errors import ABSENT, InputError, Problem
from myoscope.record import hidden_character
from myoscope.store import MAX_NOTE_CHARS
from myoscope.web._entry_forms import NUTRIENT_ROWS, SECTIONS, build_item, words

VISIT_SECTIONS = (*SECTIONS, "instruments", "spinal_exams")
ROW = re.compile(rf"^({'|'.join(VISIT_SECTIONS)})\[(\d+)\]\.(.+)$")
PATH_INDEX = re.compile(rf"^({'|'.join(VISIT_SECTIONS)})\[(\d+)\]")
DATED = ("measurements", "instruments", "diet_days", "spinal_exams")
MAX_ROWS = 40
ASKED = "asked_none."
"""Form fields ``asked_none.SECTION``: the section's "none reported (asked)" box."""


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
    asked_none: tuple[str, ...] = ()
    """Sections ticked "none reported (asked)": asked about, nothing found."""


def read_visit_form(form: Mapping[str, Any]) -> VisitForm:
    values = {k: v.strip() for k, v in form.items() if isinstance(v, str) and k != "csrf_token"}
    problems: list[Problem] = []
    date = None
    try:
        date = dt.date.fromisoformat(values.get("date", ""))
    except ValueError:
        problems.append(Problem("date", values.get("date") or ABSENT, "is not a date", "a date as YYYY-MM-DD"))
    rows: dict[str, dict[int, dict[str, str]]] = {name: {} for name in VISIT_SECTIONS}
    for key, value in values.items():
        match = ROW.match(key)
        if not match or value == "":
            continue
        if int(match.group(2)) >= MAX_ROWS:
            row = f"{match.group(1)}[{match.group(2)}]"
            if not any(p.field == row for p in problems):
                problems.append(Problem(row, value, "is beyond the rows one visit holds", f"at most {MAX_ROWS} rows"))
            continue
        rows[match.group(1)].setdefault(int(match.group(2)), {})[match.group(3)] = value
    sections: dict[str, list[dict[str, Any]]] = {}
    order: dict[str, list[int]] = {}
    visit_day = date.isoformat() if date else ""
    for section, items in rows.items():
        built = {i: _item(section, fields, visit_day) for i, fields in sorted(items.items())}
        kept = [i for i, item in built.items() if item]
        sections[section] = [built[i] for i in kept]  # type: ignore[misc]  # kept rows are built
        order[section] = kept
    problems += _nutrients_given_twice(rows["diet_days"], order["diet_days"])
    asked = tuple(k.removeprefix(ASKED) for k in values if k.startswith(ASKED) and values[k])
    note = values.get("note", "")
    if len(note) > MAX_NOTE_CHARS:
        problems.append(
            Problem("note", note, f"is {len(note)} characters long", f"at most {MAX_NOTE_CHARS} characters")
        )
    elif (hidden := hidden_character("note", note)) is not None:
        problems.append(hidden)
    return VisitForm(values, date, note, sections, order, tuple(problems), asked)


def _nutrients_given_twice(days: Mapping[int, Mapping[str, str]], kept: list[int]) -> list[Problem]:
    """A diet day's nutrient rows naming a nutrient already given that day (its amount would replace the first)."""
    out = []
    for item, row in enumerate(kept):
        seen: set[str] = set()
        for j in range(NUTRIENT_ROWS):
            name = days[row].get(f"nutrient[{j}].name", "")
            if name and name in seen:
                field = f"diet_days[{item}].nutrient[{j}].name"
                out.append(Problem(field, name, "names a nutrient already given on this day", "each nutrient once"))
            seen.add(name)
    return out


def _item(section: str, fields: dict[str, str], visit_day: str) -> dict[str, Any] | None:
    if section == "instruments":
        if not fields.get("name"):
            return None
        answers = {k.removeprefix("answers."): _answer(v) for k, v in fields.items() if k.startswith("answers.")}
        return {"name": fields["name"], "answers": answers}
    if section == "spinal_exams":
        return exam_item(fields)
    return build_item(section, fields, visit_day)


def exam_item(fields: Mapping[str, str]) -> dict[str, Any] | None:
    """The nested exam of the grid's cells (``exam.right.motor.C5``); None when no cell is filled."""
    cells = {k.removeprefix("exam."): v for k, v in fields.items() if k.startswith("exam.") and v}
    if not any(k.endswith(("vac", "dap")) or k.count(".") == 2 for k in cells):
        return None
    exam: dict[str, Any] = {}
    for path, value in sorted(cells.items(), key=lambda kv: -kv[0].count(".")):  # the grid's cells first
        *parents, leaf = path.split(".")
        node = exam
        for part in parents:
            child = node.setdefault(part, {})
            if not isinstance(child, dict):  # a field named like a group of cells is not one of the grid's
                child = node[part] = {}
            node = child
        if not isinstance(node.get(leaf), dict):
            node[leaf] = value
    return {"exam": exam}


def _answer(text: str) -> Any:
    """Answers are passed as typed; JSON lists or objects (for structured answers) are decoded within the record's
    limits (nesting, number size); one the limits refuse stays text, for the instrument to refuse by name."""
    from myoscope.record import check_data, loads_json

    if text[:1] in "[{":
        try:
            decoded = loads_json(text)
            check_data(decoded, "answer")
        except InputError:
            return text
        return decoded
    return text


def field_errors(problems: Iterable[Problem], rows: Mapping[str, list[int]]) -> dict[str, list[str]]:
    """Messages by form field: item paths renumbered to form rows, item dates to the visit's date, fields in words."""
    out: dict[str, list[str]] = {}
    for problem in problems:
        field = problem.field
        if field == "asked_none" and isinstance(problem.value, str):  # beside the section's box
            field = ASKED + problem.value
        match = PATH_INDEX.match(field)
        if match:
            section, index = match.group(1), int(match.group(2))
            known = rows.get(section, [])
            row = known[index] if index < len(known) else index
            field = f"{section}[{row}]{field[match.end() :]}"
            if field == f"{section}[{row}].date" and section in DATED:
                field = "date"
        out.setdefault(field, []).append(str(dataclasses.replace(problem, field=field_words(field))))
    return out


_OTHER_TITLES = {"instruments": "Questionnaires and tests", "spinal_exams": "ISNCSCI exams"}
ANAL = {"vac": "voluntary anal contraction", "dap": "deep anal pressure"}
MODALITIES = {"motor": "motor", "light_touch": "light touch", "pin_prick": "pin prick"}


def field_words(field: str) -> str:
    """A form field named in words: ``measurements[1].value`` -> ``measurement 2, value``."""
    if field == "date":
        return "visit date"
    if field.startswith(ASKED):
        section = field.removeprefix(ASKED)
        title = SECTIONS[section].title if section in SECTIONS else _OTHER_TITLES.get(section, words(section))
        return f"{title}, none reported (asked)"
    match = PATH_INDEX.match(field)
    if not match:
        return field  # fields outside a visit's sections (the person's) keep their names
    section, row, rest = match.group(1), int(match.group(2)), field[match.end() :].lstrip(".")
    item = {"instruments": "questionnaire", "spinal_exams": "ISNCSCI exam"}.get(section) or SECTIONS[section].item
    head = f"{item} {row + 1}"
    if not rest:
        return head
    return f"{head}, {_rest_words(section, rest)}"


def _rest_words(section: str, rest: str) -> str:
    if section == "instruments":
        return f"answer {words(rest.removeprefix('answers.'))}" if rest.startswith("answers.") else words(rest)
    if section == "spinal_exams":
        parts = rest.removeprefix("exam.").split(".")
        if len(parts) == 1:
            return ANAL.get(parts[0], words(parts[0]))
        return " ".join(MODALITIES.get(p, words(p)) for p in parts)
    labels = {i.name: i.label for i in SECTIONS[section].inputs}
    return labels.get(rest, words(rest)).lower()


def problems_of(error: InputError | Iterable[Problem]) -> tuple[Problem, ...]:
    return tuple(error.problems if isinstance(error, InputError) else error)


def team_id(text: str | None) -> int | None:
    """The care team a form names by its id (empty: the user's only team is meant)."""
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise InputError([Problem("team", text, "is not one of your care teams")]) from None
