"""Per-person facts to flags and categories, vectorised over people, with the per-person constants.

Every cut-off is imported from the module that holds it beside its source
(:mod:`myoscope.instruments.sarcopenia_cutoffs`, :mod:`myoscope.instruments.must`,
:mod:`myoscope.criteria.glim`, :mod:`myoscope.criteria.activity_guidelines`,
:mod:`myoscope.measures.girth`, :mod:`myoscope.measures.body`); the decision logic mirrors
the per-person definitions step by step, and ``tests/cohort/test_cohort_matches_per_person.py``
checks both on random records. Tri-state results are int8: 1 yes, 0 no, -1 cannot tell.
Categories are int8 stage codes of each definition (its ``STAGE`` table), -1 = cannot tell.
"""

from __future__ import annotations

import functools
import operator

import numpy as np

from myoscope.cohort._features import COL, WINDOW_MONTHS
from myoscope.cohort._kinds import GIRTHS, KIND_CODE, schema_bounds
from myoscope.criteria import activity_guidelines as who
from myoscope.criteria import awgs2019, ewgsop2, fnih2014, glim
from myoscope.instruments import must
from myoscope.instruments import sarcopenia_cutoffs as cut
from myoscope.instruments.api import Cutoff, given
from myoscope.measures import girth

YES, NO, UNKNOWN = np.int8(1), np.int8(0), np.int8(-1)
MALE, FEMALE = 1, 2
ASIAN, OTHER = 1, 2
_OPS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}


def latest(features: np.ndarray, kind: str) -> np.ndarray:
    return features[:, COL[f"latest.{KIND_CODE[kind]}"]]


def tidy(values: np.ndarray) -> np.ndarray:
    """:func:`myoscope.instruments._cutoff.tidy` over an array (9 decimals)."""
    return np.round(values, 9)


def met(cutoff: Cutoff, values: np.ndarray, sex: np.ndarray | None = None) -> np.ndarray:
    """:meth:`Cutoff.met` over arrays: 1 / 0, or -1 when the value (or a needed sex) is unknown."""
    unknown = np.isnan(values)
    tidied = tidy(values)
    op = _OPS[cutoff.op]
    with np.errstate(invalid="ignore"):  # a comparison with NaN is False
        if cutoff.sex_specific:
            male, female = sex == MALE, sex == FEMALE
            hit = (male & op(tidied, given(cutoff.male))) | (female & op(tidied, given(cutoff.female)))
            unknown |= ~(male | female)
        else:
            hit = op(tidied, float(cutoff.male))
    state: np.ndarray = hit.view(np.int8) - unknown.view(np.int8)  # hit is False where unknown
    return state


def any_of(*states: np.ndarray) -> np.ndarray:
    """:func:`myoscope.instruments._cutoff.any_of` over arrays: yes if any is yes, else no if any is no, else
    cannot tell; with -1 < 0 < 1, the largest state."""
    found: np.ndarray = functools.reduce(np.maximum, states)
    return found


def _pick(conditions: list[tuple[np.ndarray, int]], default: int) -> np.ndarray:
    """First matching (condition, code), as ``np.select`` with int8 output."""
    out = np.full(conditions[0][0].shape, default, dtype=np.int8)
    for condition, code in reversed(conditions):  # an earlier condition overwrites a later one
        np.putmask(out, condition, np.int8(code))
    return out


def ewgsop2_stage(f: np.ndarray, sex: np.ndarray) -> np.ndarray:
    """EWGSOP2 (:class:`myoscope.criteria.ewgsop2.Ewgsop2`): strength, then mass, then performance."""
    s = ewgsop2.STAGE
    asmi = tidy(latest(f, "appendicular_lean_mass") / (latest(f, "height") / 100.0) ** 2)
    strength = any_of(
        met(cut.EWGSOP2_GRIP, latest(f, "grip_strength"), sex),
        met(cut.EWGSOP2_CHAIR_STAND, latest(f, "chair_stand_time")),
    )
    mass = any_of(met(cut.EWGSOP2_ASM, latest(f, "appendicular_lean_mass"), sex), met(cut.EWGSOP2_ASMI, asmi, sex))
    perf = any_of(
        met(cut.EWGSOP2_GAIT, latest(f, "gait_speed")),
        met(cut.EWGSOP2_SPPB, latest(f, "sppb")),
        met(cut.EWGSOP2_TUG, latest(f, "timed_up_and_go")),
        met(cut.EWGSOP2_WALK_400M, latest(f, "walk_400m_time")),
    )
    return _pick(
        [
            (sex == 0, -1),
            (strength == UNKNOWN, -1),
            (strength == NO, s[ewgsop2.NONE]),
            (mass != YES, s[ewgsop2.PROBABLE]),
            (perf == YES, s[ewgsop2.SEVERE]),
        ],
        s[ewgsop2.CONFIRMED],
    )


