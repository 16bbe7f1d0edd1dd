"""The validation table: published study arms the muscle projection is checked against.

Each arm: design, population, duration, intake or protein, the measured change and the interval
the projection must meet, its source (catalogue key) and its role: ``calibration`` arms set a
parameter (the test then re-derives or reproduces it), ``check`` arms were not used to set
anything. Intervals are 95 % CIs of the mean: mean +- t(0.975, n - 1) x SD / sqrt(n) where an SD
and n are printed (Student's t, as the SD is itself estimated from the n people), mean +- 1.96 x
SE where an SE is printed (Beavers 2017: arms of 81-86 people, where t and 1.96 differ by under
2 %), or a stated tolerance where only a mean is given. Where an abstract omits height or
baseline weight the values below are derived (from BMI and the percentage weight change) or
assumed, and marked so: Hall's lean share depends on fat mass, i.e. mainly on sex, age and BMI.

Each arm's ``source`` is a key of the reference catalogue (``myoscope.references``), which holds its
authors, year, title, journal and DOI (the project keeps DOIs in the catalogue only); :func:`citation`
prints it. Two sources have no DOI in the stored copies searched and are cited by their article's
address instead (Englert 2021, Obes Facts; Kern 2008, Spinal Cord).

Whole-body arms, all alike: each is simulated at its *measured* weight change (the constant
intake change is solved for it), so what is tested is the fat-free share of the measured loss,
not the loss a prescription would give (prescribed intakes are often far below what the weight
change implies). The projection compared is Hall's fat-free mass, weight - fat = lean tissue +
extracellular fluid + glycogen with its water, because measured fat-free mass and DXA lean mass
both contain that water; bone mineral, which DXA lean mass leaves out, is not modelled and is
taken as unchanged. Every arm keeps Hall's default carbohydrate share (50 % of intake, before and
during the diet), including those whose source prints another.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from scipy import stats


@dataclass(frozen=True)
class Arm:
    key: str
    source: str
    role: str
    model: str
    design: str
    population: str
    days: int
    intake: str
    measure: str
    mean: float
    interval: tuple[float, float]
    interval_basis: str
    inputs: dict


def citation(arm: Arm) -> str:
    """The arm's source as a one-line citation (authors, year, title, journal, DOI or address)."""
    from myoscope.references import get

    return get(arm.source).citation()


def ci(mean: float, sd: float, n: int) -> tuple[float, float]:
    half = float(stats.t.ppf(0.975, n - 1)) * sd / math.sqrt(n)
    return (mean - half, mean + half)


def se_ci(mean: float, se: float) -> tuple[float, float]:
    return (mean - 1.96 * se, mean + 1.96 * se)


_WYCHERLEY_MAN = dict(people=[("male", 50.8, 1.749, 101.0, 1.0)])
"""50.8 y, BMI 33.0; baseline weight about 101 kg derived from the losses (12.3 kg = 12 %, 10.9 kg = 11 %);
height derived from BMI and weight."""
_ENGLERT_WOMAN = dict(people=[("female", 59.0, 1.65, 84.1, 1.0)])
"""59 y, BMI 30.9 (of the 54 randomised); height 1.65 m assumed (not in the abstract), weight from
BMI. Baseline fat and fat-free mass are not in the abstract, so fat comes from Jackson's equation
(about 43 % of weight), as for a person without a measurement."""
_ENGLERT_POPULATION = "overweight postmenopausal women, 59 +- 7 y, BMI 30.9 +- 3.4; 54 randomised, 46 completed"
_ENGLERT_INTAKE = "energy prescription, achieved intake and carbohydrate share not in the abstract"
_ENGLERT_MEASURE = "fat-free mass (kg; method not named in the abstract)"
_ENGLERT_N = (
    "n 23 (46 completers, split not in the abstract, assumed even); '+-' read as an SD "
    "(as SEs they would mean SDs of 5-6 kg, above the SDs of the weight change, 3.4-3.6 kg)"
)
_BEAVERS = dict(people=[("female", 66.9, 1.62, 90.3, 0.71), ("male", 66.9, 1.76, 106.6, 0.29)])
"""66.9 y, BMI 34.4, 71 % women; heights assumed (1.62 / 1.76 m, not in the abstract), weights from BMI."""

