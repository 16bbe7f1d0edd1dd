"""Resting energy equations, expenditure from the physical activity level, energy balance.

Functions accept floats or numpy arrays (they are used for one person and, vectorised,
for cohorts and Hall's model). Sex is coded ``female`` as 1.0 and ``male`` as 0.0
(``sex_code``); weights in kg, heights in cm, ages in years, results in kcal/day.

Equations: Mifflin-St Jeor 1990, Harris-Benedict revised by Roza & Shizgal 1984, Henry 2005
(Oxford), Katch-McArdle (fat-free mass). Energy balance: intake minus expenditure, or from a
weight trend with the energy densities of fat and lean tissue (Hall 2008) and Forbes' split.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, overload

from myoscope.references import cite

Sex = Literal["male", "female"]

if TYPE_CHECKING:  # numpy loads on the first array input: one person's numbers are worked out in plain floats
    import numpy as np
    from numpy.typing import ArrayLike, NDArray

    Floats = NDArray[np.float64]
    """What the functions below return for array input (a float for scalar input)."""


def _plain(*values: object) -> bool:
    """Whether every value is a plain number (then the result is the same float numpy would give)."""
    return all(isinstance(v, (int, float)) for v in values)


MIFFLIN_CITATION = cite("mifflin1990")
MIFFLIN_WEIGHT = 10.0
"""kcal/day per kg body weight (Mifflin et al. 1990, Am J Clin Nutr, [mifflin1990])."""
MIFFLIN_HEIGHT = 6.25
"""kcal/day per cm height (Mifflin et al. 1990)."""
MIFFLIN_AGE = 5.0
"""kcal/day lost per year of age (Mifflin et al. 1990)."""
MIFFLIN_MALE_CONSTANT = 5.0
MIFFLIN_FEMALE_CONSTANT = -161.0
"""Sex constants of the simplified equation: +5 men, -161 women (Mifflin et al. 1990)."""
MIFFLIN_REGRESSION_WEIGHT = 9.99
"""kcal/day per kg in the unrounded regression printed in the abstract of Mifflin et al. 1990
(9.99 W + 6.25 H - 4.92 A + 166 S - 161), which Hall et al. 2011 and the R package ``bw`` use."""
MIFFLIN_REGRESSION_AGE = 4.92
"""kcal/day per year of age in the same unrounded regression (Mifflin et al. 1990, abstract)."""
MIFFLIN_VALID_AGE = (19.0, 78.0)
"""Age range of the 498 healthy adults the equation was derived from (Mifflin et al. 1990)."""


@overload
def sex_code(sex: Sex) -> float: ...
@overload
def sex_code(sex: ArrayLike) -> float | Floats: ...
def sex_code(sex: ArrayLike) -> float | Floats:
    """``female`` -> 1.0, ``male`` -> 0.0 (array-friendly when given an array of strings)."""
    if isinstance(sex, str):
        if sex not in ("male", "female"):
            raise ValueError(f"sex must be 'male' or 'female', not {sex!r}")
        return 1.0 if sex == "female" else 0.0
    import numpy as np

    arr = np.asarray(sex)
    bad = ~np.isin(arr, ["male", "female"])
    if bad.any():
        raise ValueError(f"sex must be 'male' or 'female', not {arr[bad][0]!r}")
    codes: Floats = (arr == "female").astype(np.float64)
    return codes


@overload
def mifflin_st_jeor(
    weight_kg: float, height_cm: float, age_y: float, female: float, coefficients: str = ...
) -> float: ...
@overload
def mifflin_st_jeor(
    weight_kg: ArrayLike, height_cm: ArrayLike, age_y: ArrayLike, female: ArrayLike, coefficients: str = ...
) -> float | Floats: ...
def mifflin_st_jeor(
    weight_kg: ArrayLike, height_cm: ArrayLike, age_y: ArrayLike, female: ArrayLike, coefficients: str = "simplified"
) -> float | Floats:
    """Resting energy expenditure (kcal/day), Mifflin-St Jeor 1990.

    ``female`` is 1.0 for women and 0.0 for men (see :func:`sex_code`); arrays broadcast.
    REE = 10 W + 6.25 H - 5 A + 5 (men) or - 161 (women). ``coefficients="regression"`` uses the
    unrounded 9.99 W and 4.92 A of the same paper (as Hall's model and ``bw`` do).
    """
    if coefficients not in ("simplified", "regression"):
        raise ValueError(f"coefficients must be 'simplified' or 'regression', not {coefficients!r}")
    per_kg, per_year = (
        (MIFFLIN_WEIGHT, MIFFLIN_AGE)
        if coefficients == "simplified"
        else (MIFFLIN_REGRESSION_WEIGHT, MIFFLIN_REGRESSION_AGE)
    )
    if _plain(weight_kg, height_cm, age_y, female):  # the same operations in the same order as below
        sex_constant = MIFFLIN_MALE_CONSTANT + (MIFFLIN_FEMALE_CONSTANT - MIFFLIN_MALE_CONSTANT) * float(female)  # type: ignore[arg-type]
        return (
            per_kg * float(weight_kg)  # type: ignore[arg-type]
            + MIFFLIN_HEIGHT * float(height_cm)  # type: ignore[arg-type]
            - per_year * float(age_y)  # type: ignore[arg-type]
            + sex_constant
        )
    import numpy as np

    constant = MIFFLIN_MALE_CONSTANT + (MIFFLIN_FEMALE_CONSTANT - MIFFLIN_MALE_CONSTANT) * np.asarray(female, float)
    value = (
        per_kg * np.asarray(weight_kg, float)
        + MIFFLIN_HEIGHT * np.asarray(height_cm, float)
        - per_year * np.asarray(age_y, float)
        + constant
    )
    return float(value) if np.ndim(value) == 0 else value


PAL_CITATION = cite("fao2004")
PAL_BANDS: dict[str, tuple[float, float]] = {
    "sedentary or light": (1.40, 1.69),
    "active or moderately active": (1.70, 1.99),
    "vigorous or vigorously active": (2.00, 2.40),
}
"""Physical activity level bands (total expenditure / BMR), FAO/WHO/UNU 2004, Human energy
requirements, FAO Food and Nutrition Technical Report Series 1, section 5."""


@overload
def expenditure_from_pal(resting_kcal: float, pal: float) -> float: ...
@overload
def expenditure_from_pal(resting_kcal: ArrayLike, pal: ArrayLike) -> float | Floats: ...
def expenditure_from_pal(resting_kcal: ArrayLike, pal: ArrayLike) -> float | Floats:
    """Total energy expenditure (kcal/day) = resting expenditure x PAL (FAO/WHO/UNU 2004)."""
    if _plain(resting_kcal, pal):
        return float(resting_kcal) * float(pal)  # type: ignore[arg-type]
    import numpy as np

    value = np.asarray(resting_kcal, float) * np.asarray(pal, float)
    return float(value) if np.ndim(value) == 0 else value


def pal_band(pal: float) -> str | None:
    """The FAO/WHO/UNU 2004 band a PAL falls in, or None outside 1.40-2.40."""
    for name, (low, high) in PAL_BANDS.items():
        if low <= pal < high + 0.01:
            return name
    return None


# --- unit conversion ----------------------------------------------------------------------------
KJ_PER_KCAL = 4.184
"""Kilojoules per (thermochemical) kilocalorie, the conversion the FAO/WHO/UNU 2004 report uses."""


@overload
def mj_to_kcal(mj: float) -> float: ...
@overload
def mj_to_kcal(mj: ArrayLike) -> float | Floats: ...
def mj_to_kcal(mj: ArrayLike) -> float | Floats:
    """Megajoules per day -> kcal per day (1 kcal = 4.184 kJ)."""
    import numpy as np

    value = np.asarray(mj, float) * 1000.0 / KJ_PER_KCAL
    return float(value) if np.ndim(value) == 0 else value


# --- revised Harris-Benedict (Roza & Shizgal 1984) ---------------------------------------------
ROZA_CITATION = cite("roza1984")
ROZA_MEN = (88.362, 13.397, 4.799, 5.677)
"""Men: constant, kcal/kg weight, kcal/cm height, kcal/year of age subtracted (Roza AM, Shizgal HM.
Am J Clin Nutr 1984;40(1):168-182, [roza1984])."""
ROZA_WOMEN = (447.593, 9.247, 3.098, 4.330)
"""Women: constant, kcal/kg, kcal/cm, kcal/year subtracted (Roza & Shizgal 1984)."""


@overload
def harris_benedict_revised(weight_kg: float, height_cm: float, age_y: float, female: float) -> float: ...
@overload
def harris_benedict_revised(
    weight_kg: ArrayLike, height_cm: ArrayLike, age_y: ArrayLike, female: ArrayLike
) -> float | Floats: ...
def harris_benedict_revised(
    weight_kg: ArrayLike, height_cm: ArrayLike, age_y: ArrayLike, female: ArrayLike
) -> float | Floats:
    """Resting energy expenditure (kcal/day), Harris-Benedict as revised by Roza & Shizgal 1984.

    Men 88.362 + 13.397 W + 4.799 H - 5.677 A; women 447.593 + 9.247 W + 3.098 H - 4.330 A.
    ``female`` is 1.0 for women and 0.0 for men; arrays broadcast.
    """
    import numpy as np

    f = np.asarray(female, float)
    men, women = np.asarray(ROZA_MEN), np.asarray(ROZA_WOMEN)
    coef = men + (women - men) * f[..., None]
    value = (
        coef[..., 0]
        + coef[..., 1] * np.asarray(weight_kg, float)
        + coef[..., 2] * np.asarray(height_cm, float)
        - coef[..., 3] * np.asarray(age_y, float)
    )
    return float(value) if np.ndim(value) == 0 else value


# --- Henry 2005 (Oxford), weight and height -----------------------------------------------------
HENRY_CITATION = cite("henry2005")
HENRY_AGE_BANDS = (18.0, 30.0, 60.0)
"""Lower edges of Henry's adult age bands, years: 18 to <30, 30 to <60, 60 and over (the
inclusive/exclusive choice at 30 and 60 is ours; Henry 2005 prints 18-30, 30-60, >60)."""
HENRY_MEN_WH = ((0.0600, 1.31, 0.473), (0.0476, 2.26, -0.574), (0.0478, 2.26, -1.070))
"""Men, per age band: MJ/day per kg weight, MJ/day per metre height, constant MJ/day
(Henry CJK. Public Health Nutr 2005;8(7A):1133-1152, [henry2005]).
UNVERIFIED: taken from the reference note, which recalls them from memory; only the 18-30 y row
was cross-checked (against a calculator printing 14.4 W + 313 H(m) kcal). Check the paper's
table before relying on them."""
HENRY_WOMEN_WH = ((0.0433, 2.57, -1.180), (0.0342, 2.10, -0.0486), (0.0356, 1.76, 0.0448))
"""Women, per age band: MJ/day per kg, MJ/day per metre, constant MJ/day (Henry 2005).
UNVERIFIED, as for :data:`HENRY_MEN_WH`."""
HENRY_UNVERIFIED = "Henry 2005 weight-and-height coefficients (not checked against the paper's table)"


@overload
def henry_2005(weight_kg: float, height_cm: float, age_y: float, female: float) -> float: ...
@overload
def henry_2005(weight_kg: ArrayLike, height_cm: ArrayLike, age_y: ArrayLike, female: ArrayLike) -> float | Floats: ...
def henry_2005(weight_kg: ArrayLike, height_cm: ArrayLike, age_y: ArrayLike, female: ArrayLike) -> float | Floats:
    """Basal metabolic rate (kcal/day), Henry 2005 (Oxford) weight-and-height equations.

    Coefficients are in MJ/day with height in metres; the result is converted to kcal/day.
    Ages below 18 years give NaN (the adult equations only). See :data:`HENRY_MEN_WH` for the
    verification status of the coefficients.
    """
    import numpy as np

    age = np.asarray(age_y, float)
    f = np.asarray(female, float)
    band = np.clip(np.searchsorted(HENRY_AGE_BANDS, age, side="right") - 1, 0, 2)
    men, women = np.asarray(HENRY_MEN_WH), np.asarray(HENRY_WOMEN_WH)
    coef = men[band] + (women[band] - men[band]) * f[..., None]
    mj = (
        coef[..., 0] * np.asarray(weight_kg, float) + coef[..., 1] * np.asarray(height_cm, float) / 100.0 + coef[..., 2]
    )
    value = np.where(age >= HENRY_AGE_BANDS[0], mj_to_kcal(mj), np.nan)
    return float(value) if np.ndim(value) == 0 else value


# --- Katch-McArdle (fat-free mass) --------------------------------------------------------------
KATCH_MCARDLE = (370.0, 21.6)
"""Constant (kcal/day) and kcal/day per kg fat-free mass of the Katch-McArdle equation,
REE = 370 + 21.6 FFM, sex-independent. The equation comes from the exercise-physiology textbooks of
Katch F and McArdle W (Nutrition, Weight Control, and Exercise, 1975/1983); no peer-reviewed primary
source with a DOI or stable URL was found, so it carries no catalogue citation. Worked examples
(80 kg at 20 % fat -> 1,752.4 kcal/day) agree with public calculators."""
KATCH_MCARDLE_UNVERIFIED = "Katch-McArdle equation (textbook source, not checked against a primary paper)"


@overload
def katch_mcardle(fat_free_mass_kg: float) -> float: ...
@overload
def katch_mcardle(fat_free_mass_kg: ArrayLike) -> float | Floats: ...
def katch_mcardle(fat_free_mass_kg: ArrayLike) -> float | Floats:
    """Resting energy expenditure (kcal/day) from fat-free mass: 370 + 21.6 FFM (Katch-McArdle)."""
    import numpy as np

    value = KATCH_MCARDLE[0] + KATCH_MCARDLE[1] * np.asarray(fat_free_mass_kg, float)
    return float(value) if np.ndim(value) == 0 else value


# --- energy balance -------------------------------------------------------------------------------
BALANCE_CITATION = cite("hall2008", "forbes1987")
MIN_WEIGHT_INTERVAL_DAYS = 14.0
"""Shortest interval between two weights from which an energy balance is estimated, days. Over
shorter spans water and glycogen shifts dominate the change (our design, reference note C3)."""


@overload
def energy_balance_from_intake(intake_kcal: float, expenditure_kcal: float) -> float: ...
@overload
def energy_balance_from_intake(intake_kcal: ArrayLike, expenditure_kcal: ArrayLike) -> float | Floats: ...
def energy_balance_from_intake(intake_kcal: ArrayLike, expenditure_kcal: ArrayLike) -> float | Floats:
    """Energy balance (kcal/day) = intake - expenditure; negative values are a deficit."""
    import numpy as np

    value = np.asarray(intake_kcal, float) - np.asarray(expenditure_kcal, float)
    return float(value) if np.ndim(value) == 0 else value


@overload
def forbes_lean_fraction(fat_mass_kg: float) -> float: ...
@overload
def forbes_lean_fraction(fat_mass_kg: ArrayLike) -> float | Floats: ...
def forbes_lean_fraction(fat_mass_kg: ArrayLike) -> float | Floats:
    """Share of a small weight change that is fat-free mass, 10.4 / (10.4 + FM) (Forbes 1987;
    Hall 2008); e.g. FM 10 kg -> 0.510, 20 kg -> 0.342."""
    import numpy as np

    from myoscope.physiology.hall._constants import FORBES_KG

    if _plain(fat_mass_kg):
        return FORBES_KG / (FORBES_KG + float(fat_mass_kg))  # type: ignore[arg-type]
    value = FORBES_KG / (FORBES_KG + np.asarray(fat_mass_kg, float))
    return float(value) if np.ndim(value) == 0 else value


@overload
def energy_balance_from_composition(fat_change_kg: float, lean_change_kg: float, days: float) -> float: ...
@overload
def energy_balance_from_composition(
    fat_change_kg: ArrayLike, lean_change_kg: ArrayLike, days: ArrayLike
) -> float | Floats: ...
def energy_balance_from_composition(
    fat_change_kg: ArrayLike, lean_change_kg: ArrayLike, days: ArrayLike
) -> float | Floats:
    """Energy balance (kcal/day) from measured changes of fat and fat-free mass over ``days``.

    (rho_F dFM + rho_L dFFM) / dt with rho_F = 39.5 MJ/kg (Hall 2008) and rho_L = 7.6 MJ/kg (the
    lean-tissue density of Hall's model); intervals shorter than :data:`MIN_WEIGHT_INTERVAL_DAYS`
    give NaN.
    """
    import numpy as np

    from myoscope.physiology.hall._constants import RHO_F, RHO_L

    t = np.asarray(days, float)
    energy = RHO_F * np.asarray(fat_change_kg, float) + RHO_L * np.asarray(lean_change_kg, float)
    value = np.where(t >= MIN_WEIGHT_INTERVAL_DAYS, energy / np.where(t > 0, t, np.nan), np.nan)
    return float(value) if np.ndim(value) == 0 else value


@dataclass(frozen=True)
class WeightTrendBalance:
    """Energy balance (kcal/day) estimated from a weight change, with its band.

    ``estimate`` uses the Forbes split at the starting fat mass (NaN when fat mass is unknown);
    ``low``/``high`` bound it: with fat mass, the Forbes split at the start and at the end of the
    interval; without it, the physically possible extremes (all fat-free tissue / all fat).
    Measurement noise of the scale is not included.
    """

    estimate: Any
    low: Any
    high: Any
    lean_fraction: Any


def energy_balance_from_weight_trend(
    weight_start_kg: ArrayLike, weight_end_kg: ArrayLike, days: ArrayLike, fat_mass_kg: ArrayLike | None = None
) -> WeightTrendBalance:
    """Energy balance (kcal/day) implied by a weight change over ``days`` (reference note C3).

    Negative values are a deficit. Intervals shorter than :data:`MIN_WEIGHT_INTERVAL_DAYS` give
    NaN. Inputs broadcast as numpy arrays; ``fat_mass_kg`` is the fat mass at the start.
    """
    if _plain(weight_start_kg, weight_end_kg, days) and (fat_mass_kg is None or _plain(fat_mass_kg)):
        return _plain_weight_trend(weight_start_kg, weight_end_kg, days, fat_mass_kg)  # type: ignore[arg-type]
    import numpy as np

    from myoscope.physiology.hall._constants import RHO_F, RHO_L

    change = np.asarray(weight_end_kg, float) - np.asarray(weight_start_kg, float)
    t = np.asarray(days, float)
    valid = t >= MIN_WEIGHT_INTERVAL_DAYS
    per_day = np.where(valid, change / np.where(t > 0, t, np.nan), np.nan)

    def density(p: float | Floats) -> float | Floats:
        return p * RHO_L + (1.0 - p) * RHO_F

    lean: float | Floats
    if fat_mass_kg is None:
        ends = (per_day * RHO_L, per_day * RHO_F)
        estimate = np.full(np.shape(per_day), np.nan)
        lean = np.full(np.shape(per_day), np.nan)
    else:
        fat0 = np.asarray(fat_mass_kg, float)
        lean = forbes_lean_fraction(fat0)
        fat1 = np.maximum(fat0 + (1.0 - lean) * change, 0.0)
        ends = (per_day * density(lean), per_day * density(forbes_lean_fraction(fat1)))
        estimate = ends[0]
    low, high = np.minimum(*ends), np.maximum(*ends)
    return WeightTrendBalance(*(float(x) if np.ndim(x) == 0 else x for x in (estimate, low, high, lean)))


def _plain_weight_trend(start: float, end: float, days: float, fat_mass: float | None) -> WeightTrendBalance:
    """:func:`energy_balance_from_weight_trend` for one person's plain numbers: the same operations in the
    same order, so the same floats, without numpy (NaN propagates through the minimum and maximum as there)."""
    from myoscope.physiology.hall._constants import RHO_F, RHO_L

    change, t = float(end) - float(start), float(days)
    per_day = change / t if t >= MIN_WEIGHT_INTERVAL_DAYS else math.nan

    def density(p: float) -> float:
        return p * RHO_L + (1.0 - p) * RHO_F

    if fat_mass is None:
        ends = (per_day * RHO_L, per_day * RHO_F)
        estimate = lean = math.nan
    else:
        fat0 = float(fat_mass)
        lean = forbes_lean_fraction(fat0)
        fat1 = fat0 + (1.0 - lean) * change
        fat1 = fat1 if math.isnan(fat1) else max(fat1, 0.0)
        ends = (per_day * density(lean), per_day * density(forbes_lean_fraction(fat1)))
        estimate = ends[0]
    if math.isnan(ends[0]) or math.isnan(ends[1]):
        return WeightTrendBalance(estimate, math.nan, math.nan, lean)
    return WeightTrendBalance(estimate, min(ends), max(ends), lean)
