"""Day-0 state of Hall's model: the person is assumed to be in energy balance.

Follows the Hall et al. 2011 web appendix and ``bw`` 1.0.0 (reference/bw/model.md §3); the
order of operations is the one ``bw`` uses, so that the ``bw-1.0.0`` variant agrees to rounding.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike

from myoscope.physiology.energy import mifflin_st_jeor
from myoscope.physiology.hall import _constants as c

if TYPE_CHECKING:
    from myoscope.physiology.energy import Floats


def resting_metabolic_rate(
    weight_kg: ArrayLike, height_m: ArrayLike, age_y: ArrayLike, female: ArrayLike
) -> float | Floats:
    """Resting metabolic rate (kcal/day): Mifflin-St Jeor with the unrounded regression coefficients
    that Hall 2011 and ``bw`` use (height in m here)."""
    return mifflin_st_jeor(
        np.asarray(weight_kg, float),
        np.asarray(height_m, float) * 100.0,
        np.asarray(age_y, float),
        female,
        coefficients="regression",
    )


def jackson_fat_mass(weight_kg: ArrayLike, height_m: ArrayLike, age_y: ArrayLike, female: ArrayLike) -> Floats:
    """Baseline fat mass (kg) from sex, age and BMI (Jackson et al. 2002, as in Hall 2011)."""
    w = np.asarray(weight_kg, float)
    h = np.asarray(height_m, float)
    a = np.asarray(age_y, float)
    log_bmi = np.log(w / (h * h))
    men = (w * (c.JACKSON_MEN[0] * a + c.JACKSON_MEN[1] * log_bmi + c.JACKSON_MEN[2])) / 100.0
    women = (w * (c.JACKSON_WOMEN[0] * a + c.JACKSON_WOMEN[1] * log_bmi + c.JACKSON_WOMEN[2])) / 100.0
    fat: Floats = np.where(np.asarray(female) > 0.5, women, men)
    return fat


def extracellular_fluid(weight_kg: ArrayLike, height_m: ArrayLike, age_y: ArrayLike, female: ArrayLike) -> Floats:
    """Baseline extracellular fluid (kg), the equation ``bw`` 1.0.0 uses (see ``ECF_MEN``)."""
    w = np.asarray(weight_kg, float)
    h = np.asarray(height_m, float)
    a = np.asarray(age_y, float)
    men = c.ECF_MEN[0] * a + c.ECF_MEN[1] * h + c.ECF_MEN[2] * w + c.ECF_MEN[3]
    women = c.ECF_WOMEN[2] + c.ECF_WOMEN[0] * h + c.ECF_WOMEN[1] * w
    ecf: Floats = np.where(np.asarray(female) > 0.5, women, men)
    return ecf


def activity_coefficient(pal: ArrayLike, rmr: float | Floats, weight_kg: float | Floats) -> float | Floats:
    """delta (kcal/kg/day): expenditure proportional to weight, ((1 - beta_TEF) PAL - 1) RMR / W.

    Hall 2011 appendix, which defines delta from the baseline PAL. A later PAL is mapped through
    the same formula at the day-0 RMR and weight: the model's activity expenditure is delta x BW,
    so a change of activity is a change of delta (our reading; ``bw`` 1.0.0 keeps PAL fixed).
    """
    return ((1.0 - c.BETA_TEF) * np.asarray(pal, float) - 1.0) * rmr / weight_kg


@dataclass(frozen=True)
class Baseline:
    """Per-person day-0 parameters (arrays of shape (N,))."""

    weight_kg: np.ndarray
    rmr_kcal: np.ndarray
    ei_kcal: np.ndarray
    fat_kg: np.ndarray
    lean_kg: np.ndarray
    ecf_kg: np.ndarray
    glycogen_kg: np.ndarray
    delta_kcal_per_kg: np.ndarray
    K_kcal: np.ndarray
    CIb_kcal: np.ndarray
    kG: np.ndarray
    pcarb: np.ndarray

    def as_dict(self, index: int | None = None) -> dict[str, float | np.ndarray]:
        names = (
            "fat_kg",
            "lean_kg",
            "ecf_kg",
            "glycogen_kg",
            "ei_kcal",
            "rmr_kcal",
            "delta_kcal_per_kg",
            "K_kcal",
            "CIb_kcal",
            "kG",
        )
        if index is None:
            return {n: getattr(self, n) for n in names}
        return {n: float(getattr(self, n)[index]) for n in names}


def baseline(
    female: ArrayLike,
    age_y: ArrayLike,
    height_m: ArrayLike,
    weight_kg: ArrayLike,
    pal: ArrayLike,
    pcarb_base: ArrayLike,
    pcarb: ArrayLike,
    ei_kcal: ArrayLike,
    fat_kg: ArrayLike,
    balance_given_intake: bool,
) -> Baseline:
    """Day-0 state. ``ei_kcal`` / ``fat_kg`` hold NaN where the default applies.

    With a given intake, ``balance_given_intake`` closes the energy balance at that intake
    (Hall 2011: K "from the initial energy balance"); without it K and delta come from PAL x RMR
    even when the intake differs, as ``bw`` 1.0.0 does (model.md §8 D2).
    """
    weight = np.asarray(weight_kg, float)
    rmr = np.asarray(resting_metabolic_rate(weight, height_m, age_y, female), float)
    pal_rmr = np.asarray(pal, float) * rmr
    given_ei = ~np.isnan(ei_kcal)
    ei0 = np.where(given_ei, ei_kcal, pal_rmr)
    fat = np.where(np.isnan(fat_kg), jackson_fat_mass(weight, height_m, age_y, female), fat_kg)
    ecf = extracellular_fluid(weight, height_m, age_y, female)
    glycogen = np.full_like(weight, c.GLYCOGEN_0)
    lean = weight - (ecf + fat + c.GLYCOGEN_WITH_WATER * glycogen)
    delta = np.asarray(activity_coefficient(pal, rmr, weight), float)
    balance = np.where(given_ei, ei0, pal_rmr) if balance_given_intake else pal_rmr
    k = balance - c.GAMMA_L * lean - c.GAMMA_F * fat - delta * weight
    cib = np.asarray(pcarb_base, float) * ei0
    kg = cib / (glycogen * glycogen)
    return Baseline(
        weight, rmr, ei0, fat, lean, ecf, glycogen, delta, k, cib, kg, np.asarray(pcarb, float) + np.zeros_like(weight)
    )
