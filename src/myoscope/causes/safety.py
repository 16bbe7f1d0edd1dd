"""Contraindication checks on every next step, in one place.

Each check reads typed facts and the machine kind of each step (never its wording) and replaces a
step it forbids by a referral or by the advice that is allowed:

- refeeding risk by the NICE CG32 criteria (one major criterion, or two minor ones) blocks energy and
  protein targets (raising protein is raising intake) and exercise advice and asks for supervised refeeding;
- a swallowing problem puts a swallowing assessment first and holds diet targets until then;
- a limb still immobilised gets only what is allowed while immobilised (no whole-body plan that
  assumes the limb is free);
- a malnourished person is never given an intake below the maintenance need;
- chronic kidney disease on record sends the protein target to the renal team (KDOQI 2020: protein is
  usually limited before dialysis), so no step raises it;
- weight loss that starts from obesity is framed as a planned diet when it is intended.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from myoscope.causes._pregnancy import pregnancy
from myoscope.causes._types import CauseAssessment, NextStep, RedFlag, Status, StepKind, Urgency
from myoscope.instruments.api import given
from myoscope.precision import count_text, cutoff_number, quantity_text
from myoscope.references import cite

if TYPE_CHECKING:
    import datetime as dt

    from myoscope.causes._context import Context
    from myoscope.physiology.scenarios import Guards
    from myoscope.record import Episode, Record

REFEEDING_CITATION = cite("nice_cg32")
MAJOR_BMI_BELOW = 16.0
"""NICE CG32 high refeeding risk, one of: BMI below 16 kg/m²."""
MAJOR_LOSS_ABOVE = 15.0
"""... unintentional weight loss above 15 % within the last 3-6 months."""
MAJOR_LITTLE_INTAKE_DAYS = 10
"""... little or no nutritional intake for more than 10 days."""
MINOR_BMI_BELOW = 18.5
"""NICE CG32, two or more of: BMI below 18.5 kg/m² ..."""
MINOR_LOSS_ABOVE = 10.0
"""... unintentional weight loss above 10 % within the last 3-6 months ..."""
MINOR_LITTLE_INTAKE_DAYS = 5
"""... little or no nutritional intake for more than 5 days; a history of alcohol misuse or of drugs such
as insulin, chemotherapy, antacids or diuretics."""
STARVED_START_FRACTION = 0.5
"""NICE CG32: after little or nothing eaten for more than :data:`MINOR_LITTLE_INTAKE_DAYS` days, nutrition
support starts at no more than half of the energy and protein need ..."""
STARVED_START_DAYS = 2
"""... for the first 2 days, and is raised only if no refeeding problems appear."""
LITTLE_INTAKE_FRACTION = 0.5
"""NICE CG32 does not put a number on "little" intake; we read it as at most half the estimated need, the
GLIM reduced-intake criterion (Cederholm et al. 2019)."""
MINOR_HISTORY = (
    "alcohol",
    "insulin",
    "type 1 diabetes",
    "type i diabetes",
    "t1dm",
    "chemotherapy",
    "antacid",
    "aluminium hydroxide",
    "aluminum hydroxide",
    "magnesium hydroxide",
    "diuretic",
    "furosemide",
    "frusemide",
    "bumetanide",
    "torasemide",
    "torsemide",
    "bendroflumethiazide",
    "hydrochlorothiazide",
    "chlortalidone",
    "chlorthalidone",
    "indapamide",
    "metolazone",
)
"""Words in a recorded condition's name that meet NICE CG32's history criterion: alcohol misuse, or drugs such
as insulin (type 1 diabetes is treated with it), chemotherapy, antacids or diuretics, named by their class or
as the common loop and thiazide diuretics and antacids (a record names the drug more often than its class)."""
OBESE_BMI = 30.0
MALNOURISHED_BMI_BELOW = 18.5
"""WHO underweight: a person below it is treated as malnourished for the maintenance rule (who_bmi2000)."""


class Check(str, Enum):
    refeeding = "refeeding risk (NICE CG32)"
    refeeding_unknown = "refeeding risk not excluded"
    starved = "more than 5 days of little or no intake"
    starved_unknown = "little intake of unrecorded duration"
    dysphagia = "swallowing problem"
    immobilised_limb = "limb still immobilised"
    possible_clot = "a leg that may hold a clot"
    urgent_flag = "a red flag that needs a clinician now"
    pregnancy_exercise = "exercise in pregnancy"
    pregnancy_intake = "intake targets in pregnancy"
    below_maintenance = "intake below maintenance for a malnourished person"
    kidney = "chronic kidney disease"
    obesity_diet = "weight loss in obesity"


@dataclass(frozen=True, slots=True)
class Violation:
    cause: str
    step: NextStep
    check: Check


def little_intake(ctx: Context) -> bool:
    """Mean recorded energy intake at most half the lower end of the estimated need."""
    need, energy = ctx.energy_need, ctx.intakes.get("energy")
    return need is not None and energy is not None and energy.mean <= LITTLE_INTAKE_FRACTION * need.low_kcal


def _still_without_food(ctx: Context, episode: Episode) -> bool:
    """An illness episode's days without food still count on ``ctx.on``: it is still running, or it ended and
    the diet days recorded since do not show the estimated need being met. NICE CG32's criterion is about
    the time before feeding restarts, and refeeding builds up to full needs over days; once the record
    shows full needs met after the episode (mean intake since at least the lower end of the need), the days
    without food are history."""
    if episode.end is None or episode.end >= ctx.on or ctx.energy_need is None:
        return True
    since = [
        d.nutrients["energy"]
        for d in ctx.record.diet_days
        if episode.end < d.date <= ctx.on and "energy" in d.nutrients
    ]
    return not since or sum(since) / len(since) < ctx.energy_need.low_kcal


def _little_intake_days(ctx: Context) -> int:
    """Days of little or no intake the record documents: illness episodes whose days without food still
    count (:func:`_still_without_food`), or the span of recorded diet days with little intake (not
    extrapolated beyond what was recorded)."""
    days = [
        e.no_intake_days or 0
        for e in ctx.record.episodes
        if e.kind == "acute_illness" and e.start <= ctx.on and _still_without_food(ctx, e)
    ]
    if little_intake(ctx):
        need = given(ctx.energy_need, "the energy need").low_kcal * LITTLE_INTAKE_FRACTION
        low = sorted(
            d.date for d in ctx.record.diet_days if d.date <= ctx.on and d.nutrients.get("energy", need + 1) <= need
        )
        if low:
            days.append((low[-1] - low[0]).days + 1)
    return max(days, default=0)


def refeeding_criteria(ctx: Context) -> tuple[list[str], list[str]]:
    """The NICE CG32 major and minor criteria the record meets (as short descriptions).

    A minor criterion of the same measure as a major one met is not listed again (BMI 14 is below 16, so
    "below 18.5" adds nothing): one major criterion decides the risk on its own."""
    bmi, change = ctx.bmi, ctx.weight_change(6)
    loss = -change.percent if change is not None and change.kg < 0 else 0.0
    little = _little_intake_days(ctx)
    bmi_value = bmi if bmi is not None else math.inf
    bmi_text = f"BMI {cutoff_number(bmi_value, 'kg/m²', (MAJOR_BMI_BELOW, MINOR_BMI_BELOW))}"
    measures = (  # (major text, major met, minor text, minor met)
        (
            f"{bmi_text} (below {MAJOR_BMI_BELOW:g})",
            bmi_value < MAJOR_BMI_BELOW,
            f"{bmi_text} (below {MINOR_BMI_BELOW:g})",
            bmi_value < MINOR_BMI_BELOW,
        ),
        (
            f"weight loss {loss:.1f} % (above {MAJOR_LOSS_ABOVE:g} %)",
            loss > MAJOR_LOSS_ABOVE,
            f"weight loss {loss:.1f} % (above {MINOR_LOSS_ABOVE:g} %)",
            loss > MINOR_LOSS_ABOVE,
        ),
        (
            f"little or no intake for {count_text(little, 'day')}",
            little > MAJOR_LITTLE_INTAKE_DAYS,
            f"little or no intake for {count_text(little, 'day')}",
            little > MINOR_LITTLE_INTAKE_DAYS,
        ),
    )
    major = [text for text, hit, _, _ in measures if hit]
    minor = [text for _, major_hit, text, hit in measures if hit and not major_hit]
    history = [c.name for c in ctx.record.conditions if c.name and any(h in c.name.lower() for h in MINOR_HISTORY)]
    if history:
        minor.append("; ".join(history))
    return major, minor


def starved(ctx: Context) -> bool:
    """Little or nothing eaten for more than :data:`MINOR_LITTLE_INTAKE_DAYS` days (NICE CG32): intake is built
    up from half the need, whatever the other refeeding criteria say."""
    return _little_intake_days(ctx) > MINOR_LITTLE_INTAKE_DAYS


def refeeding_risk(ctx: Context) -> bool:
    major, minor = refeeding_criteria(ctx)
    return bool(major) or len(minor) >= 2


def refeeding_unknown(ctx: Context) -> bool:
    """One NICE minor criterion met (BMI below 18.5, weight loss above 10 %, alcohol or drugs) with little intake
    of unrecorded duration: a second one (more than 5 days of little intake) cannot be excluded, so refeeding
    risk cannot be ruled out."""
    if refeeding_risk(ctx) or not little_intake(ctx) or starved(ctx):
        return False
    return bool(refeeding_criteria(ctx)[1])


OLDER_AGE = 65
"""From this age a possible malnutrition already forbids an energy deficit (ESPEN 2019 guideline on clinical
nutrition in geriatrics, Volkert et al. [volkert2019_espen]: older people at risk of malnutrition are not put
on a deficit)."""


def _malnourished(ctx: Context, results: dict[str, CauseAssessment]) -> bool:
    """Malnourished (GLIM likely), underweight, or an older person with possible malnutrition (at risk by
    'MUST' or GLIM): no advice may keep them below their maintenance need. Only the protein-energy findings
    count (screening, GLIM, protein intake): one vitamin or mineral out of range is corrected by what is eaten,
    not by eating more energy."""
    from myoscope.causes.malnutrition import PROTEIN_ENERGY_RULES

    mal = results.get("malnutrition")
    if mal is not None and not set(mal.rules) & PROTEIN_ENERGY_RULES:
        mal = None
    likely = mal is not None and mal.status is Status.likely
    older_at_risk = mal is not None and mal.status is Status.possible and ctx.age is not None and ctx.age >= OLDER_AGE
    return likely or older_at_risk or (ctx.bmi is not None and ctx.bmi < MALNOURISHED_BMI_BELOW)


_REFEEDING_HELD = frozenset(
    {StepKind.energy_target, StepKind.protein_target, StepKind.keep_active, StepKind.activity_plan}
)
"""Advice held while refeeding risk stands: any raise in intake (energy or protein) and exercise."""


def _forbidden(ctx: Context, results: dict[str, CauseAssessment], step: NextStep) -> Check | None:
    if step.kind in _REFEEDING_HELD and refeeding_risk(ctx):
        return Check.refeeding
    if step.kind in _REFEEDING_HELD - {StepKind.activity_plan} and refeeding_unknown(ctx):
        return Check.refeeding_unknown
    if step.kind in _TARGETS and (check := _forbidden_target(ctx)) is not None:
        return check
    if step.kind is StepKind.protein_target and kidney_disease(ctx):
        return Check.kidney
    return _forbidden_movement(ctx, results, step) or _forbidden_deficit(ctx, results, step)


_TARGETS = frozenset({StepKind.energy_target, StepKind.protein_target})
"""Advice that sets what is eaten (energy or protein)."""


def _forbidden_target(ctx: Context) -> Check | None:
    """What holds an energy or protein target, the most pressing first: a swallowing problem, little intake
    (of more than 5 days, or of unrecorded duration), a pregnancy."""
    if ctx.facts.has_symptom("swallowing_difficulty"):
        return Check.dysphagia
    if little_intake(ctx):
        return Check.starved if starved(ctx) else Check.starved_unknown
    if starved(ctx):
        return Check.starved
    if pregnancy(ctx) is not None:
        return Check.pregnancy_intake
    return None


_CLOT_HELD = frozenset({StepKind.activity_plan, StepKind.keep_active, StepKind.limb_retraining})
"""Advice held while a leg may hold a clot: any exercise or retraining, until a clinician has seen it."""


def _forbidden_movement(ctx: Context, results: dict[str, CauseAssessment], step: NextStep) -> Check | None:
    if step.kind is StepKind.activity_plan and ctx.facts.active_immobilisation:
        return Check.immobilised_limb
    if step.kind in _CLOT_HELD and _possible_clot(results):
        return Check.possible_clot
    if step.kind in _CLOT_HELD and urgent_flag(tuple(f for r in results.values() for f in r.red_flags)):
        return Check.urgent_flag
    if step.kind in (StepKind.activity_plan, StepKind.keep_active) and pregnancy(ctx) is not None:
        return Check.pregnancy_exercise
    return None


def urgent_flag(flags: tuple[RedFlag, ...]) -> RedFlag | None:
    """The first red flag that needs a clinician now (fast progressive weakness, a swallowing or breathing
    change, a possible clot, refeeding risk), if any: exercise advice waits for that visit."""
    return next((f for f in flags if f.urgency is Urgency.urgent), None)


def urgent_hold(flags: tuple[RedFlag, ...]) -> NextStep | None:
    """The step that stands in for exercise advice while :func:`urgent_flag` has one (assessment and plan)."""
    flag = urgent_flag(flags)
    if flag is None:
        return None
    return NextStep(
        "See a clinician now, before starting or changing exercise", flag.message, flag.citation, StepKind.referral
    )


def _forbidden_deficit(ctx: Context, results: dict[str, CauseAssessment], step: NextStep) -> Check | None:
    if (
        step.kind is StepKind.energy_target
        and _malnourished(ctx, results)
        and ctx.energy_need is not None
        and step.value is not None
        and step.value < ctx.energy_need.low_kcal
    ):
        return Check.below_maintenance
    return None


def kidney_disease(ctx: Context) -> bool:
    """Chronic kidney disease (or kidney failure, or dialysis) is on record by ``ctx.on``."""
    from myoscope.causes._condition_table import entries_on

    return any(e.key == "ckd" for e in entries_on(ctx.record.conditions, ctx.on))


def _possible_clot(results: dict[str, CauseAssessment]) -> bool:
    """The atrophy finding raised the swollen-calf flag (a calf 3 cm larger, or a leg reported swollen)."""
    atrophy = results.get("atrophy")
    return atrophy is not None and any(f.code == "calf-swelling" for f in atrophy.red_flags)


def violations(ctx: Context, results: dict[str, CauseAssessment]) -> list[Violation]:
    """Every next step of every cause that a contraindication forbids."""
    out = []
    for name, result in results.items():
        for step in result.next_steps:
            check = _forbidden(ctx, results, step)
            if check is not None:
                out.append(Violation(name, step, check))
    return out


def _replacement(ctx: Context, check: Check) -> NextStep:
    if check is Check.refeeding:
        major, minor = refeeding_criteria(ctx)
        return NextStep(
            "Do not raise intake or exercise on your own: refeeding needs medical and dietetic "
            "supervision (start low, build up slowly, check potassium, phosphate and magnesium first, and give "
            "thiamine and other B vitamins before feeding and through its first 10 days)",
            "refeeding risk: " + "; ".join(major + minor),
            "nice_cg32",
            StepKind.safety,
        )
    if check is Check.refeeding_unknown:
        return NextStep(
            "Ask how long intake has been this low before raising it: after more than "
            f"{count_text(MINOR_LITTLE_INTAKE_DAYS, 'day')} of little intake, with what is recorded here, "
            "refeeding needs medical and dietetic supervision",
            "little recorded intake with " + "; ".join(refeeding_criteria(ctx)[1]),
            "nice_cg32",
            StepKind.safety,
        )
    if check is Check.starved:
        return NextStep(
            f"Build eating back up with a dietitian or doctor: no more than "
            f"{STARVED_START_FRACTION:.0%} of the need for the first {count_text(STARVED_START_DAYS, 'day')}, "
            "then more only if no refeeding problems appear",
            f"little or no intake for {count_text(_little_intake_days(ctx), 'day')}",
            "nice_cg32",
            StepKind.safety,
        )
    if check is Check.starved_unknown:
        return NextStep(
            f"Ask how long intake has been this low before raising it: after more than "
            f"{count_text(MINOR_LITTLE_INTAKE_DAYS, 'day')} of little or no intake, eating is built back up with "
            f"a dietitian or doctor, from no more than {STARVED_START_FRACTION:.0%} of the need for the first "
            f"{count_text(STARVED_START_DAYS, 'day')}",
            "little recorded intake; how long it has lasted is not recorded",
            "nice_cg32",
            StepKind.safety,
        )
    if check is Check.pregnancy_exercise:
        return NextStep(
            "Plan exercise with the midwife or obstetrician: in pregnancy a clinical check comes before an "
            "exercise programme (most pregnancies then allow it)",
            "a pregnancy is recorded",
            "acog2020_exercise",
            StepKind.referral,
        )
    if check is Check.pregnancy_intake:
        return NextStep(
            "Energy and protein targets with the midwife and a dietitian: needs in pregnancy are higher than "
            "the general adult ones this assessment computes",
            "a pregnancy is recorded",
            "nasem2019_dri_tables",
            StepKind.referral,
        )
    if check is Check.dysphagia:
        return NextStep(
            "Diet and protein targets only after the swallowing assessment, planned with a dietitian",
            "a swallowing problem is recorded",
            "nice_cg32",
            StepKind.referral,
        )
    if check is Check.kidney:
        return NextStep(
            "Protein target with the renal team and a renal dietitian, not raised on your own: "
            + kidney_protein_text(),
            "chronic kidney disease is recorded",
            "ikizler2020_kdoqi",
            StepKind.referral,
        )
    if check is Check.immobilised_limb:
        episode = ctx.facts.active_immobilisation[0]
        limb = given(episode.limb, "the immobilised limb").replace("_", " ")  # the record requires it
        return NextStep(
            f"While the {limb} is immobilised: keep the rest of the body moving within the treating "
            "clinician's limits and move the free joints; start graded retraining and the activity "
            "plan once it is free and you are cleared",
            f"the {episode.side} {limb} is still in a {episode.device or 'support'}",
            "wall2014",
            StepKind.safety,
        )
    if check is Check.possible_clot:
        return NextStep(
            "Exercise and retraining only after a clinician has seen the swollen leg (a clot in a vein must be "
            "ruled out first, the same day)",
            "one leg is swollen",
            "wells1997",
            StepKind.referral,
        )
    need = given(ctx.energy_need, "the energy need").low_kcal
    return NextStep(
        f"Eat at least your maintenance need (about {quantity_text(need, 'kcal/day')}), never less, "
        "with a dietitian's plan",
        "a malnourished person should not eat below maintenance",
        "nice_cg32",
        StepKind.energy_target,
        float(math.ceil(need)),
    )


def kidney_protein_text() -> str:
    """The KDOQI 2020 protein ranges, in words (:mod:`myoscope.criteria.intake` holds the numbers)."""
    from myoscope.criteria import intake

    before, diabetes, dialysis = (
        f"{low:g}-{high:g} g/kg/day"
        for low, high in (intake.KDOQI_CKD_PROTEIN, intake.KDOQI_CKD_DIABETES_PROTEIN, intake.KDOQI_DIALYSIS_PROTEIN)
    )
    return (
        f"before dialysis protein is usually limited ({before} in stages 3-5, {diabetes} with diabetes), "
        f"on dialysis it is {dialysis}"
    )


def _first_steps(ctx: Context, results: dict[str, CauseAssessment]) -> list[NextStep]:
    steps = []
    if ctx.facts.has_symptom("falls"):
        steps.append(
            NextStep(
                "Falls risk assessment (multifactorial: strength, balance, medicines, vision, home) before any "
                "exercise plan, which should then include balance and functional exercise",
                "falls are recorded",
                "montero2022_falls",
                StepKind.referral,
            )
        )
    if ctx.facts.has_symptom("swallowing_difficulty"):
        steps.append(
            NextStep(
                "Swallowing assessment by a speech and language therapist first, before any change "
                "to diet, texture or intake",
                "a swallowing problem is recorded",
                "nice_cg32",
                StepKind.safety,
            )
        )
    return steps


def _obesity_note(ctx: Context, results: dict[str, CauseAssessment]) -> list[NextStep]:
    change = ctx.weight_change(6)
    if change is None or change.kg >= 0 or ctx.height is None:
        return []
    if change.start_kg / (ctx.height / 100.0) ** 2 < OBESE_BMI:
        return []
    if not any(s.kind is StepKind.energy_target for r in results.values() for s in r.next_steps):
        return []
    protein = "keep protein at the level the renal team sets" if kidney_disease(ctx) else "keep protein up"
    return [
        NextStep(
            f"If this weight loss is an intended diet for obesity, it is a planned deficit: {protein} "
            "and do muscle-strengthening activity so that the loss is mostly fat",
            "weight loss that starts from obesity",
            "who_bmi2000",
            StepKind.safety,
        )
    ]


def plan_hold(record: Record, on: dt.date) -> NextStep | None:
    """The safety step that stands in for a whole-body activity plan on ``on`` (refeeding risk, a limb still
    immobilised), or None when a graded plan may be given: ``myoscope plan`` obeys the same checks as the
    assessment's next steps."""
    from myoscope.causes._context import Context

    ctx = Context(record, on)
    check = _forbidden(ctx, {}, NextStep("activity plan", kind=StepKind.activity_plan))
    return None if check is None else _replacement(ctx, check)


