"""Whole-body fat and lean tissue with the lean-share modifier, N people x D days in one call.

:func:`simulate_composition` takes every argument of :func:`myoscope.physiology.hall.simulate`
plus ``lean_share_cut`` (r, the fraction of Forbes' lean share of a loss that is spared; see
:mod:`myoscope.physiology.protein` and :mod:`myoscope.physiology._composition_kernel`). Where r
is zero for everyone the plain Hall kernel runs, so both variants reproduce their references
exactly with the modifier off.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike

from myoscope.errors import InputError, Problem
from myoscope.physiology.hall import DEFAULT_VARIANT, Variant, simulate
from myoscope.physiology.hall._baseline import Baseline
from myoscope.physiology.hall._inputs import check_state, prepare
from myoscope.physiology.hall._simulate import (
    _record_days,
    activity_schedule,
    baseline_of,
    parameter_table,
    resolve_variant,
)

FIELDS = ("body_weight_kg", "fat_mass_kg", "lean_mass_kg", "ffm_kg")
"""Outputs (kg): body weight, fat, Hall's lean tissue L, fat-free mass (weight - fat)."""
PARALLEL_FROM_PERSON_DAYS = 1_000_000
"""Smaller runs stay in the calling thread (starting the other threads costs more than it saves)."""


@dataclass(frozen=True)
class Composition:
    """Result of :func:`simulate_composition`: ``outputs[name]`` has shape (people, len(days))."""

    variant: Variant
    days: np.ndarray
    outputs: dict[str, np.ndarray]
    baseline: Baseline
    modified: bool
    """False when r was zero everywhere and Hall's own kernel ran."""

    def __getitem__(self, name: str) -> np.ndarray:
        return self.outputs[name]

    @property
    def finite(self) -> np.ndarray:
        """Per person: every output finite and positive on every recorded day."""
        ok = np.ones(self.baseline.weight_kg.shape[0], bool)
        for values in self.outputs.values():
            ok &= np.all(np.isfinite(values) & (values > 0), axis=1)
        return ok


def _cut(value: ArrayLike, n: int, columns: int) -> np.ndarray:
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise InputError(
            [Problem("lean_share_cut", value, "must be a number or an array of numbers", "0 to 1")]
        ) from None
    if arr.ndim == 1:
        arr = arr[:, None]
    try:
        arr = np.broadcast_to(arr, (n, columns))
    except ValueError:
        raise InputError(
            [Problem("lean_share_cut", list(arr.shape), "has the wrong shape", f"a number, ({n},) or ({n}, {columns})")]
        ) from None
    bad = ~np.isfinite(arr) | (arr < 0.0) | (arr > 1.0)
    if bad.any():
        index = tuple(np.argwhere(bad)[0])
        raise InputError([Problem("lean_share_cut", float(arr[index]), "is outside the accepted range", "0 to 1")])
    return arr


def simulate_composition(
    *,
    lean_share_cut: ArrayLike = 0.0,
    days: int = 365,
    variant: str | Variant = DEFAULT_VARIANT,
    record: Literal["daily", "final"] | Sequence[int] = "daily",
    engine: Literal["numba", "numpy"] = "numba",
    **person: ArrayLike,
) -> Composition:
    """Fat, lean tissue, fat-free mass and weight (kg) for N people, with the lean-share modifier.

    ``person`` takes the person and schedule arguments of :func:`myoscope.physiology.hall.simulate`
    (sex, age_y, height_m, weight_kg, pal, ei_change_kcal, na_change_mg, pcarb_base, pcarb, ei_kcal,
    fat_kg, pal_schedule). ``lean_share_cut`` is r: a number, one value per person (N,), or a
    schedule (N | 1, days + 1); 0 = Hall's model unchanged, 1 = no lean tissue lost in a deficit.
    """
    chosen = resolve_variant(variant)
    defaults = dict(
        pal=1.5,
        ei_change_kcal=0.0,
        na_change_mg=0.0,
        pcarb_base=0.5,
        pcarb=None,
        ei_kcal=None,
        fat_kg=None,
        pal_schedule=None,
    )
    prepared = prepare(
        **{**defaults, **person}, days=days, activity_changes=chosen.activity_changes, variant_name=chosen.name
    )
    cut = _cut(lean_share_cut, prepared.n, prepared.days + 1)
    record_days = _record_days(record, prepared.days)
    if not cut.any():
        sim = simulate(
            **{**defaults, **person},
            days=days,
            variant=chosen,
            outputs=FIELDS,
            record=record_days,
            engine="numpy" if engine == "numpy" else "numba",
        )
        return Composition(chosen, sim.days, dict(sim.outputs), sim.baseline, False)
    base = baseline_of(prepared, chosen)
    check_state(prepared, base.ei_kcal, base.fat_kg, base.lean_kg)
    from myoscope.physiology import _composition_kernel as kernel  # numba on first use only

    runner: Callable[..., None]  # the kernels fill ``out`` in place
    if engine == "numpy":
        runner = kernel.run_numpy
    elif prepared.n * prepared.days >= PARALLEL_FROM_PERSON_DAYS:
        runner = kernel.run_numba
    else:
        runner = kernel.run_numba_serial
    out = np.empty((len(FIELDS), len(record_days), prepared.n))
    shape = prepared.ei_change.shape
    with np.errstate(all="ignore"):
        runner(
            parameter_table(base),
            prepared.ei_change,
            prepared.na_change,
            np.broadcast_to(activity_schedule(prepared, base), shape),
            cut,
            float(chosen.glycogen_energy),
            bool(chosen.lookahead),
            prepared.days,
            record_days,
            out,
        )
    return Composition(chosen, record_days, {f: out[s].T for s, f in enumerate(FIELDS)}, base, True)
