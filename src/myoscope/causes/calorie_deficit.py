"""Calorie deficit: burning more than one eats, so the body draws on fat and then on muscle.

Compares the recorded intake with the energy need (Mifflin-St Jeor x PAL band), reads the energy
balance implied by the weight trend, and projects fat and lean mass at the current intake with
Hall's dynamic model, with the intake that keeps lean loss within a limit. Plenty of energy with
too few nutrients also counts here (the nutrient side is judged by the malnutrition cause).
"""

from __future__ import annotations

import math
from dataclasses import replace
from enum import Enum
from typing import TYPE_CHECKING

from myoscope.causes._context import Context
from myoscope.causes._nutrition_inputs import MIN_INTAKE_DAYS, diet_days, protein_inputs, weight_loss_percent
from myoscope.causes._types import (
    Basis,
    CauseAssessment,
    Chart,
    Direction,
    Evidence,
    NextStep,
    RedFlag,
    Reversibility,
    Series,
    Status,
    StepKind,
    Urgency,
)
from myoscope.causes.contract import CauseSpec, decide, rule
from myoscope.criteria.glim import WEIGHT_LOSS_WITHIN_6_MONTHS, weight_loss_stage
from myoscope.criteria.intake import LIKELY_INADEQUATE
from myoscope.instruments.api import given
from myoscope.instruments.must import WEIGHT_LOSS_LOW_BELOW as MUST_WEIGHT_LOSS
from myoscope.measures.energy_need import EnergyNeed, missing_for_energy_need
from myoscope.physiology.energy import energy_balance_from_weight_trend
from myoscope.physiology.hall import DEFAULT_VARIANT, RHO_F, RHO_L
from myoscope.precision import count_text, number_text, quantity_text

if TYPE_CHECKING:  # the projection is imported where it runs (it loads numba)
    from myoscope.physiology.projection import Inputs, Projection

CAUSE = "calorie_deficit"
TITLE = "Calorie deficit (eating less energy than is burned)"
EXPLANATION = (
    "When intake stays below expenditure the body draws on its stores: fat first, and a growing share of "
    "lean tissue as fat runs low, protein is short or activity is low. myoscope compares recorded intake "
    "with the estimated need, reads the energy balance from the weight trend, and projects fat and lean mass "
    "at the current intake with Hall's dynamic body-weight model (Hall et al. 2011), together with the "
    "intake that would keep lean-tissue loss within a limit. Eating enough energy with too few nutrients "
    "also starves muscle; that side is reported with malnutrition. Usually reversible with diet."
)
HORIZON_WEEKS = 12
"""Projection horizon shown in reports (a clinical follow-up interval; our choice)."""
LEAN_LOSS_LIMIT_KG = 1.0
"""Default goal for the lean-sparing intake: lose at most 1 kg of lean tissue over the horizon. A goal
setting, not a value from the literature; the literature gives none."""
ESTIMATE_ERROR = 0.10
"""Predicted resting expenditure is most often within 10 % of the measured value (Mifflin-St Jeor;
Frankenfield et al. 2005, J Am Diet Assoc, [frankenfield2005]): intake counts as a deficit
only below the lower end of the need minus this margin."""
CITATIONS = (
    "hall2011",
    "mifflin1990",
    "fao2004",
    "frankenfield2005",
    "iom2000_dri_assessment",
    "krieger2006",
    "wycherley2012_meta",
    "sardeli2018",
)


class F(str, Enum):
    intake_below = "recorded intake below the estimated need"
    intake_adequate = "recorded intake within or above the estimated need"
    weight_loss = "weight fell beyond day-to-day variation"
    weight_stable = "weight stable"


