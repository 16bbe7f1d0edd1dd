"""Whole-body inactivity and malnutrition, decided from the tables with the per-person causes' rules.

Whole-body inactivity (``myoscope.causes.inactivity_body``): the tables carry a week's activity
summary as questionnaire rows (moderate and vigorous minutes, sessions of 20 minutes or more);
the rows of one person on one day are one weekly summary dated that day (as the record's
``activity`` entry ``week_of``), and of several summaries in one calendar week (Monday to Sunday)
the latest day's counts, as the record's later entry replaces an earlier one of the same week. The
cause weighs the latest four calendar weeks up to the person's last day; each week gives at most
one finding (below both goals, below one, or meets WHO 2020) and the status is read from a table
that :func:`myoscope.causes.contract.decide` fills once from the cause's rule table. Bed-rest
episodes, logged sessions, step counts and IPAQ answers are not in the tables, so bed rest never
decides here and a person without a summary in those weeks is "cannot tell".

Malnutrition (``myoscope.causes.malnutrition``): 'MUST' and GLIM as the cause computes them from
the record, with the person fields rounded as the per-person path fills them in (height 2 and
weight 3 decimals, BMI 2, weight loss 3). The answer "acutely ill with no intake for more than 5
days" is what the per-person path reads from an ongoing acute illness on record, so "yes" counts
(for 'MUST' and as GLIM's inflammation) and "no" counts as no illness on record (the per-person
path has nothing else to read it from). Diet days and answered screening tools are not in the
tables: no intake or nutrient finding is ever made here.
"""

from __future__ import annotations

from enum import Enum
from functools import lru_cache
from typing import Any

import numpy as np

from myoscope.cohort import _rules as rules
from myoscope.cohort._features import COL
from myoscope.cohort._kinds import KIND_CODE
from myoscope.criteria import activity_guidelines as who

_ACTIVITY = (KIND_CODE["moderate_minutes"], KIND_CODE["vigorous_minutes"], KIND_CODE["sessions_20min"])
"""The kinds of a weekly activity summary, in the order of the summaries' last axis."""
_BELOW_BOTH, _BELOW_ONE, _MEETS = 1, 2, 4
"""Bits of the weekly findings of whole-body inactivity."""
WEEKS = 4
"""Calendar weeks weighed (:data:`myoscope.causes.inactivity_body.WEEKS`; a test holds them equal)."""
_MONDAY_OFFSET = 3
"""1970-01-01 (day 0) was a Thursday: (day + 3) % 7 is the weekday, Monday 0."""


def _status_table(rules_table: tuple[Any, ...], members: tuple[Enum, ...]) -> np.ndarray:
    """Status code for each bit set of ``members`` (bit i: ``members[i]``), from the cause's rules."""
    from myoscope.causes.contract import decide
    from myoscope.cohort._conditions import STATUS_CODE

    return np.array(
        [
            STATUS_CODE[decide(rules_table, {m for i, m in enumerate(members) if bits >> i & 1}).status.value]
            for bits in range(1 << len(members))
        ],
        np.int8,
    )


@lru_cache(maxsize=1)
def inactivity_table() -> np.ndarray:
    from myoscope.causes import inactivity_body as ib

    return _status_table(ib.RULES, (ib.F.below_both, ib.F.below_one, ib.F.meets))


def _week_bits(values: np.ndarray) -> np.ndarray:
    """The finding of each weekly summary (``inactivity_body._week_finding`` on ``adherence_from_summary``)."""
    moderate, vigorous, sessions = values[:, 0], values[:, 1], values[:, 2]
    lower = np.nan_to_num(moderate) + who.VIGOROUS_EQUIVALENCE * np.nan_to_num(vigorous)
    reached = lower >= who.WHO_MODERATE_MINUTES
    both = ~np.isnan(moderate) & ~np.isnan(vigorous)
    aerobic_no = both & ~reached
    aerobic_yes = (~np.isnan(moderate) | ~np.isnan(vigorous)) & reached
    with np.errstate(invalid="ignore"):
        brief_no = ~np.isnan(sessions) & (sessions < who.BRIEF_SESSIONS)
    return np.where(
        aerobic_no & brief_no,
        _BELOW_BOTH,
        np.where(aerobic_no | brief_no, _BELOW_ONE, np.where(aerobic_yes, _MEETS, 0)),
    )


def activity_bits(summaries: np.ndarray) -> np.ndarray:
    """Bit set of the weekly findings per person from the weekly summaries of the aggregation (person, week,
    activity kind of :data:`_ACTIVITY`; NaN where not given)."""
    n = summaries.shape[0]
    found = _week_bits(summaries.reshape(n * WEEKS, len(_ACTIVITY))).reshape(n, WEEKS)
    bits: np.ndarray = np.bitwise_or.reduce(found, axis=1) if n else np.zeros(0, np.int64)
    return bits.astype(np.int64)


def inactivity_status(bits: np.ndarray) -> np.ndarray:
    status: np.ndarray = inactivity_table()[bits]
    return status


