"""One day of Hall's model by operator-split RK4, and the loops that run it.

The step is written once, in plain arithmetic, so that it runs both on numpy arrays (all people
at once, :func:`run_numpy`) and, compiled by numba, on scalars inside a loop over a block of
people that LLVM vectorises (:func:`run_numba`, blocks in parallel). The scheme is ``bw``
1.0.0's (reference/bw/model.md §6): AT, ECF and glycogen each take a classic RK4 step, then lean
tissue L takes an RK4 step that sees the averages of their old and new values; fat follows L
along the Forbes curve. Two switches select the variant:

* ``g`` multiplies dG/dt in the energy balance: ``RHO_G`` (Hall 2011, kcal/day) or 1
  (``bw`` 1.0.0, dG/dt in kg/day, model.md §8 D1);
* ``lookahead``: the end-of-step RK4 stage reads the next day's inputs (``bw``, D4) or the
  day's own (each day's intake held over the whole day, as the model implies).

Two choices trade the last bits for speed (no library call, few divisions, so the loop
vectorises): fat is followed from day to day as F_n exp(dL/10.4) with a polynomial exp, and
divisions by constants are multiplications by their reciprocals. Agreement with ``bw`` stays
within 3e-15 (relative) on every day of the reference set.

The compiled functions are compiled on their first call (one specialisation per argument
types, e.g. broadcast or contiguous schedules) and cached on disk (``cache=True``); importing
this module compiles nothing. Callers import it only when they simulate.
"""

from __future__ import annotations

import math
from typing import TypeVar

import numba
import numpy as np
from numba.extending import register_jitable
from numpy.typing import NDArray

from myoscope.physiology.hall import _constants as c
from myoscope.physiology.hall._fields import (  # noqa: F401 (re-exported)
    EE_CODE,
    FIELDS,
    N_PARAMS,
    P_CIB,
    P_ECF0,
    P_EI0,
    P_FAT0,
    P_K,
    P_KG,
    P_LEAN0,
    P_PCARB,
    P_W0,
)

_ALPHA1 = -(1.0 + c.ETA_L / c.RHO_L) * c.FORBES_C
_ALPHA2 = -(1.0 + c.ETA_F / c.RHO_F)
_RHO_F_C = c.RHO_F * c.FORBES_C
_C_OVER_RHO_L = c.FORBES_C / c.RHO_L
_INV_TAU = 1.0 / c.TAU_AT
_INV_RHO_G = 1.0 / c.RHO_G
_INV_SODIUM = 1.0 / c.SODIUM_ECF
_FORBES_EXPONENT = c.RHO_L / _RHO_F_C
_SIXTH = 1.0 / 6.0
_INV_FACT = tuple(1.0 / math.factorial(n) for n in range(11))

Floats = NDArray[np.float64]
Value = TypeVar("Value", float, Floats)
"""A state quantity: one person's float inside the compiled loops, everyone's array in :func:`run_numpy`."""


@register_jitable(inline="always")
def _expm1(x: Value) -> Value:
    """exp(x) - 1 without a library call, so that loops over people vectorise.

    Taylor polynomial of degree 10 at x/8, then three doublings e(2y) = e(y) (2 + e(y)); the
    relative error stays below 2e-15 for |x| < 1.3, i.e. a lean-tissue change of up to 13 kg
    within a day (physiologically the change is well under 1 kg/day).
    """
    y = x * 0.125
    p = y * (
        1.0
        + y
        * (
            _INV_FACT[2]
            + y
            * (
                _INV_FACT[3]
                + y
                * (
                    _INV_FACT[4]
                    + y
                    * (
                        _INV_FACT[5]
                        + y
                        * (
                            _INV_FACT[6]
                            + y * (_INV_FACT[7] + y * (_INV_FACT[8] + y * (_INV_FACT[9] + y * _INV_FACT[10])))
                        )
                    )
                )
            )
        )
    )
    p = p * (2.0 + p)
    p = p * (2.0 + p)
    return p * (2.0 + p)