RULES = (
    rule(
        "intake-and-weight",
        {F.intake_below, F.weight_loss},
        Status.likely,
        "intake below need and weight falling: stores are being used",
        "hall2011",
        basis=Basis.risk_factor,
    ),
    rule(
        "weight-loss-no-intake-record",
        {F.weight_loss},
        Status.likely,
        "weight falling beyond day-to-day variation implies an energy deficit (intake not recorded)",
        "elia2003_must",
        excludes={F.intake_adequate, F.intake_below},
        basis=Basis.risk_factor,
    ),
    rule(
        "weight-loss-despite-intake",
        {F.weight_loss, F.intake_adequate},
        Status.possible,
        "weight falls although recorded intake covers the need: under-recorded intake or an illness",
        "elia2003_must",
        basis=Basis.risk_factor,
    ),
    rule(
        "intake-below-weight-stable",
        {F.intake_below},
        Status.possible,
        "intake below need but weight not (yet) falling",
        "frankenfield2005",
        basis=Basis.risk_factor,
    ),
    rule(
        "energy-balance-adequate",
        {F.intake_adequate},
        Status.not_supported,
        "recorded intake covers the estimated need",
        "frankenfield2005",
    ),
    rule("weight-stable", {F.weight_stable}, Status.not_supported, "weight stable over months", "elia2003_must"),
    rule("not-recorded", set(), Status.cannot_tell, "neither intake nor a weight trend is recorded", "elia2003_must"),
)


def _need_evidence(ctx: Context, evidence: list[Evidence], missing: list[str]) -> None:
    need = ctx.energy_need
    if need is None:
        missing += [f"{m} (for the energy need)" for m in missing_for_energy_need(ctx.record, ctx.on)]
        return
    pal_note = " (activity level not recorded: lowest band assumed)" if need.band_assumed else ""
    evidence.append(
        Evidence(
            "estimated energy need",
            f"{number_text(need.low_kcal, 'kcal/day')}-{quantity_text(need.high_kcal, 'kcal/day')}",
            f"resting {quantity_text(need.resting_kcal, 'kcal/day')} (Mifflin-St Jeor) x PAL "
            f"{need.pal_low:.2f}-{need.pal_high:.2f}, {need.pal_band}{pal_note}",
            "fao2004",
            Direction.neutral,
        )
    )


def _intake_verdict(ctx: Context, evidence: list[Evidence], missing: list[str]) -> bool | None:
    """True when recorded intake is below the need (less the equation's error), False when not, None unknown."""
    need, energy = ctx.energy_need, ctx.intakes.get("energy")
    if energy is None:
        missing.append(f"energy intake on at least {MIN_INTAKE_DAYS} days (food record)")
        return None
    if need is None:
        return None
    threshold = need.low_kcal * (1.0 - ESTIMATE_ERROR)
    below = energy.mean < threshold
    evidence.append(
        Evidence(
            "recorded energy intake",
            f"{quantity_text(energy.mean, 'kcal/day')} over {count_text(energy.days, 'day')}",
            f"below {quantity_text(threshold, 'kcal/day')} (lower end of the need less the "
            f"{ESTIMATE_ERROR:.0%} error of the equation) means a deficit",
            "frankenfield2005",
            Direction.supports if below else Direction.against,
        )
    )
    return below


def _verdicts(
    ctx: Context, evidence: list[Evidence], missing: list[str], red: list[RedFlag]
) -> tuple[bool | None, bool | None]:
    """(intake below the need, weight falling), each None where the record cannot tell."""
    by_intake = _intake_verdict(ctx, evidence, missing)
    by_weight = _weight_verdict(ctx, evidence, missing, red)
    if by_intake and by_weight is False:
        by_intake = _few_days_against_stable_weight(ctx, evidence, missing)
    return by_intake, by_weight


def _few_days_against_stable_weight(ctx: Context, evidence: list[Evidence], missing: list[str]) -> bool | None:
    """Intake below the need on fewer than :data:`MIN_INTAKE_DAYS` days, weight stable: the weight decides (the
    intake row is kept, no longer counted for the deficit); on enough days the intake still counts (True)."""
    energy = ctx.intakes["energy"]
    if energy.days >= MIN_INTAKE_DAYS:
        return True
    at = next(i for i, e in enumerate(evidence) if e.finding == "recorded energy intake")
    evidence[at] = replace(
        evidence[at],
        rule=f"{evidence[at].rule}; on fewer than {MIN_INTAKE_DAYS} days it does not outweigh a stable weight "
        "(intake varies from day to day; energy is judged by the weight trend)",
        citation="iom2000_dri_assessment",
        direction=Direction.neutral,
    )
    missing.append(f"energy intake on at least {MIN_INTAKE_DAYS} days (food record)")
    return None


