"""One day of Hall's model with a bounded lean-share modifier, for numpy arrays or numba scalars.

Hall's adult model (Hall et al. 2011; Chow & Hall 2008) splits the energy left after glycogen
between lean tissue and fat by Forbes' partition p = C / (C + F). Here the lean share of a
*loss* is p (1 - r), with r in [0, 1] per person and day (protein and resistance training, see
:mod:`myoscope.physiology.protein`); gains keep Forbes' share. Fat is therefore no longer on the
Forbes curve and is integrated as a state. The energy balance is solved in closed form as in
the appendix (Eq. 9):

    S = (EI - g dG/dt - B) / (1 + p' eta_L / rho_L + (1 - p') eta_F / rho_F)
    rho_L dL/dt = p' S,  rho_F dF/dt = (1 - p') S,
    B = K + gamma_F F + gamma_L L + delta W + TEF + AT.

With r = 0 this is Hall's model exactly (algebraically); the scheme here is a classic coupled
RK4 over (AT, ECF, G, L, F) with one-day steps, which the shared reference bw/model.md §7
measures at 1e-5 from ``bw``'s split scheme. Callers with r = 0 everywhere use the Hall kernel
itself, so the ``hall2011`` and ``bw-1.0.0`` variants stay bit-identical to their references.

The compiled loop is compiled on first use and cached on disk (``cache=True``).
"""

from __future__ import annotations

from typing import TypeVar

import numba
import numpy as np
from numba.extending import register_jitable
from numpy.typing import NDArray

from myoscope.physiology.hall import _constants as c

FIELDS = ("body_weight_kg", "fat_mass_kg", "lean_mass_kg", "ffm_kg")
"""Recorded outputs, in the kernel's order."""

_INV_RHO_G = 1.0 / c.RHO_G
_INV_SODIUM = 1.0 / c.SODIUM_ECF
_INV_TAU = 1.0 / c.TAU_AT

Floats = NDArray[np.float64]
Value = TypeVar("Value", float, Floats)
"""A state quantity: one person's float in the compiled loop, everyone's array in :func:`run_numpy`."""


@register_jitable(inline="always")
def derivatives(
    lean: Value,
    fat: Value,
    ecf: Value,
    glycogen: Value,
    at: Value,
    d_ei: Value,
    d_na: Value,
    delta: Value,
    ecf0: Value,
    k: Value,
    ei0: Value,
    inv_cib: Value,
    kg: Value,
    pcarb: Value,
    g: float,
    r: Value,
) -> tuple[Value, Value, Value, Value, Value]:
    """Right-hand sides (dL, dF, dECF, dG, dAT) per day; works element-wise on arrays too."""
    ei = ei0 + d_ei
    ci = pcarb * ei
    d_at = (c.BETA_AT * d_ei - at) * _INV_TAU
    d_g = (ci - kg * (glycogen * glycogen)) * _INV_RHO_G
    d_ecf = (d_na - c.XI_NA * (ecf - ecf0) - c.XI_CI * (1.0 - ci * inv_cib)) * _INV_SODIUM
    weight = lean + fat + ecf + c.GLYCOGEN_WITH_WATER * glycogen
    base = k + c.GAMMA_F * fat + c.GAMMA_L * lean + delta * weight + c.BETA_TEF * d_ei + at
    num = ei - g * d_g - base
    p = c.FORBES_C / (c.FORBES_C + fat)
    share = p * (1.0 - r * (num < 0.0))
    storage = num / (1.0 + share * (c.ETA_L / c.RHO_L) + (1.0 - share) * (c.ETA_F / c.RHO_F))
    return share * storage / c.RHO_L, (1.0 - share) * storage / c.RHO_F, d_ecf, d_g, d_at


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
    r: Value,
) -> tuple[Value, Value, Value, Value, Value]:
    """One day of classic RK4; ``*0`` inputs hold at the start and middle, ``*1`` at the end stage."""
    a = derivatives(lean, fat, ecf, glycogen, at, d_ei0, d_na0, delta, ecf0, k, ei0, inv_cib, kg, pcarb, g, r)
    b = derivatives(
        lean + 0.5 * a[0],
        fat + 0.5 * a[1],
        ecf + 0.5 * a[2],
        glycogen + 0.5 * a[3],
        at + 0.5 * a[4],
        d_ei0,
        d_na0,
        delta,
        ecf0,
        k,
        ei0,
        inv_cib,
        kg,
        pcarb,
        g,
        r,
    )
    m = derivatives(
        lean + 0.5 * b[0],
        fat + 0.5 * b[1],
        ecf + 0.5 * b[2],
        glycogen + 0.5 * b[3],
        at + 0.5 * b[4],
        d_ei0,
        d_na0,
        delta,
        ecf0,
        k,
        ei0,
        inv_cib,
        kg,
        pcarb,
        g,
        r,
    )
    e = derivatives(
        lean + m[0],
        fat + m[1],
        ecf + m[2],
        glycogen + m[3],
        at + m[4],
        d_ei1,
        d_na1,
        delta,
        ecf0,
        k,
        ei0,
        inv_cib,
        kg,
        pcarb,
        g,
        r,
    )
    sixth = 1.0 / 6.0
    return (
        lean + (a[0] + 2.0 * b[0] + 2.0 * m[0] + e[0]) * sixth,
        fat + (a[1] + 2.0 * b[1] + 2.0 * m[1] + e[1]) * sixth,
        ecf + (a[2] + 2.0 * b[2] + 2.0 * m[2] + e[2]) * sixth,
        glycogen + (a[3] + 2.0 * b[3] + 2.0 * m[3] + e[3]) * sixth,
        at + (a[4] + 2.0 * b[4] + 2.0 * m[4] + e[4]) * sixth,
    )