def intake_guard(record: Record, on: dt.date) -> Guards:
    """What a projection's scenarios may prescribe on ``on``, by the same checks as the next steps: under
    refeeding risk (or when it cannot be ruled out) nothing that raises intake, protein or exercise; with a
    swallowing problem no change to what is eaten before the swallowing assessment; with a leg that may hold
    a clot, or a red flag that needs a clinician now, no training; with chronic kidney disease no added
    protein; for a malnourished or underweight person no intake below the maintenance need."""
    from myoscope.causes._context import Context
    from myoscope.causes.analysis import assess

    assessment = assess(record, on)  # every cause's red flags, for the urgent guard
    results = {c.cause: c for c in assessment.causes} | {"atrophy": assessment.atrophy}
    return scenario_guard(Context(record, on), results)


def scenario_guard(ctx: Context, results: dict[str, CauseAssessment]) -> Guards:
    """:func:`intake_guard` for a cause's own projection, from the results assessed so far."""
    from myoscope.physiology.scenarios import IntakeGuard

    if refeeding_risk(ctx) or refeeding_unknown(ctx):
        return frozenset({IntakeGuard.refeeding})
    raised = {
        IntakeGuard.pregnancy: pregnancy(ctx) is not None,
        IntakeGuard.swallowing: bool(ctx.facts.has_symptom("swallowing_difficulty")),
        IntakeGuard.little_intake: little_intake(ctx) or starved(ctx),
        IntakeGuard.possible_clot: _possible_clot(results),
        IntakeGuard.urgent: urgent_flag(tuple(f for r in results.values() for f in r.red_flags)) is not None,
        IntakeGuard.kidney: kidney_disease(ctx),
        IntakeGuard.no_deficit: _malnourished(ctx, results),
    }
    if raised[IntakeGuard.possible_clot]:  # the clot's own reason holds training
        raised[IntakeGuard.urgent] = False
    return frozenset(g for g, hit in raised.items() if hit)


