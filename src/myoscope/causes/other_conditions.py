"""Other conditions on record: diagnoses outside the causes above that are known to waste muscle.

Recorded conditions of kind ``other`` are matched by SNOMED CT code or name against a cited table
(:mod:`myoscope.causes._condition_table`); a condition the table does not know is shown "on record,
not weighed", so nothing on the record is silently dropped. Weight loss while the recorded intake
covers the need is "unexplained" and a red flag of its own.
"""

from __future__ import annotations

from enum import Enum

from myoscope.causes._condition_table import TABLE, TABLE_CITATIONS, ConditionEntry, Pattern, match
from myoscope.causes._context import Context
from myoscope.causes._nutrition_inputs import recent_illness
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
from myoscope.instruments.must import WEIGHT_LOSS_LOW_BELOW as UNEXPLAINED_LOSS_PERCENT
from myoscope.measures.body import WeightChange
from myoscope.precision import count_text
from myoscope.record import Condition
from myoscope.units import months_before

CAUSE = "other_conditions"
TITLE = "Other conditions on record"
EXPLANATION = (
    "Many conditions besides the ones above waste muscle: a stroke (the weak side), Guillain-Barré syndrome, "
    "diseases of muscle, cancer and other causes of cachexia, heart failure, COPD, chronic kidney disease, an "
    "overactive thyroid, long-term corticosteroids, critical illness, and primary sarcopenia of ageing. "
    "myoscope matches each recorded condition by SNOMED CT code or name against a cited table and checks "
    "whether the findings fit it (one-sided weakness after a stroke; weight loss with cachexia). A condition "
    "the table does not know is listed as on record but not weighed. Weight loss while recorded intake "
    "covers the need is unexplained and needs a medical review."
)
KNOWN_KINDS = ("spinal_cord_injury", "peripheral_nerve_injury", "als", "multiple_sclerosis")
"""Condition kinds weighed by their own causes."""


class F(str, Enum):
    condition_fits = "a recorded condition known to waste muscle, and the findings fit it"
    condition_on_record = "a recorded condition known to waste muscle"
    unexplained_weight_loss = "weight loss although recorded intake covers the need"
    unknown_condition = "a recorded condition the table does not know"
    asked_none = "conditions asked: none outside the other causes"


RULES = (
    rule(
        "condition-fits-pattern",
        {F.condition_fits},
        Status.likely,
        "a recorded condition known to waste muscle explains the pattern found",
        "cruzjentoft2019",
        basis=Basis.recorded_condition,
    ),
    rule(
        "condition-on-record",
        {F.condition_on_record},
        Status.possible,
        "a recorded condition known to waste muscle; the findings do not yet show its pattern",
        "cruzjentoft2019",
        basis=Basis.recorded_condition,
    ),
    rule(
        "unexplained-weight-loss",
        {F.unexplained_weight_loss},
        Status.possible,
        f"weight loss of {UNEXPLAINED_LOSS_PERCENT:g} % or more although intake covers the need: unexplained",
        "evans2008",
        basis=Basis.specific_pattern,
    ),
    rule(
        "unknown-condition",
        {F.unknown_condition},
        Status.cannot_tell,
        "a condition on record that the table does not weigh: a clinician should judge it",
        "cruzjentoft2019",
    ),
    rule(
        "asked-none",
        {F.asked_none},
        Status.not_supported,
        "conditions asked: none outside the other causes",
        "cruzjentoft2019",
    ),
    rule("not-recorded", set(), Status.cannot_tell, "conditions not recorded", "cruzjentoft2019"),
)


def _one_sided(ctx: Context, condition: Condition, loss: bool) -> bool:
    side = condition.side if condition.side in ("left", "right") else None
    weak = any(s.kind == "weakness" and s.side in ("left", "right") for s in ctx.record.symptoms)
    thinner = {a.thinner_side for a in ctx.asymmetries if a.beyond_error}
    return weak or loss or (side in thinner if side else bool(thinner))


def _fits(ctx: Context, entry: ConditionEntry, condition: Condition) -> bool:
    """Whether the findings fit the pattern the table gives for the condition."""
    atrophy = ctx.results.get("atrophy")
    status = atrophy.status if atrophy is not None else Status.cannot_tell
    loss = status in (Status.likely, Status.possible)
    if entry.pattern is Pattern.one_sided:
        return _one_sided(ctx, condition, loss)
    if entry.pattern is Pattern.weight_loss:
        change = ctx.weight_change(6)
        return loss or (change is not None and -change.percent >= UNEXPLAINED_LOSS_PERCENT)
    if entry.pattern is Pattern.weakness:
        return loss or ctx.facts.has_symptom("weakness") is True
    return status is Status.likely


