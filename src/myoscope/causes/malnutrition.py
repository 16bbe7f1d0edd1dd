"""Malnutrition: too little protein, vitamins or minerals, and also too much of some.

Screens with MUST and GLIM computed from the record (weight history, BMI, illness, intake),
adds any MUST / MNA-SF / GLIM answers recorded, and judges every recorded nutrient against the
reference intakes (deficit *and* excess) and protein per kg against its targets.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from myoscope.causes._common import score_evidence
from myoscope.causes._context import Context, Scored
from myoscope.causes._nutrition_inputs import MIN_INTAKE_DAYS, diet_days, glim_inputs, must_inputs, protein_inputs
from myoscope.causes._types import (
    Basis,
    CauseAssessment,
    Direction,
    Evidence,
    NextStep,
    RedFlag,
    Reversibility,
    Status,
    StepKind,
    Table,
    Urgency,
)
from myoscope.causes.contract import CauseSpec, decide, rule
from myoscope.criteria.intake import LIKELY_INADEQUATE, NUTRIENTS, POSSIBLY_INADEQUATE
from myoscope.instruments.api import CANNOT_TELL, Score
from myoscope.measures.body import bmi_text
from myoscope.precision import cutoff_quantity, number_text, quantity_text

CAUSE = "malnutrition"
TITLE = "Malnutrition (too little, or too much, of some nutrients)"
EXPLANATION = (
    "Too little protein, vitamins or minerals starves muscle of what it is built from; too much of "
    "some nutrients (for example preformed vitamin A from supplements) harms too. myoscope screens "
    "with MUST and GLIM from the weight history, BMI, illness and intake, adds any MUST, MNA-SF or "
    "GLIM answers on record, and judges each recorded nutrient against reference intakes and upper "
    "levels, and protein per kg against the adult and older-adult targets. Usually reversible with "
    "diet, best planned with a dietitian."
)
CITATIONS = ("elia2003_must", "cederholm2019_glim", "nasem2019_dri_tables", "bauer2013_protage", "stabler2013")
OBESE_BMI = 30.0
"""WHO adult obesity threshold, kg/m² (who_bmi2000): weight loss in obesity may be an intended diet."""
B12_KEY = "vitamin_b12"
B12 = NUTRIENTS[B12_KEY].label
"""The intake instrument's criterion for vitamin B12 (its name there)."""


class F(str, Enum):
    glim_met = "GLIM malnutrition criteria met"
    strong_signal = "high-risk screening or a protein intake likely inadequate"
    weak_signal = "some screening risk or a possibly inadequate protein intake"
    nutrient_out_of_range = "a recorded nutrient likely inadequate or above the upper level"
    nutrient_possibly_low = "a recorded nutrient possibly inadequate"
    nutrient_few_days = "a nutrient out of range on fewer than three recorded days"
    obesity_weight_loss = "weight loss in a person with obesity (may be an intended diet)"
    screened_negative = "screening and intake within range"


RULES = (
    rule(
        "glim-in-obesity",
        {F.glim_met, F.obesity_weight_loss},
        Status.possible,
        "GLIM met through weight loss in obesity: if the loss is intended it is a diet, not malnutrition",
        "cederholm2019_glim",
        basis=Basis.risk_factor,
    ),
    rule(
        "glim-met",
        {F.glim_met},
        Status.likely,
        "a GLIM phenotypic and an etiologic criterion are both met",
        "cederholm2019_glim",
        basis=Basis.specific_pattern,
    ),
    rule(
        "strong-signal",
        {F.strong_signal},
        Status.likely,
        "high-risk screening, or a protein intake below the average requirement (EAR)",
        "nasem2019_dri_tables",
        basis=Basis.risk_factor,
    ),
    rule(
        "nutrient-out-of-range",
        {F.nutrient_out_of_range},
        Status.likely,
        "a nutrient likely inadequate or above the upper level over the recorded days",
        "nasem2019_dri_tables",
        basis=Basis.risk_factor,
    ),
    rule(
        "weak-signal",
        {F.weak_signal},
        Status.possible,
        "some risk on screening or a protein intake possibly inadequate",
        "elia2003_must",
        basis=Basis.risk_factor,
    ),
    rule(
        "nutrient-possibly-low",
        {F.nutrient_possibly_low},
        Status.possible,
        "a nutrient possibly inadequate over the recorded days",
        "nasem2019_dri_tables",
        basis=Basis.risk_factor,
    ),
    rule(
        "nutrient-few-days",
        {F.nutrient_few_days},
        Status.possible,
        "a nutrient out of range on one or two days only: usual intake needs at least three days of record",
        "iom2000_dri_assessment",
        basis=Basis.risk_factor,
    ),
    rule(
        "screened-negative",
        {F.screened_negative},
        Status.not_supported,
        "screening low risk and recorded nutrients within range",
        "elia2003_must",
    ),
    rule(
        "not-recorded",
        set(),
        Status.cannot_tell,
        "no weight history, BMI or food record to screen with",
        "elia2003_must",
    ),
)


