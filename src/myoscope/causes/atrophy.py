"""Is muscle being lost? The finding every cause explains (not itself a cause).

Weighs girth asymmetry and girth loss against measurement error (``measures.girth``),
limb lengths (thinner but not shorter), validated muscle instruments and definitions in the
record, and weight change.
"""

from __future__ import annotations

import dataclasses
from enum import Enum

from myoscope.causes._common import latest_per_instrument, measurement_chart, score_evidence, value_text
from myoscope.causes._context import Context, Scored
from myoscope.causes._muscle_inputs import definition_inputs, instrument_inputs
from myoscope.causes._types import (
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
from myoscope.causes.facts import CALF_SWELLING_CM, GRIP_MEANINGFUL_FALL_KG, Change, SiteFacts
from myoscope.causes.inactivity_limb import RELEVANT_DAYS
from myoscope.instruments.api import Instrument, Score, given
from myoscope.instruments.must import WEIGHT_LOSS_LOW_BELOW as WEIGHT_LOSS_PERCENT
from myoscope.measures import girth
from myoscope.precision import quantity_text
from myoscope.record import Symptom
from myoscope.references import cite
from myoscope.scores import get as get_instrument

CAUSE = "atrophy"
TITLE = "Muscle loss present?"
EXPLANATION = (
    "The finding that the causes explain. A limb that has become thinner than the other side by more than "
    "tape measurement error, while limb lengths are equal, or a girth that falls over time beyond that error, "
    "shows muscle loss; so does a sarcopenia definition that is met. A side-to-side difference that was "
    "already there and has not changed (for example the racket arm of a tennis player) is build, not loss; a "
    "calf that has become larger is possible swelling, not loss on the other side. Grip is judged hand by "
    "hand: a low or clearly falling grip on one hand, screening tools (e.g. SARC-F) and a weight loss of 5 % or "
    "more within 6 months make loss possible and call for measurements; equal sides on one day do not rule out "
    "a loss on both."
)
SWELLING_CITATION = cite("wells1997")
CONFIRMED_STAGE = 2
"""Definition stages from 2 up (confirmed or severe sarcopenia; FNIH weakness with low lean mass)
show muscle loss; stage 1 (probable or possible sarcopenia, weakness alone) only suggests it."""


class F(str, Enum):
    """Findings of the atrophy rule table."""

    definition_met = "a sarcopenia definition is met (confirmed or severe)"
    girth_fell = "a girth fell beyond measurement error"
    new_asymmetry = "one side thinner beyond measurement error (not a stable difference)"
    swelling = "the larger calf may be swollen"
    thinner_where_swollen = "one side thinner beyond error on the swollen leg, or on an arm: swelling cannot explain it"
    grip_fell = "grip on one hand fell by a meaningful amount"
    weak_signal = "a screening tool or one hand's grip is low"
    stable_asymmetry = "a stable side-to-side difference (dominance or build)"
    girths_within_error = "girths measured over time, within measurement error"
    weight_loss = "weight fell 5 % or more within 6 months"
    sides_within_error = "both sides measured on one day, within measurement error"


RULES = (
    rule(
        "confirmed-definition",
        {F.definition_met},
        Status.likely,
        "a sarcopenia definition is met: low strength with low muscle mass",
        "cruzjentoft2019",
    ),
    rule(
        "girth-fell", {F.girth_fell}, Status.likely, "a girth fell beyond the measurement error of a tape", "teslaa2011"
    ),
    rule(
        "new-asymmetry",
        {F.new_asymmetry},
        Status.likely,
        "one limb thinner than the other beyond tape error with equal or unrecorded lengths",
        "teslaa2011",
        excludes={F.swelling},
    ),
    rule(
        "thinner-despite-swelling",
        {F.thinner_where_swollen},
        Status.likely,
        "a limb is thinner beyond tape error where swelling, which enlarges, cannot account for it",
        "teslaa2011",
    ),
    rule(
        "swelling-not-loss",
        {F.swelling},
        Status.cannot_tell,
        "a larger calf may be swelling, not muscle loss on the other side; girths cannot show loss while it lasts",
        "wells1997",
    ),
    rule(
        "grip-fell",
        {F.grip_fell},
        Status.possible,
        f"grip on one hand fell by {GRIP_MEANINGFUL_FALL_KG:g} kg or more: a meaningful loss of strength",
        "bohannon2019",
    ),
    rule(
        "weak-signal",
        {F.weak_signal},
        Status.possible,
        "screening or one hand's grip points to weakness; measurements are needed",
        "cruzjentoft2019",
    ),
    rule(
        "weight-loss",
        {F.weight_loss},
        Status.possible,
        "weight fell by 5 % or more within 6 months, beyond day-to-day variation ('MUST'); muscle is often lost "
        "with it (GLIM counts such a loss as a sign of malnutrition), and equal sides do not exclude a loss on "
        "both; measurements over time are needed",
        "elia2003_must",
        excludes={F.girths_within_error},
    ),
    rule(
        "stable-asymmetry",
        {F.stable_asymmetry},
        Status.not_supported,
        "a side-to-side difference that has not changed over time is build or dominance, not loss",
        "teslaa2011",
    ),
    rule(
        "girths-within-error",
        {F.girths_within_error},
        Status.not_supported,
        "girths measured over time are within tape measurement error",
        "teslaa2011",
    ),
    rule(
        "sides-within-error",
        {F.sides_within_error},
        Status.not_supported,
        "girths measured on both sides are within tape measurement error",
        "teslaa2011",
    ),
    rule(
        "not-measured",
        set(),
        Status.cannot_tell,
        "no girths, grip or validated muscle measures that decide it",
        "teslaa2011",
    ),
)


def _swollen_legs(ctx: Context, swollen: list[tuple[girth.Asymmetry, bool]]) -> frozenset[str]:
    """Sides of a leg that may be swollen: reported so, or the larger calf read as swelling."""
    sides: set[str] = {s.side for s in reported_leg_swelling(ctx) if s.side in ("left", "right")}
    sides |= {{"left": "right", "right": "left"}[a.thinner_side] for a, hit in swollen if hit and a.thinner_side}
    return frozenset(sides)


ARM_SITES = frozenset({"upper_arm", "forearm"})
"""Girth sites on an arm: a swollen leg says nothing about them."""


def _asymmetry_evidence(ctx: Context, found: set[F], flags: list[RedFlag]) -> list[Evidence]:
    out = []
    explained, reported = immobilised_calf_sides(ctx) | denervated_leg_sides(ctx), reported_leg_swelling(ctx)
    judged = [(a, _swelling(a, ctx.facts.site(a.kind), reported, explained)) for a in ctx.asymmetries]
    swollen_legs = _swollen_legs(ctx, judged)
    for a, swollen in judged:
        if swollen:
            found.add(F.swelling)
            if not any(f.code == "calf-swelling" for f in flags):
                flags.append(_swelling_flag(a, _asymmetry_value(a)))
        if a.beyond_error:
            out.append(_beyond_error(ctx, a, found, swollen, swollen_legs))
        else:
            out.append(_within_error(ctx, a, found))
    return out


def _asymmetry_value(a: girth.Asymmetry) -> str:
    return (
        f"left {quantity_text(a.left_cm, 'cm')}, right {quantity_text(a.right_cm, 'cm')} "
        f"(difference {quantity_text(a.difference_cm, 'cm')})"
    )


def _asymmetry_rule(a: girth.Asymmetry) -> str:
    return (
        f"asymmetry counts when the difference is at least the MDC95 ({quantity_text(a.mdc_cm, 'cm')}) "
        f"and {quantity_text(girth.ASYMMETRY_FLOOR_CM, 'cm')}"
    )


def _beyond_error(
    ctx: Context, a: girth.Asymmetry, found: set[F], swollen: bool, swollen_legs: frozenset[str]
) -> Evidence:
    """The evidence of one side-to-side difference beyond tape error, and its finding."""
    value, rule_text, site = _asymmetry_value(a), _asymmetry_rule(a), ctx.facts.site(a.kind)
    if a.lengths_equal is False:
        return Evidence(
            f"{a.label}: sides differ but limb lengths differ too",
            value,
            rule_text + "; unequal limb lengths point to a growth difference",
            "teslaa2011",
            Direction.against,
        )
    if site is not None and site.stable_difference:
        found.add(F.stable_asymmetry)
        return Evidence(
            f"{a.label}: the {a.thinner_side} side has been thinner since "
            f"{given(site.first_asymmetry).date.isoformat()} and neither side has fallen",
            value,
            "a stable difference is dominance or build (e.g. a racket arm), not muscle loss",
            "teslaa2011",
            Direction.against,
        )
    if swollen:
        larger = {"left": "right", "right": "left"}[given(a.thinner_side, "the thinner side")]
        return Evidence(
            f"{a.label}: the {larger} calf is larger beyond measurement error and may be swollen; "
            f"the {a.thinner_side} calf is not read as thinner",
            value,
            rule_text + "; swelling hides muscle loss in girths",
            "wells1997",
            Direction.neutral,
        )
    found.add(F.new_asymmetry)
    if swollen_legs and (a.site in ARM_SITES or a.thinner_side in swollen_legs):
        found.add(F.thinner_where_swollen)
    length = {True: "limb lengths equal: thinner, not shorter", None: "limb lengths not recorded"}[a.lengths_equal]
    return Evidence(
        f"{a.label}: {a.thinner_side} side thinner beyond measurement error{' (marked)' if a.marked else ''}; {length}",
        value,
        rule_text,
        "teslaa2011",
        Direction.supports,
    )


def _within_error(ctx: Context, a: girth.Asymmetry, found: set[F]) -> Evidence:
    value, rule_text = _asymmetry_value(a), _asymmetry_rule(a)
    if a.site == "calf" and legs_swollen(ctx, found):
        return Evidence(
            f"{a.label}: sides within measurement error, but the legs are swollen",
            value,
            f"{rule_text}; {SWOLLEN_CALF_RULE}",
            "barazzoni2022_glim_muscle",
            Direction.neutral,
        )
    found.add(F.sides_within_error)
    return Evidence(f"{a.label}: sides within measurement error", value, rule_text, "teslaa2011", Direction.against)


LEG_WORDS = ("calf", "leg", "shin", "ankle", "thigh", "knee", "foot")
"""Words of a recorded swelling's site that place it on a leg."""


def leg_swelling(ctx: Context) -> tuple[Symptom, ...]:
    """Swelling of a leg the record reports by ``ctx.on`` (by a site on a leg, or by a side)."""
    return tuple(
        s
        for s in ctx.record.symptoms
        if s.kind == "swelling"
        and (s.onset is None or s.onset <= ctx.on)
        and (any(w in s.site.lower() for w in LEG_WORDS) if s.site else s.side is not None)
    )


def reported_leg_swelling(ctx: Context) -> tuple[Symptom, ...]:
    """Swelling of one leg the record reports (not of both: that is oedema, not a possible clot)."""
    return tuple(s for s in leg_swelling(ctx) if s.side != "both")


NUMB_LEG_WORDS = ("foot", "feet", "leg", "calf", "calves", "thigh", "toe", "ankle", "knee")
"""Sites of a numbness symptom that take in a leg."""


def numb_legs(ctx: Context) -> str | None:
    """Why feeling in a leg is reduced on record (a spinal cord injury, a leg nerve injury with loss of feeling,
    numbness of the feet or legs), or None: a clot there may cause no pain (Consortium for Spinal Cord Medicine
    2016 [cscm2016_vte])."""
    if ctx.record.condition("spinal_cord_injury") is not None:
        return "a spinal cord injury is recorded"
    if any(
        c.kind == "peripheral_nerve_injury" and c.sensory_loss and c.side in denervated_leg_sides(ctx)
        for c in ctx.record.conditions
    ):
        return "a leg nerve injury with loss of feeling is recorded"
    numb = [s for s in ctx.record.symptoms if s.kind == "numbness"]
    if any(any(w in (s.site or "").lower() for w in NUMB_LEG_WORDS) for s in numb):
        return "numbness of the feet or legs is recorded"
    return None


def _numb_advice(flag: RedFlag, why: str) -> RedFlag:
    """The swelling flag for a leg with reduced feeling: pain cannot be waited for."""
    return dataclasses.replace(
        flag,
        advice=f"Feeling in the legs is reduced ({why}), so a clot may not hurt: a new swelling needs a clinician "
        "the same day, painful or not, and emergency care with breathlessness or chest pain.",
        citation="cscm2016_vte",
    )


def _reported_swelling_flag(swollen: tuple[Symptom, ...]) -> RedFlag:
    where = ", ".join(
        f"{s.side or 'one'} {s.site or 'leg'}" + (f" since {s.onset.isoformat()}" if s.onset else "") for s in swollen
    )
    return RedFlag(
        "calf-swelling",
        "A swollen leg on one side is reported: this can be a clot in a vein and hides muscle loss in girths.",
        "If the swelling is new, warm or painful, or comes with breathlessness, seek medical care the same day.",
        Urgency.urgent,
        (where,),
        "wells1997",
    )


LEG_IMMOBILISED = frozenset({"lower_leg", "ankle", "whole_leg"})
"""Immobilised limbs that take in the calf."""


def immobilised_calf_sides(ctx: Context) -> frozenset[str]:
    """Sides whose calf was in a cast, boot or brace within the episodes the limb cause weighs (still on, or
    off within about six months): a thinner calf there is disuse, so the larger one is not read as swollen."""
    return frozenset(
        e.side
        for e in ctx.record.episodes
        if e.kind == "immobilisation"
        and e.limb in LEG_IMMOBILISED
        and e.side is not None
        and e.start <= ctx.on
        and (e.end is None or (ctx.on - e.end).days <= RELEVANT_DAYS)
    )


def denervated_leg_sides(ctx: Context) -> frozenset[str]:
    """Sides of a recorded peripheral nerve injury of the leg (a nerve not of the arm, on one side): a thinner calf
    there is denervation wasting, as a thinner calf in a cast is disuse, so the larger one is not read as swollen."""
    from myoscope.causes.nerve import ARM_NERVES

    def arm(nerve: str | None) -> bool:
        words = (nerve or "").lower().replace("_", " ")
        return any(n.replace("_", " ") in words for n in ARM_NERVES)

    return frozenset(
        c.side
        for c in ctx.record.conditions
        if c.kind == "peripheral_nerve_injury" and c.side in ("left", "right") and not arm(c.nerve)
    )


def _swelling(
    a: girth.Asymmetry,
    site: SiteFacts | None,
    reported: tuple[Symptom, ...] = (),
    immobilised: frozenset[str] = frozenset(),
) -> bool:
    larger = {"left": "right", "right": "left"}.get(a.thinner_side or "")
    if a.site == "calf" and larger is not None and any(s.side == larger for s in reported):
        return True  # the larger calf is the one reported swollen
    if a.site != "calf" or a.difference_cm < CALF_SWELLING_CM or a.thinner_side in immobilised:
        return False
    if site is not None and site.stable_difference:
        return False
    return site is None or site.larger_side_swelled or Change.fell not in (site.left, site.right)


def _swelling_flag(a: girth.Asymmetry, value: str) -> RedFlag:
    return RedFlag(
        "calf-swelling",
        f"One calf is {quantity_text(a.difference_cm, 'cm')} larger than the other: this can be swelling "
        "(for example a clot in a vein) rather than muscle loss on the other side.",
        "If the larger calf is new, swollen, warm or painful, seek medical care the same day.",
        Urgency.urgent,
        (value,),
        "wells1997",
    )


CALF_INSTRUMENTS = frozenset({"calf-circumference", "sarc-calf"})
"""Instruments that read muscle mass from the calf girth."""
SWOLLEN_CALF_RULE = "swollen legs can hide low or falling muscle in the calf girth"
"""Why a calf girth that is not low, or did not fall, does not speak against loss while a leg is swollen
(Barazzoni et al. 2022 [barazzoni2022_glim_muscle])."""


def legs_swollen(ctx: Context, found: set[F]) -> bool:
    """A leg is reported swollen (one side or both), or a larger calf was read as swelling."""
    return F.swelling in found or bool(leg_swelling(ctx))


def _trend_evidence(ctx: Context, found: set[F]) -> list[Evidence]:
    out = []
    swollen = legs_swollen(ctx, found)
    for t in ctx.girth_trends:
        value = (
            f"{t.side} {quantity_text(t.start_cm, 'cm')} on {t.start.isoformat()} -> "
            f"{quantity_text(t.end_cm, 'cm')} on {t.end.isoformat()} ({t.percent:+.1f} %)"
        )
        rule_text = f"a fall of at least {100 * t.threshold_fraction:.1f} % counts as loss beyond measurement error"
        if t.loss_beyond_error:
            found.add(F.girth_fell)
            out.append(Evidence(f"{t.label} ({t.side}) fell beyond measurement error", value, rule_text, "teslaa2011"))
        elif swollen and t.kind == "calf_circumference":
            out.append(
                Evidence(
                    f"{t.label} ({t.side}) did not fall, but the legs are swollen",
                    value,
                    f"{rule_text}; {SWOLLEN_CALF_RULE}",
                    "barazzoni2022_glim_muscle",
                    Direction.neutral,
                )
            )
        else:
            found.add(F.girths_within_error)
            out.append(
                Evidence(
                    f"{t.label} ({t.side}) did not fall beyond measurement error",
                    value,
                    rule_text,
                    "teslaa2011",
                    Direction.against,
                )
            )
    return out


def _weight_evidence(ctx: Context, found: set[F]) -> list[Evidence]:
    """Weight lost beyond day-to-day variation (:data:`WEIGHT_LOSS_PERCENT` within 6 months, 'MUST')."""
    change = ctx.weight_change(6)
    if change is None or -change.percent < WEIGHT_LOSS_PERCENT:
        return []
    found.add(F.weight_loss)
    return [
        Evidence(
            "weight fell beyond day-to-day variation",
            f"{quantity_text(change.start_kg, 'kg')} on {change.start.isoformat()} -> "
            f"{quantity_text(change.end_kg, 'kg')} on {change.end.isoformat()} ({change.percent:+.1f} %)",
            f"a loss of {WEIGHT_LOSS_PERCENT:g} % or more within 6 months ('MUST'); muscle is often lost with it",
            "elia2003_must",
        )
    ]


def _grip_evidence(ctx: Context, found: set[F]) -> list[Evidence]:
    out = []
    for g in ctx.facts.grip:
        if g.fell:
            found.add(F.grip_fell)
            out.append(
                Evidence(
                    f"grip of the {g.side} hand fell",
                    f"{quantity_text(g.first_kg, 'kg')} on {g.first_date.isoformat()} -> "
                    f"{quantity_text(g.latest_kg, 'kg')} on {g.latest_date.isoformat()}",
                    f"a fall of {GRIP_MEANINGFUL_FALL_KG:g} kg or more is a meaningful change",
                    "bohannon2019",
                )
            )
        if g.low:
            found.add(F.weak_signal)
            out.append(
                Evidence(
                    f"grip of the {g.side} hand is below the cut-off for sex",
                    quantity_text(g.latest_kg, "kg"),
                    "EWGSOP2 low grip, judged hand by hand (a weak hand is not hidden by a strong one)",
                    "cruzjentoft2019",
                )
            )
    return out


def _instrument_evidence(ctx: Context, found: set[F]) -> tuple[list[Evidence], list[Scored]]:
    computed = [
        Scored(name, ctx.on, ctx.score_now(name, data))
        for name, data in {**instrument_inputs(ctx), **definition_inputs(ctx)}.items()
    ]
    names = {c.name for c in computed}
    answered = [s for s in latest_per_instrument(ctx.scores(domain="muscle")) if s.name not in names]
    out = []
    swollen = legs_swollen(ctx, found)
    for item in answered + computed:
        evidence = score_evidence(item)
        if swollen and item.name in CALF_INSTRUMENTS and evidence.direction is Direction.against:
            evidence = dataclasses.replace(
                evidence,
                rule=f"{evidence.rule.rstrip('. ')}; {SWOLLEN_CALF_RULE}",
                citation="barazzoni2022_glim_muscle",
                direction=Direction.neutral,
            )
        out.append(evidence)
        if not item.score.positive:
            continue
        definition = get_instrument(item.name).kind == "definition"
        if definition and isinstance(item.score.value, int) and item.score.value >= CONFIRMED_STAGE:
            found.add(F.definition_met)
        else:
            found.add(F.weak_signal)
    return out, answered + computed


def assess(ctx: Context) -> CauseAssessment:
    found: set[F] = set()
    reported = reported_leg_swelling(ctx)
    flags: list[RedFlag] = [_reported_swelling_flag(reported)] if reported else []
    evidence = _asymmetry_evidence(ctx, found, flags)
    if (why := numb_legs(ctx)) is not None:
        flags = [_numb_advice(f, why) if f.code == "calf-swelling" else f for f in flags]
    evidence += _trend_evidence(ctx, found)
    evidence += _weight_evidence(ctx, found)
    evidence += _grip_evidence(ctx, found)
    scored_evidence, scored = _instrument_evidence(ctx, found)
    evidence += scored_evidence
    decided = decide(RULES, found)
    status = decided.status
    missing = _missing(ctx)
    return CauseAssessment(
        cause=CAUSE,
        title=TITLE,
        status=status,
        summary=_summary(status),
        evidence=tuple(evidence),
        reversibility=Reversibility.not_applicable,
        red_flags=tuple(flags),
        next_steps=tuple(_next_steps(status, missing)),
        missing=tuple(missing) if status in (Status.cannot_tell, Status.possible) else (),
        charts=tuple(
            c
            for c in (
                measurement_chart(ctx, "body_weight"),
                measurement_chart(ctx, "calf_circumference", by_side=True),
                measurement_chart(ctx, "mid_thigh_circumference", by_side=True),
                measurement_chart(ctx, "mid_upper_arm_circumference", by_side=True),
                measurement_chart(ctx, "forearm_circumference", by_side=True),
                measurement_chart(ctx, "grip_strength", by_side=True),
                measurement_chart(ctx, "gait_speed"),
            )
            if c is not None
        ),
        tables=_tables(scored),
        citations=("teslaa2011", "tunc2007"),
        rules=(decided.id,),
    )


def _definition_row(instrument: Instrument, score: Score) -> tuple[str, str, str, str, str]:
    met = ", ".join(c.name for c in score.criteria if c.met) or "none"
    unmet = ", ".join(c.name for c in score.criteria if c.met is False) or "none"
    return instrument.title, score.category, met, unmet, "; ".join(score.missing) or "-"


def _instrument_row(instrument: Instrument, item: Scored) -> tuple[str, str, str, str, str]:
    score = item.score
    value = "" if score.value is None else value_text(instrument, score)
    cutoffs = "; ".join(f"{c.name}: {c.threshold}" for c in score.criteria if c.threshold) or "-"
    return instrument.title, item.date.isoformat(), value, cutoffs, score.category


def _tables(items: list[Scored]) -> tuple[Table, ...]:
    """Instruments with values, cut-offs and categories; the definitions side by side."""
    rows, definitions = [], []
    for item in items:
        instrument = get_instrument(item.name)
        if instrument.kind == "definition":
            definitions.append(_definition_row(instrument, item.score))
        else:
            rows.append(_instrument_row(instrument, item))
    out = []
    if rows:
        out.append(
            Table(
                "muscle-instruments",
                "Muscle instruments: values, cut-offs and categories",
                ("instrument", "date", "value", "cut-offs", "category"),
                tuple(rows),
            )
        )
    if definitions:
        out.append(
            Table(
                "sarcopenia-definitions",
                "Sarcopenia definitions side by side",
                ("definition", "category", "criteria met", "criteria not met", "missing to decide"),
                tuple(definitions),
            )
        )
    return tuple(out)


def _summary(status: Status) -> str:
    return {
        Status.likely: "Measurements show muscle loss beyond measurement error.",
        Status.possible: "Screening points to muscle loss; measurements are needed to confirm it.",
        Status.not_supported: "The measurements on record do not show muscle loss beyond measurement error.",
        Status.cannot_tell: "Not enough measurements to tell whether muscle is being lost.",
    }[status]


def _missing(ctx: Context) -> list[str]:
    missing = []
    if not ctx.asymmetries:
        missing.append("girths of both sides at the same landmark (calf, mid-thigh, mid-upper arm or forearm)")
    if not ctx.girth_trends:
        missing.append("the same girths again in 4 weeks (same observer, same landmark)")
    if not ctx.record.series("arm_length") and not ctx.record.series("leg_length"):
        missing.append("limb lengths of both sides (to show thinner, not shorter)")
    if not ctx.record.series("grip_strength"):
        missing.append("grip strength (best of trials, each side)")
    if not ctx.scores(name="sarc-f"):
        missing.append("SARC-F questionnaire")
    if not ctx.record.series("appendicular_lean_mass"):
        missing.append("appendicular lean mass (DXA or BIA) if strength is low")
    return missing


def _next_steps(status: Status, missing: list[str]) -> list[NextStep]:
    steps = [
        NextStep(f"Measure: {m}", "to settle whether muscle is being lost", "teslaa2011", StepKind.measure)
        for m in missing[:3]
    ]
    if status is Status.likely:
        steps.insert(
            0,
            NextStep(
                "Look for the cause below and repeat the girths in 4 weeks",
                "to see whether the loss continues",
                "teslaa2011",
                StepKind.measure,
            ),
        )
    return steps


SPEC = CauseSpec(
    CAUSE,
    TITLE,
    EXPLANATION,
    reads=("sites", "grip", "asymmetries", "girth_trends", "scores", "weight_change"),
    citations=("teslaa2011", "tunc2007", "wells1997", "bohannon2019", "cruzjentoft2019", "elia2003_must"),
    rules=RULES,
    assess=assess,
    order=0,
    findings=F,
    is_finding=True,
)