@register_jitable(inline="always")
def _fat(lean: Value, fat_n: Value, lean_n: Value) -> Value:
    """Fat on the Forbes curve through (L_n, F_n): F_n exp(rho_L (L - L_n) / (rho_F C)).

    The curve F = F0 exp((L - L0)/10.4) of Chow & Hall 2008 (Forbes 1987), followed from the
    current point rather than from day 0 so that only small exponents occur.
    """
    return fat_n + fat_n * _expm1(_FORBES_EXPONENT * (lean - lean_n))


@register_jitable(inline="always")
def _d_glycogen(glycogen: Value, ci: Value, kg: Value) -> Value:
    return (ci - kg * (glycogen * glycogen)) * _INV_RHO_G


@register_jitable(inline="always")
def _d_at(at: Value, d_ei: Value) -> Value:
    return (c.BETA_AT * d_ei - at) * _INV_TAU


@register_jitable(inline="always")
def _d_ecf(ecf: Value, d_na: Value, ci: Value, ecf0: Value, inv_cib: Value) -> Value:
    return (d_na - c.XI_NA * (ecf - ecf0) - c.XI_CI * (1.0 - ci * inv_cib)) * _INV_SODIUM


@register_jitable(inline="always")
def _d_lean(
    lean: Value,
    fat: Value,
    ecf: Value,
    glycogen: Value,
    at: Value,
    d_ei: Value,
    ei: Value,
    ci: Value,
    k: Value,
    delta: Value,
    kg: Value,
    g: float,
) -> Value:
    """dL/dt (kg/day) from the energy balance with the Forbes partition (Hall 2011 Eq. 9)."""
    weight = lean + fat + ecf + c.GLYCOGEN_WITH_WATER * glycogen
    r3 = k + delta * weight + c.BETA_TEF * d_ei + at - ei + g * _d_glycogen(glycogen, ci, kg)
    return (r3 + c.GAMMA_L * lean + c.GAMMA_F * fat) / (_ALPHA1 + _ALPHA2 * fat) * _C_OVER_RHO_L


@register_jitable(inline="always")
def expenditure(
    lean: Value,
    fat: Value,
    ecf: Value,
    glycogen: Value,
    at: Value,
    weight: Value,
    d_ei: Value,
    ei: Value,
    ci: Value,
    k: Value,
    delta: Value,
    kg: Value,
    g: float,
) -> Value:
    """Total expenditure (kcal/day), Hall 2011: K + gF F + gL L + delta W + TEF + AT + etaF F' + etaL L'."""
    dl = _d_lean(lean, fat, ecf, glycogen, at, d_ei, ei, ci, k, delta, kg, g)
    df = fat / c.FORBES_KG * dl
    return (
        k + c.GAMMA_F * fat + c.GAMMA_L * lean + delta * weight + c.BETA_TEF * d_ei + at + c.ETA_F * df + c.ETA_L * dl
    )