def _computed(ctx: Context, missing: list[str]) -> dict[str, Any]:
    computed = {"must": ctx.score_now("must", must_inputs(ctx)), "glim": ctx.score_now("glim", glim_inputs(ctx))}
    days = diet_days(ctx)
    if days:
        computed["intake-adequacy"] = ctx.score_now("intake-adequacy", {"diet_days": days})
        if any("protein" in d for d in days):
            computed["protein-target"] = ctx.score_now("protein-target", protein_inputs(ctx))
    else:
        missing.append("three days of food records (energy, protein, vitamins and minerals, supplements)")
    return computed


PROTEIN_ENERGY_RULES = frozenset({"glim-in-obesity", "glim-met", "strong-signal", "weak-signal"})
"""Rules decided by screening, GLIM or protein intake: the nutritional risk for which no advice may keep a person
below the maintenance need (``safety``). A single vitamin or mineral out of range is not that risk."""
DIET_SCORES = frozenset({"intake-adequacy"})
"""Computed scores of vitamins and minerals read from the food record: one out of range decides only over at least
``MIN_INTAKE_DAYS`` days, since their intake varies from day to day far more than that of protein or energy
(IOM 2000, [iom2000_dri_assessment]). Protein from fewer days still counts, as a screen would."""


def _signal(name: str, score: Score, days: int) -> F | None:
    """What one computed or recorded score adds (GLIM is weighed on its own)."""
    if not score.positive or name == "glim":
        return None
    if name in DIET_SCORES and days < MIN_INTAKE_DAYS:
        return F.nutrient_few_days
    if name == "intake-adequacy":
        return F.nutrient_out_of_range
    if score.category in ("high risk", LIKELY_INADEQUATE):
        return F.strong_signal
    return F.weak_signal


def _signals(signal: F | None) -> set[F]:
    return set() if signal is None else {signal}


def _screen(ctx: Context, computed: dict[str, Any], evidence: list[Evidence], missing: list[str]) -> set[F]:
    found: set[F] = set()
    days = len(diet_days(ctx))
    for name, score in computed.items():
        evidence.append(score_evidence(Scored(name, ctx.on, score)))
        if score.positive is None:
            missing.extend(m for m in score.missing if m not in missing)
            continue
        found.add(F.screened_negative)
        found |= _signals(_signal(name, score, days))
    adequacy, protein = computed.get("intake-adequacy"), computed.get("protein-target")
    nutrients = adequacy.details.get("nutrients", {}) if adequacy is not None else {}
    if any(v.get("status") == POSSIBLY_INADEQUATE for v in nutrients.values()):
        found.add(F.nutrient_possibly_low if days >= MIN_INTAKE_DAYS else F.nutrient_few_days)
    if protein is not None and protein.category == POSSIBLY_INADEQUATE:
        found.add(F.weak_signal)
    if found & {F.nutrient_few_days} and (more := f"food records on at least {MIN_INTAKE_DAYS} days") not in missing:
        missing.append(more)
    found |= _recorded_screens(ctx, evidence)
    if computed["glim"].positive:
        found.add(F.glim_met)
    return found


