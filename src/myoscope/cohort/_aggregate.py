"""Rows to per-person facts: one pass over a batch whose rows are grouped by person.

Input columns (NumPy arrays of one batch, rows of a person contiguous): ``person`` int64,
``day`` int32 (days since 1970-01-01), ``kind`` int8 (codes of :mod:`._kinds`), ``side``
int8 (0 none, 1 left, 2 right), ``value`` float64 in the kind's canonical unit, ``ok`` bool
(False: refused by validation, skipped here). Rows dated after ``on`` are not read.

Same-day duplicates (same person, kind, side and day) resolve to **their highest value**:
the rule a record applies to grip trials (the best trial counts) and to calf girth (the
protocols take the maximal girth), applied to every kind so that one rule holds everywhere.
The highest value does not depend on row order, so every engine and partitioning gives the
same answer to the last bit.

Output: one row per person (in order of first appearance) of :data:`FEATURES`, NaN where
the batch holds nothing. No clinical cut-off is applied here; :mod:`._rules` does that.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from myoscope.cohort._features import (
    BOTH0,
    BOTH_DAY0,
    FEATURES,
    FIRST_BOTH0,
    FIRST_BOTH_DAY0,
    GRIP,
    GRIP0,
    LAST,
    TREND0,
    WDAY,
    WEIGHT,
    WIN0,
)
from myoscope.cohort._kinds import GIRTHS, KIND_CODE, N_KINDS

_GIRTH_CODES = np.array([KIND_CODE[g] for g in GIRTHS], dtype=np.int64)
_NONE = -2147483648
_GIRTH_OF_KIND = np.full(N_KINDS, -1, dtype=np.int64)
_GIRTH_OF_KIND[_GIRTH_CODES] = np.arange(len(GIRTHS))


@njit(cache=True, nogil=True)
def _keep_max(out, g, col, value):
    if np.isnan(out[g, col]) or value > out[g, col]:
        out[g, col] = value


@njit(cache=True, nogil=True)
def _trend_update(out, g, base, d, v):
    """First and last day (and their highest value) of one girth site and side."""
    if np.isnan(out[g, base]) or d < out[g, base]:
        out[g, base], out[g, base + 1] = d, v
    elif d == out[g, base]:
        _keep_max(out, g, base + 1, v)
    if np.isnan(out[g, base + 2]) or d > out[g, base + 2]:
        out[g, base + 2], out[g, base + 3] = d, v
    elif d == out[g, base + 2]:
        _keep_max(out, g, base + 3, v)


@njit(cache=True, nogil=True)
def _first_pass(
    out, g, day, kind, side, value, ok, start, stop, on, latest_day, girth_of_kind, girth_rows, weight_rows
):
    """Latest value of each kind, first and last of each girth side and grip hand; collects girth and weight rows."""
    n_girth, n_weight = 0, 0
    for r in range(start, stop):
        if not ok[r] or day[r] > on:
            continue
        k, d = kind[r], day[r]
        if d > latest_day[k]:
            latest_day[k] = d
            out[g, k] = value[r]
        elif d == latest_day[k]:
            _keep_max(out, g, k, value[r])
        if np.isnan(out[g, LAST]) or d > out[g, LAST]:
            out[g, LAST] = d
        if k == WEIGHT:
            weight_rows[n_weight] = r
            n_weight += 1
        elif k == GRIP and side[r] > 0:
            _trend_update(out, g, GRIP0 + 4 * (side[r] - 1), d, value[r])
        j = girth_of_kind[k]
        if j < 0 or side[r] == 0:
            continue
        girth_rows[n_girth] = r
        n_girth += 1
        _trend_update(out, g, TREND0 + 8 * j + 4 * (side[r] - 1), d, value[r])
    if latest_day[WEIGHT] > _NONE:
        out[g, WDAY] = latest_day[WEIGHT]
    return n_girth, n_weight


@njit(cache=True, nogil=True)
def _both_sides(out, g, day, kind, side, value, girth_of_kind, girth_rows, n_girth):
    """Per girth site, the latest and the earliest day with both sides measured, and each side's highest value
    on those days."""
    for a in range(n_girth):
        ra = girth_rows[a]
        if side[ra] != 1:
            continue
        for b in range(n_girth):
            rb = girth_rows[b]
            if side[rb] == 2 and kind[rb] == kind[ra] and day[rb] == day[ra]:
                j = girth_of_kind[kind[ra]]
                col = BOTH0 + 2 * j
                if np.isnan(out[g, BOTH_DAY0 + j]) or day[ra] > out[g, BOTH_DAY0 + j]:
                    out[g, BOTH_DAY0 + j] = day[ra]
                    out[g, col], out[g, col + 1] = np.nan, np.nan
                if np.isnan(out[g, FIRST_BOTH_DAY0 + j]) or day[ra] < out[g, FIRST_BOTH_DAY0 + j]:
                    out[g, FIRST_BOTH_DAY0 + j] = day[ra]
                    out[g, FIRST_BOTH0 + 2 * j], out[g, FIRST_BOTH0 + 2 * j + 1] = np.nan, np.nan
                break
    for a in range(n_girth):
        r = girth_rows[a]
        j = girth_of_kind[kind[r]]
        if day[r] == out[g, BOTH_DAY0 + j]:
            _keep_max(out, g, BOTH0 + 2 * j + side[r] - 1, value[r])
        if day[r] == out[g, FIRST_BOTH_DAY0 + j]:
            _keep_max(out, g, FIRST_BOTH0 + 2 * j + side[r] - 1, value[r])


@njit(cache=True, nogil=True)
def _windows(out, g, day, value, weight_rows, n_weight, window_days, min_span):
    if np.isnan(out[g, WDAY]):
        return
    end = int(out[g, WDAY])
    for w in range(window_days.shape[0]):
        lo, hi = end - window_days[w], end - min_span
        first, best = 2147483647, np.nan
        for i in range(n_weight):
            r = weight_rows[i]
            if lo <= day[r] <= hi:
                if day[r] < first:
                    first, best = day[r], value[r]
                elif day[r] == first and value[r] > best:
                    best = value[r]
        if first == 2147483647:
            continue
        base = WIN0 + 4 * w
        out[g, base], out[g, base + 1] = first, best
        out[g, base + 2], out[g, base + 3] = end, out[g, WEIGHT]


@njit(cache=True, nogil=True)
def aggregate_sorted(starts, day, kind, side, value, ok, on, window_days, min_span, girth_of_kind):
    """Per-person features for groups ``starts[i]:starts[i+1]`` (see the module docstring)."""
    n_groups = starts.shape[0] - 1
    out = np.empty((len(FEATURES), n_groups)).T  # column-major: the rules read whole columns
    latest_day = np.empty(N_KINDS, dtype=np.int64)
    longest = 0
    for g in range(n_groups):
        longest = max(longest, starts[g + 1] - starts[g])
    girth_rows = np.empty(longest, dtype=np.int64)
    weight_rows = np.empty(longest, dtype=np.int64)
    n_features = out.shape[1]
    one = np.empty((1, n_features))  # one person's row, kept in cache; copied out once per person
    for g in range(n_groups):
        latest_day[:] = _NONE
        one[0, :] = np.nan
        n_girth, n_weight = _first_pass(
            one,
            0,
            day,
            kind,
            side,
            value,
            ok,
            starts[g],
            starts[g + 1],
            on,
            latest_day,
            girth_of_kind,
            girth_rows,
            weight_rows,
        )
        _both_sides(one, 0, day, kind, side, value, girth_of_kind, girth_rows, n_girth)
        _windows(one, 0, day, value, weight_rows, n_weight, window_days, min_span)
        for c in range(n_features):
            out[g, c] = one[0, c]
    return out


@njit(cache=True, nogil=True)
def validate_rows(day, kind, side, value, low, high, integer, sided, no_date):
    """Reason code per row: the most basic problem wins (codes of ``kernel.REASONS``)."""
    reason = np.zeros(kind.shape[0], dtype=np.int8)
    n_kinds = low.shape[0]
    for r in range(kind.shape[0]):
        k, v = kind[r], value[r]
        if k < 0 or k >= n_kinds:
            reason[r] = 1
        elif day[r] == no_date:
            reason[r] = 6
        elif np.isnan(v):
            reason[r] = 2
        elif v < low[k] or v > high[k]:
            reason[r] = 3
        elif integer[k] and v != np.floor(v):
            reason[r] = 5
        elif side[r] < 0 or side[r] > 2:
            reason[r] = 7
        elif sided[k] and side[r] == 0:
            reason[r] = 4
    return reason


def group_starts(person: np.ndarray) -> np.ndarray:
    """Offsets of each run of equal ``person`` values, with the end appended."""
    if person.size == 0:
        return np.zeros(1, dtype=np.int64)
    change = np.flatnonzero(person[1:] != person[:-1]) + 1
    return np.concatenate(([0], change, [person.size])).astype(np.int64)


def aggregate(person, day, kind, side, value, ok, on: int, window_days, min_span: int) -> tuple[np.ndarray, np.ndarray]:
    """(person ids, features) for a batch; rows of a person must be contiguous."""
    starts = group_starts(person)
    features = aggregate_sorted(
        starts,
        day,
        kind,
        side,
        value,
        ok,
        np.int64(on),
        np.asarray(window_days, dtype=np.int64),
        np.int64(min_span),
        _GIRTH_OF_KIND,
    )
    return person[starts[:-1]], features
