"""Peripheral nerve injury: paralysis or loss of feeling in a nerve's territory.

With a nerve injury on record: the muscles of that nerve are expected to waste; MRC grades, the
nerve pattern and a thinner limb on that side support it. Without one: an MRC weakness pattern that
fits a single nerve needs evaluation.
"""

from __future__ import annotations

from myoscope.causes._common import fmt, score_evidence
from myoscope.causes._context import Context
from myoscope.causes._types import CauseAssessment, Direction, Evidence, NextStep, Reversibility, Status

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


def assess(ctx: Context) -> CauseAssessment:
    condition = ctx.record.condition("peripheral_nerve_injury")
    evidence: list[Evidence] = []
    for item in [s for s in ctx.scores(domain="nerve")]:
        evidence.append(score_evidence(item))
    pattern = ctx.latest("nerve-pattern")
    if condition is None:
        if pattern is not None and pattern.score.positive:
            return CauseAssessment(CAUSE, "Weakness pattern of one nerve", Status.possible,
                                   "The weakness fits one nerve's muscles: needs evaluation (not a diagnosis).",
                                   tuple(evidence), Reversibility.mixed,
                                   next_steps=(NextStep("Medical review; nerve conduction studies and EMG",
                                                        "to locate the problem", "mrc1976"),),
                                   citations=CITATIONS)
        evidence.append(Evidence("no peripheral nerve injury in the record", "none",
                                 "this cause needs a recorded injury or a single-nerve weakness pattern", None,
                                 Direction.against))
        return CauseAssessment(CAUSE, TITLE, Status.not_supported, "No nerve injury and no single-nerve weakness "
                               "pattern on record.", tuple(evidence), Reversibility.mixed, citations=CITATIONS)
    nerve = (condition.nerve or "nerve not named").replace("_", " ")
    evidence.insert(0, Evidence(f"{nerve} nerve injury ({condition.side or 'side not recorded'})",
                                condition.onset.isoformat() if condition.onset else "onset not recorded",
                                "a denervated muscle wastes", "mrc1976"))
    if condition.sensory_loss:
        evidence.append(Evidence("loss of feeling in the nerve's territory", "reported",
                                 "numb skin is at risk of unnoticed injury", None, Direction.neutral))
    girths = ARM_GIRTHS if (condition.nerve or "") in ARM_NERVES else LEG_GIRTHS
    for a in ctx.asymmetries:
        if a.kind in girths and condition.side in ("left", "right"):
            same = a.beyond_error and a.thinner_side == condition.side
            evidence.append(Evidence(f"{a.label}: {a.thinner_side} side thinner" if a.thinner_side else a.label,
                                     f"left {fmt(a.left_cm)} cm, right {fmt(a.right_cm)} cm",
                                     "the injured side thinner beyond measurement error supports denervation atrophy",
                                     "teslaa2011", Direction.supports if same else Direction.neutral))
    missing = () if ctx.scores(domain="nerve") else (
        "MRC power grades of the muscles of the injured nerve and of the other side",)
    steps = (NextStep("Follow-up with the treating team; nerve conduction studies and EMG to judge recovery", "",
                      "mrc1976"),
             NextStep("Keep joints moving, protect numb skin, and retrain muscles as power returns", ""))
    return CauseAssessment(CAUSE, TITLE, Status.likely,
                           f"A {nerve} nerve injury is on record: its muscles are expected to waste.",
                           tuple(evidence), Reversibility.mixed, (), steps, missing, citations=CITATIONS)
