"""The batch classifier: integer-encoded exams in, masks and codes out.

Inputs (one row per exam): ``sens`` uint8 ``(n, 2, 2, 29)`` (side right/left,
light touch/pin prick, segment C1..S4-5; C1 holds a normal ``2``), ``motor``
uint8 ``(n, 2, 10)``, ``anal`` uint8 ``(n, 2)`` (VAC, DAP), ``nkm`` int8
``(n, 2)`` (segment of the lowest non-key muscle with motor function, -1 when
none or not at a key-muscle level). Outputs: ``lists`` int64 ``(n, 9, 2)``
(mask and star mask of each level list, in ``LIST_FIELDS`` order),
``complete`` uint8 ``(n,)``, ``ais`` int16 ``(n,)`` (grade bits) and
``totals`` int16 ``(n, 14)`` (-1 = not determinable), in ``TOTAL_FIELDS`` order.

The same code runs compiled (numba, ``cache=True``) and as plain Python
(``NUMBA_DISABLE_JIT=1``); the tests check that both agree.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from myoscope.isncsci._codes import (
    M_NT_ANY,
    M_TAGGED,
    MOTOR_POINTS,
    MOTOR_UNTAGGED,
    S_NT_ANY,
    S_TAGGED,
    SENSORY_POINTS,
    SENSORY_UNTAGGED,
)
from myoscope.isncsci._severity import completeness, impairment_scale
from myoscope.isncsci._walks import Codes, Ints, has, motor_level, neurological_level, sensory_level
from myoscope.isncsci._zpp import motor_zpp, sensory_zpp

LIST_FIELDS: tuple[str, ...] = (
    "right.sensory_level",
    "left.sensory_level",
    "right.motor_level",
    "left.motor_level",
    "right.sensory_zpp",
    "left.sensory_zpp",
    "right.motor_zpp",
    "left.motor_zpp",
    "nli",
)
TOTAL_FIELDS: tuple[str, ...] = (
    "right.upper_motor",
    "right.lower_motor",
    "right.motor",
    "right.light_touch",
    "right.pin_prick",
    "left.upper_motor",
    "left.lower_motor",
    "left.motor",
    "left.light_touch",
    "left.pin_prick",
    "upper_motor",
    "lower_motor",
    "light_touch",
    "pin_prick",
)
ND = -1

_S_POINTS = np.array(SENSORY_POINTS, dtype=np.int16)
_M_POINTS = np.array(MOTOR_POINTS, dtype=np.int16)
_S_UNTAG = np.array(SENSORY_UNTAGGED, dtype=np.uint8)
_M_UNTAG = np.array(MOTOR_UNTAGGED, dtype=np.uint8)


@njit(cache=True)
def _sum_motor(motor: Codes, start: int, stop: int, points: Ints) -> int:
    total = 0
    for k in range(start, stop):
        if has(M_NT_ANY, motor[k]):
            return ND
        total += points[motor[k]]
    return total


@njit(cache=True)
def _sum_sensory(values: Codes, points: Ints) -> int:
    total = 0
    for d in range(1, 29):
        if has(S_NT_ANY, values[d]):
            return ND
        total += points[values[d]]
    return total


@njit(cache=True)
def _both(a: int, b: int) -> int:
    return ND if a == ND or b == ND else a + b


@njit(cache=True)
def _totals(sens: Codes, motor: Codes, out: Ints, s_points: Ints, m_points: Ints) -> None:
    """Totals (rules.md §4): tags stripped, any NT/NT*/NT** makes the total ND."""
    for side in range(2):
        base = 5 * side
        upper = _sum_motor(motor[side], 0, 5, m_points)
        lower = _sum_motor(motor[side], 5, 10, m_points)
        out[base] = upper
        out[base + 1] = lower
        out[base + 2] = _both(upper, lower)
        out[base + 3] = _sum_sensory(sens[side, 0], s_points)
        out[base + 4] = _sum_sensory(sens[side, 1], s_points)
    out[10] = _both(out[0], out[5])
    out[11] = _both(out[1], out[6])
    out[12] = _both(out[3], out[8])
    out[13] = _both(out[4], out[9])


@njit(cache=True)
def _is_tagged(sens: Codes, motor: Codes) -> bool:
    for side in range(2):
        for mod in range(2):
            for d in range(1, 29):
                if has(S_TAGGED, sens[side, mod, d]):
                    return True
        for k in range(10):
            if has(M_TAGGED, motor[side, k]):
                return True
    return False


@njit(cache=True)
def _classify_into(
    sens: Codes,
    motor: Codes,
    anal: Codes,
    nkm: Ints,
    lists: Ints,
    complete: Codes,
    ais: Ints,
    totals: Ints,
    s_points: Ints,
    m_points: Ints,
    s_untag: Codes,
    m_untag: Codes,
) -> None:
    plain_sens = np.empty((2, 2, 29), dtype=np.uint8)
    plain_motor = np.empty((2, 10), dtype=np.uint8)
    ml = np.empty(2, dtype=np.int64)
    for i in range(sens.shape[0]):
        s = sens[i]
        m = motor[i]
        vac = anal[i, 0]
        dap = anal[i, 1]
        out = lists[i]
        for side in range(2):
            out[side, 0], out[side, 1] = sensory_level(s[side])
            out[2 + side, 0], out[2 + side, 1] = motor_level(s[side], m[side], vac)
            out[4 + side, 0], out[4 + side, 1] = sensory_zpp(s[side], dap)
            ml[side] = out[2 + side, 0]
        out[8, 0], out[8, 1] = neurological_level(s, m)
        c = completeness(s, vac, dap)
        complete[i] = c
        grades = impairment_scale(
            s,
            m,
            vac,
            dap,
            nkm[i],
            ml,
            out[8, 0],
            out[8, 1],
            c,
            _is_tagged(s, m),
            plain_sens,
            plain_motor,
            s_untag,
            m_untag,
        )
        ais[i] = grades
        has_c = (grades >> 2) & 1 == 1
        for side in range(2):
            out[6 + side, 0], out[6 + side, 1] = motor_zpp(s[side], m[side], vac, ml[side], nkm[i, side], has_c)
        _totals(s, m, totals[i], s_points, m_points)


def classify_arrays(sens: Codes, motor: Codes, anal: Codes, nkm: Ints) -> tuple[Ints, Codes, Ints, Ints]:
    """Classify a batch of encoded exams; returns ``(lists, complete, ais, totals)``."""
    n = sens.shape[0]
    lists = np.zeros((n, len(LIST_FIELDS), 2), dtype=np.int64)
    complete = np.zeros(n, dtype=np.uint8)
    ais = np.zeros(n, dtype=np.int16)
    totals = np.zeros((n, len(TOTAL_FIELDS)), dtype=np.int16)
    _classify_into(sens, motor, anal, nkm, lists, complete, ais, totals, _S_POINTS, _M_POINTS, _S_UNTAG, _M_UNTAG)
    return lists, complete, ais, totals
