"""Protein and resistance training during energy restriction: a bounded cut of the lean share.

In Hall's model the lean share of a weight loss follows Forbes' partition p = C / (C + F)
(Chow & Hall 2008), whatever is eaten. Trials and meta-analyses find that more protein and,
more so, resistance training keep part of the fat-free mass that a deficit would otherwise take:

* high- vs standard-protein energy-restricted diets: 0.43 kg more fat-free mass (95 % CI
  0.09-0.78; 24 trials, 1063 adults, mean 12.1 weeks; Wycherley et al. 2012, AJCN);
* protein above the RDA (0.8 g/kg/day) vs at the RDA during energy restriction: 0.36 kg more lean
  mass (0.06-0.67; 14 comparisons; Hudson et al. 2019, Adv Nutr);
* resistance training during caloric restriction in obese older adults: 93.5 % of the lean mass
  loss prevented, 0.819 kg (0.364-1.273; 6 RCTs of 12-24 weeks; Sardeli et al. 2018, Nutrients);
  energy restriction with exercise (mostly aerobic) kept fat-free mass better than restriction
  alone (Weinheimer et al. 2010, Nutr Rev: 81 % vs 39 % of groups lost >= 15 % of weight as FFM).

What is implemented (our method). The lean share of a *loss* becomes p (1 - r), r in [0, 1],
gains keep Forbes' share (:mod:`myoscope.physiology._composition_kernel`). r comes as a band
(low, central, high):

* protein: r rises linearly from 0 at the RDA (0.8 g/kg/day, the comparator of Hudson 2019) to
  :data:`PROTEIN_CUT` at :data:`PROTEIN_FULL_G_PER_KG`, the intake of the high-protein arm the
  band is calibrated on (Wycherley et al. 2012, Nutr Diabetes: 35 % of 7 MJ/day, about
  1.4 g/kg/day at the arm's weight). Central and high values are the r at which the projection
  meets that arm's mean and the upper end of its 95 % CI (fat-free mass -2.6 +- 3.7 kg, n = 33,
  mean +- t(0.975, 32) SD / sqrt(n), at its measured weight change); the low value is no effect,
  because that CI includes Hall's unmodified projection and a 12-week trial found none (Englert
  et al. 2021);
* resistance training: :data:`RESISTANCE_CUT`, Sardeli 2018's 93.5 % with its CI scaled in
  proportion (0.364/0.819 and 1.273/0.819 of 93.5 %), capped at 1 (the modifier cannot make
  lean tissue grow during a deficit; trials in young men training hard did gain some, e.g.
  Longland et al. 2016, which this model does not reproduce);
* both together: r = 1 - (1 - r_protein)(1 - r_training), i.e. the two act independently (our
  assumption: no trial in these sources tested the interaction).

Aerobic exercise alone gets no cut: in the trial of exercise modes (Beavers et al. 2017) weight
loss plus aerobic training lost the most lean mass.

Why not Hall's macronutrient model (Hall 2010, Am J Physiol Endocrinol Metab 298:E449,
[hall2010])? It is the published path by which protein enters Hall's
models, but it tracks carbohydrate, fat and protein fluxes with many more parameters than the
shared reference documents, its protein effect is not the quantity the meta-analyses report, and
the ``hall2011`` / ``bw-1.0.0`` variants this project is tested against do not contain it. The
bounded cut keeps those variants exact when off and maps directly onto the meta-analytic
outcome (fat-free mass kept). Krieger et al. 2006 (AJCN, [krieger2006]) is the
earlier meta-regression on the same question; its abstract could not be re-read here, so none of
its numbers are used.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from myoscope.references import cite

PROTEIN_RDA_G_PER_KG = 0.8
"""Protein intake (g/kg/day) at which the cut is zero: the RDA, the comparator of Hudson et al. 2019."""
PROTEIN_FULL_G_PER_KG = 1.4
"""Protein intake (g/kg/day) at which the full protein cut applies: the high-protein arm of
Wycherley et al. 2012 (Nutr Diabetes), 35 % of 7 MJ/day (about 146 g) at about 101 kg. Between
the RDA and this intake the cut is interpolated linearly (our choice); above it, it stays there
(no evidence here of a larger effect from more protein)."""
PROTEIN_CUT = (0.0, 0.35, 0.77)
"""(low, central, high) r for protein at or above :data:`PROTEIN_FULL_G_PER_KG`, calibrated on
the high-protein arm of Wycherley et al. 2012 (Nutr Diabetes; re-derived by
tests/physiology/test_muscle_validation.py)."""
RESISTANCE_CUT = (round(0.935 * 0.364 / 0.819, 2), 0.935, 1.0)
"""(low, central, high) r for resistance training: 93.5 % (Sardeli et al. 2018), its 95 % CI
0.364-1.273 kg scaled to the point estimate 0.819 kg, capped at 1."""

CITATIONS = cite(
    "wycherley2012_meta",
    "wycherley2012_men",
    "hudson2019",
    "sardeli2018",
    "weinheimer2010",
    "krieger2006",
    "hall2010",
    "englert2021",
    "beavers2017",
    "longland2016",
)


@dataclass(frozen=True)
class LeanShareCut:
    """The band of r (fraction of Forbes' lean share of a loss that is kept), with its inputs."""

    low: float
    central: float
    high: float
    protein_g_per_kg: float | None
    resistance_training: bool

    @property
    def active(self) -> bool:
        return self.high > 0.0

    def as_tuple(self) -> tuple[float, float, float]:
        return (self.low, self.central, self.high)


def protein_fraction(protein_g_per_kg: ArrayLike) -> np.ndarray:
    """0 at or below the RDA, 1 at or above :data:`PROTEIN_FULL_G_PER_KG`, linear in between (arrays welcome)."""
    g = np.asarray(protein_g_per_kg, dtype=float)
    span = PROTEIN_FULL_G_PER_KG - PROTEIN_RDA_G_PER_KG
    fraction: np.ndarray = np.clip((np.nan_to_num(g, nan=0.0) - PROTEIN_RDA_G_PER_KG) / span, 0.0, 1.0)
    return fraction


def combine(protein_cut: ArrayLike, training_cut: ArrayLike) -> np.ndarray:
    """r of both together: 1 - (1 - r_p)(1 - r_t) (independent effects; our assumption)."""
    return 1.0 - (1.0 - np.asarray(protein_cut, float)) * (1.0 - np.asarray(training_cut, float))


def lean_share_cut(protein_g_per_kg: float | None, resistance_training: bool) -> LeanShareCut:
    """The band of r for one person: protein intake (g/kg/day, None = unknown = no cut) and training."""
    fraction = float(protein_fraction(np.nan if protein_g_per_kg is None else protein_g_per_kg))
    training = RESISTANCE_CUT if resistance_training else (0.0, 0.0, 0.0)
    values = [float(combine(fraction * p, t)) for p, t in zip(PROTEIN_CUT, training, strict=True)]
    return LeanShareCut(values[0], values[1], values[2], protein_g_per_kg, bool(resistance_training))


__all__ = [
    "CITATIONS",
    "LeanShareCut",
    "PROTEIN_CUT",
    "PROTEIN_FULL_G_PER_KG",
    "PROTEIN_RDA_G_PER_KG",
    "RESISTANCE_CUT",
    "combine",
    "lean_share_cut",
    "protein_fraction",
]
