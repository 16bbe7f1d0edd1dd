"""Dietary intake judged against the Dietary Reference Intakes, and protein against targets.

``intake-adequacy`` averages each nutrient over the diet days on which it was recorded and judges
the mean with the simplified individual rule of the reference note (B6), used because the
within-person day-to-day SD needed by the IOM 2000 statistical test is not available per person:
mean < EAR -> likely inadequate; EAR <= mean < RDA -> possibly inadequate; mean >= RDA -> adequate;
for AI nutrients mean >= AI -> adequate and mean < AI -> cannot conclude; mean > UL -> above the
upper level (excess is flagged as plainly as deficit). A nutrient not recorded is "cannot tell".
Reference values: :mod:`myoscope.criteria._dri` (NASEM 2019 summary tables).

``protein-target`` compares protein intake (g/kg body weight/day) with the EAR (0.66) and RDA (0.8)
for all adults and, for people over 65 years, with PROT-AGE 2013 and ESPEN 2014 targets:
at least 1.0-1.2 g/kg when healthy, at least 1.2 when active, 1.2-1.5 with acute or chronic
disease, more with severe illness or injury; not applied with severe kidney disease (eGFR < 30)
not on dialysis, where protein may need limiting (PROT-AGE).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from itertools import product
from typing import TYPE_CHECKING, Annotated, Any, Literal, NotRequired, TypedDict

from pydantic import BaseModel, ConfigDict, Field, create_model, model_validator

from myoscope.criteria._dri import (
    AGE_BANDS,
    DRI_CITATION,
    ENERGY_MAX,
    ENERGY_UNIT,
    MIN_ADULT_AGE,
    Bands,
    NutrientDri,
    band_index,
)
from myoscope.criteria._dri import (
    NUTRIENTS as NUTRIENTS,  # the nutrients with their labels, for the causes that name them
)
from myoscope.errors import RangeError
from myoscope.instruments.api import (
    CANNOT_TELL,
    Bmi,
    Criterion,
    Example,
    Instrument,
    InstrumentInput,
    Score,
    Sex,
    Weight,
    given,
)
from myoscope.units import InUnit, quantity

SEXES = ("male", "female")
AdultAge = Annotated[float, InUnit("year", MIN_ADULT_AGE, 120)]

# --- per-nutrient judgement ----------------------------------------------------------------------
LIKELY_INADEQUATE = "likely inadequate"
POSSIBLY_INADEQUATE = "possibly inadequate"
ADEQUATE = "adequate"
BELOW_AI = "below the adequate intake (cannot conclude)"
ABOVE_UL = "above the upper level"
NOT_ABOVE_UL = "not above the upper level"
NOT_RECORDED = "not recorded"

_MET = {LIKELY_INADEQUATE: True, ABOVE_UL: True, ADEQUATE: False, NOT_ABOVE_UL: False}
"""Whether a status is out of range (True), within range (False); others are undecided."""


def _values(table: dict[str, Bands] | None, sex: str, band: int) -> float | None:
    return None if table is None else table[sex][band]


def judge(dri: NutrientDri, amount: float, sex: str, band: int, weight: float | None = None) -> str:
    """Status of a mean daily amount (canonical unit) for one sex and age band.

    ``weight`` (kg) is needed for nutrients judged per kg body weight. A UL that covers only some
    sources (``dri.ul_entry``) is judged on that entry, not here.
    """
    x = amount / given(weight, "body weight") if dri.per_kg_body_weight else amount
    ul = None if dri.ul is None else dri.ul[band]
    if ul is not None and x > ul:
        return ABOVE_UL
    ear, rda, ai = (_values(t, sex, band) for t in (dri.ear, dri.rda, dri.ai))
    if ear is not None:
        if x < ear:
            return LIKELY_INADEQUATE
        return POSSIBLY_INADEQUATE if x < given(rda, f"the RDA of {dri.name}") else ADEQUATE
    if ai is not None:
        return ADEQUATE if x >= ai else BELOW_AI
    return NOT_ABOVE_UL


def _thresholds(dri: NutrientDri, sexes: Collection[str], bands: Collection[int]) -> str:
    parts: list[str] = []
    for label, table in (("EAR", dri.ear), ("RDA", dri.rda), ("AI", dri.ai)):
        if table is not None:
            vals = sorted({table[s][b] for s in sexes for b in bands})
            parts.append(f"{label} {'/'.join(f'{v:g}' for v in vals)}")
    if dri.ul is not None:
        parts.append(f"UL {'/'.join(f'{v:g}' for v in sorted({dri.ul[b] for b in bands}))}")
    unit = f"{dri.unit}/kg/day" if dri.per_kg_body_weight else f"{dri.unit}/day"
    return f"{', '.join(parts)} {unit}"


# --- diet-day input ------------------------------------------------------------------------------
ACCEPTED_NAMES = ("date", "energy", *NUTRIENTS)


class _DayBase(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _known_names(cls, raw: Any) -> Any:
        if isinstance(raw, dict):
            unknown = [k for k in raw if k not in ACCEPTED_NAMES]
            if unknown:
                raise RangeError(
                    f"unknown nutrient name(s): {', '.join(map(str, unknown))}", accepted=", ".join(ACCEPTED_NAMES)
                )
        return raw


_DAY_FIELDS: dict[str, Any] = {
    "date": (dt.date | None, None),
    "energy": (quantity(ENERGY_UNIT, 0, ENERGY_MAX) | None, None),
    **{
        name: (quantity(d.unit, 0, d.max_input) | None, Field(None, description=f"{d.label}, {d.unit}/day"))
        for name, d in NUTRIENTS.items()
    },
}
DietDay = create_model("DietDay", __base__=_DayBase, **_DAY_FIELDS)
"""One recorded day: nutrient name -> amount with unit (e.g. ``{"protein": "48 g"}``)."""

if TYPE_CHECKING:
    # a model made by create_model is a value, not a type, to the type checker: annotations name its base
    DietDayModel = _DayBase
else:
    DietDayModel = DietDay


class IntakeInput(InstrumentInput):
    sex: Sex | None = None
    age: AdultAge | None = None
    weight: Weight | None = Field(None, description="Body weight, kg (for protein per kg).")
    diet_days: list[DietDayModel] | None = Field(
        None,
        min_length=1,
        max_length=366,
        description="Recorded days; each maps nutrient names to amounts with units. Accepted names: "
        + ", ".join(ACCEPTED_NAMES)
        + ".",
    )


def _mean_intakes(days: Sequence[_DayBase]) -> tuple[dict[str, float], dict[str, int]]:
    totals: dict[str, list[float]] = {}
    for day in days:
        for name in ("energy", *NUTRIENTS):
            value = getattr(day, name)
            if value is not None:
                totals.setdefault(name, []).append(value)
    return {k: sum(v) / len(v) for k, v in totals.items()}, {k: len(v) for k, v in totals.items()}


def _possibly_above(dri: NutrientDri, means: dict[str, float], bands: Collection[int]) -> bool:
    """A total above the UL of a source-specific entry that was not recorded (e.g. total vitamin A
    above the retinol UL): the source may or may not exceed it."""
    if not dri.ul_entry or dri.ul_entry in means or dri.name not in means:
        return False
    upper = given(NUTRIENTS[dri.ul_entry].ul, f"the UL of {dri.ul_entry}")
    return any(means[dri.name] > upper[b] for b in bands)


class NutrientStatus(TypedDict):
    """One nutrient's line in the details: its status, mean daily amount and how many days recorded it."""

    status: str
    mean: float | None
    days: int
    upper_level: NotRequired[str]


