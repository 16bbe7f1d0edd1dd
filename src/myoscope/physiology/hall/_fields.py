"""Names and codes shared by the kernel and its callers (importing them does not load numba)."""

FIELDS = (
    "body_weight_kg",
    "fat_mass_kg",
    "lean_mass_kg",
    "ffm_kg",
    "ecf_kg",
    "glycogen_kg",
    "adaptive_thermogenesis_kcal",
    "energy_intake_kcal",
    "energy_expenditure_kcal",
)
"""Daily outputs, in the order of the kernel's output codes (names of the bw-oracle/1 format)."""
EE_CODE = FIELDS.index("energy_expenditure_kcal")

# parameter columns of the per-person table passed to the kernels
P_FAT0, P_LEAN0, P_ECF0, P_K, P_EI0, P_CIB, P_KG, P_PCARB, P_W0 = range(9)
N_PARAMS = 9