WHOLE_BODY = (
    Arm(
        "wycherley2012_hp",
        "wycherley2012_men",
        "calibration",
        "composition",
        "RCT, 7 MJ/day for 52 weeks, high protein (35 % of energy)",
        "33 overweight/obese men, 50.8 y, BMI 33",
        364,
        "7 MJ/day; protein:carbohydrate:fat 35:40:25 % of energy (protein about 1.4 g/kg/day)",
        "fat-free mass (kg)",
        -2.6,
        ci(-2.6, 3.7, 33),
        "mean +- t SD/sqrt(n), SD 3.7, n 33",
        dict(**_WYCHERLEY_MAN, weight_change=-12.3, protein=1.4, training=False),
    ),
    Arm(
        "wycherley2012_hc",
        "wycherley2012_men",
        "check",
        "composition",
        "RCT, 7 MJ/day for 52 weeks, high carbohydrate (17 % protein)",
        "35 overweight/obese men, 50.8 y, BMI 33",
        364,
        "7 MJ/day; protein:carbohydrate:fat 17:58:25 % of energy (protein about 0.7 g/kg/day)",
        "fat-free mass (kg)",
        -3.8,
        ci(-3.8, 4.7, 35),
        "mean +- t SD/sqrt(n), SD 4.7, n 35",
        dict(**_WYCHERLEY_MAN, weight_change=-10.9, protein=0.7, training=False),
    ),
    Arm(
        "englert2021_np",
        "englert2021",
        "check",
        "composition",
        "RCT, energy-restricted diet, normal protein, 12 weeks, no exercise programme",
        _ENGLERT_POPULATION,
        84,
        "0.8 g protein/kg/day prescribed; " + _ENGLERT_INTAKE,
        _ENGLERT_MEASURE,
        -1.0,
        ci(-1.0, 1.3, 23),
        "mean +- t SD/sqrt(n), SD 1.3, " + _ENGLERT_N,
        dict(**_ENGLERT_WOMAN, weight_change=-5.2, protein=0.8, training=False),
    ),
    Arm(
        "englert2021_hp",
        "englert2021",
        "check",
        "composition",
        "RCT, energy-restricted diet, high protein, 12 weeks, no exercise programme",
        _ENGLERT_POPULATION,
        84,
        "1.5 g protein/kg/day prescribed; " + _ENGLERT_INTAKE,
        _ENGLERT_MEASURE,
        -0.9,
        ci(-0.9, 1.1, 23),
        "mean +- t SD/sqrt(n), SD 1.1, " + _ENGLERT_N,
        dict(**_ENGLERT_WOMAN, weight_change=-4.6, protein=1.5, training=False),
    ),
    Arm(
        "beavers2017_wl",
        "beavers2017",
        "check",
        "composition",
        "RCT, weight loss alone, 18 months",
        "82 older adults with obesity, 66.9 y, BMI 34.4, 71 % women",
        548,
        "intentional weight loss (diet)",
        "DXA lean mass (kg)",
        -1.0,
        se_ci(-1.0, 0.3),
        "mean +- 1.96 SE, SE 0.3",
        dict(**_BEAVERS, weight_change=-5.7, protein=None, training=False),
    ),
    Arm(
        "beavers2017_rt",
        "beavers2017",
        "check",
        "composition",
        "RCT, weight loss plus resistance training, 18 months",
        "81 older adults with obesity, 66.9 y, BMI 34.4",
        548,
        "intentional weight loss with resistance training",
        "DXA lean mass (kg)",
        -0.8,
        se_ci(-0.8, 0.3),
        "mean +- 1.96 SE, SE 0.3",
        dict(**_BEAVERS, weight_change=-8.7, protein=None, training=True),
    ),
    Arm(
        "beavers2017_at",
        "beavers2017",
        "check",
        "composition",
        "RCT, weight loss plus aerobic training, 18 months",
        "86 older adults with obesity, 66.9 y, BMI 34.4",
        548,
        "intentional weight loss with aerobic training (no cut)",
        "DXA lean mass (kg)",
        -1.6,
        se_ci(-1.6, 0.3),
        "mean +- 1.96 SE, SE 0.3",
        dict(**_BEAVERS, weight_change=-8.5, protein=None, training=False),
    ),
)

