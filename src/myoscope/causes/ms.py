"""Multiple sclerosis: walking disability, relapses and confirmed progression — or, without that
diagnosis, a pattern that needs neurological evaluation."""

from __future__ import annotations

from enum import Enum

from myoscope.causes._common import asked_text, score_evidence
from myoscope.causes._context import Context, Scored
from myoscope.causes._neuro import has, score_chart, split_flags, symptom
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
from myoscope.criteria import neuro_flags
from myoscope.instruments.api import given
from myoscope.precision import count_text
from myoscope.record import Condition

CAUSE = "multiple_sclerosis"
TITLE = "Multiple sclerosis"
PATTERN_TITLE = "Central nervous system symptom pattern"
EXPLANATION = (
    "In multiple sclerosis the immune system attacks the myelin of the brain and spinal cord; it runs "
    "in relapses or progresses steadily and can end walking. Muscles waste from weakness and from disuse. "
    "For a person with the diagnosis myoscope follows EDSS, PDDS and the MS Walking Scale over visits, "
    "the relapse log, and confirmed disability progression. For anyone else it looks only for symptom "
    "patterns that need a neurological evaluation. It never diagnoses."
)
CITATIONS = ("kurtzke1983", "nice_ng220", "lublin2014")
RELAPSE_WINDOW_DAYS = 365
"""Relapses counted over the last year (our reporting window)."""
RECENT_RELAPSE_DAYS = 30
"""A relapse dated within the last 30 days raises a flag to contact the MS team (our window; NICE NG220
asks that relapses are assessed and managed promptly by the MS service)."""


class F(str, Enum):
    diagnosed = "multiple sclerosis is recorded"
    cns_pattern = "a pattern of central nervous system symptoms"
    symptoms_asked = "symptoms asked: no such pattern"


RULES = (
    rule(
        "diagnosed",
        {F.diagnosed},
        Status.likely,
        "weakness and disuse in MS waste muscle",
        "kurtzke1983",
        basis=Basis.recorded_condition,
    ),
    rule(
        "cns-pattern",
        {F.cns_pattern},
        Status.possible,
        "presentations NICE NG220 asks clinicians to recognise (balance problems alone do not count)",
        "nice_ng220",
        basis=Basis.specific_pattern,
    ),
    rule(
        "symptoms-asked",
        {F.symptoms_asked},
        Status.not_supported,
        "symptoms recorded without such a pattern",
        "nice_ng220",
    ),
    rule("not-recorded", set(), Status.cannot_tell, "symptoms not recorded", "nice_ng220"),
)


def assess(ctx: Context) -> CauseAssessment:
    if ctx.record.has_condition("multiple_sclerosis"):
        return _diagnosed(ctx)
    vision = symptom(ctx, "vision_loss")
    flags = neuro_flags.ms_pattern_flags(
        vision_loss_one_eye_painful=None
        if vision is None
        else (vision.side in ("left", "right") and vision.painless is False),
        balance_problems=has(ctx, "balance_problem"),
    )
    red, steps = split_flags(flags)
    if red:
        decided = decide(RULES, {F.cns_pattern})
        return CauseAssessment(
            CAUSE,
            PATTERN_TITLE,
            decided.status,
            "Symptoms form a pattern that needs neurological evaluation (not a diagnosis).",
            tuple(Evidence(f.message, "; ".join(f.evidence), "NICE NG220 recognition", f.citation) for f in red),
            Reversibility.underlying,
            tuple(red),
            tuple(steps),
            citations=CITATIONS,
            basis=decided.basis,
            rules=(decided.id,),
        )
    decided = decide(RULES, {F.symptoms_asked} if ctx.facts.was_asked("symptoms") else set())
    asked = decided.status is Status.not_supported
    return CauseAssessment(
        CAUSE,
        PATTERN_TITLE,
        decided.status,
        "No diagnosis of multiple sclerosis and no pattern of central nervous system symptoms on record."
        if asked
        else "The record does not list symptoms to judge.",
        (
            Evidence(
                "no multiple sclerosis diagnosis and no symptom pattern in the record",
                asked_text(asked, ctx.record.symptoms, "symptoms"),
                "NICE NG220 recognition",
                "nice_ng220",
                Direction.against,
            ),
        ),
        reversibility=Reversibility.underlying,
        citations=CITATIONS,
        missing=()
        if asked
        else (
            "ask: loss of vision in one eye, double vision, numbness or "
            "weakness spreading over days, balance problems?",
        ),
        rules=(decided.id,),
    )