def _recorded_screens(ctx: Context, evidence: list[Evidence]) -> set[F]:
    """What the MUST, MNA-SF or GLIM answers on record add."""
    found: set[F] = set()
    for item in ctx.scores(domain="nutrition"):
        evidence.append(score_evidence(item))
        if item.score.positive is not None:
            found.add(F.screened_negative)
            found |= _signals(
                F.glim_met
                if item.name == "glim" and item.score.positive
                else _signal(item.name, item.score, MIN_INTAKE_DAYS)
            )
    return found


def assess(ctx: Context) -> CauseAssessment:
    evidence: list[Evidence] = []
    missing: list[str] = []
    computed = _computed(ctx, missing)
    if ctx.bmi is not None:
        evidence.append(
            Evidence(
                "body mass index",
                bmi_text(ctx.bmi),
                "WHO adult classes",
                "who_bmi2000",
                Direction.neutral,
            )
        )
    found = _screen(ctx, computed, evidence, missing)
    if F.glim_met in found and _obesity_weight_loss(ctx, evidence):
        found.add(F.obesity_weight_loss)
    tables = (_nutrient_table(computed["intake-adequacy"]),) if "intake-adequacy" in computed else ()
    flags = _b12_neuropathy(ctx, computed.get("intake-adequacy"), evidence)
    chosen = decide(RULES, found)
    status = chosen.status
    steps = _next_steps(status, computed, chosen.text) + tuple(_b12_step(ctx) for _ in flags)
    return CauseAssessment(
        CAUSE,
        TITLE,
        status,
        _summary(status),
        tuple(evidence),
        Reversibility.modifiable,
        red_flags=tuple(flags),
        next_steps=steps,
        missing=tuple(missing) if status in (Status.cannot_tell, Status.possible, Status.not_supported) else (),
        tables=tables,
        citations=CITATIONS,
        basis=chosen.basis,
        rules=(chosen.id,),
    )


def _b12_step(ctx: Context) -> NextStep:
    if b12_deficiency_recorded(ctx):
        return NextStep(
            "Review of the vitamin B12 treatment with the doctor (nerve symptoms are present)",
            "a vitamin B12 deficiency is recorded, with numbness or tingling",
            "stabler2013",
            StepKind.referral,
        )
    return NextStep(
        "Ask a doctor to check blood vitamin B12",
        "low intake with numbness or tingling",
        "stabler2013",
        StepKind.referral,
    )


def _obesity_weight_loss(ctx: Context, evidence: list[Evidence]) -> bool:
    change = ctx.weight_change(6)
    if change is None or change.kg >= 0 or ctx.height is None:
        return False
    start_bmi = change.start_kg / (ctx.height / 100.0) ** 2
    if start_bmi < OBESE_BMI:
        return False
    evidence.append(
        Evidence(
            "weight loss starting from obesity",
            f"BMI {cutoff_quantity(start_bmi, 'kg/m²', (OBESE_BMI,))} before the loss",
            "if the loss is an intended diet, GLIM malnutrition does not describe it; the aim is "
            "to keep lean tissue while losing fat",
            "who_bmi2000",
            Direction.against,
        )
    )
    return True


B12_DEFICIENCY_WORDS = ("b12", "cobalamin", "pernicious")
"""Words of a recorded condition's name that mean a vitamin B12 deficiency (pernicious anaemia among them)."""


def b12_deficiency_recorded(ctx: Context) -> bool:
    return any(any(w in (c.name or "").lower() for w in B12_DEFICIENCY_WORDS) for c in ctx.record.conditions)


