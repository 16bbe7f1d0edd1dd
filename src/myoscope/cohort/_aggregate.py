"""Rows to per-person facts: one pass over a batch whose rows are grouped by person.

Input columns (NumPy arrays of one batch, rows of a person contiguous): ``person`` int64,
``day`` int32 (days since 1970-01-01), ``kind`` int8 (codes of :mod:`._kinds`), ``side``
int8 (0 none, 1 left, 2 right), ``value`` float64 in the kind's canonical unit. The same pass
validates each row (its reason code, ``kernel.REASONS``); refused rows are skipped, and rows
dated after ``on`` are not read. The rows of a person that later steps need again (girths,
weight, activity, grip) are kept by index while the pass runs, so the rest of the work on a
person reads only those.

Same-day duplicates (same person, kind, side and day) resolve to **their highest value**:
the rule a record applies to grip trials (the best trial counts) and to calf girth (the
protocols take the maximal girth), applied to every kind so that one rule holds everywhere.
The highest value does not depend on row order, so every engine and partitioning gives the
same answer to the last bit.

Output: one row per person (in order of first appearance) of :data:`FEATURES`, NaN where
the batch holds nothing, and each person's weekly activity summaries (as :mod:`._body_causes`
weighs them). No clinical cut-off is applied here; :mod:`._rules` does that.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
from numba import njit

from myoscope.cohort._body_causes import _ACTIVITY, _MONDAY_OFFSET, WEEKS
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
_GIRTH_ROWS, _WEIGHT_ROWS, _ACTIVITY_ROWS, _GRIP_ROWS, _OTHER_ROWS = range(5)
"""The lists a person's accepted rows are kept in for the passes after the first (the last one is not kept)."""
_LIST_OF_KIND = np.full(N_KINDS, _OTHER_ROWS, dtype=np.int64)
_LIST_OF_KIND[_GIRTH_CODES] = _GIRTH_ROWS
_LIST_OF_KIND[WEIGHT], _LIST_OF_KIND[GRIP] = _WEIGHT_ROWS, _GRIP_ROWS
_LIST_OF_KIND[list(_ACTIVITY)] = _ACTIVITY_ROWS
_KEEP = np.array([1, 1, 1, 1, 0], dtype=np.int64)
_SLOT_OF_KIND = np.full(N_KINDS, -1, dtype=np.int64)
_SLOT_OF_KIND[list(_ACTIVITY)] = np.arange(len(_ACTIVITY))


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
def _reason(k, d, v, s, n_kinds, low, high, whole, needs_side, no_date, first_day, last_day):
    """Reason code of one row: the most basic problem wins (codes of ``kernel.REASONS``, 0 = accepted).
    ``low`` ... ``needs_side`` are the checks of kind ``k`` (any kind's when ``k`` is unknown); a date is
    accepted from ``first_day`` to ``last_day``."""
    code = 0
    if k < 0 or k >= n_kinds:
        code = 1
    elif d == no_date:
        code = 6
    elif d < first_day or d > last_day:
        code = 8
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
def _first_pass(one, rows, checks, reason, start, stop, on, lists, latest_day, kept, counts):
    """Validates each row (``reason``, zeros on entry); of the accepted rows up to ``on``: the latest value of
    each kind and the last day; keeps the rows of girths, weight, activity and grip in ``kept[list]``
    (``lists`` by kind), ``counts[list]`` of each. Returns how many rows were refused.

    Branch-free for an accepted row (the reason of a refused row is looked for only then); indices are
    unsigned, which spares numba's check for negative ones."""
    day, kind, side, value = rows
    low, high, integer, sided, no_date, first_day, last_day = checks
    n_kinds = low.shape[0]
    refused = 0
    last = _NONE
    for r in range(np.uint64(start), np.uint64(stop)):
        k, d, v, s = kind[r], day[r], value[r], side[r]
        c = np.uint64(min(max(k, 0), n_kinds - 1))
        # the no-date marker lies after last_day; NaN is in no range
        ok = (k >= 0) & (k < n_kinds) & (d >= first_day) & (d <= last_day) & (v >= low[c]) & (v <= high[c])
        ok = ok & (not integer[c] or v == np.floor(v)) & (s >= 0) & (s <= 2) & (not sided[c] or s != 0)
        if not ok:
            reason[r] = _reason(
                k, d, v, s, n_kinds, low[c], high[c], integer[c], sided[c], no_date, first_day, last_day
            )
            refused += 1
            continue
        if d > on:
            continue
        seen = latest_day[c]
        newer = (d > seen) | ((d == seen) & (not v <= one[c]))  # nothing yet on that day: NaN
        one[c] = v if newer else one[c]
        latest_day[c] = max(seen, d)
        last = max(last, d)
        x = np.uint64(lists[c])
        kept[x, np.uint64(counts[x])] = r
        counts[x] += _KEEP[x]
    if last > _NONE:
        one[LAST] = last
    if latest_day[WEIGHT] > _NONE:
        one[WDAY] = latest_day[WEIGHT]
    return refused


@njit(cache=True, nogil=True)
def _grips(one, rows, grip_rows, n_grip):
    """First and last day (and their highest value) of each grip hand (rows with a side)."""
    day, _, side, value = rows
    for i in range(n_grip):
        r = grip_rows[i]
        if side[r] > 0:
            base = GRIP0 + 4 * (side[r] - 1)
            one[base], one[base + 1] = _earliest(one[base], one[base + 1], day[r], value[r])
            one[base + 2], one[base + 3] = _latest(one[base + 2], one[base + 3], day[r], value[r])


