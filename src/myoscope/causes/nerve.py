"""Peripheral nerve injury: paralysis or loss of feeling in a nerve's territory.

With a nerve injury on record: the muscles of that nerve are expected to waste; MRC grades, the
nerve pattern and a thinner limb on that side support it. Without one: an MRC weakness pattern that
fits a single nerve needs evaluation.
"""

from __future__ import annotations

from enum import Enum

from myoscope.causes._common import asked_text, score_evidence
from myoscope.causes._context import Context
from myoscope.causes._types import (
    Basis,
    CauseAssessment,
    Direction,
    Evidence,
    NextStep,
    Reversibility,
    Status,
    StepKind,
)
from myoscope.causes.contract import CauseSpec, decide, rule
from myoscope.criteria.nerve_pattern import NOT_SINGLE, SEVERAL, SINGLE_NERVE, SINGLE_ROOT
from myoscope.precision import quantity_text
from myoscope.record import Condition

CAUSE = "nerve_injury"
TITLE = "Peripheral nerve injury"
EXPLANATION = (
    "A damaged peripheral nerve leaves the muscles it supplies paralysed or weak, and its skin numb; "
    "denervated muscle wastes quickly. myoscope weighs the recorded injury, MRC power grades by muscle and "
    "side, which nerve's muscles the weakness fits, and whether the limb on that side is thinner. Recovery "
    "depends on the nerve regrowing; numb skin needs protecting."
)
CITATIONS = ("mrc1976",)
ARM_GIRTHS = ("forearm_circumference", "mid_upper_arm_circumference")
LEG_GIRTHS = ("calf_circumference", "mid_thigh_circumference")
ARM_NERVES = ("radial", "median", "ulnar", "musculocutaneous", "axillary", "brachial_plexus")


class F(str, Enum):
    injury_recorded = "a peripheral nerve injury is recorded"
    single_nerve_pattern = "MRC weakness fits one nerve's muscles"
    asked_none = "conditions asked: none"


RULES = (
    rule(
        "injury-on-record",
        {F.injury_recorded},
        Status.likely,
        "a denervated muscle wastes",
        "mrc1976",
        basis=Basis.recorded_condition,
    ),
    rule(
        "single-nerve-pattern",
        {F.single_nerve_pattern},
        Status.possible,
        "weakness that fits one nerve needs evaluation",
        "mrc1976",
        basis=Basis.specific_pattern,
    ),
    rule(
        "asked-none",
        {F.asked_none},
        Status.not_supported,
        "conditions asked: no nerve injury, and no single-nerve weakness pattern",
        "mrc1976",
    ),
    rule("not-recorded", set(), Status.cannot_tell, "conditions and MRC grades not recorded", "mrc1976"),
)


_PATTERN_TEXT = {
    SINGLE_NERVE: (
        "Weakness pattern of one nerve",
        "The weakness fits one nerve's muscles: needs evaluation (not a diagnosis).",
    ),
    SINGLE_ROOT: (
        "Weakness pattern of one nerve root",
        "The weakness fits one nerve root's muscles: needs evaluation (not a diagnosis).",
    ),
    SEVERAL: (
        "Weakness pattern of a nerve or root",
        "The weakness fits more than one nerve or root equally: needs evaluation (not a diagnosis).",
    ),
    NOT_SINGLE: (
        "Weakness pattern of the nerves",
        "The weakness does not fit one nerve's muscles: needs neurological evaluation (not a diagnosis).",
    ),
}
"""The card's title and summary by the weakness pattern found (its category)."""


