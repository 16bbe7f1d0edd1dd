"""Every sarcopenia definition's cut-offs, once, beside its source.

Each definition keeps its own constants even where numbers coincide with another
definition's (e.g. chair stand > 15 s in EWGSOP2 vs >= 12 s in AWGS 2019; ASM/height²
< 7.0 kg/m² in men in both). The measurement instruments (grip, chair stand, gait
speed, SPPB, TUG, 400 m walk, calf circumference, ASM) show each definition's
cut-off beside the measured value, and the definitions in :mod:`myoscope.criteria`
combine them; both read the constants from here. Comparisons are exact, as the
sources state them. ``verified=False`` marks a number that could not be checked
against the primary paper: outputs list it under ``details["unverified"]``.
"""

from __future__ import annotations

from myoscope.instruments._cutoff import Cutoff
from myoscope.references import cite

# --- EWGSOP2 ---------------------------------------------------------------------------------
# Cruz-Jentoft AJ, Bahat G, Bauer J, et al. Sarcopenia: revised European consensus on definition
# and diagnosis. Age Ageing 2019;48(1):16-31. [cruzjentoft2019]
EWGSOP2 = "EWGSOP2"
(EWGSOP2_SOURCE,) = cite("cruzjentoft2019")

EWGSOP2_GRIP = Cutoff("low grip strength", EWGSOP2, "<", 27.0, 16.0, "kg", EWGSOP2_SOURCE)
"""Low muscle strength: grip < 27 kg (men) / < 16 kg (women) (EWGSOP2 2019, Table 3)."""
EWGSOP2_CHAIR_STAND = Cutoff("low strength (5 chair stands)", EWGSOP2, ">", 15.0, None, "s", EWGSOP2_SOURCE)
"""Low muscle strength: five rises take > 15 s (EWGSOP2 2019, Table 3)."""
EWGSOP2_ASM = Cutoff(
    "low ASM",
    EWGSOP2,
    "<",
    20.0,
    15.0,
    "kg",
    EWGSOP2_SOURCE,
    verified=False,
    note="from memory of EWGSOP2 Table 3; not re-read in the primary paper",
)
"""Low muscle quantity: ASM < 20 kg (men) / < 15 kg (women). UNVERIFIED against the paper."""
EWGSOP2_ASMI = Cutoff("low ASM/height²", EWGSOP2, "<", 7.0, 5.5, "kg/m²", EWGSOP2_SOURCE)
"""Low muscle quantity: ASM/height² < 7.0 kg/m² (men) / < 5.5 kg/m² (women) (EWGSOP2 2019)."""
EWGSOP2_GAIT = Cutoff("low gait speed", EWGSOP2, "<=", 0.8, None, "m/s", EWGSOP2_SOURCE)
"""Low physical performance: usual gait speed <= 0.8 m/s, 4 m course (EWGSOP2 2019)."""
EWGSOP2_SPPB = Cutoff("low SPPB", EWGSOP2, "<=", 8, None, "points", EWGSOP2_SOURCE)
"""Low physical performance: SPPB <= 8 points (EWGSOP2 2019)."""
EWGSOP2_TUG = Cutoff("slow Timed Up and Go", EWGSOP2, ">=", 20.0, None, "s", EWGSOP2_SOURCE)
"""Low physical performance: TUG >= 20 s (EWGSOP2 2019)."""
EWGSOP2_WALK_400M = Cutoff(
    "slow 400 m walk",
    EWGSOP2,
    ">=",
    360.0,
    None,
    "s",
    EWGSOP2_SOURCE,
    verified=False,
    note="'non-completion or >= 6 min' from memory of EWGSOP2 Table 3",
)
"""Low physical performance: 400 m walk not completed or taking >= 6 min. UNVERIFIED against the paper."""

# --- AWGS 2019 -------------------------------------------------------------------------------
# Chen LK, Woo J, Assantachai P, et al. Asian Working Group for Sarcopenia: 2019 consensus update
# on sarcopenia diagnosis and treatment. J Am Med Dir Assoc 2020;21(3):300-307.e2.
# [chen2020]. Derived for Asian populations.
AWGS2019 = "AWGS 2019"
(AWGS2019_SOURCE,) = cite("chen2020")