@register_jitable(inline="always")
def step(
    lean: Value,
    fat: Value,
    ecf: Value,
    glycogen: Value,
    at: Value,
    d_ei0: Value,
    d_ei1: Value,
    d_na0: Value,
    d_na1: Value,
    delta: Value,
    ecf0: Value,
    k: Value,
    ei0: Value,
    inv_cib: Value,
    kg: Value,
    pcarb: Value,
    g: float,
) -> tuple[Value, Value, Value, Value, Value]:
    """Advance one day. ``*0`` inputs hold at the start and middle, ``*1`` at the end stage."""
    ei_a = ei0 + d_ei0
    ei_b = ei0 + d_ei1
    ci_a = pcarb * ei_a
    ci_b = pcarb * ei_b

    k1 = _d_at(at, d_ei0)
    k2 = _d_at(at + 0.5 * k1, d_ei0)
    k3 = _d_at(at + 0.5 * k2, d_ei0)
    k4 = _d_at(at + k3, d_ei1)
    at1 = at + (k1 + 2.0 * k2 + 2.0 * k3 + k4) * _SIXTH

    k1 = _d_ecf(ecf, d_na0, ci_a, ecf0, inv_cib)
    k2 = _d_ecf(ecf + 0.5 * k1, d_na0, ci_a, ecf0, inv_cib)
    k3 = _d_ecf(ecf + 0.5 * k2, d_na0, ci_a, ecf0, inv_cib)
    k4 = _d_ecf(ecf + k3, d_na1, ci_b, ecf0, inv_cib)
    ecf1 = ecf + (k1 + 2.0 * k2 + 2.0 * k3 + k4) * _SIXTH

    k1 = _d_glycogen(glycogen, ci_a, kg)
    k2 = _d_glycogen(glycogen + 0.5 * k1, ci_a, kg)
    k3 = _d_glycogen(glycogen + 0.5 * k2, ci_a, kg)
    k4 = _d_glycogen(glycogen + k3, ci_b, kg)
    glycogen1 = glycogen + (k1 + 2.0 * k2 + 2.0 * k3 + k4) * _SIXTH

    g_mid = (glycogen + glycogen1) / 2.0
    at_mid = (at + at1) / 2.0
    ecf_mid = (ecf + ecf1) / 2.0
    k1 = _d_lean(lean, fat, ecf, glycogen, at, d_ei0, ei_a, ci_a, k, delta, kg, g)
    l2 = lean + 0.5 * k1
    k2 = _d_lean(l2, _fat(l2, fat, lean), ecf_mid, g_mid, at_mid, d_ei0, ei_a, ci_a, k, delta, kg, g)
    l3 = lean + 0.5 * k2
    k3 = _d_lean(l3, _fat(l3, fat, lean), ecf_mid, g_mid, at_mid, d_ei0, ei_a, ci_a, k, delta, kg, g)
    l4 = lean + k3
    k4 = _d_lean(l4, _fat(l4, fat, lean), ecf1, glycogen1, at1, d_ei1, ei_b, ci_b, k, delta, kg, g)
    lean1 = lean + (k1 + 2.0 * k2 + 2.0 * k3 + k4) * _SIXTH
    return lean1, _fat(lean1, fat, lean), ecf1, glycogen1, at1


@register_jitable(inline="always")
def _pick(
    code: int,
    weight: Value,
    fat: Value,
    lean: Value,
    ecf: Value,
    glycogen: Value,
    at: Value,
    ei: Value,
    ee: Value,
) -> Value:
    if code == 0:
        return weight
    if code == 1:
        return fat
    if code == 2:
        return lean
    if code == 3:
        return weight - fat
    if code == 4:
        return ecf
    if code == 5:
        return glycogen
    if code == 6:
        return at
    if code == 7:
        return ei
    return ee


BLOCK = 128
"""People advanced together, day by day, in one compiled inner loop (vectorised by LLVM)."""


@numba.njit(cache=True, nogil=True, error_model="numpy")
def _advance(
    lean: Floats,
    fat: Floats,
    ecf: Floats,
    glycogen: Floats,
    at: Floats,
    weight: Floats,
    ei_a: Floats,
    ei_b: Floats,
    na_a: Floats,
    na_b: Floats,
    delta_t: Floats,
    ecf0: Floats,
    k: Floats,
    ei0: Floats,
    inv_cib: Floats,
    kg: Floats,
    pcarb: Floats,
    g: float,
) -> None:
    """One day for a block of people, in place (contiguous arrays, so LLVM vectorises the loop)."""
    for q in range(lean.shape[0]):
        l1, f1, e1, g1, a1 = step(
            lean[q],
            fat[q],
            ecf[q],
            glycogen[q],
            at[q],
            ei_a[q],
            ei_b[q],
            na_a[q],
            na_b[q],
            delta_t[q],
            ecf0[q],
            k[q],
            ei0[q],
            inv_cib[q],
            kg[q],
            pcarb[q],
            g,
        )
        lean[q] = l1
        fat[q] = f1
        ecf[q] = e1
        glycogen[q] = g1
        at[q] = a1
        weight[q] = f1 + l1 + e1 + c.GLYCOGEN_WITH_WATER * g1