def _without_injury(ctx: Context, evidence: list[Evidence]) -> CauseAssessment:
    pattern = ctx.latest("nerve-pattern")
    if pattern is not None and pattern.score.positive:
        decided = decide(RULES, {F.single_nerve_pattern})
        title, summary = _PATTERN_TEXT.get(pattern.score.category, _PATTERN_TEXT[SINGLE_NERVE])
        return CauseAssessment(
            CAUSE,
            title,
            decided.status,
            summary,
            tuple(evidence),
            Reversibility.mixed,
            next_steps=(
                NextStep(
                    "Medical review; nerve conduction studies and EMG",
                    "to locate the problem",
                    "mrc1976",
                    StepKind.referral,
                ),
            ),
            citations=CITATIONS,
            basis=decided.basis,
            rules=(decided.id,),
        )
    decided = decide(RULES, {F.asked_none} if ctx.facts.was_asked("conditions") else set())
    asked = decided.status is Status.not_supported
    evidence.append(
        Evidence(
            "no peripheral nerve injury in the record",
            asked_text(asked, ctx.record.conditions, "conditions"),
            "this cause needs a recorded injury or a single-nerve weakness pattern",
            "mrc1976",
            Direction.against,
        )
    )
    return CauseAssessment(
        CAUSE,
        TITLE,
        decided.status,
        "No nerve injury and no single-nerve weakness pattern on record."
        if asked
        else "The record does not say whether a nerve was injured.",
        tuple(evidence),
        Reversibility.mixed,
        citations=CITATIONS,
        missing=()
        if asked
        else ("ask: any nerve injury (which nerve, side, date)?", "MRC power grades of weak muscles, both sides"),
        rules=(decided.id,),
    )


def _girth_evidence(ctx: Context, condition: Condition) -> list[Evidence]:
    girths = ARM_GIRTHS if (condition.nerve or "") in ARM_NERVES else LEG_GIRTHS
    out = []
    for a in ctx.asymmetries:
        if a.kind in girths and condition.side in ("left", "right"):
            same = a.beyond_error and a.thinner_side == condition.side
            out.append(
                Evidence(
                    f"{a.label}: {a.thinner_side} side thinner" if a.thinner_side else a.label,
                    f"left {quantity_text(a.left_cm, 'cm')}, right {quantity_text(a.right_cm, 'cm')}",
                    "the injured side thinner beyond measurement error supports denervation atrophy",
                    "teslaa2011",
                    Direction.supports if same else Direction.neutral,
                )
            )
    return out


def assess(ctx: Context) -> CauseAssessment:
    condition = ctx.record.condition("peripheral_nerve_injury")
    evidence: list[Evidence] = [score_evidence(item) for item in ctx.scores(domain="nerve")]
    if condition is None:
        return _without_injury(ctx, evidence)
    nerve = (condition.nerve or "nerve not named").replace("_", " ")
    evidence.insert(
        0,
        Evidence(
            f"{nerve} nerve injury ({condition.side or 'side not recorded'})",
            condition.onset.isoformat() if condition.onset else "onset not recorded",
            "a denervated muscle wastes",
            "mrc1976",
        ),
    )
    if condition.sensory_loss:
        evidence.append(
            Evidence(
                "loss of feeling in the nerve's territory",
                "reported",
                "numb skin is at risk of unnoticed injury",
                "mrc1976",
                Direction.neutral,
            )
        )
    evidence += _girth_evidence(ctx, condition)
    missing = (
        ()
        if ctx.scores(domain="nerve")
        else ("MRC power grades of the muscles of the injured nerve and of the other side",)
    )
    steps = (
        NextStep(
            "Follow-up with the treating team; nerve conduction studies and EMG to judge recovery",
            "",
            "mrc1976",
            StepKind.referral,
        ),
        NextStep(
            "Keep joints moving, protect numb skin, and retrain muscles as power returns",
            "retraining is graded by the MRC power grade of each muscle",
            "mrc1976",
            StepKind.limb_retraining,
        ),
    )
    decided = decide(RULES, {F.injury_recorded})
    return CauseAssessment(
        CAUSE,
        TITLE,
        decided.status,
        f"Nerve injury on record ({nerve}): its muscles are expected to waste.",
        tuple(evidence),
        Reversibility.mixed,
        (),
        steps,
        missing,
        citations=CITATIONS,
        basis=decided.basis,
        rules=(decided.id,),
    )


SPEC = CauseSpec(
    CAUSE,
    TITLE,
    EXPLANATION,
    reads=("conditions", "scores", "asymmetries"),
    citations=CITATIONS,
    rules=RULES,
    assess=assess,
    depends=("atrophy",),
    order=60,
    findings=F,
)
