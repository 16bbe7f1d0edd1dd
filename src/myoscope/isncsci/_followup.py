"""Successive exams of one person: totals, NLI and AIS per date, with what changed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from myoscope.errors import InputError, Problem
from myoscope.isncsci._classify import classify_many
from myoscope.isncsci._result import Classification
from myoscope.record.spinal import Exam, parse_exam


@dataclass(frozen=True, slots=True)
class FollowUpPoint:
    """One exam date: both-side totals, NLI and AIS, and whether they moved since the previous exam."""

    date: date
    motor_total: int | str
    upper_motor: int | str
    lower_motor: int | str
    light_touch: int | str
    pin_prick: int | str
    nli: str
    ais: str
    nli_changed: bool
    ais_changed: bool
    classification: Classification

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "motor_total": self.motor_total,
            "upper_motor": self.upper_motor,
            "lower_motor": self.lower_motor,
            "light_touch": self.light_touch,
            "pin_prick": self.pin_prick,
            "nli": self.nli,
            "ais": self.ais,
            "nli_changed": self.nli_changed,
            "ais_changed": self.ais_changed,
        }


def _as_date(value: Any) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise InputError([Problem("date", value, "is not a date", "an ISO date such as 2024-05-31")])


def compare(exams_by_date: Mapping[Any, Exam | Mapping[str, Any]] | Iterable[tuple[Any, Any]]) -> list[FollowUpPoint]:
    """Classify each dated exam and line them up by date (earliest first).

    ``nli_changed`` / ``ais_changed`` are set where the NLI or AIS string
    differs from the previous exam's (never on the first).
    """
    pairs = list(exams_by_date.items()) if isinstance(exams_by_date, Mapping) else list(exams_by_date)
    problems: list[Problem] = []
    dated: dict[date, Exam] = {}
    for key, exam in pairs:
        try:
            when = _as_date(key)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        if when in dated:
            problems.append(Problem(when.isoformat(), key, "has two exams", "one exam per date"))
            continue
        try:
            dated[when] = parse_exam(exam, when.isoformat())
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    dates = sorted(dated)
    results = classify_many([dated[d] for d in dates])
    points: list[FollowUpPoint] = []
    for when, result in zip(dates, results, strict=True):
        previous = points[-1] if points else None
        points.append(
            FollowUpPoint(
                date=when,
                motor_total=result.motor_total,
                upper_motor=result.totals["upper_motor"],
                lower_motor=result.totals["lower_motor"],
                light_touch=result.totals["light_touch"],
                pin_prick=result.totals["pin_prick"],
                nli=result.nli,
                ais=result.ais,
                nli_changed=previous is not None and previous.nli != result.nli,
                ais_changed=previous is not None and previous.ais != result.ais,
                classification=result,
            )
        )
    return points