def _unexplained_weight_loss(ctx: Context, found: set[F]) -> bool:
    """Weight loss with adequate intake that no recorded condition of the table explains."""
    deficit = ctx.results.get("calorie_deficit")
    explained = _loss_explained_by_condition(ctx)
    return deficit is not None and "weight-loss-despite-intake" in deficit.rules and not explained


REVIEW_WINDOW_MONTHS = 12
"""Weight loss of :data:`UNEXPLAINED_LOSS_PERCENT` (5 %) or more over 6-12 months is clinically important
and warrants a search for its cause (McMinn, Steel, Bowman 2011, BMJ 342:d1732, [mcminn2011])."""

_EXPLAINED_BY_INTAKE = ("intake-and-weight", "weight-loss-despite-intake")
"""Calorie-deficit rules under which the record already accounts for the loss (a recorded deficit) or
another flag already names it (loss although intake covers the need)."""


def _unaccounted_weight_loss(ctx: Context) -> WeightChange | None:
    """A 5 % or greater loss within 12 months that nothing recorded explains and no other flag names.

    A recorded intake below need explains the loss; a recorded condition of the table that wastes
    weight explains it; a loss severe by GLIM already carries the ``rapid-weight-loss`` flag (which
    asks for the same review) and a loss despite adequate intake carries ``unexplained-weight-loss``.
    """
    deficit = ctx.results.get("calorie_deficit")
    if deficit is None or any(r in deficit.rules for r in _EXPLAINED_BY_INTAKE):
        return None
    if any(f.code == "rapid-weight-loss" for f in deficit.red_flags) or _loss_explained_by_condition(ctx):
        return None
    change = ctx.weight_change(REVIEW_WINDOW_MONTHS)
    if change is None or -change.percent < UNEXPLAINED_LOSS_PERCENT:
        return None
    return change


WASTING_ILLNESS = frozenset({"critical_illness"})
"""Conditions of the table whose own course loses weight with the muscle, though the pattern they are matched
by is weakness: critical illness (rapid muscle wasting in intensive care, De Jonghe et al. 2002)."""


def _recent_spinal_cord_injury(ctx: Context) -> bool:
    """A spinal cord injury dated within the window the loss is judged over (:data:`REVIEW_WINDOW_MONTHS`):
    paralysed muscle wastes fast in the first months (Castro et al. 1999 [castro1999]: 12-24 % of the
    cross-section of thigh and calf muscles between about 6 and 24 weeks), so the loss has a recorded cause.
    An injury of longer standing does not explain a new loss: the wasting of paralysed muscle is stable
    from the third year (Kern et al. 2008 [kern2008]), and the interval between is not described."""
    injury = ctx.record.condition("spinal_cord_injury")
    if injury is None or injury.onset is None:
        return False
    return months_before(ctx.on, REVIEW_WINDOW_MONTHS) <= injury.onset <= ctx.on


def _loss_explained_by_condition(ctx: Context) -> bool:
    """A recorded condition that wastes weight, a critical illness, a recent acute illness episode, ALS or a
    recorded swallowing problem (weight loss is part of ALS and of dysphagia, and NICE NG42 [nice_ng42] asks for
    weight and nutrition to be reviewed with them: the ALS cause and the swallowing red flag already send the
    person to a clinician, so "nothing recorded explains it" would be untrue)."""
    if recent_illness(ctx) or ctx.record.condition("als") is not None or ctx.facts.has_symptom("swallowing_difficulty"):
        return True
    if _recent_spinal_cord_injury(ctx):
        return True
    return any(
        e is not None and (e.pattern is Pattern.weight_loss or e.key in WASTING_ILLNESS)
        for e in (match(c.snomed, c.name) for c in ctx.record.conditions if c.kind not in KNOWN_KINDS)
    )


def _unaccounted_flag(
    change: WeightChange, evidence: list[Evidence], flags: list[RedFlag], steps: list[NextStep]
) -> None:
    text = f"{change.percent:+.1f} % in {count_text(change.days, 'day')}"
    evidence.append(
        Evidence(
            "weight loss that nothing recorded explains",
            text,
            f"a loss of {UNEXPLAINED_LOSS_PERCENT:g} % or more within 6-12 months is clinically important; "
            "no recorded intake deficit or condition accounts for it",
            "mcminn2011",
        )
    )
    flags.append(
        RedFlag(
            "unaccounted-weight-loss",
            f"Weight fell {-change.percent:.1f} % and nothing recorded explains it: a loss of "
            f"{UNEXPLAINED_LOSS_PERCENT:g} % or more within 6-12 months needs a medical review.",
            "See a doctor soon to find the cause of the weight loss.",
            Urgency.soon,
            (text,),
            "mcminn2011",
        )
    )
    steps.append(
        NextStep(
            "Medical review to find the cause of the weight loss",
            f"{-change.percent:.1f} % weight loss that nothing recorded explains",
            "mcminn2011",
            StepKind.referral,
        )
    )