def _settle(statuses: set[str]) -> str | None:
    return next(iter(statuses)) if len(statuses) == 1 else None


class IntakeAdequacy(Instrument):
    name = "intake-adequacy"
    title = "Nutrient intake against the Dietary Reference Intakes (deficit and excess)"
    version = "1.0"
    citations = DRI_CITATION + ("iom2000_dri_assessment",)
    Input = IntakeInput
    kind = "definition"
    domain = "nutrition"
    person_fields = ("sex", "age", "weight")
    examples = (
        # Protein 42 g/day at 70 kg = 0.6 g/kg (< EAR 0.66) and retinol 3,500 ug (> UL 3,000):
        # flagged on both counts (NASEM 2019 summary tables).
        Example(
            {
                "sex": "female",
                "age": 50,
                "weight": 70,
                "diet_days": [
                    {"protein": "40 g", "vitamin_a_preformed": "3400 ug"},
                    {"protein": "44 g", "vitamin_a_preformed": "3600 ug"},
                ],
            },
            2,
            "inadequate and above the upper level",
            "nasem2019_dri_tables",
        ),
    )

    def compute(self, data: IntakeInput) -> Score:
        if not data.diet_days:
            return self.cannot_tell(["diet record: amounts eaten per day (at least one day, ideally 3 or more)"])
        means, counts = _mean_intakes(data.diet_days)
        sexes = (data.sex,) if data.sex else SEXES
        bands = (band_index(data.age),) if data.age is not None else tuple(range(len(AGE_BANDS)))
        criteria: list[Criterion] = []
        missing: list[str] = []
        unverified: set[str] = set()
        per_nutrient: dict[str, NutrientStatus] = {}
        possibly_above: list[str] = []
        for name, dri in NUTRIENTS.items():
            status, ask = self._status(dri, means, data, sexes, bands)
            if ask:
                missing.append(ask)
            shown = means.get(name)
            if shown is not None and dri.per_kg_body_weight and data.weight:
                shown = round(shown / data.weight, 3)
            criteria.append(
                Criterion(
                    dri.label,
                    _MET.get(status),
                    None if shown is None else round(shown, 3),
                    _thresholds(dri, sexes, bands),
                    DRI_CITATION[0],
                )
            )
            per_nutrient[name] = {"status": status, "mean": means.get(name), "days": counts.get(name, 0)}
            if _possibly_above(dri, means, bands):
                possibly_above.append(name)
                per_nutrient[name]["upper_level"] = (
                    f"possibly above: the total exceeds the UL of "
                    f"{NUTRIENTS[given(dri.ul_entry)].label}, which was not recorded"
                )
            if name in means:
                unverified.update(dri.unverified[s] for s in sexes if s in dri.unverified and dri.ear)
        details: dict[str, Any] = {
            "nutrients": per_nutrient,
            "days": len(data.diet_days),
            "rule": "simplified individual rule (mean vs EAR/RDA/AI/UL); within-person variation not modelled",
        }
        if "energy" in means:
            details["energy_mean_kcal"] = round(means["energy"], 1)
        if unverified:
            details["unverified"] = sorted(unverified)
        deficit = [n for n, v in per_nutrient.items() if v["status"] == LIKELY_INADEQUATE]
        excess = [n for n, v in per_nutrient.items() if v["status"] == ABOVE_UL]
        details.update(likely_inadequate=deficit, above_upper_level=excess, possibly_above_upper_level=possibly_above)
        caution = (
            f" Possibly above an upper level (record the source it applies to): {_labels(possibly_above)}."
            if possibly_above
            else ""
        )
        if deficit or excess:
            category = (
                "inadequate and above the upper level"
                if deficit and excess
                else LIKELY_INADEQUATE
                if deficit
                else ABOVE_UL
            )
            found = [f"likely inadequate: {_labels(deficit)}"] if deficit else []
            found += [f"above the upper level: {_labels(excess)}"] if excess else []
            text = "; ".join(found)
            return self.result(
                len(deficit) + len(excess),
                category,
                missing=missing,
                criteria=tuple(criteria),
                details=details,
                positive=True,
                unit="nutrients out of range",
                interpretation=f"Intake out of range ({text}).{caution}",
            )
        recorded = [n for n in NUTRIENTS if n in means]
        undecided = [n for n in recorded if _MET.get(per_nutrient[n]["status"]) is None]
        if not recorded or undecided:
            return self.result(
                None,
                CANNOT_TELL,
                missing=missing,
                criteria=tuple(criteria),
                details=details,
                interpretation=(
                    "No recorded nutrient is out of range, but some could not be judged."
                    if recorded
                    else "No nutrient of the table was recorded."
                )
                + caution,
            )
        return self.result(
            0,
            ADEQUATE,
            missing=missing,
            criteria=tuple(criteria),
            details=details,
            positive=False,
            unit="nutrients out of range",
            interpretation=f"Adequate and not above the upper level for the {len(recorded)} "
            f"recorded nutrients; the others were not recorded.{caution}",
        )

    @staticmethod
    def _status(
        dri: NutrientDri,
        means: dict[str, float],
        data: IntakeInput,
        sexes: Collection[str],
        bands: Collection[int],
    ) -> tuple[str, str | None]:
        if dri.name not in means:
            if dri.ear is None and dri.ai is None:
                return NOT_RECORDED, f"{dri.label} ({dri.unit}/day), the intake its upper level applies to"
            return NOT_RECORDED, f"{dri.label} intake ({dri.unit}/day) in the diet record"
        if dri.per_kg_body_weight and data.weight is None:
            return CANNOT_TELL, "body weight (kg), to judge protein per kg"
        settled = _settle({judge(dri, means[dri.name], s, b, data.weight) for s, b in product(sexes, bands)})
        if settled is None:
            need = [w for w, known in (("sex", data.sex), ("age", data.age)) if known is None]
            return CANNOT_TELL, f"{' and '.join(need)} (the reference values for {dri.label} differ by them)"
        return settled, None


