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

import threading
from typing import Any

import numpy as np
from numba import njit

from myoscope.cohort._body_causes import ACTIVITY_KINDS, MONDAY_OFFSET, WEEKS
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
_ROLE_WEIGHT, _ROLE_GRIP, _ROLE_ACTIVITY = -2, -3, -4
_ROLE = np.where(_GIRTH_OF_KIND >= 0, _GIRTH_OF_KIND, -1)
_ROLE[WEIGHT], _ROLE[GRIP] = _ROLE_WEIGHT, _ROLE_GRIP
_ROLE[list(ACTIVITY_KINDS)] = _ROLE_ACTIVITY
_SLOT_OF_KIND = np.full(N_KINDS, -1, dtype=np.int64)
_SLOT_OF_KIND[list(ACTIVITY_KINDS)] = np.arange(len(ACTIVITY_KINDS))


# The helpers called for each row take and return numbers only: a call that passes arrays costs more than the
# work of a row (numba counts references to each array it passes).


@njit(cache=True, nogil=True)
def _higher(best, v):
    """``v`` if it beats ``best`` (NaN: nothing yet), else ``best``."""
    return v if np.isnan(best) or v > best else best


@njit(cache=True, nogil=True)
def _earliest(first_day, first, d, v):
    """(day, highest value on it) of the earlier of a kept day (NaN: none) and day ``d`` with value ``v``."""
    if np.isnan(first_day) or d < first_day:
        return float(d), v
    if d == first_day:
        return first_day, _higher(first, v)
    return first_day, first


@njit(cache=True, nogil=True)
def _latest(last_day, last, d, v):
    """(day, highest value on it) of the later of a kept day (NaN: none) and day ``d`` with value ``v``."""
    if np.isnan(last_day) or d > last_day:
        return float(d), v
    if d == last_day:
        return last_day, _higher(last, v)
    return last_day, last


@njit(cache=True, nogil=True)
def _reason(k, d, v, s, n_kinds, low, high, whole, needs_side, no_date):
    """Reason code of one row: the most basic problem wins (codes of ``kernel.REASONS``, 0 = accepted).
    ``low`` ... ``needs_side`` are the checks of kind ``k`` (any kind's when ``k`` is unknown)."""
    code = 0
    if k < 0 or k >= n_kinds:
        code = 1
    elif d == no_date:
        code = 6
    elif np.isnan(v):
        code = 2
    elif v < low or v > high:
        code = 3
    elif whole and v != np.floor(v):
        code = 5
    elif s < 0 or s > 2:
        code = 7
    elif needs_side and s == 0:
        code = 4
    return code


@njit(cache=True, nogil=True)
def _first_pass(one, rows, checks, reason, start, stop, on, role, latest_day, kept):
    """Validates each row (``reason``); of the accepted rows up to ``on``: the latest value of each kind, first
    and last of each girth side and grip hand; keeps the girth, weight and activity rows (``kept[0]``,
    ``kept[1]``, ``kept[2]``). Returns how many of each, and how many rows were refused.

    ``role`` of a kind: -1 plain, :data:`_ROLE_WEIGHT`, :data:`_ROLE_GRIP`, :data:`_ROLE_ACTIVITY` or the
    girth index (0 up)."""
    day, kind, side, value = rows
    low, high, integer, sided, no_date = checks
    n_kinds = low.shape[0]
    n_girth, n_weight, n_activity, refused = 0, 0, 0, 0
    last = _NONE
    for r in range(start, stop):
        k, d, v, s = kind[r], day[r], value[r], side[r]
        c = min(max(k, 0), n_kinds - 1)
        code = _reason(k, d, v, s, n_kinds, low[c], high[c], integer[c], sided[c], no_date)
        reason[r] = code
        if code != 0:
            refused += 1
            continue
        if d > on:
            continue
        if d > latest_day[k]:
            latest_day[k] = d
            one[k] = v
        elif d == latest_day[k]:
            one[k] = _higher(one[k], v)
        last = max(last, d)
        j = role[k]
        if j == _ROLE_WEIGHT:
            kept[1, n_weight] = r
            n_weight += 1
        elif j == _ROLE_ACTIVITY:
            kept[2, n_activity] = r
            n_activity += 1
        elif j == _ROLE_GRIP:
            if s > 0:
                base = GRIP0 + 4 * (s - 1)
                one[base], one[base + 1] = _earliest(one[base], one[base + 1], d, v)
                one[base + 2], one[base + 3] = _latest(one[base + 2], one[base + 3], d, v)
        elif j >= 0 and s != 0:
            kept[0, n_girth] = r
            n_girth += 1
    if last > _NONE:
        one[LAST] = last
    if latest_day[WEIGHT] > _NONE:
        one[WDAY] = latest_day[WEIGHT]
    return n_girth, n_weight, n_activity, refused


