"""Completeness and the ASIA Impairment Scale (AIS).

Definitions: [ISNCSCI-2019] (rupp2021_isncsci). How the possible grades are
collected when levels are lists, values NT or tagged follows the reference
implementation (praxis_isncsci_2_0_6), written out in ``rules.md`` §§8-9,
with NT handling after schuld2012_isncsci. Grades are returned as bits:
bit g for grade g (A = 0 ... E = 4), bit g + 5 when that grade is starred.
"""

from __future__ import annotations

from numba import njit

from myoscope.isncsci._codes import (
    INT_BIT,
    M_0,
    M_0SS,
    M_BELOW3,
    M_GE3_STAR,
    M_LT3_PLAIN,
    M_LT3_STAR,
    M_NO_SURE_FUNCTION,
    M_ZERO_TAGGED,
    NO,
    S_0,
    S_CAN_BE_ABSENT,
    S_ZERO_OR_0S,
    S_ZERO_OR_0SS,
    S_ZERO_TAGGED,
    YES,
)
from myoscope.isncsci._walks import Codes, Ints, has, neurological_level

GRADE_A, GRADE_B, GRADE_C, GRADE_D, GRADE_E = 0, 1, 2, 3, 4
STAR_SHIFT = 5


@njit(cache=True)
def completeness(sens: Codes, vac: int, dap: int) -> int:
    """Complete / incomplete, as a code into ``COMPLETENESS`` (rules.md §8).

    0 ``C``, 1 ``C*,I*``, 2 ``I*``, 3 ``C,I``, 4 ``I``. A mix of ``0*`` and
    ``0**`` at S4-5 falls through to ``I`` (reference behaviour).
    """
    all0 = True
    all0s = True
    all0ss = True
    all_absent = True
    for side in range(2):
        for mod in range(2):
            q = sens[side, mod, 28]
            all0 = all0 and q == S_0
            all0s = all0s and has(S_ZERO_OR_0S, q)
            all0ss = all0ss and has(S_ZERO_OR_0SS, q)
            all_absent = all_absent and has(S_CAN_BE_ABSENT, q)
    if vac == NO and dap == NO:
        if all0:
            return 0
        if all0s:
            return 1
        if all0ss:
            return 2
    if vac != YES and dap != YES and all_absent:
        return 3
    return 4


@njit(cache=True)
def sacral_sensation(sens: Codes, dap: int) -> tuple[bool, bool]:
    """(possible, starred): DAP not No or any S4-5 value not a plain 0 (rules.md §9)."""
    all0 = True
    all_zero_tagged = True
    for side in range(2):
        for mod in range(2):
            q = sens[side, mod, 28]
            all0 = all0 and q == S_0
            all_zero_tagged = all_zero_tagged and has(S_ZERO_TAGGED, q)
    return dap != NO or not all0, dap == NO and not all0 and all_zero_tagged


@njit(cache=True)
def first_key_at_or_below(idx: int) -> int:
    """Index of the first key muscle at or below segment ``idx`` (10 when none)."""
    if 1 <= idx <= 3:
        return 0
    if 4 <= idx <= 8:
        return idx - 4
    if 9 <= idx <= 20:
        return 5
    if 21 <= idx <= 25:
        return idx - 16
    return 10


@njit(cache=True)
def _key_segment(k: int) -> int:
    return k + 4 if k < 5 else k + 16


@njit(cache=True)
def _range_start(m: int) -> int:
    """First key muscle more than three levels below motor-level candidate ``m``."""
    return first_key_at_or_below(28 if m == INT_BIT else m + 4)


@njit(cache=True)
def no_motor_below(motor: Codes, ml_mask: int, nkm: int) -> tuple[bool, bool]:
    """One side allows B: some motor candidate has no sure function > 3 levels below.

    Returns (possible, met a ``0*``/``0**`` in the ranges read). The non-key
    muscle counts only at a key-muscle level (``nkm`` is -1 otherwise).
    """
    var = False
    for m in range(INT_BIT + 1):
        if (ml_mask >> m) & 1 == 0:
            continue
        ok = True
        for k in range(_range_start(m), 10):
            v = motor[k]
            if has(M_ZERO_TAGGED, v):
                var = True
            if not has(M_NO_SURE_FUNCTION, v) or _key_segment(k) == nkm:
                ok = False
                break
        if ok:
            return True, var
    return False, False


@njit(cache=True)
def motor_below(motor: Codes, ml_mask: int, nkm: int) -> tuple[bool, bool]:
    """One side may have motor function > 3 levels below the motor level: (open, via 0**)."""
    var = False
    for m in range(INT_BIT + 1):
        if (ml_mask >> m) & 1 == 0:
            continue
        for k in range(_range_start(m), 10):
            v = motor[k]
            if v == M_0SS:
                var = True
            if v != M_0 or _key_segment(k) == nkm:
                return True, var
    return var, var