@numba.njit(cache=True, nogil=True, error_model="numpy")
def _record(
    out: Floats,
    j: int,
    lo: int,
    sel: NDArray[np.int64],
    need_ee: bool,
    lean: Floats,
    fat: Floats,
    ecf: Floats,
    glycogen: Floats,
    at: Floats,
    weight: Floats,
    d_ei: Floats,
    delta_t: Floats,
    ei0: Floats,
    pcarb: Floats,
    k: Floats,
    kg: Floats,
    g: float,
    ee: Floats,
) -> None:
    """Write the selected fields of a block of people into ``out[:, j, lo:lo + m]``."""
    m = lean.shape[0]
    if need_ee:
        for q in range(m):
            intake = ei0[q] + d_ei[q]
            ee[q] = expenditure(
                lean[q],
                fat[q],
                ecf[q],
                glycogen[q],
                at[q],
                weight[q],
                d_ei[q],
                intake,
                pcarb[q] * intake,
                k[q],
                delta_t[q],
                kg[q],
                g,
            )
    for s in range(sel.shape[0]):
        row = out[s, j, lo : lo + m]
        code = sel[s]
        if code == 3:
            for q in range(m):
                row[q] = weight[q] - fat[q]
        elif code == 7:
            for q in range(m):
                row[q] = ei0[q] + d_ei[q]
        else:
            source = (weight, fat, lean, weight, ecf, glycogen, at, weight, ee)[code]
            for q in range(m):
                row[q] = source[q]


@numba.njit(cache=True, nogil=True, error_model="numpy")
def _run_block(
    b: int,
    params: Floats,
    ei: Floats,
    na: Floats,
    delta: Floats,
    g: float,
    lookahead: bool,
    days: int,
    record: NDArray[np.int64],
    sel: NDArray[np.int64],
    out: Floats,
) -> None:
    """People ``b * BLOCK`` to ``(b + 1) * BLOCK - 1``, all days (see :func:`run_numba`)."""
    n_people = params.shape[0]
    n_rec = record.shape[0]
    need_ee = False
    for s in range(sel.shape[0]):
        if sel[s] == EE_CODE:
            need_ee = True
    lo = b * BLOCK
    m = min(BLOCK, n_people - lo)
    p = np.ascontiguousarray(params[lo : lo + m].T)
    ecf0, k, ei0, kg, pcarb = p[P_ECF0], p[P_K], p[P_EI0], p[P_KG], p[P_PCARB]
    inv_cib = 1.0 / p[P_CIB]
    lean = p[P_LEAN0].copy()
    fat = p[P_FAT0].copy()
    ecf = ecf0.copy()
    glycogen = np.full(m, c.GLYCOGEN_0)
    at = np.zeros(m)
    weight = p[P_W0].copy()
    ei_a, ei_b, na_a, na_b, delta_t, ee = (np.empty(m), np.empty(m), np.empty(m), np.empty(m), np.empty(m), np.empty(m))
    j = 0
    for t in range(days + 1):
        if j < n_rec and record[j] == t:
            for q in range(m):
                ei_a[q] = ei[lo + q, t] if t > 0 else 0.0
                delta_t[q] = delta[lo + q, t]
            _record(
                out, j, lo, sel, need_ee, lean, fat, ecf, glycogen, at, weight, ei_a, delta_t, ei0, pcarb, k, kg, g, ee
            )
            j += 1
        if t == days:
            break
        t1 = t + 1 if lookahead else t
        for q in range(m):
            i = lo + q
            ei_a[q] = ei[i, t]
            ei_b[q] = ei[i, t1]
            na_a[q] = na[i, t]
            na_b[q] = na[i, t1]
            delta_t[q] = delta[i, t]
        _advance(
            lean, fat, ecf, glycogen, at, weight, ei_a, ei_b, na_a, na_b, delta_t, ecf0, k, ei0, inv_cib, kg, pcarb, g
        )