def _diagnosed(ctx: Context) -> CauseAssessment:
    condition = given(ctx.record.condition("multiple_sclerosis"), "the MS condition")  # only when recorded
    course = (condition.course or "course not recorded").replace("_", " ")
    evidence = [
        Evidence(
            "multiple sclerosis is recorded", course, "immune attack on myelin; weakness and disuse", "kurtzke1983"
        )
    ]
    recent = [r for r in condition.relapses if 0 <= (ctx.on - r).days <= RELAPSE_WINDOW_DAYS]
    evidence.append(
        Evidence(
            "relapses in the last 12 months",
            count_text(len(recent), "relapse"),
            "relapses add disability",
            "lublin2014",
        )
    )
    flags = _relapse_flags(ctx, condition)
    missing: list[str] = []
    charts: list[Chart] = []
    for name in ("edss", "pdds", "msws-12"):
        latest = ctx.latest(name)
        if latest is None:
            missing.append(
                {
                    "edss": "EDSS (functional systems and ambulation)",
                    "pdds": "PDDS",
                    "msws-12": "MS Walking Scale (MSWS-12)",
                }[name]
            )
        else:
            evidence.append(score_evidence(latest))
    edss = [s for s in ctx.scores(name="edss") if s.score.value is not None]
    if len(edss) >= 2:
        cdp = ctx.score_now(
            "cdp",
            {
                "visits": [{"edss": s.score.value, "date": s.date.isoformat()} for s in edss],
                "relapses": [r.isoformat() for r in condition.relapses],
            },
        )
        evidence.append(score_evidence(Scored("cdp", ctx.on, cdp)))
        charts.append(
            Chart(
                "edss-trend",
                "EDSS over visits",
                "EDSS",
                (Series("EDSS", tuple(s.date for s in edss), tuple(float(s.score.value) for s in edss)),),
                markers=tuple((r, "relapse") for r in condition.relapses),
            )
        )
    gait = score_chart(ctx, "msws-12", "msws-trend", "MS Walking Scale over visits", "score (0-100)")
    if gait:
        charts.append(gait)
    steps = [
        NextStep(
            "Review with the MS team", "disease-modifying treatment and relapse care", "nice_ng220", StepKind.referral
        ),
        NextStep(
            "Rehabilitation: strength, balance and walking exercise, managing fatigue and heat",
            "symptoms and disuse weakness are partly modifiable",
            "nice_ng220",
            StepKind.activity_plan,
        ),
    ]
    decided = decide(RULES, {F.diagnosed})
    return CauseAssessment(
        CAUSE,
        TITLE,
        decided.status,
        "Multiple sclerosis is on record: weakness and disuse drive muscle loss.",
        tuple(evidence),
        Reversibility.mixed,
        tuple(flags),
        tuple(steps),
        tuple(missing),
        tuple(charts),
        citations=CITATIONS,
        basis=decided.basis,
        rules=(decided.id,),
    )


def _relapse_flags(ctx: Context, condition: Condition) -> list[RedFlag]:
    """A relapse in the last weeks, or new symptoms for more than a day, goes to the MS team."""
    recent = [r for r in condition.relapses if 0 <= (ctx.on - r).days <= RECENT_RELAPSE_DAYS]
    if not recent:
        return []
    day = max(recent)
    return [
        RedFlag(
            "ms_recent_relapse",
            f"A relapse is recorded on {day.isoformat()}: new or worse symptoms need the MS team's "
            "assessment, and rehabilitation should be adjusted until it settles.",
            "Contact the MS team soon (the same week); seek urgent care for sudden severe symptoms.",
            Urgency.soon,
            (f"relapse on {day.isoformat()}",),
            "nice_ng220",
        )
    ]


SPEC = CauseSpec(
    CAUSE,
    TITLE,
    EXPLANATION,
    reads=("conditions", "symptoms", "scores"),
    citations=CITATIONS,
    rules=RULES,
    assess=assess,
    depends=("atrophy",),
    order=80,
    findings=F,
)
