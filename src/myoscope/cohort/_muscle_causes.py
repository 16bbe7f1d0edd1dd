"""The atrophy finding, the ALS motor pattern and one-limb inactivity, decided from the tables.

Atrophy (``myoscope.causes.atrophy``): each of its findings is computed over people from the
per-person features, with the constants of the modules that hold them (girth error and floor,
calf swelling, the meaningful fall of grip, every instrument's and definition's cut-offs), and
the status is then read from a table that :func:`myoscope.causes.contract.decide`
fills once from the cause's own rule table, one entry per set of findings. What the tables
carry and the per-person path reads: latest asymmetry per girth site (both sides on one day)
and the first such day (a stable difference), first and latest girth of each side (fell / rose
/ within error), first and latest grip of each hand, and the latest value of every measure
the muscle instruments and the sarcopenia definitions score, and the weight change over 6 months.
Limb lengths are not in the tables, so a difference is never set aside as a length difference (as for a record without
them). SARC-F and SPPB totals enter through the definitions only, as in the flags.

ALS (``myoscope.causes.als``): the diagnosis is a conditions-table bit; without it the status
rests on symptoms, which tables do not carry, so it is "not supported" only when the atrophy
finding is "not supported", and "cannot tell" otherwise (exactly what the per-person cause gives
for a record without symptoms: a condition such as a stroke explains only symptoms that were
recorded, so it decides nothing here).

One-limb inactivity (``myoscope.causes.inactivity_limb``) needs immobilisation episodes, which
tables do not carry: "cannot tell" for everyone, from the cause's rule for no episode on record.
"""

from __future__ import annotations

from enum import Enum
from functools import lru_cache
from typing import Any

import numpy as np

from myoscope.cohort import _rules as rules
from myoscope.cohort._features import COL, WINDOW_MONTHS
from myoscope.cohort._kinds import GIRTHS
from myoscope.instruments import sarcopenia_cutoffs as cut
from myoscope.instruments.must import WEIGHT_LOSS_LOW_BELOW as WEIGHT_LOSS_PERCENT
from myoscope.measures import girth
from myoscope.record import GIRTH_SITES

YES = rules.YES
_FELL, _ROSE, _STABLE, _UNKNOWN = 1, 2, 3, 0
"""How one side's girth moved (``myoscope.causes.facts.Change``)."""


def _atrophy_findings() -> tuple[Enum, ...]:
    from myoscope.causes import atrophy

    return tuple(atrophy.F)


@lru_cache(maxsize=1)
def atrophy_table() -> np.ndarray:
    """Status code of the atrophy finding for each bit set of its findings (bit i: i-th member of ``F``)."""
    from myoscope.causes import atrophy
    from myoscope.causes.contract import decide
    from myoscope.cohort._conditions import STATUS_CODE

    members = _atrophy_findings()
    return np.array(
        [
            STATUS_CODE[decide(atrophy.RULES, {m for i, m in enumerate(members) if bits >> i & 1}).status.value]
            for bits in range(1 << len(members))
        ],
        np.int8,
    )


def _bit(name: str) -> int:
    return 1 << [m.name for m in _atrophy_findings()].index(name)


def _change(f: np.ndarray, j: int, side: str) -> np.ndarray:
    """:func:`myoscope.causes.facts._change` over people: first to latest girth of one site and side."""
    first_day, first = f[:, COL[f"trend.{j}.{side}.first_day"]], f[:, COL[f"trend.{j}.{side}.first"]]
    last_day, last = f[:, COL[f"trend.{j}.{side}.last_day"]], f[:, COL[f"trend.{j}.{side}.last"]]
    threshold = max(girth.MDC_FRACTION, girth.TREND_MIN_FRACTION)  # one observer: tables record none
    known = ~np.isnan(first_day) & (first_day != last_day)
    with np.errstate(invalid="ignore"):
        change = last - first
        fell, rose = -change >= threshold * first, change >= threshold * first
    return np.where(~known, _UNKNOWN, np.where(fell, _FELL, np.where(rose, _ROSE, _STABLE)))