@njit(cache=True)
def c_possible(motor: Codes, nli_mask: int) -> tuple[bool, bool]:
    """More than half of the key muscles below some NLI candidate may be < 3: (possible, starred).

    The first candidate that allows it decides (reference behaviour).
    """
    for n in range(INT_BIT + 1):
        if (nli_mask >> n) & 1 == 0:
            continue
        start = first_key_at_or_below(n + 1)
        half = 10 - start
        count = 0
        starred = 0
        for k in range(start, 10):
            for side in range(2):
                v = motor[side, k]
                if has(M_LT3_PLAIN, v):
                    count += 1
                elif has(M_LT3_STAR, v):
                    count += 1
                    starred += 1
            if count - starred > half:
                return True, False
        if count > half and count - starred <= half:
            return True, True
    return False, False


@njit(cache=True)
def d_possible(motor: Codes, nli_mask: int) -> tuple[bool, bool]:
    """At least half of the key muscles below some NLI candidate may be >= 3: (possible, starred)."""
    result = False
    var = False
    for n in range(INT_BIT + 1):
        if (nli_mask >> n) & 1 == 0:
            continue
        if n == INT_BIT:
            break
        start = first_key_at_or_below(n + 1)
        half = 10 - start
        if half == 0:
            return True, False
        count = 0
        starred = 0
        for k in range(start, 10):
            for side in range(2):
                v = motor[side, k]
                if not has(M_BELOW3, v):
                    count += 1
                if has(M_GE3_STAR, v):
                    starred += 1
            if count - starred >= half:
                return True, False
        if count >= half:
            result = True
            var = var or count - starred < half
    return result, var


@njit(cache=True)
def _untagged_c(
    sens: Codes, motor: Codes, plain_sens: Codes, plain_motor: Codes, s_untag: Codes, m_untag: Codes
) -> bool:
    """C possible on the same exam with every tag removed (NLI recomputed)."""
    for side in range(2):
        for mod in range(2):
            for d in range(29):
                plain_sens[side, mod, d] = s_untag[sens[side, mod, d]]
        for k in range(10):
            plain_motor[side, k] = m_untag[motor[side, k]]
    nli_mask, _ = neurological_level(plain_sens, plain_motor)
    possible, _ = c_possible(plain_motor, nli_mask)
    return possible


@njit(cache=True)
def impairment_scale(
    sens: Codes,
    motor: Codes,
    vac: int,
    dap: int,
    nkm: Ints,
    ml_mask: Ints,
    nli_mask: int,
    nli_star: int,
    complete: int,
    tagged: bool,
    plain_sens: Codes,
    plain_motor: Codes,
    s_untag: Codes,
    m_untag: Codes,
) -> int:
    """AIS grades as bits (rules.md §9).

    ``ml_mask`` (2,) holds the motor-level masks (right, left), ``nkm`` (2,)
    the non-key muscle segments (-1: none), ``tagged`` whether any score
    carries a tag; ``plain_*`` are scratch arrays for the untagged exam.
    **Quirks** (reference behaviour): a normal exam with VAC = No is ``B``
    (and ``B,E`` with VAC = NT); C, D and E are judged per NLI candidate, so
    lists such as ``A,D`` occur; ``C`` is starred when C would not be possible
    with every tag removed.
    """
    int_only = nli_mask == (1 << INT_BIT)
    if int_only and vac == YES:
        if (nli_star >> INT_BIT) & 1:
            return (1 << GRADE_E) | (1 << (GRADE_E + STAR_SHIFT))
        return 1 << GRADE_E
    out = 0
    if complete == 0 or complete == 1 or complete == 3:
        out |= 1 << GRADE_A
        if complete == 1:
            out |= 1 << (GRADE_A + STAR_SHIFT)
    sacral, sacral_star = sacral_sensation(sens, dap)
    rb, rvar = no_motor_below(motor[0], ml_mask[0], nkm[0])
    lb, lvar = no_motor_below(motor[1], ml_mask[1], nkm[1])
    if sacral and vac != YES and rb and lb:
        out |= 1 << GRADE_B
        if sacral_star or (vac == NO and (rvar or lvar)):
            out |= 1 << (GRADE_B + STAR_SHIFT)
    gate = vac != NO
    gate_star = False
    if not gate and sacral:
        ro, rv = motor_below(motor[0], ml_mask[0], nkm[0])
        lo, lv = motor_below(motor[1], ml_mask[1], nkm[1])
        if ro or lo:
            gate = True
            gate_star = rv or lv
    if gate:
        c, c_star = c_possible(motor, nli_mask)
        if c:
            out |= 1 << GRADE_C
            if (
                c_star
                or gate_star
                or (tagged and not _untagged_c(sens, motor, plain_sens, plain_motor, s_untag, m_untag))
            ):
                out |= 1 << (GRADE_C + STAR_SHIFT)
        d, d_star = d_possible(motor, nli_mask)
        if d:
            out |= 1 << GRADE_D
            if d_star or gate_star:
                out |= 1 << (GRADE_D + STAR_SHIFT)
    if vac != NO and (nli_mask >> INT_BIT) & 1:
        out |= 1 << GRADE_E
        if (nli_star >> INT_BIT) & 1:
            out |= 1 << (GRADE_E + STAR_SHIFT)
    return out
