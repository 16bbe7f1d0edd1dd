"""Dietary Reference Intakes for adults (US/Canada; non-pregnant, non-lactating), as data.

Source: National Academies of Sciences, Engineering, and Medicine. Dietary Reference Intakes
for Sodium and Potassium (2019), Appendix J "Dietary Reference Intakes Summary Tables"
([nasem2019_dri_tables]; NCBI Bookshelf NBK545442), which consolidates the DRI reports: calcium and
vitamin D (IOM 2011), vitamin A, iron and zinc (IOM 2001), selenium (IOM 2000), vitamin B12
(IOM 1998), magnesium (IOM 1997), protein (IOM 2002/2005) and potassium (NASEM 2019).

Per nutrient: the Estimated Average Requirement (EAR), the Recommended Dietary Allowance (RDA) or,
where no EAR could be set, the Adequate Intake (AI), and the Tolerable Upper Intake Level (UL).
Values are per day, by sex and by the adult age bands 19-30, 31-50, 51-70 and over 70 years.
Where a UL covers only some sources it is attached to its own entry: magnesium's UL (350 mg)
applies to magnesium from supplements and medicines only, not food and water; vitamin A's UL
(3,000 ug) applies to preformed vitamin A (retinol) only, not to provitamin A carotenoids.
Protein's EAR and RDA are per kg of body weight; protein has no UL.

Verification: male EARs, all RDA/AI and UL values were checked against the NBK545442 tables,
the IOM summary tables (vitamin A and magnesium EARs for women included) or the note's verified
sources; the EARs for women listed in ``unverified`` were checked only against a third-party
transcription of the EAR table and are reported as unverified whenever used.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DRI_CITATION = ("nasem2019_dri_tables",)

AGE_BANDS = ("19-30 y", "31-50 y", "51-70 y", "over 70 y")
BAND_UPPER_AGES = (31.0, 51.0, 71.0)
"""An age (years) below 31 is in 19-30 y, below 51 in 31-50 y, below 71 in 51-70 y, else over 70
(bands in completed years, as the DRI tables state them)."""
MIN_ADULT_AGE = 19.0

Bands = tuple[float, float, float, float]
"""One value per age band, in the order of :data:`AGE_BANDS`."""


def _same(value: float) -> Bands:
    return (value, value, value, value)


@dataclass(frozen=True)
class NutrientDri:
    """Reference values of one nutrient (per day, in ``unit``; protein per kg body weight)."""

    name: str
    label: str
    unit: str
    max_input: float
    ear: dict[str, Bands] | None = None
    rda: dict[str, Bands] | None = None
    ai: dict[str, Bands] | None = None
    ul: Bands | None = None
    per_kg_body_weight: bool = False
    ul_entry: str | None = None
    """The entry that carries this nutrient's UL when the UL covers only some sources."""
    note: str = ""
    unverified: dict[str, str] = field(default_factory=dict)
    """Which values are unverified, by sex ("female"/"male"), with the reason."""


_OCR = "EAR for women checked only against a third-party transcription of the DRI EAR table"