AWGS2019_CALF = Cutoff("low calf circumference (case finding)", AWGS2019, "<", 34.0, 33.0, "cm", AWGS2019_SOURCE)
"""Case finding: calf circumference < 34 cm (men) / < 33 cm (women) (AWGS 2019)."""
AWGS2019_GRIP = Cutoff("low grip strength", AWGS2019, "<", 28.0, 18.0, "kg", AWGS2019_SOURCE)
"""Low muscle strength: grip < 28 kg (men) / < 18 kg (women) (AWGS 2019)."""
AWGS2019_CHAIR_STAND = Cutoff("low performance (5 chair stands)", AWGS2019, ">=", 12.0, None, "s", AWGS2019_SOURCE)
"""Low physical performance: five rises take >= 12 s (AWGS 2019)."""
AWGS2019_GAIT = Cutoff("low gait speed", AWGS2019, "<", 1.0, None, "m/s", AWGS2019_SOURCE)
"""Low physical performance: 6 m usual gait speed < 1.0 m/s (AWGS 2019)."""
AWGS2019_SPPB = Cutoff("low SPPB", AWGS2019, "<=", 9, None, "points", AWGS2019_SOURCE)
"""Low physical performance: SPPB <= 9 points (AWGS 2019)."""
AWGS2019_ASMI_DXA = Cutoff("low ASM/height² (DXA)", AWGS2019, "<", 7.0, 5.4, "kg/m²", AWGS2019_SOURCE)
"""Low muscle mass by DXA: ASM/height² < 7.0 kg/m² (men) / < 5.4 kg/m² (women) (AWGS 2019)."""
AWGS2019_ASMI_BIA = Cutoff("low ASM/height² (BIA)", AWGS2019, "<", 7.0, 5.7, "kg/m²", AWGS2019_SOURCE)
"""Low muscle mass by BIA: ASM/height² < 7.0 kg/m² (men) / < 5.7 kg/m² (women) (AWGS 2019)."""

# --- FNIH 2014 -------------------------------------------------------------------------------
# Studenski SA, Peters KW, Alley DE, et al. The FNIH Sarcopenia Project. J Gerontol A Biol Sci
# Med Sci 2014;69(5):547-558. [studenski2014]; grip: Alley DE, et al. J Gerontol A
# 2014;69(5):559-566. [alley2014]
FNIH = "FNIH 2014"
FNIH_SOURCE, FNIH_GRIP_SOURCE = cite("studenski2014", "alley2014")

FNIH_GRIP = Cutoff("weakness (grip)", FNIH, "<", 26.0, 16.0, "kg", FNIH_SOURCE)
"""Weakness: grip < 26 kg (men) / < 16 kg (women) (Studenski 2014; Alley 2014)."""
FNIH_GRIP_NORMAL = Cutoff(
    "grip below the intermediate band's upper edge",
    FNIH,
    "<",
    32.0,
    20.0,
    "kg",
    FNIH_GRIP_SOURCE,
    verified=False,
    note="intermediate band 26-32 kg / 16-20 kg (Alley 2014); whether the upper edge is included is our reading",
)
"""Upper edge of the intermediate grip band: grip >= 26 and < 32 kg (men), >= 16 and < 20 kg (women)
is 'intermediate' (Alley 2014 abstract gives 26-32 / 16-20 kg; the edge inclusion is unverified)."""
FNIH_ALM_BMI = Cutoff("low lean mass (ALM/BMI)", FNIH, "<", 0.789, 0.512, "m²", FNIH_SOURCE)
"""Low lean mass: DXA appendicular lean mass / BMI < 0.789 (men) / < 0.512 (women), unit m² (FNIH)."""
FNIH_GAIT = Cutoff("slowness", FNIH, "<", 0.8, None, "m/s", FNIH_SOURCE)
"""Slowness: usual gait speed < 0.8 m/s (FNIH 2014)."""

# --- Calf circumference reference values (not a sarcopenia definition) -------------------------
# Gonzalez MC, Mehrnezhad A, Razaviarab N, Barbosa-Silva TG, Heymsfield SB. Calf circumference:
# cutoff values from the NHANES 1999-2006. Am J Clin Nutr 2021;113(6):1679-1687.
# [gonzalez2021]. Reference population: 18-39 y, BMI 18.5-24.9.
GONZALEZ2021 = "Gonzalez 2021"
(GONZALEZ2021_SOURCE,) = cite("gonzalez2021")

GONZALEZ2021_CALF_MODERATE = Cutoff(
    "moderately low calf circumference (-1 SD)", GONZALEZ2021, "<", 34.0, 33.0, "cm", GONZALEZ2021_SOURCE
)
"""Moderately low calf circumference: < 34 cm (men) / < 33 cm (women) (Gonzalez 2021)."""
GONZALEZ2021_CALF_SEVERE = Cutoff(
    "severely low calf circumference (-2 SD)", GONZALEZ2021, "<", 32.0, 31.0, "cm", GONZALEZ2021_SOURCE
)
"""Severely low calf circumference: < 32 cm (men) / < 31 cm (women) (Gonzalez 2021)."""
GONZALEZ2021_BMI_ADJUSTMENT: tuple[tuple[float, float, float], ...] = (
    (25.0, 30.0, 3.0),
    (30.0, 40.0, 7.0),
    (40.0, float("inf"), 12.0),
)
"""(BMI from, BMI below, cm to subtract) before comparing with the Gonzalez 2021 cut-offs.
UNVERIFIED: the paper recommends BMI-adjusted values outside BMI 18.5-24.9 (verified), but these
factors (-3 / -7 / -12 cm) are from memory of its table and could not be re-read."""
GONZALEZ2021_BMI_ADJUSTMENT_VERIFIED = False
GONZALEZ2021_NORMAL_BMI = (18.5, 25.0)
"""BMI range (from, below) of the reference population, where no adjustment applies (Gonzalez 2021)."""