def _malnutrition_members() -> tuple[Enum, ...]:
    from myoscope.causes import malnutrition as mn

    return (mn.F.glim_met, mn.F.strong_signal, mn.F.weak_signal, mn.F.obesity_weight_loss, mn.F.screened_negative)


@lru_cache(maxsize=1)
def malnutrition_table() -> np.ndarray:
    from myoscope.causes import malnutrition as mn

    return _status_table(mn.RULES, _malnutrition_members())


@lru_cache(maxsize=1)
def _must_bounds() -> dict[str, tuple[float, float]]:
    from myoscope import scores
    from myoscope.cohort._kinds import schema_bounds

    model = scores.get("must").Input
    return {name: schema_bounds(model, name) for name in ("bmi", "weight", "height", "weight_loss_percent")}


def _must_as_cause(f: np.ndarray) -> np.ndarray:
    """'MUST' category as the malnutrition cause scores it (person fields rounded; illness on record)."""
    weight, height = np.round(rules.latest(f, "body_weight"), 3), np.round(rules.latest(f, "height"), 2)
    bmi = np.round(rules.bmi(f), 2)
    loss = np.round(np.maximum(0.0, -rules.weight_change_percent(f, 1)), 3)
    acute = np.where(rules.latest(f, "acute_disease_no_intake") == 1, 1.0, np.nan)
    bounds = _must_bounds()
    valid = np.ones(f.shape[0], bool)
    for name, v in (("bmi", bmi), ("weight", weight), ("height", height), ("weight_loss_percent", loss)):
        with np.errstate(invalid="ignore"):
            valid &= np.isnan(v) | ((v >= bounds[name][0]) & (v <= bounds[name][1]))
    category = rules.must_points_category(bmi, loss, acute)
    return np.where(valid, category, rules.UNKNOWN).astype(np.int8)


def _obesity_weight_loss(f: np.ndarray) -> np.ndarray:
    """A 6-month loss starting from a BMI in the obese range (``malnutrition._obesity_weight_loss``)."""
    from myoscope.causes.malnutrition import OBESE_BMI

    start, end = f[:, COL["window.1.start"]], f[:, COL["window.1.end"]]
    height = rules.latest(f, "height")
    with np.errstate(invalid="ignore"):
        lost = (end - start) < 0
        start_bmi = start / (height / 100.0) ** 2
        obese: np.ndarray = lost & (start_bmi >= OBESE_BMI)
    return obese


def malnutrition_status(f: np.ndarray, glim_stage: np.ndarray) -> np.ndarray:
    """Status code of the malnutrition cause from the features and the GLIM codes of the flags."""
    must = _must_as_cause(f)
    glim_met = glim_stage >= 1
    bits = np.where(glim_met, 1, 0)
    bits |= np.where(must == 2, 2, np.where(must == 1, 4, 0))
    bits |= np.where(glim_met & _obesity_weight_loss(f), 8, 0)
    bits |= np.where((must >= 0) | (glim_stage >= 0), 16, 0)
    status: np.ndarray = malnutrition_table()[bits]
    return status


def refeeding_flag(f: np.ndarray, weight_change_6m_pct: np.ndarray) -> np.ndarray:
    """NICE CG32 refeeding risk (``myoscope.causes.safety.refeeding_criteria``) over people: one major criterion
    (BMI below 16, weight loss above 15 % within 6 months) or two minor ones (BMI below 18.5, loss above 10 %, no
    intake for more than 5 days: the answer "acutely ill with no intake for more than 5 days"). 1 raised; 0 when
    BMI and the 6-month weight change are known and no minor criterion is met; -1 cannot tell. The tables carry
    neither the days of little intake beyond 5 nor the history criteria (alcohol, insulin, chemotherapy,
    diuretics), so one minor criterion alone cannot tell."""
    from myoscope.causes import safety

    b = rules.bmi(f)
    known = ~np.isnan(b) & ~np.isnan(weight_change_6m_pct)
    with np.errstate(invalid="ignore"):
        loss = np.where(np.isnan(weight_change_6m_pct), 0.0, np.maximum(0.0, -weight_change_6m_pct))
        bmi_value = np.where(np.isnan(b), np.inf, b)
        major = (bmi_value < safety.MAJOR_BMI_BELOW) | (loss > safety.MAJOR_LOSS_ABOVE)
        minors = (
            (bmi_value < safety.MINOR_BMI_BELOW).astype(np.int8)
            + (loss > safety.MINOR_LOSS_ABOVE).astype(np.int8)
            + (rules.latest(f, "acute_disease_no_intake") == 1).astype(np.int8)
        )
    raised = major | (minors >= 2)
    flag: np.ndarray = np.where(raised, 1, np.where(known & (minors == 0), 0, -1)).astype(np.int8)
    return flag


CAUSE_COLUMNS: dict[str, str] = {
    "cause_inactivity_body": "inactivity_body",
    "cause_malnutrition": "malnutrition",
}
"""Output column -> the per-person cause it reproduces."""
