"""Denervated muscle: a compartment that does not recover without reinnervation.

Human data are cross-sectional, not time courses:

* chronic spinal cord injury with lower-motor-neuron damage: whole-thigh muscle cross-sectional
  area 38 % smaller (knee extensors 49 %), leg lean mass 28 % lower, in 8 denervated vs 8
  innervated men and women (Alazzam, ..., Gorgey 2023, Spinal Cord);
* paralysed but innervated (upper-motor-neuron) thigh muscle: force and size after 17 +- 2.6 years
  only slightly different from 2.2 +- 0.5 years (Kern et al. 2008, Spinal Cord): atrophy that
  has reached its level stays there.

No human time course from denervation to that level was found. The band is therefore wide and
qualitative (our method): at any time after the onset, the loss is at least what disuse of the
same length takes from an innervated muscle (the lower end of the immobilisation band, held at
its last value after the studied durations) and may already be as large as the chronic
difference of :data:`CHRONIC_DIFFERENCE_PERCENT`. Without reinnervation nothing is regained,
whatever the training; whether reinnervation happens is a clinical question (nerve studies), not
one this model answers.
"""

from __future__ import annotations

import numpy as np

from myoscope.physiology.disuse import loss_curve
from myoscope.physiology.regional import RegionalCourse
from myoscope.references import cite

CHRONIC_DIFFERENCE_PERCENT = 38.0
"""Whole-thigh muscle CSA, denervated vs innervated chronic SCI (Alazzam et al. 2023)."""
CITATIONS = cite("alazzam2023", "kern2008", "wall2014", "marusic2021")
NERVE_REGIONS = {
    "radial": ("forearm",),
    "median": ("forearm",),
    "ulnar": ("forearm",),
    "musculocutaneous": ("arm",),
    "axillary": ("arm",),
    "femoral": ("thigh",),
    "sciatic": ("thigh", "calf"),
    "tibial": ("calf",),
    "peroneal": ("calf",),
    "fibular": ("calf",),
}
"""Main muscle regions supplied by each nerve (our simplification of the anatomy: a nerve injury's
level decides which muscles lose their supply)."""
_SITE = {"thigh": "leg", "calf": "leg", "arm": "forearm", "forearm": "forearm"}


def _held(values: np.ndarray) -> np.ndarray:
    """Replace the NaN tail (beyond the studied durations) by the last finite value."""
    finite = np.isfinite(values)
    if not finite.any():
        return np.zeros_like(values)
    last = np.flatnonzero(finite)[-1]
    out = values.copy()
    out[last + 1 :] = values[last]
    return out


def denervation_course(region: str, side: str, onset: int, horizon: int) -> RegionalCourse:
    """Course on days 0..``horizon`` of a region denervated on day ``onset`` (negative: before the projection)."""
    days = np.arange(horizon + 1)
    since = days - onset
    span = int(max(since.max(), 0))
    low_curve, _ = loss_curve("immobilisation", _SITE[region], span)
    low_curve = _held(low_curve)
    after = since >= 0
    least = np.zeros(horizon + 1)
    most = np.zeros(horizon + 1)
    least[after] = low_curve[since[after]]
    most[after] = CHRONIC_DIFFERENCE_PERCENT
    notes = (
        "no human time course of denervation atrophy was found: the band runs from the disuse loss of "
        "the same duration to the chronic difference between denervated and innervated thighs "
        f"({CHRONIC_DIFFERENCE_PERCENT:g} %)",
        "does not recover without reinnervation; training cannot replace it",
    )
    low, high = -most, -least
    return RegionalCourse(region, side, "denervation", low, (low + high) / 2.0, high, True, False, notes, CITATIONS)


__all__ = ["CHRONIC_DIFFERENCE_PERCENT", "CITATIONS", "NERVE_REGIONS", "denervation_course"]
