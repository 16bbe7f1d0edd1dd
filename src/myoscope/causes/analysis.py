"""Run every cause on a record and gather the assessment: red flags first, then the causes.

``SCHEMA_VERSION`` versions the JSON contract of ``myoscope assess --format json``.
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass
from typing import Any

from myoscope import __version__
from myoscope.causes._context import Context, check_instrument_answers
from myoscope.causes._types import CauseAssessment, RedFlag, Reversibility, Status, Urgency
from myoscope.record import Record
from myoscope.references import resolve

SCHEMA_VERSION = 1

CAUSE_MODULES: tuple[str, ...] = (
    "atrophy",
    "calorie_deficit",
    "malnutrition",
    "inactivity_limb",
    "inactivity_body",
    "sci",
    "nerve",
    "als",
    "ms",
)
"""The finding first, then each cause in the order of the cause map."""


def cause_module(name: str):
    """The module of one cause (by its ``CAUSE`` name)."""
    for module_name in CAUSE_MODULES:
        module = importlib.import_module(f"myoscope.causes.{module_name}")
        if module.CAUSE == name:
            return module
    raise KeyError(name)


def cause_names() -> list[str]:
    return [importlib.import_module(f"myoscope.causes.{m}").CAUSE for m in CAUSE_MODULES]


_ORDER = {Status.likely: 0, Status.possible: 1, Status.cannot_tell: 2, Status.not_supported: 3}


@dataclass(frozen=True, slots=True)
class Assessment:
    person_id: str
    on: dt.date
    atrophy: CauseAssessment
    causes: tuple[CauseAssessment, ...]
    red_flags: tuple[RedFlag, ...]

    @property
    def ranked(self) -> list[CauseAssessment]:
        """Causes by status (likely first); within a status, causes driven by an underlying condition
        (which must reach a clinician) before modifiable ones, then the map order."""
        return sorted(self.causes, key=lambda c: (_ORDER[c.status], c.reversibility is Reversibility.modifiable))

    @property
    def leading(self) -> CauseAssessment | None:
        """The first likely (else possible) cause, or None."""
        top = self.ranked[0] if self.causes else None
        return top if top is not None and top.status in (Status.likely, Status.possible) else None

    def citation_keys(self) -> set[str]:
        keys = set(self.atrophy.cited())
        for cause in self.causes:
            keys |= cause.cited()
        for flag in self.red_flags:
            if flag.citation:
                keys.add(flag.citation)
        return keys

    def to_json(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "myoscope_version": __version__,
            "person_id": self.person_id,
            "date": self.on.isoformat(),
            "red_flags": [f.to_json() for f in self.red_flags],
            "atrophy": self.atrophy.to_json(),
            "leading_cause": self.leading.cause if self.leading else None,
            "causes": [c.to_json() for c in self.causes],
            "references": [
                {"key": r.key, "citation": r.citation(), "doi": r.doi, "url": r.url} for r in resolve(self.citation_keys())
            ],
            "disclaimer": DISCLAIMER,
        }


DISCLAIMER = ("myoscope supports clinical judgement and does not make diagnoses. "
              "Red flags mean: see a clinician.")


def assess(record: Record, on: dt.date | None = None) -> Assessment:
    """Assess ``record`` as of ``on`` (default: the last date the record mentions, else today)."""
    check_instrument_answers(record)
    day = on or record.latest_date() or dt.date.today()
    ctx = Context(record, day)
    results = []
    for name in CAUSE_MODULES:
        result = importlib.import_module(f"myoscope.causes.{name}").assess(ctx)
        ctx.results[result.cause] = result
        results.append(result)
    atrophy, causes = results[0], tuple(results[1:])
    flags = _gather_flags(results)
    return Assessment(record.person.id, day, atrophy, causes, flags)


def _gather_flags(results: list[CauseAssessment]) -> tuple[RedFlag, ...]:
    seen: dict[str, RedFlag] = {}
    for result in results:
        for flag in result.red_flags:
            seen.setdefault(flag.code, flag)
    return tuple(sorted(seen.values(), key=lambda f: f.urgency is not Urgency.urgent))
