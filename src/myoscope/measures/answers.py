"""A record's instrument answers, with the person fields filled in from the record, and their check.

Light on purpose: ``validate`` checks answers with this module alone, without loading the causes.
Importing it registers the check with the record (:func:`myoscope.record.register_check`), so that
:func:`myoscope.record.parse_record` refuses invalid answers wherever a record is loaded.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from myoscope.errors import InputError, Problem
from myoscope.measures import body
from myoscope.record import InstrumentAnswers, Record, register_check

if TYPE_CHECKING:
    from myoscope.instruments.api import Instrument


def _instrument(name: str) -> Instrument:
    """The instrument ``name`` (KeyError if unknown); the registry is imported on first use, so a record
    without instrument answers is checked without loading any instrument."""
    from myoscope import scores

    return scores.get(name)


def person_values(record: Record, on: dt.date) -> dict[str, Any]:
    """The person fields instruments may take (sex, age, height cm, weight kg, bmi) on a date."""
    values: dict[str, Any] = {}
    if record.person.sex:
        values["sex"] = record.person.sex
    age = record.person.age_on(on)
    if age is not None:
        values["age"] = int(age)
    height = body.height_cm(record)
    if height is not None:
        values["height"] = round(height, 2)
    weight = body.latest_weight(record, on)
    if weight is not None:
        values["weight"] = round(weight[1], 3)
    if height is not None and weight is not None:
        values["bmi"] = round(body.bmi(weight[1], height), 2)
    if record.person.population and "population" not in values:
        values["population"] = record.person.population
    return values


def filled_answers(record: Record, entry: InstrumentAnswers) -> dict[str, Any]:
    """The answers with the instrument's person fields filled in from the record where absent."""
    instrument = _instrument(entry.name)
    answers = dict(entry.answers)
    person = person_values(record, entry.date)
    for name in instrument.person_fields:
        if answers.get(name) is None and name in person:
            answers[name] = person[name]
    return answers


def _names() -> list[str]:
    from myoscope import scores

    return scores.names()


def answer_problems(record: Record) -> list[Problem]:
    """Unknown instruments and invalid answers, naming ``instruments[i].answers.<field>``."""
    problems: list[Problem] = []
    for i, entry in enumerate(record.instruments):
        try:
            instrument = _instrument(entry.name)
        except KeyError:
            problems.append(
                Problem(f"instruments[{i}].name", entry.name, "is not a known instrument", ", ".join(_names()))
            )
            continue
        try:
            instrument.validate(filled_answers(record, entry))
        except InputError as exc:
            problems.extend(exc.prefixed(f"instruments[{i}].answers").problems)
    return problems


def check_instrument_answers(record: Record) -> None:
    """Refuse unknown instruments and invalid answers (:func:`answer_problems`) with an :class:`InputError`."""
    problems = answer_problems(record)
    if problems:
        raise InputError(problems)


class InstrumentAnswerCheck:
    """The record check of instrument answers (see :mod:`myoscope.record._checks`)."""

    name = "instrument answers"

    def problems(self, record: Record) -> list[Problem]:
        return answer_problems(record)

    def canonical(self, entry: InstrumentAnswers) -> InstrumentAnswers:
        """The answers as the instrument's own input model reads them (``"2"`` -> 2, ``"30 cm"`` -> 30.0)."""
        try:
            validated = _instrument(entry.name).validate(entry.answers).model_dump(mode="json")
        except (KeyError, InputError):
            return entry
        return entry.model_copy(update={"answers": {key: validated[key] for key in entry.answers if key in validated}})


register_check(InstrumentAnswerCheck())
