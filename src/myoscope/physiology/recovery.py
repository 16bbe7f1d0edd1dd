"""Regain of disuse atrophy after the disuse ends, with habitual activity or with resistance retraining.

From the one human study here that measured muscle size through both phases (Mitchell et al.
2018, J Appl Physiol: 30 men, 49.9 y, 14 days of one-leg immobilisation): thigh muscle
cross-sectional area -4.1 +- 0.5 % after immobilisation, -2.1 +- 0.5 % after 14 days of
ambulatory recovery, +2.2 +- 0.5 % after a further 14 days with six resistance sessions.

Our method (calibrated on that study, marked so in the validation table):

* habitual activity: the remaining deficit decays exponentially, D(t) = D_end exp(-t / tau).
  tau = 14 / ln(4.1 / 2.1) = 20.9 days; the band takes the arm's dispersion at both ends
  (2.1 - 0.5 of 4.1 + 0.5 gives the fast end, 2.1 + 0.5 of 4.1 - 0.5 the slow end);
* resistance retraining: in addition the deficit shrinks by a fixed amount per day, the rate of
  the training phase, (2.2 + 2.1) / 14 = 0.31 %/day (band from the same dispersions). Regain
  beyond the pre-disuse size (the study's +2.2 %) is not projected: training gains are not
  atrophy recovery;
* older adults regained less muscle volume with the same retraining (Suetta et al. 2009;
  Vigelsø et al. 2015): the upper end of their band keeps the deficit (no regain), a wide
  qualitative band because no older-adult regain rate was verified; for the same reason their
  central course is not a fitted one: it lies midway between the young-adult central regain
  and no regain (our rule, stated as such).

Checked against Vigelsø et al. 2015 (leg lean mass back after six weeks of cycling retraining in
young men; tests/physiology/test_muscle_validation.py). No verified human data on regain after
bed rest: the same kinetics are applied and the course is marked as borrowed from limb
immobilisation.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from myoscope.references import cite

_MITCHELL = (4.1, 2.1, 2.2, 0.5, 14.0)
"""Mitchell 2018: loss after immobilisation, after ambulatory recovery, gain after retraining, the
printed dispersion (all %), and the length of each phase (days)."""


def _time_constants() -> tuple[float, float, float]:
    loss, after, _, spread, span = _MITCHELL
    fast = span / math.log((loss + spread) / (after - spread))
    central = span / math.log(loss / after)
    slow = span / math.log((loss - spread) / (after + spread))
    return fast, central, slow


TAU_DAYS = _time_constants()
"""(fast, central, slow) time constant of regain with habitual activity, days (about 13, 21, 43)."""
RETRAINING_RATE = tuple(
    (_MITCHELL[2] + _MITCHELL[1] + s) / _MITCHELL[4] for s in (2 * _MITCHELL[3], 0.0, -2 * _MITCHELL[3])
)
"""(fast, central, slow) extra regain with resistance retraining, percentage points per day."""
CITATIONS = cite("mitchell2018", "suetta2009", "vigelso2015")


def remaining_deficit(
    deficit_end: ArrayLike, days: int, retraining: bool, end: str, older: bool = False, habitual_days: int = 0
) -> np.ndarray:
    """Deficit (% of the pre-disuse size, >= 0) on days 0..``days`` after the disuse ended.

    ``deficit_end`` (scalar or array of people) is the loss when it ended; ``end`` picks the band
    end: ``"fast"`` (least remaining), ``"central"`` or ``"slow"``. Shape (days + 1,) + shape(deficit_end).
    ``habitual_days``: retraining begins only after this many days (a disuse that ended before the projection
    date was regained with habitual activity until then).
    """
    index = {"fast": 0, "central": 1, "slow": 2}[end]
    d0 = np.maximum(np.asarray(deficit_end, dtype=float), 0.0)
    out = np.empty((days + 1,) + d0.shape)
    out[0] = d0
    if older and end == "slow":
        out[1:] = d0
        return out
    if older and end == "central":
        out[:] = (remaining_deficit(d0, days, retraining, "central", habitual_days=habitual_days) + d0) / 2.0
        return out
    keep = math.exp(-1.0 / TAU_DAYS[index])
    rate = RETRAINING_RATE[index] if retraining else 0.0
    for t in range(1, days + 1):
        out[t] = np.maximum(out[t - 1] * keep - (rate if t > habitual_days else 0.0), 0.0)
    return out


__all__ = ["CITATIONS", "RETRAINING_RATE", "TAU_DAYS", "remaining_deficit"]
