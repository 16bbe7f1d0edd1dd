"""One person at a constant intake: the projection the calorie-deficit cause reports."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from myoscope.errors import InputError, Problem
from myoscope.physiology.hall._inputs import Prepared
from myoscope.physiology.hall._simulate import baseline_of, resolve_variant, run
from myoscope.physiology.hall._targets import _prepare, intake_for_lean_loss
from myoscope.physiology.hall._variants import DEFAULT_VARIANT, Variant

MAX_WEEKS = 520
"""Longest projection offered (10 years); the model's baseline (RMR, age) is frozen at day 0."""


@dataclass(frozen=True)
class Projection:
    """Daily trajectory of one person and the changes at the horizon (kg, kcal/day)."""

    variant: str
    citations: tuple[str, ...]
    days: np.ndarray
    trajectory: dict[str, np.ndarray]
    intake_kcal: float
    maintenance_kcal: float
    weight_change_kg: float
    fat_change_kg: float
    lean_change_kg: float
    ffm_change_kg: float

    @property
    def lean_share(self) -> float:
        """Share of the weight change that is fat-free mass (NaN when weight did not change)."""
        return self.ffm_change_kg / self.weight_change_kg if self.weight_change_kg else float("nan")


@dataclass(frozen=True)
class LeanSparingIntake:
    """Lowest constant intake whose lean-tissue loss stays within the limit, and its projection."""

    intake_kcal: float
    maintenance_kcal: float
    max_lean_loss_kg: float
    reached: bool
    projection: Projection | None


def _days(weeks: Any) -> int:
    try:
        value = float(weeks)
    except (TypeError, ValueError):
        value = float("nan")
    if not (0 < value <= MAX_WEEKS):
        raise InputError(
            [Problem("weeks", weeks, "is outside the accepted range", f"more than 0 to {MAX_WEEKS}", "weeks")]
        )
    return max(1, int(round(value * 7)))


def _person(weight_kg: Any, height_cm: Any, age_y: Any, sex: Any, pal: Any, fat_kg: Any) -> dict[str, Any]:
    try:
        height_m = float(height_cm) / 100.0
    except (TypeError, ValueError):
        raise InputError([Problem("height_cm", height_cm, "must be a number", "100 to 250 cm", "cm")]) from None
    if not 100.0 <= float(height_cm) <= 250.0:
        raise InputError([Problem("height_cm", height_cm, "is outside the accepted range", "100 to 250 cm", "cm")])
    return dict(sex=sex, age_y=age_y, height_m=height_m, weight_kg=weight_kg, pal=pal, fat_kg=fat_kg)


def project(
    weight_kg: float,
    height_cm: float,
    age_y: float,
    sex: str,
    pal: float,
    intake_kcal: float,
    weeks: float,
    fat_kg: float | None = None,
    variant: str | Variant = DEFAULT_VARIANT,
) -> Projection:
    """Project one adult eating ``intake_kcal`` every day for ``weeks`` weeks (Hall et al. 2011).

    The baseline intake is the maintenance intake PAL x RMR (Mifflin-St Jeor); ``fat_kg``
    defaults to the Jackson et al. 2002 estimate from sex, age and BMI.
    """
    days = _days(weeks)
    chosen, prepared = _prepare(
        days, chosen_variant=variant, person=_person(weight_kg, height_cm, age_y, sex, pal, fat_kg)
    )
    if prepared.n != 1:
        raise InputError([Problem("weight_kg", weight_kg, "project() is for one person", "one value")])
    maintenance = float(baseline_of(prepared, chosen).ei_kcal[0])
    try:
        intake = float(intake_kcal)
    except (TypeError, ValueError):
        raise InputError([Problem("intake_kcal", intake_kcal, "must be a number", "0 to 10000 kcal/day")]) from None
    return _projection(prepared, chosen, intake, maintenance)


def _projection(prepared: Prepared, chosen: Variant, intake: float, maintenance: float) -> Projection:
    change = np.full((1, prepared.days + 1), intake - maintenance)
    sim = run(
        replace(prepared, ei_change=np.broadcast_to(change, change.shape)),
        chosen,
        ("body_weight_kg", "fat_mass_kg", "lean_mass_kg", "ffm_kg", "energy_intake_kcal", "energy_expenditure_kcal"),
        np.arange(prepared.days + 1, dtype=np.int64),
    )
    trajectory = {name: values[0] for name, values in sim.outputs.items()}

    def change_of(name: str) -> float:
        return float(trajectory[name][-1] - trajectory[name][0])

    return Projection(
        chosen.name,
        chosen.citations,
        sim.days,
        trajectory,
        intake,
        maintenance,
        change_of("body_weight_kg"),
        change_of("fat_mass_kg"),
        change_of("lean_mass_kg"),
        change_of("ffm_kg"),
    )


def lean_sparing_intake(
    weight_kg: float,
    height_cm: float,
    age_y: float,
    sex: str,
    pal: float,
    weeks: float,
    max_lean_loss_kg: float,
    fat_kg: float | None = None,
    variant: str | Variant = DEFAULT_VARIANT,
) -> LeanSparingIntake:
    """Lowest constant intake keeping the loss of lean tissue L within ``max_lean_loss_kg`` over ``weeks``.

    Eating more than this loses less lean tissue. ``reached`` is False (and the intake NaN) when no
    intake from 0 to 10,000 kcal/day loses exactly the limit: the limit is not reached even at zero
    intake, or is exceeded even at the highest intake.
    """
    days = _days(weeks)
    chosen = resolve_variant(variant)
    person = _person(weight_kg, height_cm, age_y, sex, pal, fat_kg)
    found = intake_for_lean_loss(max_lean_loss_kg, days=days, variant=chosen, **person)
    _, prepared = _prepare(days, chosen_variant=chosen, person=person)
    maintenance = float(found.baseline_intake_kcal[0])
    intake = float(found.intake_kcal[0])
    reached = bool(found.reached[0])
    if not reached:
        return LeanSparingIntake(float("nan"), maintenance, float(max_lean_loss_kg), False, None)
    return LeanSparingIntake(
        intake, maintenance, float(max_lean_loss_kg), True, _projection(prepared, chosen, intake, maintenance)
    )