def _condition_rows(
    ctx: Context, found: set[F], evidence: list[Evidence], steps: list[NextStep]
) -> list[tuple[str, str, str, str]]:
    rows: list[tuple[str, str, str, str]] = []
    for c in ctx.record.conditions:
        if c.kind in KNOWN_KINDS:
            continue
        name = c.name or c.kind
        entry = match(c.snomed, c.name)
        onset = c.onset.isoformat() if c.onset else "onset not recorded"
        if entry is None:
            found.add(F.unknown_condition)
            evidence.append(
                Evidence(
                    f"{name}: on record, not weighed",
                    onset,
                    "not in the table of conditions known to waste muscle; a clinician should "
                    "judge whether it contributes",
                    "cruzjentoft2019",
                    Direction.neutral,
                )
            )
            rows.append((name, c.snomed or "-", "on record, not weighed", "-"))
            continue
        fits = _fits(ctx, entry, c)
        found.add(F.condition_fits if fits and entry.basis is Basis.recorded_condition else F.condition_on_record)
        evidence.append(
            Evidence(
                f"{name} ({entry.label})",
                onset,
                entry.mechanism
                + (
                    f"; the findings fit ({entry.pattern.value})"
                    if fits
                    else f"; pattern that would fit: {entry.pattern.value}"
                ),
                entry.citation,
                Direction.supports if fits else Direction.neutral,
            )
        )
        steps.append(NextStep(entry.next_step, f"{entry.label} is on record", entry.citation, StepKind.referral))
        rows.append((name, c.snomed or "-", entry.label, "fits" if fits else "not shown yet"))
    return rows


def assess(ctx: Context) -> CauseAssessment:
    found: set[F] = set()
    evidence: list[Evidence] = []
    steps: list[NextStep] = []
    flags: list[RedFlag] = []
    rows = _condition_rows(ctx, found, evidence, steps)
    if _unexplained_weight_loss(ctx, found):
        found.add(F.unexplained_weight_loss)
        change = ctx.weight_change(6)
        text = f"{change.percent:+.1f} % in {count_text(change.days, 'day')}" if change else "weight falling"
        evidence.append(
            Evidence(
                "weight loss not explained by intake",
                text,
                "weight falls although recorded intake covers the estimated need",
                "evans2008",
            )
        )
        flags.append(
            RedFlag(
                "unexplained-weight-loss",
                "Weight is falling although the recorded food intake covers the estimated need: this "
                "needs a medical review to find the cause.",
                "See a doctor soon about unexplained weight loss.",
                Urgency.soon,
                (text,),
                "evans2008",
            )
        )
        steps.append(
            NextStep(
                "Medical review of unexplained weight loss",
                "weight loss with adequate intake",
                "evans2008",
                StepKind.referral,
            )
        )
    unaccounted = _unaccounted_weight_loss(ctx)
    if unaccounted is not None:
        _unaccounted_flag(unaccounted, evidence, flags, steps)
    if not rows and ctx.facts.was_asked("conditions"):
        found.add(F.asked_none)
        evidence.append(
            Evidence(
                "no condition on record outside the causes above",
                "asked: none",
                "the table of conditions known to waste muscle has nothing to weigh",
                "cruzjentoft2019",
                Direction.against,
            )
        )
    decided = decide(RULES, found)
    missing: tuple[str, ...] = ()
    if decided.status is Status.cannot_tell:
        missing = (
            "a clinician's view of the conditions on record"
            if rows
            else "ask: any long-term conditions, recent serious illness or long-term medicines?",
        )
    tables = (
        (
            Table(
                "other-conditions",
                "Conditions on record outside the causes above",
                ("condition", "SNOMED CT", "weighed as", "pattern"),
                tuple(rows),
            ),
        )
        if rows
        else ()
    )
    summary = {
        Status.likely: "A recorded condition known to waste muscle explains the findings.",
        Status.possible: "A recorded condition or unexplained weight loss may explain the muscle loss.",
        Status.not_supported: "No other condition on record.",
        Status.cannot_tell: "Conditions are not recorded, or one on record is not weighed.",
    }[decided.status]
    return CauseAssessment(
        CAUSE,
        TITLE,
        decided.status,
        summary,
        tuple(evidence),
        Reversibility.underlying,
        tuple(flags),
        tuple(steps),
        missing,
        tables=tables,
        citations=(*TABLE_CITATIONS, "mcminn2011"),
        basis=decided.basis,
        rules=(decided.id,),
    )


SPEC = CauseSpec(
    CAUSE,
    TITLE,
    EXPLANATION,
    reads=("conditions", "symptoms", "asymmetries", "weight_change"),
    citations=TABLE_CITATIONS,
    rules=RULES,
    assess=assess,
    depends=("atrophy", "calorie_deficit"),
    order=90,
    findings=F,
    extra={"table": TABLE},
)