def awgs2019_stage(f: np.ndarray, sex: np.ndarray, population: np.ndarray) -> np.ndarray:
    """AWGS 2019 community pathway (the pathway the per-person analysis uses): grip or chair stand."""
    s = awgs2019.STAGE
    low = any_of(
        met(cut.AWGS2019_GRIP, latest(f, "grip_strength"), sex),
        met(cut.AWGS2019_CHAIR_STAND, latest(f, "chair_stand_time")),
    )
    return _pick(
        [(population == 0, -1), (sex == 0, -1), (low == UNKNOWN, -1), (low == YES, s[awgs2019.POSSIBLE])],
        s[awgs2019.NONE],
    )


def bmi(f: np.ndarray) -> np.ndarray:
    """Weight / height² as the instruments compute it (unrounded)."""
    return latest(f, "body_weight") / (latest(f, "height") / 100.0) ** 2


def fnih2014_stage(f: np.ndarray, sex: np.ndarray) -> np.ndarray:
    """FNIH 2014: weakness, then low ALM/BMI, then slowness."""
    s = fnih2014.STAGE
    ratio = tidy(latest(f, "appendicular_lean_mass") / tidy(bmi(f)))
    weak = met(cut.FNIH_GRIP, latest(f, "grip_strength"), sex)
    low_mass = met(cut.FNIH_ALM_BMI, ratio, sex)
    slow = met(cut.FNIH_GAIT, latest(f, "gait_speed"))
    return _pick(
        [
            (sex == 0, -1),
            (weak == UNKNOWN, -1),
            (weak == NO, s[fnih2014.NO_WEAKNESS]),
            (low_mass == UNKNOWN, -1),
            (low_mass == NO, s[fnih2014.WEAK_ONLY]),
            (slow == YES, s[fnih2014.WEAK_SLOW_LOW_MASS]),
        ],
        s[fnih2014.WEAK_LOW_MASS],
    )


def weight_change_percent(f: np.ndarray, window: int) -> np.ndarray:
    """Signed % change over window ``window`` (0: 3 months, 1: 6 months), as measures.body computes it."""
    start, end = f[:, COL[f"window.{window}.start"]], f[:, COL[f"window.{window}.end"]]
    change: np.ndarray = 100.0 * (end - start) / start
    return change


def must_category(f: np.ndarray) -> np.ndarray:
    """'MUST' category (0 low, 1 medium, 2 high, -1 cannot tell) from BMI, 6-month loss and acute illness."""
    loss = np.maximum(0.0, -weight_change_percent(f, 1))
    return must_points_category(bmi(f), loss, latest(f, "acute_disease_no_intake"))


def must_points_category(b: np.ndarray, loss: np.ndarray, acute: np.ndarray) -> np.ndarray:
    """'MUST' category from BMI, weight loss (%) and acute illness (1 / 0), NaN where unknown: the
    category when every unknown step's 0 to 2 points leave it unchanged, else -1."""
    with np.errstate(invalid="ignore"):
        bmi_pts = _points(b, b > must.BMI_NO_RISK_ABOVE, b >= must.BMI_HIGH_RISK_BELOW)
        loss_pts = _points(loss, loss < must.WEIGHT_LOSS_LOW_BELOW, loss <= must.WEIGHT_LOSS_HIGH_ABOVE)
    acute_pts = (acute == 1).view(np.int8) * np.int8(must.ACUTE_DISEASE_POINTS)
    known = bmi_pts + loss_pts + acute_pts
    # an unknown step adds 0 to 2 points: the category (at most 2) is decided when nothing is unknown or the
    # known points already reach 2
    decided = (known >= 2) | ~(np.isnan(b) | np.isnan(loss) | np.isnan(acute))
    category: np.ndarray = decided.view(np.int8) * (np.minimum(known, 2) + np.int8(1)) - np.int8(1)
    return category


def _points(x: np.ndarray, none: np.ndarray, one: np.ndarray) -> np.ndarray:
    """A 'MUST' step's points (int8): 0 where ``none``, else 1 where ``one``, else 2; 0 where ``x`` is NaN."""
    some = ~none & ~np.isnan(x)
    points: np.ndarray = some.view(np.int8) + (some & ~one).view(np.int8)
    return points


