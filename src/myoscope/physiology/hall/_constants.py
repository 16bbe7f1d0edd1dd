"""Parameters of Hall's adult body-weight model, each once, with its source.

Hall et al. 2011 (Lancet 378:826-837, [hall2011], web appendix
"Dynamic mathematical model of body weight change in adults") states the parameters in SI
units. The kcal values below are those SI values times 0.23900573614 kcal/kJ, rounded as
the R package ``bw`` 1.0.0 hard-codes them (github.com/INSP-RH/bw, src/adult_weight.cpp);
both variants of the model use these numbers so that they differ only where intended.
"""

from __future__ import annotations

from myoscope.references import cite

MODEL_CITATION = cite("hall2011", "chow2008", "hall2008", "forbes1987", "jackson2002", "mifflin1990")
BW_CITATION = cite("bw_1_0_0")

# --- energy densities and costs (Hall 2011 appendix; Hall 2008 Int J Obes for rho) -------------
RHO_F = 9440.727
"""Energy density of fat, kcal/kg (39.5 MJ/kg; Hall 2008, [hall2008])."""
RHO_L = 1816.444
"""Energy density of lean tissue, kcal/kg (7.6 MJ/kg; Hall 2011 appendix)."""
RHO_G = 4206.501
"""Energy density of glycogen, kcal/kg (17.6 MJ/kg; Hall 2008; Hall 2011 appendix)."""
GAMMA_F = 3.107075
"""Maintenance cost of fat, kcal/kg/day (13 kJ/kg/d; Hall 2011 appendix)."""
GAMMA_L = 21.98853
"""Maintenance cost of lean tissue, kcal/kg/day (92 kJ/kg/d; Hall 2011 appendix)."""
ETA_F = 179.2543
"""Cost of depositing fat, kcal/kg (750 kJ/kg; Hall 2011 appendix)."""
ETA_L = 229.4455
"""Cost of depositing lean tissue, kcal/kg (960 kJ/kg; Hall 2011 appendix)."""

# --- thermic effect and adaptive thermogenesis (Hall 2011 appendix) --------------------------
BETA_TEF = 0.1
"""Thermic effect of feeding per kcal change of intake (Hall 2011 appendix)."""
BETA_AT = 0.14
"""Adaptive thermogenesis per kcal change of intake (Hall 2011 appendix)."""
TAU_AT = 14.0
"""Time constant of adaptive thermogenesis, days (Hall 2011 appendix)."""

# --- glycogen and extracellular fluid (Hall 2011 appendix) -----------------------------------
SODIUM_ECF = 3220.0
"""Extracellular sodium concentration [Na], mg/L (3.22 g/L; Hall 2011 appendix)."""
XI_NA = 3000.0
"""Renal sodium excretion per litre of extra ECF, mg/L/day (Hall 2011 appendix)."""
XI_CI = 4000.0
"""Sodium retention effect of carbohydrate intake, mg/day (Hall 2011 appendix)."""
GLYCOGEN_0 = 0.5
"""Baseline glycogen, kg (about 500 g; Hall 2011 appendix)."""
GLYCOGEN_WITH_WATER = 3.7
"""Mass of 1 kg glycogen with its water (2.7 g water per g; Hall 2011 appendix), kg/kg."""

# --- Forbes partition (Forbes 1987 Nutr Rev; Chow & Hall 2008 PLoS Comput Biol) ---------------
FORBES_KG = 10.4
"""Forbes' constant, kg: dL/dF = 10.4/F (Forbes 1987, [forbes1987];
Chow & Hall 2008, [chow2008])."""
FORBES_C = FORBES_KG * (RHO_L / RHO_F)
"""Energy-partition constant C = 10.4 kg x rho_L/rho_F (about 2.0 kg): p = C/(C + F)."""

# --- baseline equations -------------------------------------------------------------------------
JACKSON_MEN = (0.14, 37.31, -103.94)
"""Body fat %, men: 0.14 age + 37.31 ln(BMI) - 103.94 (Jackson et al. 2002, Int J Obes 26:789-796,
[jackson2002]; as used by the Hall 2011 appendix)."""
JACKSON_WOMEN = (0.14, 39.96, -102.01)
"""Body fat %, women: 0.14 age + 39.96 ln(BMI) - 102.01 (Jackson et al. 2002; Hall 2011 appendix)."""

ECF_MEN = (0.025, 9.57, 0.191, -12.4)
"""Baseline extracellular fluid, men, L: 0.025 age + 9.57 h[m] + 0.191 W - 12.4. This is the
equation ``bw`` 1.0.0 labels "Silva"; its primary source could not be matched to the Hall 2011
appendix (reference/bw/model.md D11), so it is used as ``bw``'s choice for both variants."""
ECF_WOMEN = (5.98, 0.167, -4.0)
"""Baseline extracellular fluid, women, L: 5.98 h[m] + 0.167 W - 4.0 (``bw`` 1.0.0; see ECF_MEN)."""