def _weight_verdict(ctx: Context, evidence: list[Evidence], missing: list[str], red: list[RedFlag]) -> bool | None:
    change, loss6 = ctx.weight_change(6), weight_loss_percent(ctx, 6)
    if change is None or loss6 is None:  # both come from the same two weights
        missing.append("two body weights at least two weeks apart, the earlier within 6 months of the latest")
        return None
    balance = energy_balance_from_weight_trend(change.start_kg, change.end_kg, change.days)
    losing = loss6 >= MUST_WEIGHT_LOSS
    evidence.append(
        Evidence(
            "weight trend and the energy balance it implies",
            f"{change.kg:+.1f} kg ({change.percent:+.1f} %) in {count_text(change.days, 'day')}: "
            f"{balance.low:+.0f} to {balance.high:+.0f} kcal/day",
            f"a loss of {MUST_WEIGHT_LOSS:g} % or more in 3-6 months is beyond day-to-day "
            f"variation (MUST); stores burned: fat {RHO_F:,.0f}, lean {RHO_L:,.0f} kcal/kg",
            "elia2003_must",
            Direction.supports if losing else Direction.against,
        )
    )
    if weight_loss_stage(loss6, WEIGHT_LOSS_WITHIN_6_MONTHS) == 2:
        red.append(
            RedFlag(
                "rapid-weight-loss",
                f"Weight fell {loss6:.1f} % within six months: severe by the GLIM criteria.",
                "See a doctor soon to find the cause and plan nutrition.",
                Urgency.soon,
                (f"{loss6:.1f} % in 6 months",),
                "cederholm2019_glim",
            )
        )
    return losing


def _nutrient_evidence(ctx: Context, by_intake: bool | None, deficit: bool, evidence: list[Evidence]) -> None:
    if ctx.intakes.get("energy") is not None and ctx.energy_need is not None and by_intake is False:
        adequacy = ctx.score_now("intake-adequacy", {"diet_days": diet_days(ctx)})
        if adequacy.category.startswith(LIKELY_INADEQUATE):
            evidence.append(
                Evidence(
                    "enough energy but too few nutrients",
                    adequacy.category,
                    "energy without nutrients does not feed muscle (see malnutrition)",
                    "nasem2019_dri_tables",
                )
            )
    if ctx.intakes.get("protein") is not None and deficit:
        target = ctx.score_now("protein-target", protein_inputs(ctx))
        if target.category == LIKELY_INADEQUATE:
            evidence.append(
                Evidence(
                    "protein is low during the deficit",
                    quantity_text(float(target.value), "g/kg/day"),
                    "a higher protein intake (above about 1.05 g/kg) keeps more fat-free mass "
                    "during energy restriction",
                    "krieger2006",
                )
            )


def assess(ctx: Context) -> CauseAssessment:
    evidence: list[Evidence] = []
    red: list[RedFlag] = []
    charts: list[Chart] = []
    steps: list[NextStep] = []
    missing: list[str] = []
    _need_evidence(ctx, evidence, missing)
    by_intake, by_weight = _verdicts(ctx, evidence, missing, red)
    deficit = bool(by_intake or by_weight)
    _nutrient_evidence(ctx, by_intake, deficit, evidence)
    energy, need = ctx.intakes.get("energy"), ctx.energy_need
    if deficit and energy is not None and need is not None and ctx.weight and ctx.height and ctx.age and ctx.person.sex:
        _project(ctx, need, energy.mean, evidence, charts, steps)
    found = {F.intake_below} if by_intake else {F.intake_adequate} if by_intake is False else set()
    found |= {F.weight_loss} if by_weight else {F.weight_stable} if by_weight is False else set()
    decided = decide(RULES, found)
    status = decided.status
    return CauseAssessment(
        CAUSE,
        TITLE,
        status,
        _summary(status),
        tuple(evidence),
        Reversibility.modifiable,
        tuple(red),
        tuple(steps),
        tuple(missing) if status in (Status.cannot_tell, Status.possible) else (),
        tuple(charts),
        citations=CITATIONS,
        basis=decided.basis,
        rules=(decided.id,),
    )