@register_jitable
def _person(
    i: int,
    params: Floats,
    ei: Floats,
    na: Floats,
    delta: Floats,
    share_cut: Floats,
    g: float,
    lookahead: bool,
    days: int,
    record: NDArray[np.int64],
    out: Floats,
) -> None:
    """Person ``i`` over all days (the loop body of :func:`run_numba`)."""
    n_rec = record.shape[0]
    fat, lean, ecf0, k, ei0 = params[i, 0], params[i, 1], params[i, 2], params[i, 3], params[i, 4]
    inv_cib, kg, pcarb = 1.0 / params[i, 5], params[i, 6], params[i, 7]
    ecf, glycogen, at = ecf0, c.GLYCOGEN_0, 0.0
    weight = params[i, 8]
    j = 0
    for t in range(days + 1):
        if j < n_rec and record[j] == t:
            out[0, j, i] = weight
            out[1, j, i] = fat
            out[2, j, i] = lean
            out[3, j, i] = weight - fat
            j += 1
        if t == days:
            break
        t1 = t + 1 if lookahead else t
        lean, fat, ecf, glycogen, at = step(
            lean,
            fat,
            ecf,
            glycogen,
            at,
            ei[i, t],
            ei[i, t1],
            na[i, t],
            na[i, t1],
            delta[i, t],
            ecf0,
            k,
            ei0,
            inv_cib,
            kg,
            pcarb,
            g,
            share_cut[i, t],
        )
        weight = lean + fat + ecf + c.GLYCOGEN_WITH_WATER * glycogen


@numba.njit(cache=True, parallel=True, nogil=True, error_model="numpy")
def run_numba(
    params: Floats,
    ei: Floats,
    na: Floats,
    delta: Floats,
    share_cut: Floats,
    g: float,
    lookahead: bool,
    days: int,
    record: NDArray[np.int64],
    out: Floats,
) -> None:
    """Every person (row of ``params``: Hall kernel columns) for ``days`` days, people in parallel.

    ``ei``, ``na``, ``delta`` and ``share_cut`` (r) are (N, days + 1) schedules; ``out`` has shape
    (len(FIELDS), len(record), N).
    """
    for i in numba.prange(params.shape[0]):
        _person(i, params, ei, na, delta, share_cut, g, lookahead, days, record, out)


@numba.njit(cache=True, nogil=True, error_model="numpy")
def run_numba_serial(
    params: Floats,
    ei: Floats,
    na: Floats,
    delta: Floats,
    share_cut: Floats,
    g: float,
    lookahead: bool,
    days: int,
    record: NDArray[np.int64],
    out: Floats,
) -> None:
    """:func:`run_numba` in the calling thread (small runs: no threads to start)."""
    for i in range(params.shape[0]):
        _person(i, params, ei, na, delta, share_cut, g, lookahead, days, record, out)


def run_numpy(
    params: NDArray[np.float64],
    ei: NDArray[np.float64],
    na: NDArray[np.float64],
    delta: NDArray[np.float64],
    share_cut: NDArray[np.float64],
    g: float,
    lookahead: bool,
    days: int,
    record: NDArray[np.int64],
    out: NDArray[np.float64],
) -> None:
    """The same computation in plain numpy, vectorised over people."""
    fat, lean, ecf0, k, ei0, cib, kg, pcarb, weight = (params[:, col].copy() for col in range(9))
    inv_cib = 1.0 / cib
    ecf = ecf0.copy()
    glycogen = np.full_like(lean, c.GLYCOGEN_0)
    at = np.zeros_like(lean)
    where = {int(t): j for j, t in enumerate(record)}
    for t in range(days + 1):
        if t in where:
            out[:, where[t], :] = (weight, fat, lean, weight - fat)
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
            share_cut[:, t],
        )
        weight = lean + fat + ecf + c.GLYCOGEN_WITH_WATER * glycogen
