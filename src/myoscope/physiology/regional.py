"""Regional muscle compartments (thigh, calf, arm, forearm): loss during disuse, regain after it.

Each compartment is one muscle region on one side. Its size is a percentage change from the
size before the disuse (negative = smaller), as a band (low, middle, high), day by day:

* during immobilisation or bed rest: the disuse band and fitted central course of
  :func:`myoscope.physiology.disuse.loss_curves` (human studies by kind, site and age; logarithmic
  time course, Marusic 2021); ``middle`` is that central course, not the middle of the band;
* after it ends: the deficit left at the end regains with habitual activity or retraining
  (:mod:`myoscope.physiology.recovery`);
* where no human data exist for a region and kind of disuse (e.g. upper arm in a sling, calf in
  a cast) the compartment says so and carries no band.

Protein intake does not enter: in the human studies protein hardly changed disuse atrophy
(Mitchell et al. 2018: 20 g/day of dairy protein, no effect on loss or regain). One study found
that an essential amino-acid supplement kept leg lean mass through 28 days of bed rest
(Paddon-Jones et al. 2004); the band is not narrowed for supplements because that finding is
not consistent across the studies.

Every function works on plain numpy arrays so a cohort shares the same curves.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike

from myoscope.physiology import recovery
from myoscope.physiology.disuse import DISUSE_CITATIONS, loss_curves
from myoscope.references import cite

REGIONS = ("thigh", "calf", "arm", "forearm")
SITE = {
    "immobilisation": {"thigh": "leg", "forearm": "forearm"},
    "bed_rest": {"thigh": "leg", "calf": "calf"},
}
"""Region -> site of the disuse studies, per kind of disuse. Missing pairs have no human data."""
LIMB_REGIONS = {
    "upper_arm": ("arm",),
    "forearm": ("forearm",),
    "hand": ("forearm",),
    "whole_arm": ("arm", "forearm"),
    "thigh": ("thigh",),
    "lower_leg": ("calf",),
    "ankle": ("calf",),
    "whole_leg": ("thigh", "calf"),
}
"""Muscle regions immobilised by a device on a limb segment (a hand or wrist cast immobilises the
forearm muscles; our mapping)."""
BED_REST_REGIONS = ("thigh", "calf")
"""Regions with human bed-rest data (knee extensors, triceps surae); arms are not projected."""
CITATIONS = DISUSE_CITATIONS + recovery.CITATIONS + cite("paddonjones2004", "mitchell2018")


@dataclass(frozen=True)
class RegionalCourse:
    """One compartment: % change from the size before ``cause`` on days ``days`` (NaN = no band)."""

    region: str
    side: str
    cause: str
    low: np.ndarray
    middle: np.ndarray
    high: np.ndarray
    known: bool
    recovers: bool
    notes: tuple[str, ...] = ()
    citations: tuple[str, ...] = field(default=CITATIONS)

    def at(self, day: int) -> tuple[float, float, float]:
        return float(self.low[day]), float(self.middle[day]), float(self.high[day])


def _during(kind: str, region: str, days: int, older: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    site = SITE[kind].get(region)
    if site is None:
        nan = np.full(days + 1, np.nan)
        return nan, nan, nan
    low, central, high = loss_curves(kind, site, days, older)
    return low, central, high


def disuse_course(
    kind: str,
    region: str,
    side: str,
    start: int,
    end: int | None,
    horizon: int,
    *,
    older: bool = False,
    retraining: bool = False,
) -> RegionalCourse:
    """Course on days 0..``horizon`` of a disuse from day ``start`` to ``end`` (None: beyond the horizon).

    Days are counted from the projection date (``start`` may be negative: the disuse began
    earlier). Before ``start`` the change is 0.
    """
    last = horizon if end is None else min(end, horizon)
    span = max(0, last - start)
    loss_low, loss_central, loss_high = _during(kind, region, max(span, 0) + 1, older)
    days = np.arange(horizon + 1)
    worst, central, best = np.zeros(horizon + 1), np.zeros(horizon + 1), np.zeros(horizon + 1)
    inside = (days >= start) & (days <= last)
    for target, curve in ((worst, loss_high), (central, loss_central), (best, loss_low)):
        target[inside] = curve[days[inside] - start]
    notes = []
    if end is not None and end < horizon:
        # days since the end on the days after it; one that ended before day 0 was regained with habitual
        # activity until day 0, whatever the scenario
        after = days > end
        since, past = days[after] - end, max(0, -end)
        for target, deficit, speed in (
            (best, loss_low[span], "fast"),
            (central, loss_central[span], "central"),
            (worst, loss_high[span], "slow"),
        ):
            regain = recovery.remaining_deficit(deficit, horizon - end, retraining, speed, older, habitual_days=past)
            target[after] = regain[since]
        notes.append(
            "regain after the disuse: "
            + ("with resistance retraining" if retraining else "with habitual activity only")
        )
        if kind == "bed_rest":
            notes.append("regain after bed rest is borrowed from limb immobilisation (no verified bed-rest data)")
    known = bool(np.isfinite(loss_high[: span + 1]).all())
    if not known:
        notes.append(f"no human data to project the {region} after {kind.replace('_', ' ')} over this period")
    low, high = -worst, -best
    return RegionalCourse(region, side, kind, low, -central, high, known, True, tuple(notes))


ENERGY_NOTE = (
    "energy balance: each region is assumed to lose the same share as whole-body lean tissue (no study here "
    "measured regional muscle in a deficit); without resistance training, no region is projected to grow from "
    "an energy surplus"
)
SURPLUS_NOTE = ENERGY_NOTE
"""The rule the note states: lean tissue an energy surplus adds is not read as limb muscle without training."""


def with_energy(
    course: RegionalCourse | None,
    region: str,
    side: str,
    lean_low: ArrayLike,
    lean_middle: ArrayLike,
    lean_high: ArrayLike,
) -> RegionalCourse:
    """A compartment joined with the whole-body lean-tissue change (fractions, e.g. -0.05).

    The two act on the same muscle one after the other: (1 + disuse)(1 + energy) - 1. Without a
    disuse ``course`` the region changes with energy balance alone.
    """
    energy = [np.asarray(v, float) for v in (lean_low, lean_middle, lean_high)]
    if course is None:
        low, middle, high = (100.0 * e for e in energy)
        return RegionalCourse(region, side, "energy_balance", low, middle, high, True, True, (ENERGY_NOTE,))
    parts = [
        (1.0 + d / 100.0) * (1.0 + e) - 1.0
        for d, e in zip((course.low, course.middle, course.high), energy, strict=True)
    ]
    low, middle, high = (100.0 * p for p in parts)
    return RegionalCourse(
        course.region,
        course.side,
        course.cause,
        np.minimum(low, high),
        middle,
        np.maximum(low, high),
        course.known,
        course.recovers,
        course.notes + (ENERGY_NOTE,),
        course.citations,
    )


__all__ = [
    "BED_REST_REGIONS",
    "CITATIONS",
    "ENERGY_NOTE",
    "SURPLUS_NOTE",
    "LIMB_REGIONS",
    "REGIONS",
    "RegionalCourse",
    "SITE",
    "disuse_course",
    "with_energy",
]