def glim_weight_loss_stage(f: np.ndarray) -> np.ndarray:
    """GLIM weight-loss criterion within 6 months: 0 not met, 1 or 2 (stage), -1 unknown."""
    loss = np.maximum(0.0, -weight_change_percent(f, 1))
    lo, hi = glim.WEIGHT_LOSS_WITHIN_6_MONTHS
    with np.errstate(invalid="ignore"):
        stage = (loss > lo).astype(np.int8) + (loss > hi).astype(np.int8)
    return np.where(np.isnan(loss), UNKNOWN, stage).astype(np.int8)


_GLIM_BOUNDS = {
    name: schema_bounds(glim.GlimInput, name)
    for name in ("age", "bmi", "weight_loss_within_6_months", "weight_loss_beyond_6_months")
}
"""The ranges the GLIM input model accepts: a value outside makes the per-person path "cannot tell"."""
GLIM_NOT_GRADED = 3
"""Code of "malnutrition (stage not graded)": low BMI alone in a population without a GLIM severity cut-off."""


def _inside(values: np.ndarray, bounds: tuple[float, float]) -> np.ndarray:
    inside: np.ndarray = np.isnan(values) | ((values >= bounds[0]) & (values <= bounds[1]))
    return inside


def _loss_beyond_6_months(f: np.ndarray) -> np.ndarray:
    """Weight loss (%) over the longest window when its first weight is more than 6 months before the last (as
    :func:`myoscope.measures.body.weight_change_beyond` reads :data:`glim.BEYOND_6_MONTHS_SPAN`), else NaN.

    That first weight is outside the 6-month window exactly when the 6-month window has no weight or starts
    later (both windows end at the latest weight and share their last day)."""
    longest, within = len(WINDOW_MONTHS) - 1, WINDOW_MONTHS.index(glim.BEYOND_6_MONTHS_SPAN[0])
    first, first_within = f[:, COL[f"window.{longest}.start_day"]], f[:, COL[f"window.{within}.start_day"]]
    with np.errstate(invalid="ignore"):
        beyond = ~np.isnan(first) & (np.isnan(first_within) | (first < first_within))
        loss = np.round(np.maximum(0.0, -weight_change_percent(f, longest)), 3)
    return np.where(beyond, loss, np.nan)


def _loss_stage(loss: np.ndarray, limits: tuple[float, float]) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        return np.where(np.isnan(loss), 0, (loss > limits[0]).astype(np.int8) + (loss > limits[1]).astype(np.int8))


def glim_stage(
    f: np.ndarray, age: np.ndarray, population: np.ndarray, conditions: np.ndarray | None = None
) -> np.ndarray:
    """GLIM 2019 (:class:`myoscope.criteria.glim.Glim`) on the inputs the per-person path derives from
    tables: weight loss within and beyond 6 months, BMI from weight and height, age, population, and inflammation
    when acutely ill or with a chronic disease of GLIM's list in the conditions bit set (the per-person path
    reads both as current disease burden). Reduced intake
    and muscle mass are not derived from tables there either, so "no malnutrition" is never decided here.

    Codes: -1 cannot tell, 0 no malnutrition, 1 / 2 stage, :data:`GLIM_NOT_GRADED`.
    """
    with np.errstate(invalid="ignore"):
        loss = np.round(np.maximum(0.0, -weight_change_percent(f, 1)), 3)
        beyond = _loss_beyond_6_months(f)
        b = np.round(bmi(f), 2)
        known_age = age >= 0
        agef = np.where(known_age, age, np.nan).astype(float)
        valid = (
            _inside(agef, _GLIM_BOUNDS["age"])
            & _inside(b, _GLIM_BOUNDS["bmi"])
            & _inside(loss, _GLIM_BOUNDS["weight_loss_within_6_months"])
            & _inside(beyond, _GLIM_BOUNDS["weight_loss_beyond_6_months"])
        )
        loss_stage = np.maximum(
            _loss_stage(loss, glim.WEIGHT_LOSS_WITHIN_6_MONTHS), _loss_stage(beyond, glim.WEIGHT_LOSS_BEYOND_6_MONTHS)
        )
        older = agef >= glim.OLDER_AGE
        asian = population == ASIAN
        low = np.where(
            asian,
            np.where(older, glim.LOW_BMI["asian"][1], glim.LOW_BMI["asian"][0]),
            np.where(older, glim.LOW_BMI["general"][1], glim.LOW_BMI["general"][0]),
        )
        severe_bmi = given(glim.SEVERE_BMI["general"], "the GLIM severe BMI cut-offs")
        severe = np.where(older, severe_bmi[1], severe_bmi[0])
        bmi_known = ~np.isnan(b) & known_age
        low_bmi = bmi_known & (b < low)
    if glim.SEVERE_BMI["asian"] is not None:  # the table above grades Asian BMI nowhere (GLIM 2019)
        raise AssertionError("GLIM Asian severity cut-offs changed: update glim_stage")
    bmi_stage = np.where(low_bmi & ~asian, np.where(b < severe, 2, 1), 0)
    ungraded_bmi = low_bmi & asian
    phenotypic = (loss_stage > 0) | low_bmi
    inflamed = latest(f, "acute_disease_no_intake") == 1
    if conditions is not None:
        from myoscope.cohort._conditions import BURDEN

        inflamed |= (np.asarray(conditions, np.int64) & BURDEN) > 0
    stage = np.maximum(loss_stage, bmi_stage)
    graded = np.where(stage > 0, stage, np.where(ungraded_bmi, GLIM_NOT_GRADED, 0))
    return np.where(valid & inflamed & phenotypic, graded, UNKNOWN).astype(np.int8)


