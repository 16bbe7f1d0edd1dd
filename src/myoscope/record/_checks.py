"""Checks of a whole record that need knowledge from the layers above it, registered by those layers.

The record is the bottom layer: it cannot import the instruments to check a record's answers. The
instrument layer instead registers a :class:`RecordCheck` here (:func:`register_check`), and
:func:`myoscope.record.parse_record` runs every registered check after the record's own
validation, so every record that was loaded — from a file, a form, the store or FHIR — has had
its answers checked, and no caller has to remember to do it. ``myoscope.measures.answers``
registers the instrument-answer check when it is imported, which every package that reads
answers (causes, cli, web, interop) does. A check also offers the canonical form of what it checked
(``"2"`` -> ``2``), which the store saves, so the store needs no instrument either.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from myoscope.errors import Problem
    from myoscope.record._models import InstrumentAnswers, Record


class RecordCheck(Protocol):
    """A check of a validated record that a higher layer registers."""

    name: str

    def problems(self, record: Record) -> list[Problem]:
        """Every problem of the record, each naming its field path (``instruments[0].answers.rise``)."""
        ...

    def canonical(self, entry: InstrumentAnswers) -> InstrumentAnswers:
        """The item as the check reads it (answers in their canonical types)."""
        ...


_CHECKS: dict[str, RecordCheck] = {}


def register_check(check: RecordCheck) -> None:
    """Register (or replace, by name) a check that :func:`~myoscope.record.parse_record` runs."""
    _CHECKS[check.name] = check


def registered_checks() -> tuple[RecordCheck, ...]:
    return tuple(_CHECKS.values())


def run_checks(record: Record) -> list[Problem]:
    return [problem for check in _CHECKS.values() for problem in check.problems(record)]


def check_record(record: Record) -> None:
    """Run every registered check; raise one :class:`~myoscope.errors.InputError` listing all their problems."""
    from myoscope.errors import InputError

    problems = run_checks(record)
    if problems:
        raise InputError(problems)


def canonical_answers(entry: InstrumentAnswers) -> InstrumentAnswers:
    """The answers as every registered check reads them; unchanged when none is registered."""
    for check in _CHECKS.values():
        entry = check.canonical(entry)
    return entry