@njit(cache=True, nogil=True)
def _girths(one, rows, girth_of_kind, girth_rows, n_girth):
    """Per girth site and side, first and last day (and their highest value); per site, the latest and the
    earliest day with both sides measured, and each side's highest value on those days."""
    day, kind, side, value = rows
    for a in range(n_girth):
        ra = girth_rows[a]
        j = girth_of_kind[kind[ra]]
        base = TREND0 + 8 * j + 4 * (side[ra] - 1)
        one[base], one[base + 1] = _earliest(one[base], one[base + 1], day[ra], value[ra])
        one[base + 2], one[base + 3] = _latest(one[base + 2], one[base + 3], day[ra], value[ra])
        if side[ra] != 1:
            continue
        for b in range(n_girth):
            rb = girth_rows[b]
            if side[rb] == 2 and kind[rb] == kind[ra] and day[rb] == day[ra]:
                if np.isnan(one[BOTH_DAY0 + j]) or day[ra] > one[BOTH_DAY0 + j]:
                    one[BOTH_DAY0 + j] = day[ra]
                    one[BOTH0 + 2 * j], one[BOTH0 + 2 * j + 1] = np.nan, np.nan
                if np.isnan(one[FIRST_BOTH_DAY0 + j]) or day[ra] < one[FIRST_BOTH_DAY0 + j]:
                    one[FIRST_BOTH_DAY0 + j] = day[ra]
                    one[FIRST_BOTH0 + 2 * j], one[FIRST_BOTH0 + 2 * j + 1] = np.nan, np.nan
                break
    for a in range(n_girth):
        r = girth_rows[a]
        j = girth_of_kind[kind[r]]
        if day[r] == one[BOTH_DAY0 + j]:
            col = BOTH0 + 2 * j + side[r] - 1
            one[col] = _higher(one[col], value[r])
        if day[r] == one[FIRST_BOTH_DAY0 + j]:
            col = FIRST_BOTH0 + 2 * j + side[r] - 1
            one[col] = _higher(one[col], value[r])


@njit(cache=True, nogil=True)
def _windows(one, day, value, weight_rows, n_weight, window_days, min_span):
    if np.isnan(one[WDAY]):
        return
    end = int(one[WDAY])
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
        one[base], one[base + 1] = first, best
        one[base + 2], one[base + 3] = end, one[WEIGHT]


@njit(cache=True, nogil=True)
def _weeks(weeks, g, day, kind, value, activity_rows, n_activity, end, slot_of_kind, latest):
    """The weekly activity summaries of the latest :data:`WEEKS` calendar weeks up to day ``end`` (as
    :mod:`._body_causes` reads them): per week and activity kind, the value of the week's latest day
    (same-day duplicates: the highest)."""
    first = end - (end + MONDAY_OFFSET) % 7 - 7 * (WEEKS - 1)
    latest[:] = -1
    for i in range(n_activity):
        r = activity_rows[i]
        d = np.int64(day[r])
        week = (d - (d + MONDAY_OFFSET) % 7 - first) // 7
        if week < 0:
            continue
        j = slot_of_kind[kind[r]]
        if d > latest[week]:
            latest[week] = d
            weeks[g, week, :] = np.nan
        if d == latest[week] and not value[r] <= weeks[g, week, j]:
            weeks[g, week, j] = value[r]


@njit(cache=True, nogil=True)
def screen_sorted(starts, rows, checks, on, window_days, min_span, girth_of_kind, role, slot_of_kind, buffers):
    """Fills ``buffers`` (reason code of each row, per-person features, weekly activity summaries) for groups
    ``starts[i]:starts[i+1]`` (see the module docstring) in one pass over the rows of each person; returns
    how many rows were refused."""
    day, kind, side, value = rows
    reason, out, weeks = buffers
    n_groups = starts.shape[0] - 1
    latest_day = np.empty(N_KINDS, dtype=np.int64)
    latest_week = np.empty(WEEKS, dtype=np.int64)
    longest = 0
    for g in range(n_groups):
        longest = max(longest, starts[g + 1] - starts[g])
    kept = np.empty((3, longest), dtype=np.int64)  # girth, weight and activity rows of one person
    n_features = out.shape[1]
    one = np.empty(n_features)  # one person's row, kept in cache; copied out once per person
    refused = 0
    for g in range(n_groups):
        latest_day[:] = _NONE
        one[:] = np.nan
        n_girth, n_weight, n_activity, bad = _first_pass(
            one, rows, checks, reason, starts[g], starts[g + 1], on, role, latest_day, kept
        )
        refused += bad
        if n_girth:
            _girths(one, rows, girth_of_kind, kept[0], n_girth)
        if n_weight:
            _windows(one, day, value, kept[1], n_weight, window_days, min_span)
        if n_activity:
            _weeks(weeks, g, day, kind, value, kept[2], n_activity, np.int64(one[LAST]), slot_of_kind, latest_week)
        out[g, :] = one
    return refused