def girth_sites(f: np.ndarray) -> list[int]:
    """The girth sites (indices of :data:`GIRTHS`) measured on anyone of the batch: a site measured on no one
    has no side, difference or trend, so it changes no finding (a day with both sides measured has a
    first day on each side)."""
    return [
        j
        for j in range(len(GIRTHS))
        if not all(np.isnan(f[:, COL[f"trend.{j}.{side}.first_day"]]).all() for side in ("left", "right"))
    ]


def girth_findings(f: np.ndarray) -> dict[str, np.ndarray]:
    """Largest side-to-side difference, asymmetry beyond error (any site) and loss beyond error over time."""
    n = f.shape[0]
    diff_max = np.full(n, np.nan)
    asym, loss = np.full(n, UNKNOWN), np.full(n, UNKNOWN)
    threshold = max(girth.MDC_FRACTION, girth.TREND_MIN_FRACTION)
    for j in girth_sites(f):
        left, right = f[:, COL[f"both.{j}.left"]], f[:, COL[f"both.{j}.right"]]
        d = np.abs(left - right)
        beyond = (d >= girth.MDC_FRACTION * np.maximum(left, right)) & (d >= girth.ASYMMETRY_FLOOR_CM)
        known = ~np.isnan(d)
        diff_max = np.where(known & ~(d <= diff_max), d, diff_max)
        asym = np.where(known & beyond, YES, np.where(known & (asym != YES), NO, asym)).astype(np.int8)
        for side in ("left", "right"):
            first_day, first = f[:, COL[f"trend.{j}.{side}.first_day"]], f[:, COL[f"trend.{j}.{side}.first"]]
            last_day, last = f[:, COL[f"trend.{j}.{side}.last_day"]], f[:, COL[f"trend.{j}.{side}.last"]]
            known = ~np.isnan(first_day) & (first_day != last_day)
            fell = -(last - first) >= threshold * first
            loss = np.where(known & fell, YES, np.where(known & (loss != YES), NO, loss)).astype(np.int8)
    return {"girth_asymmetry_cm": diff_max, "girth_asymmetry": asym, "girth_loss": loss}


def activity(f: np.ndarray) -> dict[str, np.ndarray]:
    """WHO 2020 aerobic recommendation and 3 x 20 min, from a week's summary (adherence_from_summary)."""
    moderate, vigorous = latest(f, "moderate_minutes"), latest(f, "vigorous_minutes")
    sessions = latest(f, "sessions_20min")
    lower = np.nan_to_num(moderate) + who.VIGOROUS_EQUIVALENCE * np.nan_to_num(vigorous)
    reached = lower >= who.WHO_MODERATE_MINUTES
    both, none = ~np.isnan(moderate) & ~np.isnan(vigorous), np.isnan(moderate) & np.isnan(vigorous)
    aerobic = np.where(none, UNKNOWN, np.where(reached, YES, np.where(both, NO, UNKNOWN))).astype(np.int8)
    with np.errstate(invalid="ignore"):
        brief = np.where(np.isnan(sessions), UNKNOWN, (sessions >= who.BRIEF_SESSIONS).astype(np.int8))
    return {"who2020_aerobic": aerobic, "brief_3x20": brief.astype(np.int8)}
