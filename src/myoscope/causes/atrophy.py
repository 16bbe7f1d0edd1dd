"""Is muscle being lost? The finding every cause explains (not itself a cause).

Weighs girth asymmetry and girth loss against measurement error (``measures.girth``),
limb lengths (thinner but not shorter), validated muscle instruments and definitions in the
record, and weight change.
"""

from __future__ import annotations

from myoscope.causes._common import fmt, latest_per_instrument, measurement_chart, score_evidence
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
    Table,
    Urgency,
)
from myoscope.instruments import get as get_instrument
from myoscope.measures import girth
from myoscope.references import cite

CAUSE = "atrophy"
TITLE = "Muscle loss present?"
EXPLANATION = (
    "The finding that the causes explain. A limb that is thinner than the other side by more than "
    "tape measurement error, while limb lengths are equal, or a girth that falls over time beyond "
    "that error, shows muscle loss; so does a sarcopenia definition that is met. Screening tools "
    "(e.g. SARC-F) and weight loss make it possible and call for measurements."
)
CALF_SWELLING_CM = 3.0
"""A calf 3 cm or more larger than the other counts towards deep vein thrombosis in the Wells
score (Wells et al. 1997, Lancet, doi:10.1016/S0140-6736(97)08140-3): a larger calf is treated
as possible swelling, not as atrophy of the other side."""
SWELLING_CITATION = cite("wells1997")
CONFIRMED_STAGE = 2
"""Definition stages from 2 up (confirmed or severe sarcopenia; FNIH weakness with low lean mass)
show muscle loss; stage 1 (probable or possible sarcopenia, weakness alone) only suggests it."""


def assess(ctx: Context) -> CauseAssessment:
    evidence: list[Evidence] = []
    flags: list[RedFlag] = []
    strong = weak = measured = False
    for a in ctx.asymmetries:
        measured = True
        value = f"left {fmt(a.left_cm)} cm, right {fmt(a.right_cm)} cm (difference {fmt(a.difference_cm)} cm)"
        rule = (f"asymmetry counts when the difference is at least the MDC95 ({fmt(a.mdc_cm)} cm) and "
                f"{girth.ASYMMETRY_FLOOR_CM:g} cm")
        if a.beyond_error and a.lengths_equal is False:
            evidence.append(Evidence(f"{a.label}: sides differ but limb lengths differ too", value,
                                     rule + "; unequal limb lengths point to a growth difference",
                                     "teslaa2011", Direction.against))
        elif a.beyond_error:
            length = {True: "limb lengths equal: thinner, not shorter",
                      None: "limb lengths not recorded"}[a.lengths_equal]
            evidence.append(Evidence(f"{a.label}: {a.thinner_side} side thinner beyond measurement error"
                                     f"{' (marked)' if a.marked else ''}; {length}", value, rule, "teslaa2011"))
            strong = strong or a.lengths_equal is not False
        else:
            evidence.append(Evidence(f"{a.label}: sides within measurement error", value, rule, "teslaa2011",
                                     Direction.against))
        if a.site == "calf" and a.difference_cm >= CALF_SWELLING_CM:
            flags.append(RedFlag(
                "calf-swelling",
                f"One calf is {fmt(a.difference_cm)} cm larger than the other: this can be swelling "
                "(for example a clot in a vein) rather than muscle loss on the other side.",
                "If the larger calf is new, swollen, warm or painful, seek medical care the same day.",
                Urgency.urgent, (value,), "wells1997"))
    for t in ctx.girth_trends:
        measured = True
        value = (f"{t.side} {fmt(t.start_cm)} cm on {t.start.isoformat()} -> {fmt(t.end_cm)} cm on "
                 f"{t.end.isoformat()} ({t.percent:+.1f} %)")
        rule = f"a fall of at least {100 * t.threshold_fraction:.1f} % counts as loss beyond measurement error"
        if t.loss_beyond_error:
            strong = True
            evidence.append(Evidence(f"{t.label} ({t.side}) fell beyond measurement error", value, rule,
                                     "teslaa2011"))
        else:
            evidence.append(Evidence(f"{t.label} ({t.side}) did not fall beyond measurement error", value, rule,
                                     "teslaa2011", Direction.against))
    computed = [Scored(name, ctx.on, ctx.score_now(name, data)) for name, data in
                {**instrument_inputs(ctx), **definition_inputs(ctx)}.items()]
    names = {c.name for c in computed}
    answered = [s for s in latest_per_instrument(ctx.scores(domain="muscle")) if s.name not in names]
    for item in answered + computed:
        evidence.append(score_evidence(item))
        if item.score.positive is None:
            continue
        measured = True
        if item.score.positive:
            definition = get_instrument(item.name).kind == "definition"
            if definition and isinstance(item.score.value, int) and item.score.value >= CONFIRMED_STAGE:
                strong = True
            else:
                weak = True
    status = _status(strong, weak, measured)
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
        charts=tuple(c for c in (
            measurement_chart(ctx, "body_weight"),
            measurement_chart(ctx, "calf_circumference", by_side=True),
            measurement_chart(ctx, "mid_thigh_circumference", by_side=True),
            measurement_chart(ctx, "mid_upper_arm_circumference", by_side=True),
            measurement_chart(ctx, "forearm_circumference", by_side=True),
            measurement_chart(ctx, "grip_strength", by_side=True),
            measurement_chart(ctx, "gait_speed"),
        ) if c is not None),
        tables=_tables(answered + computed),
        citations=("teslaa2011", "tunc2007"),
    )


def _tables(items: list[Scored]) -> tuple[Table, ...]:
    """Instruments with values, cut-offs and categories; the definitions side by side."""
    rows, definitions = [], []
    for item in items:
        instrument = get_instrument(item.name)
        score = item.score
        value = "" if score.value is None else f"{score.value}{' ' + score.unit if score.unit else ''}"
        if instrument.kind == "definition":
            met = ", ".join(c.name for c in score.criteria if c.met) or "none"
            unmet = ", ".join(c.name for c in score.criteria if c.met is False) or "none"
            definitions.append((instrument.title, score.category, met, unmet, "; ".join(score.missing) or "-"))
        else:
            cutoffs = "; ".join(f"{c.name}: {c.threshold}" for c in score.criteria if c.threshold) or "-"
            rows.append((instrument.title, item.date.isoformat(), value, cutoffs, score.category))
    out = []
    if rows:
        out.append(Table("muscle-instruments", "Muscle instruments: values, cut-offs and categories",
                         ("instrument", "date", "value", "cut-offs", "category"), tuple(rows)))
    if definitions:
        out.append(Table("sarcopenia-definitions", "Sarcopenia definitions side by side",
                         ("definition", "category", "criteria met", "criteria not met", "missing to decide"),
                         tuple(definitions)))
    return tuple(out)


def _status(strong: bool, weak: bool, measured: bool) -> Status:
    if strong:
        return Status.likely
    if weak:
        return Status.possible
    return Status.not_supported if measured else Status.cannot_tell


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
    steps = [NextStep(f"Measure: {m}", "to settle whether muscle is being lost") for m in missing[:3]]
    if status is Status.likely:
        steps.insert(0, NextStep("Look for the cause below and repeat the girths in 4 weeks",
                                 "to see whether the loss continues"))
    return steps