def refeeding_flag(ctx: Context) -> RedFlag | None:
    major, minor = refeeding_criteria(ctx)
    if not (major or len(minor) >= 2):
        return None
    return RedFlag(
        "refeeding-risk",
        "Risk of refeeding problems (NICE CG32): eating more must be started under medical supervision.",
        "See a clinician now before increasing food intake.",
        Urgency.urgent,
        tuple(major + minor),
        "nice_cg32",
    )


def apply(ctx: Context, results: dict[str, CauseAssessment]) -> dict[str, CauseAssessment]:
    """The results with every forbidden step replaced, and the safety steps added where they belong."""
    bad = {(v.cause, id(v.step)): v.check for v in violations(ctx, results)}
    urgent = urgent_hold(tuple(f for r in results.values() for f in r.red_flags))
    out = {}
    for name, result in results.items():
        steps, seen = [], set()
        for step in result.next_steps:
            check = bad.get((name, id(step)))
            if check is None:
                steps.append(step)
            elif check not in seen:
                seen.add(check)
                steps.append(urgent if check is Check.urgent_flag and urgent else _replacement(ctx, check))
        if name == "atrophy":
            steps = _first_steps(ctx, results) + steps
        if name == "calorie_deficit":
            steps += _obesity_note(ctx, results)
        out[name] = dataclasses.replace(result, next_steps=tuple(steps))
    return out
