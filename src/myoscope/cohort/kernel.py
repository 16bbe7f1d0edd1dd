"""The screening kernel: a batch of canonical rows in, one row of flags per person out.

Takes and returns plain NumPy arrays (or a :class:`pyarrow.RecordBatch`, see
:func:`screen_record_batch`) with no dataframe library inside, so that any engine can run it
on a partition: polars on one machine, ``dask.dataframe.map_partitions`` on a cluster,
Spark's ``mapInArrow``. The only requirement on a batch: all rows of a person are in it,
contiguous (partition by person; no shuffle).

Canonical row columns: ``person`` int64, ``day`` int32 (days since 1970-01-01), ``kind``
int8 (:data:`myoscope.cohort.KINDS`), ``side`` int8 (0 none, 1 left, 2 right), ``value``
float64 in the kind's unit. Persons: ``person`` int64 (sorted), ``sex`` int8 (0 unknown,
1 male, 2 female), ``population`` int8 (0 not stated, 1 Asian, 2 other), ``birth_year``
int16 (0 unknown), optionally ``conditions`` int16 (bit set of :mod:`._conditions`; absent: not
recorded). Rows refused by validation are returned with their reason, never dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import numpy as np

from myoscope import units
from myoscope.cohort import _rules as rules
from myoscope.cohort._features import WINDOW_MONTHS
from myoscope.cohort._kinds import KINDS
from myoscope.instruments import sarcopenia_cutoffs as cut
from myoscope.measures.body import MIN_SPAN_DAYS
from myoscope.record import EARLIEST_DATE

RULE_VERSION = "myoscope-screen/11"
"""Version of the screening rules, written beside every flag (bump when a rule changes)."""

NO_DATE = np.iinfo(np.int32).max

REASONS: tuple[str, ...] = (
    "",
    "unknown kind",
    "no value",
    "value outside the plausible range of its kind",
    "needs the side (left or right)",
    "must be a whole number",
    "no date",
    "unknown side",
    "date before 1900-01-01 or after the day of the run",
)
"""Refusal reason codes (index) and their text."""
_INTEGER_KINDS = np.array([k.name in ("sppb", "sarc_f", "sessions_20min", "acute_disease_no_intake") for k in KINDS])
_LOW = np.array([k.low for k in KINDS])
_HIGH = np.array([k.high for k in KINDS])
_SIDED = np.array([k.sided for k in KINDS])

FLAG_COLUMNS: tuple[str, ...] = (
    "person",
    "sex",
    "age",
    "last_day",
    "weight_kg",
    "height_cm",
    "bmi",
    "weight_change_3m_pct",
    "weight_change_6m_pct",
    "grip_kg",
    "gait_speed_ms",
    "chair_stand_s",
    "sppb",
    "calf_cm",
    "asm_kg",
    "low_grip_ewgsop2",
    "low_grip_awgs2019",
    "low_grip_fnih2014",
    "slow_gait_ewgsop2",
    "slow_gait_awgs2019",
    "slow_gait_fnih2014",
    "slow_chair_stand_ewgsop2",
    "slow_chair_stand_awgs2019",
    "low_sppb_ewgsop2",
    "low_sppb_awgs2019",
    "ewgsop2",
    "awgs2019",
    "fnih2014",
    "must",
    "glim_weight_loss",
    "glim",
    "girth_asymmetry_cm",
    "girth_asymmetry",
    "girth_loss",
    "who2020_aerobic",
    "brief_3x20",
    "cause_spinal_cord_injury",
    "cause_multiple_sclerosis",
    "cause_nerve_injury",
    "cause_calorie_deficit",
    "cause_atrophy",
    "cause_als",
    "cause_inactivity_limb",
    "cause_inactivity_body",
    "cause_malnutrition",
    "red_flag_rapid_weight_loss",
    "red_flag_calf_swelling",
    "red_flag_refeeding_risk",
    "red_flags",
)


RED_FLAG_COLUMNS = ("red_flag_rapid_weight_loss", "red_flag_calf_swelling", "red_flag_refeeding_risk")
"""The red flags the tables can raise (``red_flags`` counts them): weight lost fast, a calf larger than the
other by the swelling bound (``myoscope.causes.atrophy``: possibly a clot in a vein), and refeeding risk (NICE
CG32, ``_body_causes.refeeding_flag``). Symptoms are not in the tables, so the neurological red flags are not
screened."""

FIRST_DAY = (EARLIEST_DATE - dt.date(1970, 1, 1)).days
"""The first day a row may carry (the record's earliest date, 1900-01-01), in days since 1970-01-01."""


@lru_cache(maxsize=4)
def window_starts(last_day: int) -> np.ndarray:
    """First day of each weight window (:data:`WINDOW_MONTHS` calendar months before the latest weight, as
    :func:`myoscope.measures.body.weight_change` counts them) for every latest weight day from
    :data:`FIRST_DAY` to ``last_day``: ``window_starts(last)[w, day - FIRST_DAY]`` (int64, read-only)."""
    days = np.arange(FIRST_DAY, last_day + 1, dtype=np.int64)
    table = np.stack([units.months_before_days(days, m) for m in WINDOW_MONTHS])
    table.flags.writeable = False
    return table


def _checks(today: int | None = None) -> tuple[Any, ...]:
    """What validation checks a row against: the plausible range, whole numbers and sides by kind, the no-date
    marker, and the days accepted (1900-01-01 up to ``today``, default the day of the run: as a record's dates)."""
    last = (dt.date.today() - dt.date(1970, 1, 1)).days if today is None else today
    return (_LOW, _HIGH, _INTEGER_KINDS, _SIDED, NO_DATE, np.int32(FIRST_DAY), np.int32(last))


_ROW_TYPES = (("day", np.int32), ("kind", np.int8), ("side", np.int8), ("value", np.float64))


def validate(day: np.ndarray, kind: np.ndarray, side: np.ndarray, value: np.ndarray) -> np.ndarray:
    """Reason code of each row (0 = accepted), see :data:`REASONS`."""
    from myoscope.cohort._aggregate import validate_rows

    reasons: np.ndarray = validate_rows(
        np.ascontiguousarray(day, dtype=np.int32),
        np.ascontiguousarray(kind, dtype=np.int8),
        np.ascontiguousarray(side, dtype=np.int8),
        np.ascontiguousarray(value, dtype=np.float64),
        *_checks(),
    )
    return reasons


def _person_attributes(ids: np.ndarray, persons: Mapping[str, np.ndarray] | None) -> tuple[np.ndarray, ...]:
    """(sex, population, birth_year, conditions bit set) of each person id; zeros where unknown."""
    n = ids.shape[0]
    if persons is None or len(persons["person"]) == 0:
        zeros = np.zeros(n, dtype=np.int8)
        return zeros, zeros, np.zeros(n, dtype=np.int16), np.zeros(n, dtype=np.int16)
    at = np.searchsorted(persons["person"], ids)
    at = np.minimum(at, len(persons["person"]) - 1)
    found = persons["person"][at] == ids

    def pick(col: str, dtype: type[np.integer[Any]]) -> np.ndarray:
        if col not in persons:
            return np.zeros(n, dtype=dtype)
        return np.where(found, np.asarray(persons[col])[at], 0).astype(dtype)

    return pick("sex", np.int8), pick("population", np.int8), pick("birth_year", np.int16), pick("conditions", np.int16)


BIRTHDAY_OF_A_YEAR = (7, 1)
"""(month, day) a person known only by year of birth (OMOP's ``year_of_birth``) is taken to be born on: the
middle of the year, so the age in whole years is never more than half a year off either way. The year of the
row minus the year of birth would be one year high until the birthday, for half of everyone on average."""


def _age(last_day: np.ndarray, birth_year: np.ndarray) -> np.ndarray:
    """Age in whole years at the last row, for a birth on :data:`BIRTHDAY_OF_A_YEAR` of the year of birth."""
    days = np.where(np.isnan(last_day), 0, last_day).astype("datetime64[D]")
    years = days.astype("datetime64[Y]")
    month, day = BIRTHDAY_OF_A_YEAR
    birthday = years.astype("datetime64[M]") + np.timedelta64(month - 1, "M")
    before_birthday = days < birthday.astype("datetime64[D]") + np.timedelta64(day - 1, "D")
    age = np.maximum(years.astype(np.int64) + 1970 - birth_year - before_birthday, 0)  # -1 is 'unknown' below
    return np.where((birth_year > 0) & ~np.isnan(last_day), age, -1).astype(np.int16)


def screen_arrays(
    rows: Mapping[str, np.ndarray], persons: Mapping[str, np.ndarray] | None = None, on: int | None = None
) -> tuple[dict[str, np.ndarray], np.ndarray, np.ndarray]:
    """(flags by column, indices of refused rows, their reason codes) for one batch.

    One pass over the rows validates them, aggregates each person's features and weekly activity
    summaries (:func:`myoscope.cohort._aggregate.screen_rows`); the rules then run over people."""
    from myoscope.cohort._aggregate import runs, screen_rows
    from myoscope.cohort._body_causes import activity_bits

    person = np.ascontiguousarray(rows["person"], dtype=np.int64)
    typed = tuple(np.ascontiguousarray(rows[k], dtype=t) for k, t in _ROW_TYPES)
    order = None
    if not runs(person)[1]:
        order = np.argsort(person, kind="stable")
        person, typed = person[order], tuple(v[order] for v in typed)
    checks = _checks()
    ids, f, weeks, reason, n_refused = screen_rows(
        person, typed, checks, NO_DATE if on is None else on, window_starts(int(checks[-1])), MIN_SPAN_DAYS
    )
    refused = np.flatnonzero(reason) if n_refused else np.zeros(0, np.int64)
    refused_at = refused if order is None else order[refused]
    return flags(ids, f, persons, activity_bits(weeks)), refused_at, reason[refused]


def flags(
    ids: np.ndarray, f: np.ndarray, persons: Mapping[str, np.ndarray] | None, activity: np.ndarray | None = None
) -> dict[str, np.ndarray]:
    """Apply the rules of :mod:`._rules` to per-person features; ``activity`` holds each person's weekly
    activity findings (:func:`myoscope.cohort._body_causes.activity_bits`; None: no activity rows)."""
    from myoscope.cohort import _body_causes as body
    from myoscope.cohort._causes import cause_statuses as measured_causes
    from myoscope.cohort._conditions import cause_statuses
    from myoscope.cohort._features import COL
    from myoscope.cohort._muscle_causes import cause_statuses as muscle_causes

    sex, population, birth_year, conditions = _person_attributes(ids, persons)

    def latest(name: str) -> np.ndarray:
        return rules.latest(f, name).copy()  # the flags never point into the features (a working array)

    c = cut
    out: dict[str, Any] = {
        "person": ids,
        "sex": sex,
        "age": _age(f[:, COL["last_day"]], birth_year),
        "last_day": f[:, COL["last_day"]].copy(),
    }
    out.update(
        weight_kg=latest("body_weight"),
        height_cm=latest("height"),
        bmi=rules.bmi(f),
        weight_change_3m_pct=rules.weight_change_percent(f, 0),
        weight_change_6m_pct=rules.weight_change_percent(f, 1),
        grip_kg=latest("grip_strength"),
        gait_speed_ms=latest("gait_speed"),
        chair_stand_s=latest("chair_stand_time"),
        sppb=latest("sppb"),
        calf_cm=latest("calf_circumference"),
        asm_kg=latest("appendicular_lean_mass"),
    )
    grip, gait, chair, sppb = out["grip_kg"], out["gait_speed_ms"], out["chair_stand_s"], out["sppb"]
    out.update(
        low_grip_ewgsop2=rules.met(c.EWGSOP2_GRIP, grip, sex),
        low_grip_awgs2019=rules.met(c.AWGS2019_GRIP, grip, sex),
        low_grip_fnih2014=rules.met(c.FNIH_GRIP, grip, sex),
        slow_gait_ewgsop2=rules.met(c.EWGSOP2_GAIT, gait),
        slow_gait_awgs2019=rules.met(c.AWGS2019_GAIT, gait),
        slow_gait_fnih2014=rules.met(c.FNIH_GAIT, gait),
        slow_chair_stand_ewgsop2=rules.met(c.EWGSOP2_CHAIR_STAND, chair),
        slow_chair_stand_awgs2019=rules.met(c.AWGS2019_CHAIR_STAND, chair),
        low_sppb_ewgsop2=rules.met(c.EWGSOP2_SPPB, sppb),
        low_sppb_awgs2019=rules.met(c.AWGS2019_SPPB, sppb),
        ewgsop2=rules.ewgsop2_stage(f, sex),
        awgs2019=rules.awgs2019_stage(f, sex, population),
        fnih2014=rules.fnih2014_stage(f, sex),
        must=rules.must_category(f),
        glim_weight_loss=rules.glim_weight_loss_stage(f),
    )
    out["glim"] = rules.glim_stage(f, out["age"], population, conditions)
    out.update(cause_statuses(conditions))
    out.update(measured_causes(out["weight_change_6m_pct"]))
    out.update(muscle_causes(f, out, sex, conditions))
    out["cause_inactivity_body"] = body.inactivity_status(
        np.zeros(ids.shape[0], np.int64) if activity is None else activity
    )
    out["cause_malnutrition"] = body.malnutrition_status(f, out["glim"])
    out.update(rules.girth_findings(f))
    out.update(rules.activity(f))
    rapid = out["glim_weight_loss"]
    out["red_flag_rapid_weight_loss"] = np.where(rapid < 0, -1, rapid == 2).astype(np.int8)
    out["red_flag_refeeding_risk"] = body.refeeding_flag(f, out["weight_change_6m_pct"])
    out["red_flags"] = sum((out[c] == 1).astype(np.int8) for c in RED_FLAG_COLUMNS).astype(np.int8)
    return out


def screen_record_batch(
    batch: Any, persons: Mapping[str, np.ndarray] | None = None, on: int | None = None
) -> tuple[Any, Any]:
    """:func:`screen_arrays` on a :class:`pyarrow.RecordBatch`; returns (flags batch, refused batch)."""
    import pyarrow as pa

    rows = {
        name: batch.column(name).to_numpy(zero_copy_only=False) for name in ("person", "day", "kind", "side", "value")
    }
    out, refused, reason = screen_arrays(rows, persons, on)
    refused_rows = pa.record_batch(
        {**{k: pa.array(v[refused]) for k, v in rows.items()}, "reason": pa.array(reason.astype(np.int8))}
    )
    return pa.record_batch({k: pa.array(out[k]) for k in FLAG_COLUMNS}), refused_rows