NUTRIENTS: dict[str, NutrientDri] = {
    n.name: n
    for n in (
        NutrientDri(
            "protein",
            "protein",
            "g",
            1000,
            per_kg_body_weight=True,
            ear={"male": _same(0.66), "female": _same(0.66)},
            rda={"male": _same(0.80), "female": _same(0.80)},
            note="EAR 0.66 and RDA 0.80 g/kg body weight/day; no UL (IOM 2002/2005).",
            unverified={"female": _OCR},
        ),
        NutrientDri(
            "calcium",
            "calcium",
            "mg",
            20000,
            ear={"male": (800, 800, 800, 1000), "female": (800, 800, 1000, 1000)},
            rda={"male": (1000, 1000, 1000, 1200), "female": (1000, 1000, 1200, 1200)},
            ul=(2500, 2500, 2000, 2000),
            note="IOM 2011.",
            unverified={"female": _OCR},
        ),
        NutrientDri(
            "vitamin_d",
            "vitamin D",
            "ug",
            2500,
            ear={"male": _same(10), "female": _same(10)},
            rda={"male": (15, 15, 15, 20), "female": (15, 15, 15, 20)},
            ul=_same(100),
            note="1 ug = 40 IU (IOM 2011).",
        ),
        NutrientDri(
            "magnesium",
            "magnesium (total)",
            "mg",
            5000,
            ear={"male": (330, 350, 350, 350), "female": (255, 265, 265, 265)},
            rda={"male": (400, 420, 420, 420), "female": (310, 320, 320, 320)},
            ul_entry="magnesium_supplemental",
            note="Total intake is judged against EAR/RDA; the UL covers supplements and medicines only (IOM 1997).",
        ),
        NutrientDri(
            "magnesium_supplemental",
            "magnesium from supplements and medicines",
            "mg",
            5000,
            ul=_same(350),
            note="UL 350 mg applies to supplemental and pharmacological magnesium only, "
            "not to magnesium in food and water (IOM 1997).",
        ),
        NutrientDri(
            "potassium",
            "potassium",
            "mg",
            30000,
            ai={"male": _same(3400), "female": _same(2600)},
            note="AI only (no EAR) and no UL (NASEM 2019); intake below the AI cannot be called inadequate.",
        ),
        NutrientDri(
            "iron",
            "iron",
            "mg",
            1000,
            ear={"male": _same(6), "female": (8.1, 8.1, 5, 5)},
            rda={"male": _same(8), "female": (18, 18, 8, 8)},
            ul=_same(45),
            note="UL based on gastrointestinal effects (IOM 2001).",
            unverified={"female": _OCR},
        ),
        NutrientDri(
            "zinc",
            "zinc",
            "mg",
            1000,
            ear={"male": _same(9.4), "female": _same(6.8)},
            rda={"male": _same(11), "female": _same(8)},
            ul=_same(40),
            note="IOM 2001.",
            unverified={"female": _OCR},
        ),
        NutrientDri(
            "selenium",
            "selenium",
            "ug",
            10000,
            ear={"male": _same(45), "female": _same(45)},
            rda={"male": _same(55), "female": _same(55)},
            ul=_same(400),
            note="IOM 2000.",
            unverified={"female": _OCR},
        ),
        NutrientDri(
            "vitamin_b12",
            "vitamin B12",
            "ug",
            100000,
            ear={"male": _same(2.0), "female": _same(2.0)},
            rda={"male": _same(2.4), "female": _same(2.4)},
            note="No UL. Over 50 years, mostly from fortified foods or supplements (IOM 1998).",
            unverified={"female": _OCR},
        ),
        NutrientDri(
            "vitamin_a",
            "vitamin A (total, RAE)",
            "ug",
            100000,
            ear={"male": _same(625), "female": _same(500)},
            rda={"male": _same(900), "female": _same(700)},
            ul_entry="vitamin_a_preformed",
            note="As retinol activity equivalents (RAE); the UL covers preformed vitamin A only (IOM 2001).",
        ),
        NutrientDri(
            "vitamin_a_preformed",
            "preformed vitamin A (retinol)",
            "ug",
            100000,
            ul=_same(3000),
            note="UL 3,000 ug applies to preformed vitamin A (retinol) only (IOM 2001).",
        ),
    )
}
"""Adult DRI table, by the nutrient name used in diet records."""

ENERGY_UNIT = "kcal"
ENERGY_MAX = 15000.0
"""Energy is recorded (kcal/day) but not judged here: its DRI is an estimated requirement from an
equation, not an EAR (reference note B6; see the energy-balance functions)."""


def band_index(age: float) -> int:
    """Index into :data:`AGE_BANDS` for an adult age in years."""
    return sum(age >= upper for upper in BAND_UPPER_AGES)