@njit(cache=True, nogil=True)
def _girths(one, rows, girth_of_kind, girth_rows, n_girth):
    """Per girth site and side, first and last day (and their highest value); per site, the latest and the
    earliest day with both sides measured, and each side's highest value on those days."""
    day, kind, side, value = rows
    for a in range(n_girth):
        ra = girth_rows[a]
        j = girth_of_kind[kind[ra]]
        if side[ra] == 0:
            continue
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
        if side[r] == 0:
            continue
        if day[r] == one[BOTH_DAY0 + j]:
            col = BOTH0 + 2 * j + side[r] - 1
            one[col] = _higher(one[col], value[r])
        if day[r] == one[FIRST_BOTH_DAY0 + j]:
            col = FIRST_BOTH0 + 2 * j + side[r] - 1
            one[col] = _higher(one[col], value[r])


@njit(cache=True, nogil=True)
def _windows(one, day, value, weight_rows, n_weight, window_starts, first_day, min_span):
    """The earliest weight of each window: from the first day of the window (``window_starts[w, day - first_day]``,
    whole calendar months before the latest weight) to :data:`MIN_SPAN_DAYS` before it."""
    if np.isnan(one[WDAY]):
        return
    end = int(one[WDAY])
    for w in range(window_starts.shape[0]):
        lo, hi = window_starts[w, end - first_day], end - min_span
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
    first = end - (end + _MONDAY_OFFSET) % 7 - 7 * (WEEKS - 1)
    latest[:] = -1
    for i in range(n_activity):
        r = activity_rows[i]
        d = np.int64(day[r])
        week = (d - (d + _MONDAY_OFFSET) % 7 - first) // 7
        if week < 0:
            continue
        j = slot_of_kind[kind[r]]
        if d > latest[week]:
            latest[week] = d
            weeks[g, week, :] = np.nan
        if d == latest[week] and not value[r] <= weeks[g, week, j]:
            weeks[g, week, j] = value[r]


@njit(cache=True, nogil=True)
def screen_sorted(starts, rows, checks, on, window_starts, min_span, girth_of_kind, lists, slot_of_kind, buffers):
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
    kept = np.empty((_OTHER_ROWS + 1, longest), dtype=np.int64)  # one person's rows by list
    counts = np.zeros(_OTHER_ROWS + 1, dtype=np.int64)
    one = np.empty(out.shape[1])  # one person's features, kept in cache; copied out once per person
    refused = 0
    for g in range(n_groups):
        latest_day[:] = _NONE
        one[:] = np.nan
        counts[:] = 0
        refused += _first_pass(one, rows, checks, reason, starts[g], starts[g + 1], on, lists, latest_day, kept, counts)
        if counts[_GRIP_ROWS]:
            _grips(one, rows, kept[_GRIP_ROWS], counts[_GRIP_ROWS])
        if counts[_GIRTH_ROWS]:
            _girths(one, rows, girth_of_kind, kept[_GIRTH_ROWS], counts[_GIRTH_ROWS])
        if counts[_WEIGHT_ROWS]:
            _windows(one, day, value, kept[_WEIGHT_ROWS], counts[_WEIGHT_ROWS], window_starts, checks[5], min_span)
        if counts[_ACTIVITY_ROWS]:
            n, end = counts[_ACTIVITY_ROWS], np.int64(one[LAST])
            _weeks(weeks, g, day, kind, value, kept[_ACTIVITY_ROWS], n, end, slot_of_kind, latest_week)
        out[g, :] = one
    return refused


@njit(cache=True, nogil=True)
def validate_rows(day, kind, side, value, low, high, integer, sided, no_date, first_day, last_day):
    """Reason code per row: the most basic problem wins (codes of ``kernel.REASONS``)."""
    reason = np.empty(kind.shape[0], dtype=np.int8)
    n_kinds = low.shape[0]
    for r in range(kind.shape[0]):
        k = kind[r]
        c = min(max(k, 0), n_kinds - 1)
        reason[r] = _reason(
            k, day[r], value[r], side[r], n_kinds, low[c], high[c], integer[c], sided[c], no_date, first_day, last_day
        )
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
        n_features, n_weeks = len(FEATURES), WEEKS * len(_ACTIVITY)
        self.codes, codes = _reuse(self.codes, n_rows)
        self.cells, cells = _reuse(self.cells, n_groups * (n_features + n_weeks))
        features = cells[: n_groups * n_features].reshape(n_features, n_groups).T  # column-major
        weeks = cells[n_groups * n_features :].reshape(n_groups, WEEKS, len(_ACTIVITY))
        codes.fill(0)
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
    person: np.ndarray,
    rows: tuple[np.ndarray, ...],
    checks: tuple[Any, ...],
    on: int,
    window_starts: np.ndarray,
    min_span: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, int]:
    """(person ids, features, weekly activity summaries, reason code of each row, rows refused) for a batch
    whose rows of a person are contiguous; ``rows`` are (day int32, kind int8, side int8, value float64) and
    ``checks`` (low, high, whole number, sided by kind, no-date marker, first and last day accepted) for
    validation. ``window_starts[w, d]``: the first day of weight window ``w`` whose latest weight is on day
    ``d`` after the first day accepted (int64, a row for every day up to the last day accepted).

    The features, summaries and reason codes are this thread's working arrays, valid until its next batch:
    copy what is kept."""
    starts, _ = runs(person)
    buffers = _SCRATCH.take(person.size, starts.size - 1)
    refused = screen_sorted(
        starts,
        rows,
        checks,
        np.int64(on),
        window_starts,
        np.int64(min_span),
        _GIRTH_OF_KIND,
        _LIST_OF_KIND,
        _SLOT_OF_KIND,
        buffers,
    )
    reason, features, weeks = buffers
    return person[starts[:-1]], features, weeks, reason, int(refused)
