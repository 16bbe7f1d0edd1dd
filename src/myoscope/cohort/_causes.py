"""Cause statuses decided by measurements in the tables (the conditions table's are in :mod:`._conditions`).

Calorie deficit: the per-person cause weighs recorded energy intake against the estimated need
and the weight trend over 6 months. The tables carry no food records, so intake is "not
recorded" for everyone and the status follows the weight trend alone, through the cause's own
rule table and its cut-off (a 6-month loss of at least the 'MUST' low-risk bound, Elia 2003):
loss at or beyond it -> the "weight loss" finding, a smaller change -> "weight stable", no
trend -> no finding. The status of each of the three finding sets is decided once by
:func:`myoscope.causes.contract.decide` and a partition is then one array index.

The atrophy finding, the ALS pattern and one-limb inactivity are in :mod:`._muscle_causes`;
whole-body inactivity (weekly activity summaries; bed rest, logged sessions, step counts and IPAQ
answers are not in the tables) and malnutrition ('MUST' and GLIM from the tables; diet days and
answered screening tools are not in them) in :mod:`._body_causes`. Not decided from tables: the
other conditions' causes beyond the bits of :mod:`._conditions` (they read symptoms, episodes and
the course of the illness, which the tables do not carry).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from myoscope.cohort._body_causes import CAUSE_COLUMNS as _BODY_CAUSES

CAUSE_COLUMNS: dict[str, str] = {"cause_calorie_deficit": "calorie_deficit", **_BODY_CAUSES}
"""Output column -> the per-person cause it reproduces."""
_NO_TREND, _LOSS, _STABLE = 0, 1, 2


@lru_cache(maxsize=1)
def _calorie_table() -> np.ndarray:
    from myoscope.causes import calorie_deficit as cd
    from myoscope.causes.contract import decide
    from myoscope.cohort._conditions import STATUS_CODE

    findings = {_NO_TREND: set(), _LOSS: {cd.F.weight_loss}, _STABLE: {cd.F.weight_stable}}
    return np.array([STATUS_CODE[decide(cd.RULES, findings[i]).status.value] for i in range(3)], np.int8)


def calorie_deficit(change_6m_percent: np.ndarray) -> np.ndarray:
    """Status code of the calorie-deficit cause from each person's signed 6-month weight change (%)."""
    from myoscope.instruments.must import WEIGHT_LOSS_LOW_BELOW as MUST_WEIGHT_LOSS  # as causes.calorie_deficit

    loss = np.maximum(0.0, -change_6m_percent)
    with np.errstate(invalid="ignore"):
        finding = np.where(np.isnan(loss), _NO_TREND, np.where(loss >= MUST_WEIGHT_LOSS, _LOSS, _STABLE))
    return _calorie_table()[finding]


def cause_statuses(change_6m_percent: np.ndarray) -> dict[str, np.ndarray]:
    return {"cause_calorie_deficit": calorie_deficit(change_6m_percent)}