REGIONAL = (
    Arm(
        "kilroe2020_thigh_7d",
        "kilroe2020",
        "calibration",
        "disuse",
        "one-leg knee brace, 7 days (quadriceps of the same cohort: course anchors and the whole-thigh ratio)",
        "13 young men, 20 y",
        7,
        "habitual diet",
        "whole-thigh muscle volume, MRI (%)",
        -5.5,
        (-5.5 - 0.6, -5.5 + 0.6),
        "mean +- dispersion as printed (the abstract does not say whether it is an SD or an SEM)",
        dict(kind="immobilisation", region="thigh", older=False, measure="whole_thigh_muscle"),
    ),
    Arm(
        "deboer2007_23d",
        "deboer2007",
        "calibration",
        "disuse",
        "unilateral lower-limb suspension, 23 days (course anchor)",
        "9 young men, 22 y",
        23,
        "habitual diet",
        "knee-extensor CSA, MRI (%)",
        -10.0,
        (-12.0, -8.0),
        "mean +- dispersion as printed",
        dict(kind="immobilisation", region="thigh", older=False, measure="quadriceps"),
    ),
    Arm(
        "mitchell2018_immobilisation",
        "mitchell2018",
        "check",
        "disuse",
        "one-leg immobilisation, 14 days, +20 g/day dairy protein or placebo (no difference)",
        "30 middle-aged men, 49.9 y",
        14,
        "habitual diet +- 20 g protein/day",
        "thigh muscle CSA (%); imaging method and slice level not in the abstract, compared as whole-thigh muscle",
        -4.1,
        se_ci(-4.1, 0.5),
        "mean +- 1.96 SE, SE 0.5 (the abstract's +- is an SE: its age 49.9 +- 0.6 y cannot be an SD)",
        dict(kind="immobilisation", region="thigh", older=False, measure="whole_thigh_muscle"),
    ),
    Arm(
        "digirolamo2021_older_bed_rest",
        "digirolamo2021",
        "check",
        "disuse",
        "meta-analysis of experimental bed rest, 14 days",
        "118 healthy older volunteers (22 papers)",
        14,
        "study diets",
        "lower-limb muscle mass (%), pooled over studies using DXA leg lean mass or muscle CSA",
        -8.0,
        (-8.0 - 2.0, -8.0 + 2.0),
        "mean only; stated tolerance +- 2 percentage points",
        # compared as knee-extensor size: the pooled methods differ, so no single ratio applies
        dict(kind="bed_rest", region="thigh", older=True, measure="quadriceps"),
    ),
    Arm(
        "mitchell2018_ambulatory_recovery",
        "mitchell2018",
        "calibration",
        "recovery",
        "14 days of ambulatory recovery after 14 days of immobilisation",
        "30 middle-aged men, 49.9 y",
        14,
        "habitual activity",
        "thigh muscle CSA (%)",
        -2.1,
        se_ci(-2.1, 0.5),
        "mean +- 1.96 x printed dispersion (0.5)",
        dict(deficit=4.1, retraining=False),
    ),
    Arm(
        "mitchell2018_retraining",
        "mitchell2018",
        "calibration",
        "recovery",
        "14 days of resistance training (6 sessions) after ambulatory recovery",
        "30 middle-aged men, 49.9 y",
        14,
        "resistance training",
        "thigh muscle CSA (%)",
        2.2,
        se_ci(2.2, 0.5),
        "mean +- 1.96 x printed dispersion; regain above baseline is not projected (the band must reach 0)",
        dict(deficit=2.1, retraining=True),
    ),
    Arm(
        "vigelso2015_young_recovery",
        "vigelso2015",
        "check",
        "recovery",
        "6 weeks of cycling retraining after 2 weeks of one-leg immobilisation",
        "17 young men, 23 y",
        42,
        "aerobic retraining (habitual kinetics)",
        "leg lean mass (restored)",
        0.0,
        (-1.0, 0.0),
        "reported restored; stated tolerance: remaining deficit at most 1 percentage point (middle of band)",
        dict(deficit=None, retraining=False),
    ),
    Arm(
        "alazzam2023_denervated_thigh",
        "alazzam2023",
        "calibration",
        "denervation",
        "cross-sectional, chronic SCI, denervated vs innervated",
        "8 + 8 adults with chronic SCI",
        3 * 365,
        "-",
        "whole-thigh muscle CSA difference (%)",
        -38.0,
        (-38.0, -38.0),
        "mean difference; the band's far end is set to it",
        dict(region="thigh"),
    ),
    Arm(
        "kern2008_stable_atrophy",
        "kern2008",
        "check",
        "denervation",
        "cross-sectional, complete UMN paraplegia, 2.2 vs 17 years",
        "long- and mid-term paraplegics",
        20 * 365,
        "-",
        "thigh size, long vs mid term (slightly different)",
        0.0,
        (-1.0, 1.0),
        "stated tolerance: band at 20 years within 1 percentage point of the band at 3 years",
        dict(region="thigh"),
    ),
)

RESISTANCE_META = Arm(
    "sardeli2018_meta",
    "sardeli2018",
    "calibration",
    "composition",
    "meta-analysis of 6 RCTs, caloric restriction with vs without resistance training, 12-24 weeks",
    "obese older adults",
    0,
    "most diets 15 % protein",
    "share of the lean-mass loss prevented",
    0.935,
    (0.935 * 0.364 / 0.819, 1.0),
    "93.5 %; CI 0.364-1.273 kg scaled to 0.819 kg, capped at 100 %",
    {},
)

ALL = WHOLE_BODY + REGIONAL + (RESISTANCE_META,)
