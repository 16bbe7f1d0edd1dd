"""Shared by the neurological causes: flags into red flags, scored series into trend charts."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from myoscope.causes._context import Context
from myoscope.causes._types import Chart, NextStep, RedFlag, Series, Status, Urgency
from myoscope.criteria.neuro_flags import NeuroFlag
from myoscope.record import Symptom

_ADVICE = {
    "urgent": "See a doctor without delay and ask for a neurological evaluation.",
    "soon": "Arrange to see a doctor soon.",
}


def split_flags(flags: Iterable[NeuroFlag]) -> tuple[list[RedFlag], list[NextStep]]:
    """Urgent and soon flags become red flags; routine ones become next steps."""
    red, steps = [], []
    for f in flags:
        if f.urgency in _ADVICE:
            red.append(
                RedFlag(
                    f.code,
                    f.message,
                    _ADVICE[f.urgency],
                    Urgency.urgent if f.urgency == "urgent" else Urgency.soon,
                    tuple(f.evidence),
                    f.citation,
                )
            )
        else:
            steps.append(NextStep(f.message, "; ".join(f.evidence), f.citation))
    return red, steps


def symptom(ctx: Context, kind: str) -> Symptom | None:
    """The most recent symptom of ``kind`` up to the assessment date, or None."""
    found = [s for s in ctx.record.symptoms if s.kind == kind and (s.onset is None or s.onset <= ctx.on)]
    return found[-1] if found else None


def has(ctx: Context, kind: str) -> bool | None:
    """True if the symptom is recorded; False when symptoms were asked and it is absent; None when not asked
    (read from the typed facts)."""
    return ctx.facts.has_symptom(kind)


def atrophy_status(ctx: Context) -> Status | None:
    result = ctx.results.get("atrophy")
    return None if result is None else result.status


def score_chart(
    ctx: Context, name: str, key: str, title: str, y_label: str, subscores: tuple[str, ...] = ()
) -> Chart | None:
    """Trend of an instrument's value (and named ``details`` subscores) over the record's visits."""
    items = [s for s in ctx.scores(name=name) if s.score.value is not None]
    if len(items) < 2:
        return None
    series = [
        Series(
            "total" if subscores else title, tuple(s.date for s in items), tuple(float(s.score.value) for s in items)
        )
    ]
    for sub in subscores:
        values = tuple(_sub(s.score.details, sub) for s in items)
        if all(v is not None for v in values):
            series.append(Series(sub.replace("_", " "), tuple(s.date for s in items), values))
    return Chart(key, title, y_label, tuple(series))


def _sub(details: Any, name: str) -> float | None:
    sub = details.get("subscores", {}) if isinstance(details, dict) else {}
    value = sub.get(name, details.get(name) if isinstance(details, dict) else None)
    return None if value is None else float(value)
