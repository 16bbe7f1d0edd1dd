"""Zones of partial preservation (ZPP), sensory and motor, one side at a time.

Since the 2019 revision a ZPP is not tied to AIS A: the motor ZPPs apply when
VAC is absent, the sensory ZPP of a side when DAP and S4-5 light touch and
pin prick are absent on it (schuld2024_zpp, rupp2021_isncsci). Where
applicability is uncertain the list starts with ``NA``. The walks, the stars
and the use of the non-key muscle are the reference implementation's
(praxis_isncsci_2_0_6; ``rules.md`` §10); kirshblum2021_challenges discusses
the motor ZPP in regions without myotomes.
"""

from __future__ import annotations

from numba import njit

from myoscope.isncsci._codes import (
    INT_BIT,
    M_MAY_SHOW,
    M_NORMALISH,
    M_SHOWS,
    M_TAGGED,
    M_ZERO_TAGGED,
    NA_BIT,
    NO,
    NT,
    S_0,
    S_ANY_NT,
    S_CAN_BE_ABSENT,
    S_DIGIT_TAGGED,
    S_NORMAL_OR_DOUBLE,
    S_TAGGED,
    YES,
)
from myoscope.isncsci._walks import Codes, has


@njit(cache=True)
def sensory_zpp(sens: Codes, dap: int) -> tuple[int, int]:
    """Sensory ZPP of one side: (mask, star mask), walking S3 up to C2 (rules.md §10.1).

    **Quirk** (reference behaviour): when the walk passes C2, ``C1`` is added
    without a star even if the flag is on.
    """
    lt45 = sens[0, 28]
    pp45 = sens[1, 28]
    if dap == YES or not has(S_CAN_BE_ABSENT, lt45) or not has(S_CAN_BE_ABSENT, pp45):
        return 1 << NA_BIT, 0
    mask = 0
    star = 0
    if dap == NT or (dap == NO and not (lt45 == S_0 and pp45 == S_0)):
        mask |= 1 << NA_BIT
    flag = False
    for x in range(27, 0, -1):
        lt = sens[0, x]
        pp = sens[1, x]
        if lt == S_0 and pp == S_0:
            continue
        mask |= 1 << x
        if not has(S_CAN_BE_ABSENT, lt) or not has(S_CAN_BE_ABSENT, pp):
            if flag:
                star |= 1 << x
            return mask, star
        if has(S_ANY_NT, lt) or has(S_ANY_NT, pp):
            if flag:
                star |= 1 << x
        else:
            star |= 1 << x
            flag = True
    mask |= 1
    return mask, star


@njit(cache=True)
def _key_index(x: int) -> int:
    if 4 <= x <= 8:
        return x - 4
    if 21 <= x <= 25:
        return x - 16
    return -1


@njit(cache=True)
def _star_span(sens: Codes, motor: Codes, top: int, bottom: int) -> tuple[int, int]:
    """(first tagged segment, end of the normal run from the top), -1 for none (rules.md §10.2)."""
    first_star = -1
    last_normal = -1
    current = -1
    for i in range(bottom + 1):
        lt = sens[0, i]
        pp = sens[1, i]
        k = _key_index(i)
        if first_star < 0 and (has(S_TAGGED, lt) or has(S_TAGGED, pp) or (k >= 0 and has(M_TAGGED, motor[k]))):
            first_star = i
        if last_normal < 0 and (
            not has(S_NORMAL_OR_DOUBLE, lt)
            or not has(S_NORMAL_OR_DOUBLE, pp)
            or k < 0
            or not has(M_NORMALISH, motor[k])
        ):
            last_normal = current
        if i == top or current >= 0:
            current = i
        if i == bottom and last_normal < 0:
            last_normal = current
    return first_star, last_normal


@njit(cache=True)
def _starred(sens: Codes, motor: Codes, x: int, first_star: int, last_normal: int) -> bool:
    if first_star < 0:
        return False
    k = _key_index(x)
    if k >= 0:
        return has(M_ZERO_TAGGED, motor[k])
    if has(S_DIGIT_TAGGED, sens[0, x]) or has(S_DIGIT_TAGGED, sens[1, x]):
        return True
    return first_star <= x <= last_normal


@njit(cache=True)
def motor_zpp(sens: Codes, motor: Codes, vac: int, ml_mask: int, nkm: int, ais_has_c: bool) -> tuple[int, int]:
    """Motor ZPP of one side: (mask, star mask), walking from the bottom of the range up (rules.md §10.2).

    ``ml_mask`` is the side's motor-level mask, ``nkm`` the non-key muscle
    segment (-1: none or not at a key-muscle level), ``ais_has_c`` whether the
    AIS list holds a C. **Reference behaviour, not in the standard's text:**
    with a possible C, a non-key muscle more than three segments below a level
    replaces that level in the list; stars follow the reference's own rule.
    """
    if vac == YES:
        return 1 << NA_BIT, 0
    mask = (1 << NA_BIT) if vac == NT else 0
    star = 0
    if ml_mask == 0:
        return mask, star
    top = 0
    while (ml_mask >> top) & 1 == 0:
        top += 1
    if ml_mask & ((1 << 26) | (1 << 27) | (1 << INT_BIT)):
        bottom = 27 if (ml_mask >> INT_BIT) & 1 else (26 if (ml_mask >> 27) & 1 == 0 else 27)
    else:
        bottom = 25
    first_star, last_normal = _star_span(sens, motor, top, bottom)
    test_nkm = nkm >= 0 and ais_has_c
    add_nkm = False
    nkm_added = False
    x = bottom
    while True:
        k = _key_index(x)
        override = test_nkm and nkm - x > 3
        if k >= 0:
            v = motor[k]
            shows = has(M_SHOWS, v)
            if shows or has(M_MAY_SHOW, v):
                if override:
                    add_nkm = True
                else:
                    mask |= 1 << x
                    if _starred(sens, motor, x, first_star, last_normal):
                        star |= 1 << x
                    if x == nkm:
                        nkm_added = True
                if shows:
                    break
        elif (ml_mask >> x) & 1:
            if override:
                add_nkm = True
            else:
                mask |= 1 << x
                if _starred(sens, motor, x, first_star, last_normal):
                    star |= 1 << x
        if x == top:
            break
        x -= 1
    if add_nkm and not nkm_added:
        mask |= 1 << int(nkm)
    return mask, star
