"""Typed facts derived once from the record, which the causes read instead of the raw record.

Per-side girth trends (which side changed, and in which direction), stable side-to-side
differences (dominance or build, not loss), a larger calf that grew (swelling), per-side grip and
its trend, intake against need, episodes active on the date, conditions with codes, symptoms, and
which record sections were asked at all (a section written as ``[]`` means "asked: none"; a
section left out means "not recorded").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from myoscope import scores
from myoscope.measures import girth
from myoscope.record import GIRTH_SITES, Episode, Record
from myoscope.references import cite

GRIP_MEANINGFUL_FALL_KG = 6.5
"""A fall of grip strength of 6.5 kg or more on one hand counts as a real change: Bohannon 2019
(J Phys Ther Sci 31(1):75-78, [bohannon2019]) gives 5.0-6.5 kg as reasonable estimates of a
meaningful change; the upper end is used so that tester and day-to-day variation are not read as loss."""
GRIP_CITATION = cite("bohannon2019")
CALF_SWELLING_CM = 3.0
"""A calf 3 cm or more larger than the other counts towards deep vein thrombosis in the Wells score
(Wells et al. 1997, Lancet, [wells1997])."""
SECTIONS = (
    "conditions",
    "symptoms",
    "episodes",
    "family_history",
    "diet_days",
    "activity",
    "measurements",
    "instruments",
    "spinal_exams",
)


class Change(str, Enum):
    """How one side's girth moved between its first and latest measurement."""

    fell = "fell beyond measurement error"
    rose = "rose beyond measurement error"
    stable = "within measurement error"
    unknown = "measured once"


@dataclass(frozen=True, slots=True)
class SiteFacts:
    """One girth site: the latest side-to-side difference and what each side did over time."""

    kind: str
    asymmetry: girth.Asymmetry | None
    left: Change
    right: Change
    first_asymmetry: girth.Asymmetry | None
    """The earliest date with both sides measured (to tell a stable difference from a new one)."""

    def change(self, side: str) -> Change:
        return self.left if side == "left" else self.right

    @property
    def stable_difference(self) -> bool:
        """A difference beyond error that was already there at the first paired measurement, with neither
        side falling: dominance or build (e.g. a racket arm), not muscle loss."""
        a, first = self.asymmetry, self.first_asymmetry
        if a is None or first is None or not a.beyond_error or first.date == a.date:
            return False
        same_side = first.beyond_error and first.thinner_side == a.thinner_side
        return same_side and Change.fell not in (self.left, self.right)

    @property
    def larger_side_swelled(self) -> bool:
        """The larger side grew beyond error while the smaller did not fall: swelling, not atrophy."""
        a = self.asymmetry
        if a is None or a.thinner_side is None:
            return False
        larger = "right" if a.thinner_side == "left" else "left"
        return self.change(larger) is Change.rose and self.change(a.thinner_side) is not Change.fell


@dataclass(frozen=True, slots=True)
class GripSide:
    side: str
    latest_kg: float
    latest_date: dt.date
    first_kg: float
    first_date: dt.date
    low: bool | None
    """Below the EWGSOP2 cut-off for sex on this hand (None when sex is not recorded)."""

    @property
    def fall_kg(self) -> float:
        return self.first_kg - self.latest_kg

    @property
    def fell(self) -> bool:
        return self.latest_date > self.first_date and self.fall_kg >= GRIP_MEANINGFUL_FALL_KG


@dataclass(frozen=True, slots=True)
class Facts:
    asked: frozenset[str]
    sites: tuple[SiteFacts, ...]
    grip: tuple[GripSide, ...]
    symptoms: frozenset[str]
    active_immobilisation: tuple[Episode, ...]
    """Immobilisation episodes still running on the assessment date."""

    def site(self, kind: str) -> SiteFacts | None:
        return next((s for s in self.sites if s.kind == kind), None)

    def grip_side(self, side: str) -> GripSide | None:
        return next((g for g in self.grip if g.side == side), None)

    def was_asked(self, section: str) -> bool:
        return section in self.asked

    def has_symptom(self, kind: str) -> bool | None:
        """True if recorded; False if symptoms were asked (section present) and it is absent; else None."""
        if kind in self.symptoms:
            return True
        return False if "symptoms" in self.asked else None


def _asked(record: Record) -> frozenset[str]:
    given = set(record.model_fields_set)
    return frozenset(s for s in SECTIONS if s in given or getattr(record, s))


def _change(record: Record, kind: str, side: str, on: dt.date) -> Change:
    series = [m for m in record.series(kind, side) if m.date <= on]
    if len(series) < 2 or series[0].date == series[-1].date:
        return Change.unknown
    first, last = series[0], series[-1]
    trend = girth.GirthTrend(kind, side, first.date, last.date, first.best, last.best, first.observer == last.observer)
    if trend.loss_beyond_error:
        return Change.fell
    if trend.change_cm >= trend.threshold_fraction * trend.start_cm:
        return Change.rose
    return Change.stable


def _first_asymmetry(record: Record, kind: str, on: dt.date) -> girth.Asymmetry | None:
    by_date: dict[dt.date, dict[str, float]] = {}
    for m in record.series(kind):
        if m.date <= on and m.side:
            by_date.setdefault(m.date, {})[m.side] = m.best
    both = sorted(d for d, sides in by_date.items() if len(sides) == 2)
    if not both:
        return None
    day = both[0]
    left, right = by_date[day]["left"], by_date[day]["right"]
    return girth.Asymmetry(kind, day, left, right, girth.MDC_FRACTION * max(left, right), None)


def _sites(record: Record, on: dt.date, asymmetries: list[girth.Asymmetry]) -> tuple[SiteFacts, ...]:
    latest = {a.kind: a for a in asymmetries}
    out = []
    for kind in GIRTH_SITES:
        if not record.series(kind):
            continue
        out.append(
            SiteFacts(
                kind,
                latest.get(kind),
                _change(record, kind, "left", on),
                _change(record, kind, "right", on),
                _first_asymmetry(record, kind, on),
            )
        )
    return tuple(out)


def _grip(record: Record, on: dt.date) -> tuple[GripSide, ...]:
    out = []
    grip = scores.get("grip")
    for side in ("left", "right"):
        series = [m for m in record.series("grip_strength", side) if m.date <= on]
        if not series:
            continue
        first, last = series[0], series[-1]
        low = None
        if record.person.sex:
            trials = list(last.trials or (last.value,))[:3]
            score = grip.score({"sex": record.person.sex, **{f"{side}_{i + 1}": t for i, t in enumerate(trials)}})
            low = bool(score.positive) if score.positive is not None else None
        out.append(GripSide(side, last.best, last.date, first.best, first.date, low))
    return tuple(out)


def derive(record: Record, on: dt.date, asymmetries: list[girth.Asymmetry]) -> Facts:
    """The facts of ``record`` as of ``on`` (``asymmetries`` from :func:`myoscope.measures.girth.asymmetries`)."""
    symptoms = frozenset(s.kind for s in record.symptoms if s.onset is None or s.onset <= on)
    active = tuple(
        e for e in record.episodes if e.kind == "immobilisation" and e.start <= on and (e.end is None or e.end > on)
    )
    return Facts(_asked(record), _sites(record, on, asymmetries), _grip(record, on), symptoms, active)