def _b12_neuropathy(ctx: Context, adequacy: Score | None, evidence: list[Evidence]) -> list[RedFlag]:
    """Numbness or tingling with a low vitamin B12 intake, or with a B12 deficiency on record: a deficiency can
    damage nerves, and the damage may not fully recover if treatment is late (Stabler 2013). With a balance
    problem or falls as well (the spinal cord can be involved), the visit is not put off."""
    if not ctx.facts.has_symptom("numbness"):
        return []
    spinal = bool(ctx.facts.has_symptom("balance_problem") or ctx.facts.has_symptom("falls"))
    urgency = Urgency.urgent if spinal else Urgency.soon
    if b12_deficiency_recorded(ctx):
        return [
            RedFlag(
                "b12-neuropathy",
                "Numbness or tingling with a vitamin B12 deficiency on record can be nerve damage from it; "
                "nerve symptoms need prompt treatment, or the damage may stay.",
                "See the doctor treating the deficiency "
                + ("without delay: balance problems or falls are recorded too." if spinal else "soon."),
                urgency,
                ("vitamin B12 deficiency on record", "numbness"),
                "stabler2013",
            )
        ]
    status = adequacy.details["nutrients"].get(B12_KEY, {}).get("status") if adequacy else None
    low = [c for c in adequacy.criteria if c.name == B12] if adequacy and status == LIKELY_INADEQUATE else []
    if not low:
        return []
    evidence.append(
        Evidence(
            "low vitamin B12 intake with numbness",
            f"{low[0].value} ug/day",
            "vitamin B12 deficiency is a reversible cause of nerve damage (numb, tingling feet)",
            "stabler2013",
        )
    )
    return [
        RedFlag(
            "b12-neuropathy",
            "Numbness or tingling with a low vitamin B12 intake can be nerve damage from "
            "a deficiency, which is treatable.",
            "See a doctor "
            + ("without delay (balance problems or falls are recorded too)" if spinal else "soon")
            + " and ask for a blood vitamin B12 test.",
            urgency,
            ("low vitamin B12 intake", "numbness"),
            "stabler2013",
        )
    ]


def _intake_text(value: object, threshold: str) -> str:
    """A mean intake as shown: rounded for its unit (g/kg/day for protein), else to three figures."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return "" if value is None else str(value)
    return number_text(float(value), "g/kg/day" if threshold.endswith("g/kg/day") else "")


def _nutrient_table(score: Score) -> Table:
    rows = []
    for c in score.criteria:
        rows.append(
            (
                c.name,
                _intake_text(c.value, c.threshold or ""),
                c.threshold or "",
                {True: "out of range", False: "in range", None: "cannot tell"}[c.met],
            )
        )
    return Table(
        "nutrients",
        "Recorded intake against reference intakes and upper levels",
        ("nutrient", "mean intake / judgement", "reference", "status"),
        tuple(rows),
    )


def _summary(status: Status) -> str:
    return {
        Status.likely: "Screening or intake shows malnutrition or a nutrient out of range.",
        Status.possible: "Some signs of risk; a fuller nutrition review would settle it.",
        Status.not_supported: "Screening and recorded intake do not show malnutrition.",
        Status.cannot_tell: "Not enough data on weight history, intake or screening to tell.",
    }[status]


def _next_steps(status: Status, computed: dict[str, Any], found: str) -> tuple[NextStep, ...]:
    steps = []
    if status in (Status.likely, Status.possible):
        steps.append(
            NextStep(
                "Dietitian review of intake, supplements and targets",
                found,
                "elia2003_must",
                StepKind.referral,
            )
        )
    intake = computed.get("intake-adequacy")
    for name in intake.details.get("above_upper_level", ()) if intake is not None else ():
        steps.append(
            NextStep(
                f"Review supplements and fortified foods containing {NUTRIENTS[name].label} with a doctor, "
                "pharmacist or dietitian",
                "intake is above the tolerable upper level",
                "nasem2019_dri_tables",
                StepKind.referral,
            )
        )
    protein = computed.get("protein-target")
    if protein is not None and protein.category not in ("meets target", CANNOT_TELL) and protein.value is not None:
        steps.append(
            NextStep(
                "Raise protein intake towards the target for age and health",
                f"current {quantity_text(float(protein.value), 'g/kg/day')}",
                "bauer2013_protage",
                StepKind.protein_target,
            )
        )
    return tuple(steps)


SPEC = CauseSpec(
    CAUSE,
    TITLE,
    EXPLANATION,
    reads=("bmi", "weight_change", "intakes", "symptoms"),
    citations=CITATIONS,
    rules=RULES,
    assess=assess,
    depends=("atrophy",),
    order=20,
    findings=F,
)