# --- protein target --------------------------------------------------------------------------------
PROTEIN = NUTRIENTS["protein"]
_PROTEIN_EAR = given(PROTEIN.ear, "the protein EAR")["male"][0]
_PROTEIN_RDA = given(PROTEIN.rda, "the protein RDA")["male"][0]
PROTEIN_TARGET_CITATION = ("nasem2019_dri_tables", "bauer2013_protage", "deutz2014_espen")

OLDER_THAN = 65.0
"""PROT-AGE recommendations apply to people older than 65 years (Bauer 2013, [bauer2013_protage])."""
PROTAGE_HEALTHY = (1.0, 1.2)
"""Healthy older people: average intake at least in the range 1.0-1.2 g/kg/day (Bauer 2013; ESPEN expert
group Deutz 2014, [deutz2014_espen], the same)."""
PROTAGE_ACTIVE_MIN = 1.2
"""Older people who exercise or are otherwise active: >= 1.2 g/kg/day (Bauer 2013)."""
PROTAGE_DISEASE = (1.2, 1.5)
"""Older people with acute or chronic disease (ESPEN: malnourished or at risk because of it):
1.2-1.5 g/kg/day (Bauer 2013; Deutz 2014)."""
ESPEN_SEVERE_ABOVE = 1.5
"""Severe illness or injury: "even higher" than 1.2-1.5 g/kg/day (Deutz 2014); no upper figure is
given, so the target is read as above 1.5 (our reading)."""
KDOQI_CKD_PROTEIN = (0.55, 0.6)
"""Protein (g/kg/day) for metabolically stable adults with CKD stages 3-5 not on dialysis and without diabetes:
a low-protein diet under a dietitian's care (KDOQI 2020 nutrition guideline, Ikizler et al. 2020,
Am J Kidney Dis 76(3 Suppl 1):S1-S107 [ikizler2020_kdoqi])."""
KDOQI_CKD_DIABETES_PROTEIN = (0.6, 0.8)
"""... the same with diabetes (KDOQI 2020)."""
KDOQI_DIALYSIS_PROTEIN = (1.0, 1.2)
"""... on maintenance haemodialysis or peritoneal dialysis (KDOQI 2020)."""
PROTAGE_KIDNEY_EGFR = 30.0
"""eGFR below 30 mL/min/1.73 m2 without dialysis: protein may need limiting (Bauer 2013)."""
VOLKERT_PROTEIN_MIN = 1.0
"""ESPEN geriatrics guideline: at least 1.0 g/kg/day for older persons (Volkert 2019). UNVERIFIED
against the guideline text (from the reference note's memory); shown for information only."""

