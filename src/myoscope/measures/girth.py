"""Limb girth: side-to-side difference and change over time, judged against measurement error.

Decision rule (ours, derived from published reproducibility of tape girths):
- standard error of measurement (SEM) of a single trained observer: 1.5 % of the girth,
  between the 1.2-1.4 % SEM of circumferential limb measures and the 3.3 % single-observer
  reproducibility index (te Slaa et al. 2011; Tunc et al. 2007 count repeat calf girths within
  0.6 cm as agreeing);
- minimal detectable change MDC95 = 1.96 x sqrt(2) x SEM (about 4 % of the girth);
- side to side: a difference beyond the MDC *and* at least 2 cm is an asymmetry beyond
  measurement error (healthy limbs differ by about 1 cm with dominance, hence the floor); 3 cm
  or more is marked;
- over time on one side: a fall of at least max(MDC, 5 %) is a loss beyond error; when the
  observers differ, the 6.5 % long-term reproducibility index of te Slaa et al. 2011 applies.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from myoscope.record import GIRTH_SITES, LENGTH_OF_SITE, MEASUREMENT_KINDS, Record
from myoscope.references import cite

GIRTH_CITATIONS = cite("teslaa2011", "tunc2007")
SEM_FRACTION = 0.015
"""SEM of a tape girth by one trained observer, fraction of the girth (see module docstring)."""
MDC_FRACTION = 1.96 * math.sqrt(2.0) * SEM_FRACTION
"""MDC95 as a fraction of the girth (about 0.042)."""
ASYMMETRY_FLOOR_CM = 2.0
"""Smallest side-to-side difference counted as asymmetry (our floor above dominance asymmetry)."""
ASYMMETRY_MARKED_CM = 3.0
TREND_MIN_FRACTION = 0.05
"""Smallest fall over time counted as a loss with one observer (ours)."""
TREND_OTHER_OBSERVER_FRACTION = 0.065
"""Long-term reproducibility index with different observers (te Slaa et al. 2011)."""
LENGTH_EQUAL_CM = 1.0
"""Limb lengths within 1 cm count as equal (our choice; tape length error is of this order)."""


@dataclass(frozen=True, slots=True)
class Asymmetry:
    kind: str
    date: dt.date
    left_cm: float
    right_cm: float
    mdc_cm: float
    lengths_equal: bool | None
    """True when both limb lengths are recorded and equal, False when they differ, None unknown."""

    @property
    def site(self) -> str:
        return GIRTH_SITES[self.kind]

    @property
    def label(self) -> str:
        return MEASUREMENT_KINDS[self.kind].label

    @property
    def difference_cm(self) -> float:
        return abs(self.left_cm - self.right_cm)

    @property
    def thinner_side(self) -> str | None:
        if self.left_cm == self.right_cm:
            return None
        return "left" if self.left_cm < self.right_cm else "right"

    @property
    def beyond_error(self) -> bool:
        d = self.difference_cm
        return d >= self.mdc_cm and d >= ASYMMETRY_FLOOR_CM

    @property
    def marked(self) -> bool:
        return self.beyond_error and self.difference_cm >= ASYMMETRY_MARKED_CM


def asymmetries(record: Record, on: dt.date) -> list[Asymmetry]:
    """For each girth site, the latest date with both sides measured."""
    out = []
    for kind in GIRTH_SITES:
        by_date: dict[dt.date, dict[str, float]] = {}
        for m in record.series(kind):
            if m.date <= on and m.side:
                by_date.setdefault(m.date, {})[m.side] = m.best
        both = [d for d, sides in by_date.items() if len(sides) == 2]
        if not both:
            continue
        day = max(both)
        left, right = by_date[day]["left"], by_date[day]["right"]
        out.append(
            Asymmetry(
                kind, day, left, right, MDC_FRACTION * max(left, right), _lengths_equal(record, GIRTH_SITES[kind], on)
            )
        )
    return out


def _lengths_equal(record: Record, site: str, on: dt.date) -> bool | None:
    kind = LENGTH_OF_SITE[site]
    latest: dict[str, float] = {}
    for m in record.series(kind):
        if m.date <= on and m.side:
            latest[m.side] = m.best
    if len(latest) < 2:
        return None
    return abs(latest["left"] - latest["right"]) <= LENGTH_EQUAL_CM


@dataclass(frozen=True, slots=True)
class GirthTrend:
    kind: str
    side: str
    start: dt.date
    end: dt.date
    start_cm: float
    end_cm: float
    same_observer: bool

    @property
    def change_cm(self) -> float:
        return self.end_cm - self.start_cm

    @property
    def percent(self) -> float:
        return 100.0 * self.change_cm / self.start_cm

    @property
    def threshold_fraction(self) -> float:
        if not self.same_observer:
            return max(MDC_FRACTION, TREND_OTHER_OBSERVER_FRACTION)
        return max(MDC_FRACTION, TREND_MIN_FRACTION)

    @property
    def loss_beyond_error(self) -> bool:
        return -self.change_cm >= self.threshold_fraction * self.start_cm

    @property
    def label(self) -> str:
        return MEASUREMENT_KINDS[self.kind].label


def trends(record: Record, on: dt.date) -> list[GirthTrend]:
    """First-to-latest change of each girth site and side with at least two dates."""
    out = []
    for kind in GIRTH_SITES:
        for side in ("left", "right"):
            series = [m for m in record.series(kind, side) if m.date <= on]
            if len(series) < 2 or series[0].date == series[-1].date:
                continue
            first, last = series[0], series[-1]
            same = first.observer == last.observer
            out.append(GirthTrend(kind, side, first.date, last.date, first.best, last.best, same))
    return out