@njit(cache=True, nogil=True)
def validate_rows(day, kind, side, value, low, high, integer, sided, no_date):
    """Reason code per row: the most basic problem wins (codes of ``kernel.REASONS``)."""
    reason = np.empty(kind.shape[0], dtype=np.int8)
    n_kinds = low.shape[0]
    for r in range(kind.shape[0]):
        k = kind[r]
        c = min(max(k, 0), n_kinds - 1)
        reason[r] = _reason(k, day[r], value[r], side[r], n_kinds, low[c], high[c], integer[c], sided[c], no_date)
    return reason


@njit(cache=True, nogil=True)
def runs(person):
    """(offsets of each run of equal ``person`` values with the end appended, whether ``person`` never
    decreases)."""
    n = person.shape[0]
    m = 1 if n else 0
    ordered = True
    for r in range(1, n):
        if person[r] != person[r - 1]:
            m += 1
            ordered &= person[r] > person[r - 1]
    starts = np.empty(m + 1, dtype=np.int64)
    starts[0] = 0
    m = 1
    for r in range(1, n):
        if person[r] != person[r - 1]:
            starts[m] = r
            m += 1
    starts[-1] = n
    return starts, ordered


SCRATCH_BYTES = 64 * 2**20
"""Largest working array a thread keeps for its next batch (larger ones are allocated for one batch)."""


class _Scratch(threading.local):
    """Each thread's working arrays, kept from batch to batch (fresh memory costs more to touch than the
    work done on it): the reason code of each row, the features and the weekly activity summaries. Nothing
    returned to a caller points into them."""

    def __init__(self) -> None:
        self.codes = np.empty(0, dtype=np.int8)
        self.cells = np.empty(0)

    def take(self, n_rows: int, n_groups: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        n_features, n_weeks = len(FEATURES), WEEKS * len(ACTIVITY_KINDS)
        self.codes, codes = _reuse(self.codes, n_rows)
        self.cells, cells = _reuse(self.cells, n_groups * (n_features + n_weeks))
        features = cells[: n_groups * n_features].reshape(n_features, n_groups).T  # column-major
        weeks = cells[n_groups * n_features :].reshape(n_groups, WEEKS, len(ACTIVITY_KINDS))
        weeks.fill(np.nan)
        return codes, features, weeks


def _reuse(kept: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """(the array to keep, the first ``n`` items of ``kept`` or of a fresh array if ``kept`` is too small)."""
    if kept.size >= n:
        return kept, kept[:n]
    fresh = np.empty(n + n // 8, dtype=kept.dtype)  # room for a slightly larger next batch
    return (fresh if fresh.nbytes <= SCRATCH_BYTES else kept), fresh[:n]


_SCRATCH = _Scratch()


def screen_rows(
    person: np.ndarray, rows: tuple[np.ndarray, ...], checks: tuple[Any, ...], on: int, window_days: Any, min_span: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, int]:
    """(person ids, features, weekly activity summaries, reason code of each row, rows refused) for a batch
    whose rows of a person are contiguous; ``rows`` are (day int32, kind int8, side int8, value float64) and
    ``checks`` (low, high, whole number, sided by kind, no-date marker) for validation.

    The features, summaries and reason codes are this thread's working arrays, valid until its next batch:
    copy what is kept."""
    starts, _ = runs(person)
    buffers = _SCRATCH.take(person.size, starts.size - 1)
    refused = screen_sorted(
        starts,
        rows,
        checks,
        np.int64(on),
        np.asarray(window_days, dtype=np.int64),
        np.int64(min_span),
        _GIRTH_OF_KIND,
        _ROLE,
        _SLOT_OF_KIND,
        buffers,
    )
    reason, features, weeks = buffers
    return person[starts[:-1]], features, weeks, reason, int(refused)