def _project(
    ctx: Context, need: EnergyNeed, intake: float, evidence: list[Evidence], charts: list[Chart], steps: list[NextStep]
) -> None:
    """Project once (:func:`~myoscope.physiology.project_record`) and read every number from that run.

    The evidence row, the fat / lean-tissue chart and the fat-free-mass scenario chart all come from the
    same projection, so the numbers a report shows cannot disagree. Lean tissue is Hall's lean
    compartment; fat-free mass adds glycogen, its water and extracellular fluid, so it falls further.
    """
    projection, failure = _projection(ctx)
    if failure is not None:
        _too_low_to_project(ctx, failure, evidence, steps)
        return
    if projection is None:
        return
    current = projection.scenario("current").whole_body
    if current is None:
        return
    inputs = projection.inputs
    intake = projection.scenario("current").intake_kcal or intake
    change = {name: float(current[name].middle[-1] - current[name].middle[0]) for name in current}
    evidence.append(
        Evidence(
            f"projection at the current intake, in {HORIZON_WEEKS} weeks",
            f"{change['fat_mass_kg']:+.1f} kg fat, {change['lean_mass_kg']:+.1f} kg lean tissue "
            f"(fat-free mass {change['ffm_kg']:+.1f} kg with glycogen and water; "
            f"{change['body_weight_kg']:+.1f} kg body weight)",
            f"Hall's dynamic model at {quantity_text(intake, 'kcal/day')}, PAL {inputs.pal:.2f}",
            "hall2011",
            Direction.supports if change["lean_mass_kg"] < 0 else Direction.neutral,
        )
    )
    dates = projection.dates
    charts.append(
        Chart(
            "hall-projection",
            f"Projected fat mass and lean tissue at {quantity_text(intake, 'kcal/day')} (Hall et al. 2011)",
            "kg",
            (
                Series("fat mass", dates, tuple(float(v) for v in current["fat_mass_kg"].middle)),
                Series("lean tissue", dates, tuple(float(v) for v in current["lean_mass_kg"].middle)),
            ),
        )
    )
    scenario_chart = _scenario_chart(projection)
    if scenario_chart is not None:
        charts.append(scenario_chart)
    if change["lean_mass_kg"] < -LEAN_LOSS_LIMIT_KG:
        _sparing_steps(inputs, steps)
    elif change["lean_mass_kg"] < 0:  # the current intake already keeps lean loss within the goal
        steps.append(
            NextStep(
                f"At the current intake (about {quantity_text(intake, 'kcal/day')}) the projected lean-tissue loss "
                f"stays within {LEAN_LOSS_LIMIT_KG:g} kg over {HORIZON_WEEKS} weeks: no higher intake is needed for it",
                f"projected with Hall's model ({projection.variant}), with the protein and training on record; the "
                "limit is a goal you can change",
                "hall2011",
                StepKind.energy_target,
                round(float(intake)),
            )
        )