@numba.njit(cache=True, parallel=True, nogil=True)
def run_numba(
    params: Floats,
    ei: Floats,
    na: Floats,
    delta: Floats,
    g: float,
    lookahead: bool,
    days: int,
    record: NDArray[np.int64],
    sel: NDArray[np.int64],
    out: Floats,
) -> None:
    """Simulate every person (row of ``params``) for ``days`` days, blocks of people in parallel.

    ``ei``, ``na`` and ``delta`` are (N, days + 1) schedules (views may broadcast); the values of
    the fields ``sel`` (codes into :data:`FIELDS`) on the days ``record`` (ascending) go to
    ``out`` of shape (len(sel), len(record), N).
    """
    for b in numba.prange((params.shape[0] + BLOCK - 1) // BLOCK):
        _run_block(b, params, ei, na, delta, g, lookahead, days, record, sel, out)


@numba.njit(cache=True, nogil=True)
def run_numba_serial(
    params: Floats,
    ei: Floats,
    na: Floats,
    delta: Floats,
    g: float,
    lookahead: bool,
    days: int,
    record: NDArray[np.int64],
    sel: NDArray[np.int64],
    out: Floats,
) -> None:
    """:func:`run_numba` in the calling thread (small cohorts: no thread start-up to wait for)."""
    for b in range((params.shape[0] + BLOCK - 1) // BLOCK):
        _run_block(b, params, ei, na, delta, g, lookahead, days, record, sel, out)


def run_numpy(
    params: Floats,
    ei: Floats,
    na: Floats,
    delta: Floats,
    g: float,
    lookahead: bool,
    days: int,
    record: NDArray[np.int64],
    sel: NDArray[np.int64],
    out: Floats,
) -> None:
    """The same computation as :func:`run_numba` in plain numpy, vectorised over all people."""
    fat0, lean0, ecf0, k, ei0, cib, kg, pcarb, weight = (params[:, col] for col in range(N_PARAMS))
    inv_cib = 1.0 / cib
    lean, fat, ecf = lean0.copy(), fat0.copy(), ecf0.copy()
    glycogen = np.full_like(lean, c.GLYCOGEN_0)
    at = np.zeros_like(lean)
    need_ee = EE_CODE in {int(s) for s in sel}
    where = {int(t): j for j, t in enumerate(record)}
    for t in range(days + 1):
        if t in where:
            d_ei = ei[:, t] if t > 0 else np.zeros_like(lean)
            intake = ei0 + d_ei
            ee = (
                expenditure(lean, fat, ecf, glycogen, at, weight, d_ei, intake, pcarb * intake, k, delta[:, t], kg, g)
                if need_ee
                else np.full_like(lean, np.nan)  # read only when expenditure is selected
            )
            for s, code in enumerate(sel):
                out[s, where[t], :] = _pick(int(code), weight, fat, lean, ecf, glycogen, at, intake, ee)
        if t == days:
            break
        t1 = t + 1 if lookahead else t
        lean, fat, ecf, glycogen, at = step(
            lean,
            fat,
            ecf,
            glycogen,
            at,
            ei[:, t],
            ei[:, t1],
            na[:, t],
            na[:, t1],
            delta[:, t],
            ecf0,
            k,
            ei0,
            inv_cib,
            kg,
            pcarb,
            g,
        )
        weight = fat + lean + ecf + c.GLYCOGEN_WITH_WATER * glycogen