Condition = Literal["healthy", "active", "acute or chronic disease", "severe illness or injury"]
_TARGETS: dict[str, tuple[float, float | None, bool, str]] = {
    "healthy": (PROTAGE_HEALTHY[0], PROTAGE_HEALTHY[1], False, "bauer2013_protage"),
    "active": (PROTAGE_ACTIVE_MIN, None, False, "bauer2013_protage"),
    "acute or chronic disease": (PROTAGE_DISEASE[0], PROTAGE_DISEASE[1], False, "deutz2014_espen"),
    "severe illness or injury": (ESPEN_SEVERE_ABOVE, None, True, "deutz2014_espen"),
}
"""Lower bound, upper bound (None = open), whether the lower bound must be exceeded (strict), and
source of each older-adult target (g/kg/day)."""


def _below_target(g_per_kg: float, condition: str) -> bool:
    low, _, strict, _ = _TARGETS[condition]
    return g_per_kg <= low if strict else g_per_kg < low


class ProteinTargetInput(InstrumentInput):
    protein: Annotated[float, InUnit("g", 0, 1000)] | None = Field(None, description="Mean protein intake, g/day.")
    weight: Weight | None = Field(None, description="Actual body weight, kg.")
    age: AdultAge | None = None
    bmi: Bmi | None = None
    condition: Condition | None = Field(None, description="Health and activity context for older adults.")
    egfr_below_30_without_dialysis: bool | None = Field(
        None, description="Severe chronic kidney disease (eGFR < 30 mL/min/1.73 m2) not on dialysis."
    )


def protein_category(g_per_kg: float, older: bool, condition: str | None, kidney: bool) -> str:
    """likely inadequate / possibly inadequate / below target / meets target."""
    ear, rda = _PROTEIN_EAR, _PROTEIN_RDA
    if g_per_kg < ear:
        return LIKELY_INADEQUATE
    if g_per_kg < rda:
        return POSSIBLY_INADEQUATE
    if older and not kidney and _below_target(g_per_kg, condition or "healthy"):
        return "below target"
    return "meets target"