def _pair(left: np.ndarray, right: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(difference, beyond error, thinner side 0/1/2) of :class:`myoscope.measures.girth.Asymmetry`."""
    d = np.abs(left - right)
    with np.errstate(invalid="ignore"):
        beyond = (d >= girth.MDC_FRACTION * np.maximum(left, right)) & (d >= girth.ASYMMETRY_FLOOR_CM)
        thinner = np.where(left < right, 1, np.where(left > right, 2, 0))
    return d, beyond, thinner


def _site_state(f: np.ndarray, j: int) -> dict[str, np.ndarray]:
    """One girth site's trends and asymmetry over people, as ``atrophy`` reads them (calf swelling included)."""
    from myoscope.causes.facts import CALF_SWELLING_CM

    left_change, right_change = _change(f, j, "left"), _change(f, j, "right")
    d, beyond, thinner = _pair(f[:, COL[f"both.{j}.left"]], f[:, COL[f"both.{j}.right"]])
    _, first_beyond, first_thinner = _pair(f[:, COL[f"first_both.{j}.left"]], f[:, COL[f"first_both.{j}.right"]])
    paired = ~np.isnan(d)
    side_fell = (left_change == _FELL) | (right_change == _FELL)
    later = f[:, COL[f"first_both.{j}.day"]] != f[:, COL[f"both.{j}.day"]]
    stable = beyond & later & first_beyond & (first_thinner == thinner) & ~side_fell
    larger = np.where(thinner == 1, right_change, left_change)
    smaller = np.where(thinner == 1, left_change, right_change)
    larger_swelled = (thinner != 0) & (larger == _ROSE) & (smaller != _FELL)
    with np.errstate(invalid="ignore"):
        big = d >= CALF_SWELLING_CM
    calf = GIRTH_SITES[GIRTHS[j]] == "calf"
    swollen = paired & big & ~stable & (larger_swelled | ~side_fell) & calf
    return {
        "changes": np.stack([left_change, right_change]),
        "paired": paired,
        "beyond": beyond,
        "thinner": thinner,
        "stable": stable,
        "swollen": swollen,
    }


def _girth_bits(f: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Findings of the asymmetries and trends (``atrophy._asymmetry_evidence`` and ``_trend_evidence``), and the
    calf-swelling red flag the same asymmetries raise (1 raised, 0 both calves measured and not, -1 cannot tell).

    A swollen calf hides loss in the calf's own girths (a calf trend that did not fall is no evidence against),
    but not a thinner limb on the swollen side or on an arm (``thinner_where_swollen``)."""
    from myoscope.causes.atrophy import ARM_SITES

    bits = np.zeros(f.shape[0], np.int64)
    calf = np.full(f.shape[0], -1, np.int8)
    within, fell_bit = _bit("girths_within_error"), _bit("girth_fell")
    sites = {j: _site_state(f, j) for j in rules.girth_sites(f)}
    swollen_side = np.zeros(f.shape[0], np.int8)  # 0 none, 1 left, 2 right: the larger calf read as swelling
    for state in sites.values():
        swollen_side = np.where(state["swollen"], 3 - state["thinner"], swollen_side).astype(np.int8)
    for j, st in sites.items():
        site = GIRTH_SITES[GIRTHS[j]]
        hidden = (swollen_side != 0) & (site == "calf")
        for change in st["changes"]:
            bits |= np.where(change == _FELL, fell_bit, np.where((change != _UNKNOWN) & ~hidden, within, 0))
        paired, beyond, stable, swollen = st["paired"], st["beyond"], st["stable"], st["swollen"]
        bits |= np.where(swollen, _bit("swelling"), 0)
        if site == "calf":
            calf = np.where(swollen, 1, np.where(paired & (calf == -1), 0, calf)).astype(np.int8)
        bits |= np.where(paired & beyond & stable, _bit("stable_asymmetry"), 0)
        new = paired & beyond & ~stable & ~swollen
        bits |= np.where(new, _bit("new_asymmetry"), 0)
        unhidden = (swollen_side != 0) & ((site in ARM_SITES) | (st["thinner"] == swollen_side))
        bits |= np.where(new & unhidden, _bit("thinner_where_swollen"), 0)
        bits |= np.where(paired & ~beyond & ~hidden, _bit("sides_within_error"), 0)
    return bits, calf


@lru_cache(maxsize=16)
def _bounds(instrument: str, field: str) -> tuple[float, float]:
    from myoscope import scores
    from myoscope.cohort._kinds import schema_bounds

    return schema_bounds(scores.get(instrument).Input, field)


def _accepts(instrument: str, **values: np.ndarray) -> np.ndarray:
    """True where the instrument's input model accepts every known value (else the per-person path scores
    "cannot tell", the values being outside what the instrument accepts)."""
    ok = np.ones(next(iter(values.values())).shape, bool)
    for field, v in values.items():
        low, high = _bounds(instrument, field)
        with np.errstate(invalid="ignore"):
            ok &= np.isnan(v) | ((v >= low) & (v <= high))
    return ok


def _any_met(*states: np.ndarray) -> np.ndarray:
    met: np.ndarray = rules.any_of(*states) == YES
    return met


def _instrument_weak(f: np.ndarray, out: dict[str, Any], sex: np.ndarray) -> np.ndarray:
    """True where a muscle instrument the record feeds is positive (``atrophy._instrument_evidence``)."""

    def latest(name: str) -> np.ndarray:
        return rules.latest(f, name)

    met = rules.met
    calf, asm = latest("calf_circumference"), latest("appendicular_lean_mass")
    height = np.round(latest("height"), 2)  # person fields as measures.answers.person_values gives them
    bmi = np.round(latest("body_weight") / (latest("height") / 100.0) ** 2, 2)
    asmi = rules.tidy(asm / (height / 100.0) ** 2)
    dxa, bia = met(cut.AWGS2019_ASMI_DXA, asmi, sex), met(cut.AWGS2019_ASMI_BIA, asmi, sex)
    awgs_mass = np.where(dxa == bia, dxa, rules.UNKNOWN)  # method not in the tables: decided when both agree
    known_sex = sex != 0
    calf_ok = _accepts("calf-circumference", bmi=bmi)
    asm_ok = _accepts("asm", height=height, weight=np.round(latest("body_weight"), 3), bmi=bmi)
    weak: np.ndarray = (
        _any_met(out["low_grip_ewgsop2"], out["low_grip_awgs2019"], out["low_grip_fnih2014"])
        | _any_met(out["slow_chair_stand_ewgsop2"], out["slow_chair_stand_awgs2019"])
        | _any_met(out["slow_gait_ewgsop2"], out["slow_gait_awgs2019"], out["slow_gait_fnih2014"])
        | (
            known_sex
            & calf_ok
            & _any_met(
                met(cut.AWGS2019_CALF, calf, sex),
                met(cut.GONZALEZ2021_CALF_MODERATE, calf, sex),
                met(cut.GONZALEZ2021_CALF_SEVERE, calf, sex),
            )
        )
        | _any_met(met(cut.EWGSOP2_TUG, latest("timed_up_and_go")))
        | _any_met(met(cut.EWGSOP2_WALK_400M, latest("walk_400m_time")))
        | (
            known_sex
            & asm_ok
            & _any_met(
                met(cut.EWGSOP2_ASM, asm, sex),
                met(cut.EWGSOP2_ASMI, asmi, sex),
                awgs_mass,
                met(cut.FNIH_ALM_BMI, rules.tidy(asm / bmi), sex),
            )
        )
    )
    return weak


def _grip_bits(f: np.ndarray, sex: np.ndarray) -> np.ndarray:
    """Each hand's fall and low latest grip (``myoscope.causes.facts.GripSide``)."""
    from myoscope.causes.facts import GRIP_MEANINGFUL_FALL_KG

    bits = np.zeros(f.shape[0], np.int64)
    for side in ("left", "right"):
        first_day, first = f[:, COL[f"grip.{side}.first_day"]], f[:, COL[f"grip.{side}.first"]]
        last_day, last = f[:, COL[f"grip.{side}.last_day"]], f[:, COL[f"grip.{side}.last"]]
        with np.errstate(invalid="ignore"):
            fell = (last_day > first_day) & (first - last >= GRIP_MEANINGFUL_FALL_KG)
        low = _any_met(*(rules.met(c, last, sex) for c in (cut.EWGSOP2_GRIP, cut.AWGS2019_GRIP, cut.FNIH_GRIP)))
        bits |= np.where(fell, _bit("grip_fell"), 0) | np.where(low & (sex != 0), _bit("weak_signal"), 0)
    return bits


def atrophy_status(f: np.ndarray, out: dict[str, Any], sex: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Status code of the atrophy finding per person and its calf-swelling red flag (1, 0, or -1 cannot tell);
    ``out`` holds the flags already computed."""
    stages = np.stack([out["ewgsop2"], out["awgs2019"]])
    bmi = np.round(rules.bmi(f), 2)  # the person field FNIH takes in the per-person path
    fnih = np.where(_accepts("fnih2014", bmi=bmi), out["fnih2014"], rules.UNKNOWN)
    confirmed = (stages >= 2).any(0) | (fnih >= 2)  # positive definitions with a stage from 2 up
    weak_definition = (stages == 1).any(0)  # positive at stage 1 (FNIH weakness alone is not positive)
    girth_bits, calf_swelling = _girth_bits(f)
    bits = girth_bits | _grip_bits(f, sex)
    bits |= np.where(confirmed, _bit("definition_met"), 0)
    bits |= np.where(weak_definition | _instrument_weak(f, out, sex), _bit("weak_signal"), 0)
    with np.errstate(invalid="ignore"):
        lost = -rules.weight_change_percent(f, WINDOW_MONTHS.index(6)) >= WEIGHT_LOSS_PERCENT
    bits |= np.where(lost, _bit("weight_loss"), 0)
    status: np.ndarray = atrophy_table()[bits]
    return status, calf_swelling


@lru_cache(maxsize=1)
def _als_table() -> np.ndarray:
    """Status code of the ALS cause by (diagnosed, no muscle loss) bits 1, 2."""
    from myoscope.causes import als
    from myoscope.causes.contract import decide
    from myoscope.cohort._conditions import STATUS_CODE

    def found(bits: int) -> set[Enum]:
        if bits & 1:
            return {als.F.diagnosed}
        return {als.F.no_muscle_loss} if bits & 2 else set()

    return np.array([STATUS_CODE[decide(als.RULES, found(b)).status.value] for b in range(4)], np.int8)


def als_status(conditions: np.ndarray, atrophy: np.ndarray) -> np.ndarray:
    """Status code of the ALS cause from the conditions bit set and the atrophy status codes."""
    from myoscope.cohort._conditions import KIND_BIT, STATUS_CODE

    bits = np.asarray(conditions, np.int64)
    index = (bits & KIND_BIT["als"] != 0).astype(np.int64) | np.where(atrophy == STATUS_CODE["not supported"], 2, 0)
    status: np.ndarray = _als_table()[index]
    return status


@lru_cache(maxsize=1)
def _limb_status() -> int:
    from myoscope.causes import inactivity_limb
    from myoscope.causes.contract import decide
    from myoscope.cohort._conditions import STATUS_CODE

    return STATUS_CODE[decide(inactivity_limb.RULES, set()).status.value]


def cause_statuses(f: np.ndarray, out: dict[str, Any], sex: np.ndarray, conditions: np.ndarray) -> dict[str, Any]:
    atrophy, calf_swelling = atrophy_status(f, out, sex)
    return {
        "red_flag_calf_swelling": calf_swelling,
        "cause_atrophy": atrophy,
        "cause_als": als_status(conditions, atrophy),
        "cause_inactivity_limb": np.full(f.shape[0], _limb_status(), np.int8),
    }


CAUSE_COLUMNS: dict[str, str] = {
    "cause_atrophy": "atrophy",
    "cause_als": "als",
    "cause_inactivity_limb": "inactivity_limb",
}
"""Output column -> the per-person cause it reproduces."""
