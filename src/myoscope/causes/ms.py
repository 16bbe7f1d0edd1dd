"""Multiple sclerosis: walking disability, relapses and confirmed progression — or, without that
diagnosis, a pattern that needs neurological evaluation."""

from __future__ import annotations

from myoscope.causes._common import score_evidence
from myoscope.causes._context import Context, Scored
from myoscope.causes._neuro import has, score_chart, split_flags, symptom
from myoscope.causes._types import (
    CauseAssessment,
    Chart,
    Direction,
    Evidence,
    NextStep,
    Reversibility,
    Series,
    Status,
)
from myoscope.criteria import neuro_flags

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


def assess(ctx: Context) -> CauseAssessment:
    if ctx.record.has_condition("multiple_sclerosis"):
        return _diagnosed(ctx)
    vision = symptom(ctx, "vision_loss")
    flags = neuro_flags.ms_pattern_flags(
        vision_loss_one_eye_painful=None if vision is None else (vision.side in ("left", "right")
                                                                 and vision.painless is False),
        balance_problems=has(ctx, "balance_problem"))
    red, steps = split_flags(flags)
    if red:
        return CauseAssessment(CAUSE, PATTERN_TITLE, Status.possible,
                               "Symptoms form a pattern that needs neurological evaluation (not a diagnosis).",
                               tuple(Evidence(f.message, "; ".join(f.evidence), "NICE NG220 recognition",
                                              f.citation) for f in red),
                               Reversibility.underlying, tuple(red), tuple(steps), citations=CITATIONS)
    return CauseAssessment(CAUSE, PATTERN_TITLE, Status.not_supported,
                           "No diagnosis of multiple sclerosis and no pattern of central nervous system symptoms "
                           "on record.",
                           (Evidence("no multiple sclerosis diagnosis and no symptom pattern in the record", "none",
                                     "NICE NG220 recognition", "nice_ng220", Direction.against),),
                           reversibility=Reversibility.underlying, citations=CITATIONS)


def _diagnosed(ctx: Context) -> CauseAssessment:
    condition = ctx.record.condition("multiple_sclerosis")
    course = (condition.course or "course not recorded").replace("_", " ")
    evidence = [Evidence("multiple sclerosis is recorded", course, "immune attack on myelin; weakness and disuse",
                         "kurtzke1983")]
    recent = [r for r in condition.relapses if 0 <= (ctx.on - r).days <= RELAPSE_WINDOW_DAYS]
    evidence.append(Evidence("relapses in the last 12 months", str(len(recent)),
                             "relapses add disability", "lublin2014"))
    missing: list[str] = []
    charts: list[Chart] = []
    for name in ("edss", "pdds", "msws-12"):
        latest = ctx.latest(name)
        if latest is None:
            missing.append({"edss": "EDSS (functional systems and ambulation)", "pdds": "PDDS",
                            "msws-12": "MS Walking Scale (MSWS-12)"}[name])
        else:
            evidence.append(score_evidence(latest))
    edss = [s for s in ctx.scores(name="edss") if s.score.value is not None]
    if len(edss) >= 2:
        cdp = ctx.score_now("cdp", {"visits": [{"edss": s.score.value, "date": s.date.isoformat()} for s in edss],
                                    "relapses": [r.isoformat() for r in condition.relapses]})
        evidence.append(score_evidence(Scored("cdp", ctx.on, cdp)))
        charts.append(Chart("edss-trend", "EDSS over visits", "EDSS",
                            (Series("EDSS", tuple(s.date for s in edss), tuple(float(s.score.value) for s in edss)),),
                            markers=tuple((r, "relapse") for r in condition.relapses)))
    gait = score_chart(ctx, "msws-12", "msws-trend", "MS Walking Scale over visits", "score (0-100)")
    if gait:
        charts.append(gait)
    steps = [NextStep("Review with the MS team", "disease-modifying treatment and relapse care", "nice_ng220"),
             NextStep("Rehabilitation: strength, balance and walking exercise, managing fatigue and heat",
                      "symptoms and disuse weakness are partly modifiable", "nice_ng220")]
    return CauseAssessment(CAUSE, TITLE, Status.likely,
                           "Multiple sclerosis is on record: weakness and disuse drive muscle loss.", tuple(evidence),
                           Reversibility.mixed, (), tuple(steps), tuple(missing), tuple(charts), citations=CITATIONS)
