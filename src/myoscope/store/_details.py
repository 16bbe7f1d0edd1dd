"""Who a patient is: a name and other identifiers, kept beside the record and never inside it.

Reached only through a :class:`~myoscope.store.Patient` (so only within the user's care teams);
every change is audited with the patient. Exports of the record never include them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import delete, select

from myoscope.errors import InputError, Problem
from myoscope.store._people_tables import PersonDetails, PersonIdentifier
from myoscope.store._repository import Patient
from myoscope.store._tables import utcnow

MAX_NAME = 200
MAX_SYSTEM = 60
MAX_VALUE = 100
MAX_IDENTIFIERS = 5


@dataclass(frozen=True, slots=True)
class Details:
    """A patient's name (may be empty) and identifiers as (system, value) pairs, e.g. ("hospital number", "H123")."""

    name: str = ""
    identifiers: tuple[tuple[str, str], ...] = ()


def _clean(text: str) -> str:
    return " ".join(text.split())


NAME_FORMAT_MARKS = frozenset("\u200c\u200d\u200e\u200f\u061c")
"""Invisible marks that names in some scripts need: zero-width non-joiner and joiner (Persian, Indic
scripts) and the left-to-right, right-to-left and Arabic letter marks (Hebrew, Arabic). The bidirectional
embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which can make text display in an
order other than the one stored, stay refused."""


def _has_control(text: str, allowed: frozenset[str] = frozenset()) -> bool:
    return any(unicodedata.category(c).startswith("C") and c not in allowed for c in text)


def name_key(name: str) -> str:
    """The form of a name that search compares (case-folded, single spaces)."""
    return _clean(name).casefold()[:MAX_NAME]


def parse_details(name: str, identifiers: Iterable[tuple[str, str]]) -> Details:
    """Check a name and identifiers as typed; problems name ``details.name`` and ``details.identifiers[i].*``."""
    problems: list[Problem] = []
    name = _clean(name)
    if len(name) > MAX_NAME:
        problems.append(Problem("details.name", name, "is too long", f"at most {MAX_NAME} characters"))
    elif _has_control(name, NAME_FORMAT_MARKS):
        problems.append(Problem("details.name", name, "contains control characters"))
    pairs: list[tuple[str, str]] = []
    for i, (system, value) in enumerate(identifiers):
        system, value = _clean(system), _clean(value)
        if not system and not value:
            continue
        where = f"details.identifiers[{i}]"
        if not value:
            problems.append(Problem(f"{where}.value", system, "is required when a kind of identifier is given"))
        elif not system:
            problems.append(
                Problem(f"{where}.system", value, "is required", "what the identifier is, e.g. hospital number")
            )
        elif len(system) > MAX_SYSTEM or len(value) > MAX_VALUE:
            problems.append(
                Problem(where, value, "is too long", f"at most {MAX_SYSTEM} characters of kind, {MAX_VALUE} of value")
            )
        elif _has_control(system + value):
            problems.append(Problem(where, value, "contains control characters"))
        elif any(s.casefold() == system.casefold() for s, _ in pairs):
            problems.append(Problem(f"{where}.system", system, "is given twice", "one identifier of each kind"))
        else:
            pairs.append((system, value))
    if len(pairs) > MAX_IDENTIFIERS:
        problems.append(Problem("details.identifiers", len(pairs), "are too many", f"at most {MAX_IDENTIFIERS}"))
    if problems:
        raise InputError(problems)
    return Details(name, tuple(pairs))


def details_of(patient: Patient) -> Details:
    session = patient.session
    row = session.get(PersonDetails, patient.id)
    identifiers = session.execute(
        select(PersonIdentifier.system, PersonIdentifier.value)
        .where(PersonIdentifier.person_id == patient.id)
        .order_by(PersonIdentifier.id)
    ).all()
    return Details(row.name if row else "", tuple((s, v) for s, v in identifiers))


def save_details(patient: Patient, details: Details) -> None:
    """Replace the patient's name and identifiers (audited as ``details``, without the values)."""
    session = patient.session
    row = session.get(PersonDetails, patient.id)
    if row is None:
        row = PersonDetails(person_id=patient.id)
        session.add(row)
    row.name, row.name_key, row.updated_at = details.name, name_key(details.name), utcnow()
    session.execute(delete(PersonIdentifier).where(PersonIdentifier.person_id == patient.id))
    session.add_all(PersonIdentifier(person_id=patient.id, system=s, value=v) for s, v in details.identifiers)
    session.flush()
    kinds = ", ".join(s for s, _ in details.identifiers) or "none"
    patient._scope.audit("details", patient.id, f"{patient._scope.via} (name and identifiers: {kinds})")


def details_from_form(values: Mapping[str, str], rows: int) -> Details:
    """The details of a form whose fields are ``details.name`` and ``details.identifiers[i].system|value``."""
    pairs = [
        (values.get(f"details.identifiers[{i}].system", ""), values.get(f"details.identifiers[{i}].value", ""))
        for i in range(rows)
    ]
    return parse_details(values.get("details.name", ""), pairs)
