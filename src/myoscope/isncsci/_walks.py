"""Level walks: sensory level, motor level and neurological level of injury.

Each walk goes cranial to caudal and collects candidate levels as a bit mask
(bit i = segment i, bit 28 = ``INT``) plus a second mask of the starred
candidates. A tag flag F is carried down the walk: once a step relied on a
tagged (``*``/``**``) or ``NT*`` score, every later candidate is starred.
The step rules are the reference implementation's (praxis_isncsci_2_0_6),
written out in ``rules.md`` §§5-7; the definitions they implement are
[ISNCSCI-2019] (rupp2021_isncsci), with NT handling after schuld2012_isncsci.

Arrays for one side: ``sens`` is ``(2, 29)`` (light touch, pin prick by
segment; C1 holds a normal ``2``), ``motor`` is ``(10,)`` (key muscles).
All functions are numba-compiled and also run as plain Python.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numba import njit
from numpy.typing import NDArray

from myoscope.isncsci._codes import (
    INT_BIT,
    M_3_4_NTSS,
    M_5,
    M_5_OR_NT,
    M_BEFORE_CAND,
    M_BELOW3,
    M_DOUBLE,
    M_DOUBLE_WEAK,
    M_GO_ON,
    M_NEXT_SURE,
    M_NEXT_UNSURE,
    M_NORMALISH,
    M_NT,
    M_STAR_WEAK,
    NO,
    NT,
    S_2,
    S_ABNORMAL,
    S_NT,
    S_NT1,
    S_VAR_NORMAL,
)

Codes = NDArray[np.uint8]
"""Score codes of one exam (``sens``, ``motor``), as :mod:`myoscope.isncsci._codes` encodes them."""
Ints = NDArray[np.integer[Any]]
"""Integer arrays of the kernels: level masks, non-key muscle segments, points, totals."""
Step = tuple[bool, bool, bool, bool]
"""One walk step: (candidate, starred, go on, new flag)."""


@njit(cache=True)
def has(mask: int, code: int) -> bool:
    """Is value ``code`` in the value set ``mask``?"""
    return (mask >> int(code)) & 1 == 1


@njit(cache=True)
def sensory_step(lt: int, pp: int, flag: bool) -> Step:
    """Step S(X) reading the dermatome below X: (candidate, starred, go on, new flag).

    rules.md §5, rows a-e. The candidate's star uses the incoming flag.
    """
    if lt == S_2 and pp == S_2:
        return False, False, True, flag
    if has(S_ABNORMAL, lt) or has(S_ABNORMAL, pp):
        return True, flag, False, flag
    if lt == S_NT1 or pp == S_NT1:
        return True, True, False, True
    if lt == S_NT or pp == S_NT:
        return True, flag, True, flag or has(S_VAR_NORMAL, lt) or has(S_VAR_NORMAL, pp)
    return False, False, True, True


@njit(cache=True)
def before_key_step(n: int, flag: bool) -> Step:
    """Step at C4 / L1, reading the grade ``n`` of the first key muscle below (rules.md §6)."""
    cand = has(M_BEFORE_CAND, n)
    return cand, flag, not has(M_BELOW3, n), flag or has(M_DOUBLE_WEAK, n)


@njit(cache=True)
def key_step(v: int, n: int, flag: bool) -> Step:
    """Step at a key muscle with grade ``v`` whose next key muscle has grade ``n`` (rules.md §6).

    The neurological level of injury calls it at T1 and S1 with ``n = v``
    (reference behaviour, rules.md §7).
    """
    go = has(M_GO_ON, v) and not has(M_BELOW3, n)
    cand = not (has(M_NORMALISH, v) and has(M_NEXT_SURE, n))
    star = has(M_STAR_WEAK, v) or (has(M_DOUBLE_WEAK, v) and has(M_NEXT_UNSURE, n)) or flag
    new_flag = (
        flag
        or has(M_STAR_WEAK, v)
        or (has(M_DOUBLE, v) and not has(M_BELOW3, n))
        or (v == M_5 and has(M_DOUBLE_WEAK, n))
    )
    return cand, star, go, new_flag


@njit(cache=True)
def block_end_step(sens: Codes, v: int, first: int, flag: bool) -> Step:
    """Step at T1 / S1 (grade ``v``): six sensory steps over the block's dermatomes decide.

    ``first`` is the block's first key-muscle segment (C5 or L2); the steps read
    the dermatomes ``first`` ... ``first + 5`` with the flag off (rules.md §6).
    """
    s_stop = False
    s_cand = False
    s_flag = False
    for d in range(first, first + 6):
        c, _, g, f = sensory_step(sens[0, d], sens[1, d], False)
        s_stop = s_stop or not g
        s_cand = s_cand or c
        s_flag = s_flag or f
    go = has(M_GO_ON, v) and not s_stop
    cand = v == M_NT or not (has(M_NORMALISH, v) and not s_stop and not s_cand)
    star = has(M_STAR_WEAK, v) or (has(M_DOUBLE_WEAK, v) and (s_cand or s_stop)) or flag
    new_flag = (
        flag
        or has(M_STAR_WEAK | M_DOUBLE_WEAK, v)
        or (has(M_3_4_NTSS, v) and not s_stop)
        or (has(M_5_OR_NT, v) and not s_stop and s_flag and not s_cand)
    )
    return cand, star, go, new_flag


@njit(cache=True)
def sensory_level(sens: Codes) -> tuple[int, int]:
    """Sensory level of one side: (mask, star mask). [ISNCSCI-2019]; rules.md §5."""
    mask = 0
    star = 0
    flag = False
    for x in range(28):
        c, s, go, flag = sensory_step(sens[0, x + 1], sens[1, x + 1], flag)
        if c:
            mask |= 1 << x
            if s:
                star |= 1 << x
        if not go:
            return mask, star
    mask |= 1 << INT_BIT
    if flag:
        star |= 1 << INT_BIT
    return mask, star


@njit(cache=True)
def _is_sensory_region(x: int) -> bool:
    return x <= 2 or (9 <= x <= 19) or x == 26 or x == 27


@njit(cache=True)
def motor_level(sens: Codes, motor: Codes, vac: int) -> tuple[int, int]:
    """Motor level of one side: (mask, star mask). rules.md §6.

    **Quirk** (reference behaviour): with VAC = No the list can never hold
    ``INT``; a fully normal exam with absent VAC has motor level ``S3``.
    """
    mask = 0
    star = 0
    flag = False
    for x in range(28):
        if _is_sensory_region(x):
            c, s, go, flag = sensory_step(sens[0, x + 1], sens[1, x + 1], flag)
        elif x == 3 or x == 20:
            c, s, go, flag = before_key_step(motor[0 if x == 3 else 5], flag)
        elif x == 8 or x == 25:
            k = 4 if x == 8 else 9
            c, s, go, flag = block_end_step(sens, motor[k], 4 if x == 8 else 21, flag)
        else:
            k = x - 4 if x < 8 else x - 16
            c, s, go, flag = key_step(motor[k], motor[k + 1], flag)
        if c:
            mask |= 1 << x
            if s:
                star |= 1 << x
        if not go:
            return mask, star
    s3 = 1 << 27
    if vac == NO:
        if mask & s3 == 0:
            mask |= s3
            if flag:
                star |= s3
        return mask, star
    if vac == NT and mask & s3 == 0:
        mask |= s3
        if flag:
            star |= s3
    mask |= 1 << INT_BIT
    if flag:
        star |= 1 << INT_BIT
    return mask, star


@njit(cache=True)
def _nli_motor_side(motor: Codes, x: int, flag: bool) -> Step:
    if x == 3 or x == 20:
        return before_key_step(motor[0 if x == 3 else 5], flag)
    k = x - 4 if x <= 8 else x - 16
    n = motor[k] if (x == 8 or x == 25) else motor[k + 1]
    return key_step(motor[k], n, flag)


@njit(cache=True)
def neurological_level(sens: Codes, motor: Codes) -> tuple[int, int]:
    """Neurological level of injury from both sides (``sens`` (2, 2, 29), ``motor`` (2, 10)).

    One walk over both sides with a shared flag (rules.md §7). **Quirks**
    (reference behaviour): VAC plays no part, so a normal exam with VAC = No
    has NLI ``INT``; stars combine across sides instead of being copied (a
    sensory candidate is starred only when both sides' are; a motor candidate
    when both sides give one and at least one is starred).
    """
    mask = 0
    star = 0
    flag = False
    for x in range(28):
        rc, rs, rgo, rf = sensory_step(sens[0, 0, x + 1], sens[0, 1, x + 1], flag)
        lc, ls, lgo, lf = sensory_step(sens[1, 0, x + 1], sens[1, 1, x + 1], flag)
        s_go = rgo and lgo
        s_flag = flag or rf or lf
        if (3 <= x <= 8) or (20 <= x <= 25):
            mrc, mrs, mrgo, mrf = _nli_motor_side(motor[0], x, flag)
            mlc, mls, mlgo, mlf = _nli_motor_side(motor[1], x, flag)
            cand = rc or lc or mrc or mlc
            starred = (mrc and mlc and (mrs or mls)) or flag
            if s_go:
                go = mrgo and mlgo
                new_flag = s_flag or mrf or mlf
            else:
                go = False
                new_flag = s_flag
        else:
            cand = rc or lc
            starred = (rc and lc and rs and ls) or flag
            go = s_go
            new_flag = s_flag
        flag = new_flag
        if cand:
            mask |= 1 << x
            if starred:
                star |= 1 << x
        if not go:
            return mask, star
    mask |= 1 << INT_BIT
    if flag:
        star |= 1 << INT_BIT
    return mask, star
