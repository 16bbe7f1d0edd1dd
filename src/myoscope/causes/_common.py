"""Helpers shared by the cause modules: instrument evidence and trend charts."""

from __future__ import annotations

from collections.abc import Iterable, Sized

from myoscope import scores
from myoscope.causes._context import Context, Scored
from myoscope.causes._types import Chart, Direction, Evidence, Series
from myoscope.instruments.api import Instrument, Score
from myoscope.precision import count_text, quantity_text
from myoscope.record import MEASUREMENT_KINDS


def latest_per_instrument(items: Iterable[Scored]) -> list[Scored]:
    latest: dict[str, Scored] = {}
    for item in items:
        latest[item.name] = item
    return list(latest.values())


def score_evidence(item: Scored) -> Evidence:
    """An evidence item from a scored instrument (its category and what it means)."""
    score = item.score
    instrument = scores.get(item.name)
    direction = {True: Direction.supports, False: Direction.against, None: Direction.neutral}[score.positive]
    finding = f"{instrument.title} on {item.date.isoformat()}: {score.category}"
    rule = score.interpretation or f"scored per {instrument.title} ({instrument.version})"
    if score.missing:
        rule = f"{rule.rstrip('. ')}; missing: {', '.join(score.missing)}"
    return Evidence(
        finding, value_text(instrument, score), rule, score.citations[0] if score.citations else None, direction
    )


def value_text(instrument: Instrument, score: Score) -> str:
    """The value column: a definition's value is the criteria it found met, never its stage code; a number
    is rounded for its unit; a score settled with items unanswered shows the totals still possible."""
    if instrument.kind == "definition":
        return _definition_text(score)
    if score.value is None:
        if not score.decided:
            return "cannot tell"
        span = score.details.get("possible_total")
        if isinstance(span, list | tuple) and len(span) == 2:
            return f"{span[0]} to {count_text(span[1], 'point')} (some items unanswered)"
        return "some items unanswered"
    if isinstance(score.value, int | float) and not isinstance(score.value, bool):
        return quantity_text(float(score.value), score.unit or "")
    return f"{score.value}{' ' + score.unit if score.unit else ''}"


def _definition_text(score: Score) -> str:
    met = [c.name for c in score.criteria if c.met]
    if met:
        return "; ".join(met)
    if not score.criteria and score.positive:
        return _best_match(score) or score.category
    return "no criterion met" if score.decided else "cannot tell"


def _best_match(score: Score) -> str | None:
    """The best-ranked match of a definition that ranks candidates rather than listing criteria (the nerve
    or root whose muscles are weak), in words: ``"median nerve at the wrist, right"``."""
    ranking = score.details.get("ranking")
    if not isinstance(ranking, list | tuple) or not ranking or not isinstance(ranking[0], dict):
        return None
    best = ranking[0]
    label, side = best.get("label"), best.get("side")
    if not isinstance(label, str):
        return None
    return f"{label}, {side}" if isinstance(side, str) else label


def measurement_chart(ctx: Context, kind: str, key: str | None = None, by_side: bool = False) -> Chart | None:
    """A trend chart of one measurement kind (by side for limbs); None with fewer than two dates."""
    spec = MEASUREMENT_KINDS[kind]
    sides = ("left", "right") if by_side else (None,)
    series = []
    for side in sides:
        points = [m for m in ctx.record.series(kind, side) if m.date <= ctx.on]
        if points:
            series.append(Series(side or spec.label, tuple(m.date for m in points), tuple(m.best for m in points)))
    if len({x for s in series for x in s.x}) < 2:
        return None  # a trend needs at least two dates
    return Chart(
        key or kind, f"{spec.label[:1].upper()}{spec.label[1:]} over time", f"{spec.label} ({spec.unit})", tuple(series)
    )


def fmt(value: float, digits: int = 1) -> str:
    return f"{value:.{digits}f}"


def asked_text(asked: bool, items: Sized, section: str) -> str:
    """How a record section that speaks against a cause reads: "asked: none" when it was recorded empty, "none of
    them fits" when it holds other items (they were asked about, and none is of this kind), else not recorded."""
    if not asked:
        return f"{section} not recorded"
    if not items:
        return "asked: none"
    if len(items) == 1:
        return f"the one {section[:-1]} on record does not fit"
    return f"none of the {len(items)} {section} on record fits"
