"""Run every cause on a record and gather the assessment: red flags first, then the causes.

``SCHEMA_VERSION`` versions the JSON contract of ``myoscope assess --format json`` (the presentation
model of :mod:`myoscope.report.model` writes it; version 2 adds the summary, tables and charts as numbers).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from types import ModuleType

from myoscope.causes import safety
from myoscope.causes._context import Context
from myoscope.causes._pregnancy import pregnancy_flag
from myoscope.causes._types import (
    BASIS_ORDER,
    Basis,
    CauseAssessment,
    Direction,
    Evidence,
    NextStep,
    RedFlag,
    Reversibility,
    Status,
    StepKind,
    Table,
    Urgency,
)
from myoscope.causes.registry import registry, spec
from myoscope.measures.answers import check_instrument_answers
from myoscope.record import Record

SCHEMA_VERSION = 2


def cause_module(name: str) -> ModuleType:
    """The module of one cause (by its name, case-insensitive)."""
    import importlib

    return importlib.import_module(spec(name).assess.__module__)


def cause_names() -> list[str]:
    return [s.name for s in registry()]


_STATUS_ORDER = {Status.likely: 0, Status.possible: 1, Status.cannot_tell: 2, Status.not_supported: 3}
_URGENCY_ORDER = {Urgency.urgent: 0, Urgency.soon: 1}


def rank_key(cause: CauseAssessment) -> tuple[bool, bool, int, int, int, bool]:
    """Differential order: a cause with an urgent red flag (see a clinician now) first, then a recorded
    condition that explains the pattern, then the urgency of the other causes' red flags, then the
    strength and specificity of their evidence, then status; at a tie, a cause driven by an underlying
    condition (which must reach a clinician) before a modifiable one.

    A red flag to be seen soon (weight falling fast) is a finding that a recorded condition may explain
    (a cancer, a stay in intensive care), so it does not lift a risk factor above that condition; the flag
    itself is shown at the top whatever the order."""
    urgency = min((_URGENCY_ORDER[f.urgency] for f in cause.red_flags), default=2)
    return (
        urgency != _URGENCY_ORDER[Urgency.urgent],
        cause.basis is not Basis.recorded_condition,
        urgency,
        BASIS_ORDER[cause.basis],
        _STATUS_ORDER[cause.status],
        cause.reversibility is Reversibility.modifiable,
    )


def differential(causes: Iterable[CauseAssessment]) -> list[CauseAssessment]:
    """The causes with evidence for them (likely or possible), best explanation first."""
    return sorted((c for c in causes if c.status in (Status.likely, Status.possible)), key=rank_key)


@dataclass(frozen=True, slots=True)
class Assessment:
    person_id: str
    on: dt.date
    atrophy: CauseAssessment
    causes: tuple[CauseAssessment, ...]
    red_flags: tuple[RedFlag, ...]

    @property
    def ranked(self) -> list[CauseAssessment]:
        """Every cause: the differential first (see :func:`rank_key`), then cannot tell, then not supported."""
        rest = sorted(
            (c for c in self.causes if c.status not in (Status.likely, Status.possible)),
            key=lambda c: _STATUS_ORDER[c.status],
        )
        return differential(self.causes) + rest

    @property
    def differential(self) -> list[CauseAssessment]:
        return differential(self.causes)

    @property
    def leading(self) -> CauseAssessment | None:
        """The first cause of the differential, or None (also when the finding says no muscle loss)."""
        if self.atrophy.status is Status.not_supported:
            return None
        ranked = self.differential
        return ranked[0] if ranked else None

    def citation_keys(self) -> set[str]:
        keys = set(self.atrophy.cited())
        for cause in self.causes:
            keys |= cause.cited()
        for flag in self.red_flags:
            if flag.citation:
                keys.add(flag.citation)
        return keys


PROJECTING = "calorie_deficit"
"""The cause whose findings include a projection of the scenarios (Hall's model)."""


def assess(record: Record, on: dt.date | None = None) -> Assessment:
    """Assess ``record`` as of ``on`` (default: the last date the record mentions, else today)."""
    check_instrument_answers(record)
    day = on or record.latest_date() or dt.date.today()
    ctx = Context(record, day)
    for cause in registry():
        ctx.results[cause.name] = cause.assess(ctx)
    if safety.urgent_flag(tuple(f for r in ctx.results.values() for f in r.red_flags)) is not None:
        # its projection obeys the safety guards: once every cause has raised its flags, a flag that needs a
        # clinician now (from a cause assessed after it) holds its training scenario too
        ctx.results[PROJECTING] = spec(PROJECTING).assess(ctx)
    results = safety.apply(ctx, dict(ctx.results))
    extra = [f for f in (safety.refeeding_flag(ctx), pregnancy_flag(ctx)) if f is not None]
    causes = tuple(r for name, r in results.items() if name != "atrophy")
    atrophy = _with_differential(results["atrophy"], causes)
    flags = _gather_flags([atrophy, *causes], extra)
    return Assessment(record.person.id, day, atrophy, causes, flags)


def _with_differential(atrophy: CauseAssessment, causes: Iterable[CauseAssessment]) -> CauseAssessment:
    """The finding carries the differential as a table, and, when loss is not shown, what would show it."""
    ranked = differential(causes)
    tables = atrophy.tables
    if ranked:
        rows = tuple((i + 1, c.title, c.status.value, c.basis.value, _flag_text(c)) for i, c in enumerate(ranked))
        tables = (
            Table(
                "differential",
                "Differential: causes with evidence for them, best explanation first",
                ("rank", "cause", "status", "evidence", "red flag"),
                rows,
            ),
            *tables,
        )
    evidence, steps = atrophy.evidence, atrophy.next_steps
    if atrophy.status is Status.not_supported and ranked:
        evidence += (
            Evidence(
                "no leading cause",
                "muscle loss not shown",
                "causes are weighed only when there is muscle loss to explain",
                "teslaa2011",
                Direction.neutral,
            ),
        )
        steps += (
            NextStep(
                "Repeat the girths of both sides, grip of each hand and body weight in 4-8 weeks",
                "a fall beyond measurement error would show muscle loss and let the causes be weighed",
                "teslaa2011",
                StepKind.measure,
            ),
        )
    summary = atrophy.summary
    if ranked:
        order = "; ".join(f"{i + 1}. {c.title.split(' (')[0]} ({c.status.value})" for i, c in enumerate(ranked))
        summary += f" Differential, best explanation first: {order}."
        if atrophy.status is Status.not_supported:
            summary += " No cause is named as leading while muscle loss is not shown."
    return dataclasses.replace(atrophy, summary=summary, tables=tables, evidence=evidence, next_steps=steps)


def _flag_text(cause: CauseAssessment) -> str:
    urgencies = {f.urgency for f in cause.red_flags}
    return next((u.value for u in (Urgency.urgent, Urgency.soon) if u in urgencies), "-")


def _gather_flags(results: list[CauseAssessment], extra: list[RedFlag]) -> tuple[RedFlag, ...]:
    seen: dict[str, RedFlag] = {}
    for flag in extra:
        seen.setdefault(flag.code, flag)
    for result in results:
        for flag in result.red_flags:
            seen.setdefault(flag.code, flag)
    return tuple(sorted(seen.values(), key=lambda f: f.urgency is not Urgency.urgent))
