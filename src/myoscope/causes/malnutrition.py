"""Malnutrition: too little protein, vitamins or minerals, and also too much of some.

Screens with MUST and GLIM computed from the record (weight history, BMI, illness, intake),
adds any MUST / MNA-SF / GLIM answers recorded, and judges every recorded nutrient against the
reference intakes (deficit *and* excess) and protein per kg against its targets.
"""

from __future__ import annotations

from myoscope.causes._common import score_evidence
from myoscope.causes._context import Context, Scored
from myoscope.causes._nutrition_inputs import diet_days, glim_inputs, must_inputs, protein_inputs
from myoscope.causes._types import CauseAssessment, Direction, Evidence, NextStep, Reversibility, Status, Table
from myoscope.criteria.intake import ABOVE_UL, LIKELY_INADEQUATE, POSSIBLY_INADEQUATE
from myoscope.measures.body import bmi_class

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
CITATIONS = ("elia2003_must", "cederholm2019_glim", "nasem2019_dri_tables", "bauer2013_protage")


def assess(ctx: Context) -> CauseAssessment:
    evidence: list[Evidence] = []
    strong = weak = decided = False
    missing: list[str] = []
    tables: list[Table] = []
    computed = {
        "must": ctx.score_now("must", must_inputs(ctx)),
        "glim": ctx.score_now("glim", glim_inputs(ctx)),
    }
    days = diet_days(ctx)
    if days:
        computed["intake-adequacy"] = ctx.score_now("intake-adequacy", {"diet_days": days})
        if any("protein" in d for d in days):
            computed["protein-target"] = ctx.score_now("protein-target", protein_inputs(ctx))
    else:
        missing.append("three days of food records (energy, protein, vitamins and minerals, supplements)")
    if ctx.bmi is not None:
        evidence.append(Evidence("body mass index", f"{ctx.bmi:.1f} kg/m² ({bmi_class(ctx.bmi)})",
                                 "WHO adult classes", "who_bmi2000", Direction.neutral))
    for name, score in computed.items():
        evidence.append(score_evidence(Scored(name, ctx.on, score)))
        if score.positive is None:
            missing.extend(m for m in score.missing if m not in missing)
            continue
        decided = True
        if score.positive:
            if name in ("glim", "intake-adequacy") or score.category in ("high risk", LIKELY_INADEQUATE):
                strong = True
            else:
                weak = True
    if "intake-adequacy" in computed:
        tables.append(_nutrient_table(computed["intake-adequacy"]))
        for c in computed["intake-adequacy"].criteria:
            if c.met is None and POSSIBLY_INADEQUATE in str(c.value):
                weak = True
    if computed.get("protein-target") and computed["protein-target"].category == POSSIBLY_INADEQUATE:
        weak = True
    for item in ctx.scores(domain="nutrition"):
        evidence.append(score_evidence(item))
        if item.score.positive is not None:
            decided = True
            strong = strong or (item.score.positive and item.name == "glim")
            weak = weak or bool(item.score.positive)
    status = (Status.likely if strong else Status.possible if weak
              else Status.not_supported if decided else Status.cannot_tell)
    return CauseAssessment(
        CAUSE, TITLE, status, _summary(status), tuple(evidence), Reversibility.modifiable,
        next_steps=_next_steps(status, computed),
        missing=tuple(missing) if status in (Status.cannot_tell, Status.possible, Status.not_supported) else (),
        tables=tuple(tables), citations=CITATIONS,
    )


def _nutrient_table(score) -> Table:
    rows = []
    for c in score.criteria:
        rows.append((c.name, c.value if c.value is not None else "", c.threshold or "",
                     {True: "out of range", False: "in range", None: "cannot tell"}[c.met]))
    return Table("nutrients", "Recorded intake against reference intakes and upper levels",
                 ("nutrient", "mean intake / judgement", "reference", "status"), tuple(rows))


def _summary(status: Status) -> str:
    return {
        Status.likely: "Screening or intake shows malnutrition or a nutrient out of range.",
        Status.possible: "Some signs of risk; a fuller nutrition review would settle it.",
        Status.not_supported: "Screening and recorded intake do not show malnutrition.",
        Status.cannot_tell: "Not enough data on weight history, intake or screening to tell.",
    }[status]


def _next_steps(status: Status, computed: dict) -> tuple[NextStep, ...]:
    steps = []
    if status in (Status.likely, Status.possible):
        steps.append(NextStep("Dietitian review of intake, supplements and targets",
                              "to correct the deficits and excesses found", "elia2003_must"))
    intake = computed.get("intake-adequacy")
    if intake is not None:
        for c in intake.criteria:
            if c.met and ABOVE_UL in str(c.value):
                steps.append(NextStep(f"Review supplements containing {c.name.replace('_', ' ')}",
                                      "intake is above the tolerable upper level", "nasem2019_dri_tables"))
    protein = computed.get("protein-target")
    if protein is not None and protein.category != "meets target" and protein.value is not None:
        steps.append(NextStep("Raise protein intake towards the target for age and health",
                              f"current {protein.value} g/kg/day", "bauer2013_protage"))
    return tuple(steps)
