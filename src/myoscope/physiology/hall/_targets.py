"""Constant intakes that reach a goal at a horizon, found for many people at once.

Each person's body weight, fat and lean mass at the horizon rise monotonically with a constant
intake, so the intake that meets a goal is a root of a monotone function. The roots of all
people are bracketed by the accepted intake range (0 to 10,000 kcal/day) and found together by
:func:`scipy.optimize.elementwise.find_root`, each evaluation being one vectorised simulation.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal

import numpy as np

from myoscope.errors import InputError, Problem
from myoscope.physiology.hall._inputs import LIMITS, Prepared, check_state, prepare
from myoscope.physiology.hall._simulate import Engine, baseline_of, resolve_variant, run
from myoscope.physiology.hall._variants import DEFAULT_VARIANT, Variant

INTAKE_TOLERANCE_KCAL = 1e-3
"""Absolute tolerance on the intake found (kcal/day); far below what anyone can eat to."""
_MARGIN_KCAL = 1e-6
LeanMeasure = Literal["lean_mass_kg", "ffm_kg"]


@dataclass(frozen=True)
class TargetIntake:
    """Constant daily intake per person (arrays of shape (N,)); NaN where the goal is out of reach."""

    variant: str
    days: int
    field: str
    goal: np.ndarray
    intake_kcal: np.ndarray
    baseline_intake_kcal: np.ndarray
    value_at_horizon: np.ndarray
    reached: np.ndarray

    @property
    def change_kcal(self) -> np.ndarray:
        """Intake minus the baseline intake (negative: a deficit)."""
        change: np.ndarray = self.intake_kcal - self.baseline_intake_kcal
        return change


def intake_for_weight(
    target_weight_kg: Any,
    *,
    days: int,
    variant: str | Variant = DEFAULT_VARIANT,
    engine: Engine = "numba",
    **person: Any,
) -> TargetIntake:
    """Constant intake (kcal/day from day 0) that brings body weight to ``target_weight_kg`` on day ``days``.

    ``person`` takes the person arguments of :func:`simulate` (sex, age_y, height_m, weight_kg,
    pal, na_change_mg, pcarb_base, pcarb, ei_kcal, fat_kg, pal_schedule).
    """
    chosen, prepared = _prepare(days, chosen_variant=variant, person=person)
    goal = _goal("target_weight_kg", target_weight_kg, prepared.n, LIMITS["weight_kg"][:2], "kg")
    return _solve(prepared, chosen, "body_weight_kg", goal, engine)


def intake_for_lean_loss(
    max_loss_kg: Any,
    *,
    days: int,
    measure: LeanMeasure = "lean_mass_kg",
    variant: str | Variant = DEFAULT_VARIANT,
    engine: Engine = "numba",
    **person: Any,
) -> TargetIntake:
    """Lowest constant intake whose loss of lean tissue by day ``days`` is ``max_loss_kg``.

    Any higher intake loses less. ``measure`` is Hall's lean tissue L (``lean_mass_kg``, without
    extracellular fluid and glycogen) or fat-free mass (``ffm_kg``).
    """
    if measure not in ("lean_mass_kg", "ffm_kg"):
        raise InputError([Problem("measure", measure, "is not one of the accepted choices", "lean_mass_kg or ffm_kg")])
    chosen, prepared = _prepare(days, chosen_variant=variant, person=person)
    loss = _goal("max_loss_kg", max_loss_kg, prepared.n, (0.0, 100.0), "kg")
    base = baseline_of(prepared, chosen)
    start = base.lean_kg if measure == "lean_mass_kg" else base.weight_kg - base.fat_kg
    return _solve(prepared, chosen, measure, start - loss, engine)


def _prepare(days: Any, *, chosen_variant: str | Variant, person: dict[str, Any]) -> tuple[Variant, Prepared]:
    chosen = resolve_variant(chosen_variant)
    unknown = set(person) - {
        "sex",
        "age_y",
        "height_m",
        "weight_kg",
        "pal",
        "na_change_mg",
        "pcarb_base",
        "pcarb",
        "ei_kcal",
        "fat_kg",
        "pal_schedule",
    }
    if unknown:
        raise InputError([Problem(name, person[name], "is not a known field") for name in sorted(unknown)])
    defaults = dict(pal=1.5, na_change_mg=0.0, pcarb_base=0.5, pcarb=None, ei_kcal=None, fat_kg=None, pal_schedule=None)
    prepared = prepare(
        **{**defaults, **person},
        ei_change_kcal=0.0,
        days=days,
        activity_changes=chosen.activity_changes,
        variant_name=chosen.name,
    )
    return chosen, prepared


def _goal(name: str, value: Any, n: int, bounds: tuple[float, float], unit: str) -> np.ndarray:
    try:
        arr = np.broadcast_to(np.asarray(value, dtype=float), (n,))
    except (TypeError, ValueError):
        raise InputError([Problem(name, value, f"must be a number or {n} numbers", f"{n} values")]) from None
    low, high = bounds
    bad = ~np.isfinite(arr) | (arr < low) | (arr > high)
    if bad.any():
        raise InputError(
            [
                Problem(
                    f"{name}[{i}]" if n > 1 else name,
                    float(arr[i]),
                    "is outside the accepted range",
                    f"{low:g} to {high:g} {unit}",
                    unit,
                )
                for i in np.flatnonzero(bad)[:3]
            ]
        )
    return arr


def _subset(prepared: Prepared, index: np.ndarray, change: np.ndarray) -> Prepared:
    columns = prepared.days + 1
    return replace(
        prepared,
        female=prepared.female[index],
        age_y=prepared.age_y[index],
        height_m=prepared.height_m[index],
        weight_kg=prepared.weight_kg[index],
        pal=prepared.pal[index],
        pcarb_base=prepared.pcarb_base[index],
        pcarb=prepared.pcarb[index],
        ei_kcal=prepared.ei_kcal[index],
        fat_kg=prepared.fat_kg[index],
        ei_change=np.broadcast_to(change[:, None], (index.size, columns)),
        na_change=prepared.na_change[index],
        pal_schedule=None if prepared.pal_schedule is None else prepared.pal_schedule[index],
    )


def _solve(prepared: Prepared, variant: Variant, field: str, goal: np.ndarray, engine: Engine) -> TargetIntake:
    from scipy.optimize.elementwise import find_root  # here, not at import: scipy.optimize takes ~0.4 s to load

    base = baseline_of(prepared, variant)
    check_state(prepared, base.ei_kcal, base.fat_kg, base.lean_kg)
    horizon = np.array([prepared.days], dtype=np.int64)
    low, high, _ = LIMITS["total_intake"]

    def excess(change: np.ndarray, person: np.ndarray) -> np.ndarray:
        index = person.astype(np.intp)
        value = run(_subset(prepared, index, change), variant, (field,), horizon, engine)[field][:, 0]
        # a collapsed trajectory (non-finite) lies below any goal: intake was far too low
        gap: np.ndarray = np.where(np.isfinite(value), value, -1e9) - goal[index]
        return gap

    bracket = (low - base.ei_kcal + _MARGIN_KCAL, high - base.ei_kcal - _MARGIN_KCAL)
    result = find_root(
        excess,
        bracket,
        args=(np.arange(prepared.n, dtype=float),),
        tolerances={"xatol": INTAKE_TOLERANCE_KCAL, "xrtol": 0.0},
    )
    change = np.where(result.success, result.x, np.nan)
    reached = np.asarray(result.success, bool)
    value = np.full(prepared.n, np.nan)
    if reached.any():
        index = np.flatnonzero(reached)
        value[index] = run(_subset(prepared, index, change[index]), variant, (field,), horizon, engine)[field][:, 0]
    return TargetIntake(variant.name, prepared.days, field, goal, base.ei_kcal + change, base.ei_kcal, value, reached)