def _sparing_steps(inputs: Inputs, steps: list[NextStep]) -> None:
    from myoscope.physiology.hall import lean_sparing_intake  # loads numpy: only where it runs

    sparing = lean_sparing_intake(
        weight_kg=given(inputs.weight_kg, "body weight"),
        height_cm=given(inputs.height_cm, "height"),
        age_y=given(inputs.age_y, "age"),
        sex=given(inputs.sex, "sex"),
        pal=inputs.pal,
        weeks=HORIZON_WEEKS,
        max_lean_loss_kg=LEAN_LOSS_LIMIT_KG,
    )
    if sparing.reached and not math.isnan(sparing.intake_kcal):
        steps.append(
            NextStep(
                f"Eat at least about {quantity_text(sparing.intake_kcal, 'kcal/day')} to keep lean-tissue loss within "
                f"{LEAN_LOSS_LIMIT_KG:g} kg over {HORIZON_WEEKS} weeks "
                f"(maintenance about {quantity_text(sparing.maintenance_kcal, 'kcal/day')})",
                f"projected with Hall's model ({DEFAULT_VARIANT}); the limit is a goal you can change",
                "hall2011",
                StepKind.energy_target,
                round(float(sparing.intake_kcal)),
            )
        )
    else:
        steps.append(
            NextStep(
                f"At this weight no intake below maintenance (about "
                f"{quantity_text(sparing.maintenance_kcal, 'kcal/day')}) keeps lean loss within "
                f"{LEAN_LOSS_LIMIT_KG:g} kg",
                "projected with Hall's model",
                "hall2011",
                StepKind.energy_target,
                round(float(sparing.maintenance_kcal)),
            )
        )
    steps.append(
        NextStep(
            "Keep protein at or above the target for age and health",
            "more protein keeps more fat-free mass while intake is below the need",
            "krieger2006",
            StepKind.protein_target,
        )
    )
    steps.append(
        NextStep(
            "Keep up or start muscle-strengthening activity on 2 or more days a week",
            "the WHO 2020 recommendation for adults; muscle use is what keeps muscle",
            "bull2020",
            StepKind.keep_active,
        )
    )


SCENARIOS = ("current", "added_protein", "resistance_training")
"""What the fat-free-mass chart compares: the intake as it is, more protein, and resistance training."""


def _projection(ctx: Context) -> tuple[Projection | None, str | None]:
    """(projection, None), or (None, why) when the model leaves the physical range at this intake."""
    from myoscope.causes.safety import scenario_guard
    from myoscope.errors import InputError
    from myoscope.physiology import NumericalFailure, project_record

    try:
        guard = scenario_guard(ctx, ctx.results)  # under refeeding risk only the current course is charted
        return project_record(ctx.record, ctx.on, scenarios=SCENARIOS, horizon_weeks=HORIZON_WEEKS, guard=guard), None
    except NumericalFailure as failure:
        return None, str(failure)
    except InputError:
        return None, None


def _too_low_to_project(ctx: Context, why: str, evidence: list[Evidence], steps: list[NextStep]) -> None:
    """The intake empties the body's stores within the horizon: that is itself evidence, and targets still apply."""
    from myoscope.physiology.projection import read_inputs

    evidence.append(
        Evidence(
            f"projection at the current intake, in {HORIZON_WEEKS} weeks",
            "not projected: " + why.split(": ", 1)[-1],
            "Hall's dynamic model leaves its physical range: body stores would run out",
            "hall2011",
            Direction.supports,
        )
    )
    inputs, missing = read_inputs(ctx.record, ctx.on)
    if not missing:
        _sparing_steps(inputs, steps)


def _scenario_chart(projection: Projection) -> Chart | None:
    """Fat-free mass under each scenario, with the band the studies allow (None if none has a whole-body part)."""
    dates = projection.dates
    series: list[Series] = []
    for label, band in projection.series("ffm_kg"):
        series.append(
            Series(
                label,
                dates,
                tuple(float(v) for v in band.middle),
                tuple(float(v) for v in band.low),
                tuple(float(v) for v in band.high),
                "band",
            )
        )
    if not series:
        return None
    return Chart(
        "ffm-scenarios",
        "Projected fat-free mass by scenario (shaded: the range the studies allow)",
        "kg",
        tuple(series),
    )


def _summary(status: Status) -> str:
    return {
        Status.likely: "Intake and weight trend show an energy deficit that is using up body stores.",
        Status.possible: "One sign of an energy deficit; the other is missing or does not agree.",
        Status.not_supported: "Intake and weight do not show an energy deficit.",
        Status.cannot_tell: "Not enough intake or weight data to judge energy balance.",
    }[status]


SPEC = CauseSpec(
    CAUSE,
    TITLE,
    EXPLANATION,
    reads=("energy_need", "intakes", "weight_change"),
    citations=CITATIONS,
    rules=RULES,
    assess=assess,
    depends=("atrophy",),
    order=10,
    findings=F,
)