class ProteinTarget(Instrument):
    name = "protein-target"
    title = "Protein intake per kg body weight against requirement and targets"
    version = "1.0"
    citations = PROTEIN_TARGET_CITATION
    Input = ProteinTargetInput
    domain = "nutrition"
    person_fields = ("age", "weight", "bmi")
    examples = (
        # 42 g/day at 70 kg = 0.6 g/kg/day < EAR 0.66: likely inadequate (NASEM 2019 tables; note B5).
        Example({"protein": 42, "weight": 70, "age": 40}, 0.6, LIKELY_INADEQUATE, "nasem2019_dri_tables"),
        # 63 g/day at 70 kg = 0.9 g/kg/day, healthy 75-year-old: below the PROT-AGE 1.0-1.2 target.
        Example(
            {"protein": 63, "weight": 70, "age": 75, "condition": "healthy"}, 0.9, "below target", "bauer2013_protage"
        ),
    )

    def compute(self, data: ProteinTargetInput) -> Score:
        missing = [
            ask
            for ask, value in (("mean protein intake (g/day)", data.protein), ("body weight (kg)", data.weight))
            if value is None
        ]
        if missing:
            return self.cannot_tell(missing)
        x = given(data.protein) / given(data.weight)
        ages = (data.age > OLDER_THAN,) if data.age is not None else (False, True)
        conditions = (data.condition,) if data.condition else tuple(_TARGETS)
        kidney = bool(data.egfr_below_30_without_dialysis)
        settled = _settle({protein_category(x, older, cond, kidney) for older, cond in product(ages, conditions)})
        criteria = [
            Criterion(
                "below EAR",
                x < _PROTEIN_EAR,
                round(x, 3),
                f"< {_PROTEIN_EAR:g} g/kg/day",
                "nasem2019_dri_tables",
            ),
            Criterion(
                "below RDA",
                x < _PROTEIN_RDA,
                round(x, 3),
                f"< {_PROTEIN_RDA:g} g/kg/day",
                "nasem2019_dri_tables",
            ),
        ]
        for cond in conditions:
            low, high, strict, source = _TARGETS[cond]
            span = f"{low:g}-{high:g}" if high else f"> {low:g}" if strict else f">= {low:g}"
            criteria.append(
                Criterion(
                    f"below older-adult target ({cond})",
                    _below_target(x, cond),
                    round(x, 3),
                    f"{span} g/kg/day for people over {OLDER_THAN:g}",
                    source,
                )
            )
        details: dict[str, Any] = {
            "g_per_kg": round(x, 3),
            "weight_used": "actual body weight",
            "volkert2019_older_minimum": VOLKERT_PROTEIN_MIN,
            "unverified": ["ESPEN geriatrics (Volkert 2019) minimum of 1.0 g/kg/day is shown for information only"],
        }
        if data.bmi is not None and data.bmi > 30:
            details["unverified"].append(
                "judged on actual weight at BMI > 30; an adjusted-weight rule is not settled by the cited sources"
            )
        if kidney:
            details["kidney"] = (
                "Severe kidney disease without dialysis: the higher older-adult targets are not "
                "applied and protein may need limiting (PROT-AGE)."
            )
        elif data.egfr_below_30_without_dialysis is None:
            details["kidney"] = (
                "Kidney function not stated: the older-adult targets do not apply with eGFR "
                f"below {PROTAGE_KIDNEY_EGFR:g} mL/min/1.73 m2 without dialysis (PROT-AGE)."
            )
        ask = []
        if settled is None:
            if data.age is None:
                ask.append("age in years (targets differ over 65)")
            if data.condition is None:
                ask.append("health and activity context (healthy, active, disease, severe illness)")
            return self.result(
                round(x, 3),
                CANNOT_TELL,
                missing=ask,
                criteria=tuple(criteria),
                details=details,
                unit="g/kg/day",
                interpretation=f"Protein {x:.2f} g/kg/day; the applicable target is not settled.",
            )
        return self.result(
            round(x, 3),
            settled,
            criteria=tuple(criteria),
            details=details,
            unit="g/kg/day",
            positive=settled != "meets target",
            interpretation=f"Protein {x:.2f} g/kg/day: {settled}.",
        )


INSTRUMENTS = (IntakeAdequacy(), ProteinTarget())


def _labels(names: list[str]) -> str:
    """The nutrients' names as people read them ("vitamin D", not the key ``vitamin_d``)."""
    return ", ".join(NUTRIENTS[n].label for n in names)
