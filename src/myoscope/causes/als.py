"""ALS: progressive loss of voluntary muscle — or, without that diagnosis, a pattern that needs
neurological evaluation.

With an ALS diagnosis on record: ALSFRS-R over visits, progression rate from symptom onset,
King's and MiToS stages, breathing items and fast decline. Without it: the red flags of NICE NG42
(progressive painless weakness, speech or swallowing change, twitching with weakness or wasting)
and family history; the disease is never named for a person who does not have the diagnosis.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from myoscope.causes._common import score_evidence
from myoscope.causes._condition_table import explained_symptoms
from myoscope.causes._context import Context, Scored
from myoscope.causes._neuro import atrophy_status, has, score_chart, split_flags, symptom
from myoscope.causes._types import (
    Basis,
    CauseAssessment,
    Chart,
    Direction,
    Evidence,
    NextStep,
    RedFlag,
    Reversibility,
    Status,
    StepKind,
    Urgency,
)
from myoscope.causes.contract import CauseSpec, decide, rule
from myoscope.criteria import neuro_flags
from myoscope.instruments.api import given

CAUSE = "als"
TITLE = "ALS (amyotrophic lateral sclerosis)"
PATTERN_TITLE = "Progressive motor weakness pattern"
_FAMILIAL = f"{neuro_flags.FAMILIAL_SHARE[0]:.0%}-{neuro_flags.FAMILIAL_SHARE[1]:.0%}"
"""The familial share of ALS as text, from its one constant (Byrne et al. 2011)."""
EXPLANATION = (
    "ALS damages the nerve cells that drive voluntary muscles, so muscles of the limbs, speech, "
    f"swallowing and breathing weaken and waste, progressively; about {_FAMILIAL} of cases run in families. "
    "For a person with the diagnosis, myoscope follows the ALSFRS-R rating over visits, the rate of "
    "decline since onset and the King's and MiToS stages. For anyone else it looks only for the warning "
    "signs that call for a neurological evaluation without delay — weakness getting worse without pain "
    "or numbness, new speech or swallowing trouble, twitching with weakness — and for ALS in a close "
    "relative, which prompts genetic counselling. It never diagnoses."
)
CITATIONS = ("nice_ng42", "cedarbaum1999", "byrne2011")


class F(str, Enum):
    diagnosed = "ALS is recorded"
    urgent_motor_signs = "motor warning signs that need evaluation without delay"
    sensory_or_pain = "the weakness comes with pain or numbness"
    symptoms_asked = "symptoms asked: no motor warning sign"
    no_muscle_loss = "muscle loss not supported by measurements"
    explained = "a recorded neurological condition explains the signs"


RULES = (
    rule(
        "diagnosed",
        {F.diagnosed},
        Status.likely,
        "ALS causes progressive loss of voluntary muscle",
        "cedarbaum1999",
        basis=Basis.recorded_condition,
    ),
    rule(
        "urgent-motor-signs",
        {F.urgent_motor_signs},
        Status.possible,
        "progressive painless weakness, bulbar change, or twitching or breathlessness with weakness",
        "nice_ng42",
        basis=Basis.specific_pattern,
    ),
    rule(
        "explained-by-recorded-condition",
        {F.explained},
        Status.not_supported,
        "the remaining signs are explained by a recorded condition (e.g. weakness and swallowing after a stroke, "
        "breathlessness with heart failure or COPD)",
        "nice_ng42",
    ),
    rule(
        "sensory-or-painful-weakness",
        {F.sensory_or_pain},
        Status.not_supported,
        "pain or numbness with the weakness points away from a motor neurone pattern",
        "nice_ng42",
    ),
    rule(
        "symptoms-asked",
        {F.symptoms_asked},
        Status.not_supported,
        "symptoms recorded without a motor warning sign",
        "nice_ng42",
    ),
    rule(
        "no-muscle-loss",
        {F.no_muscle_loss},
        Status.not_supported,
        "no muscle loss measured and no warning sign",
        "nice_ng42",
    ),
    rule("not-recorded", set(), Status.cannot_tell, "symptoms not recorded", "nice_ng42"),
)


def assess(ctx: Context) -> CauseAssessment:
    if ctx.record.has_condition("als"):
        return _diagnosed(ctx)
    return _pattern(ctx)


def _family(ctx: Context) -> list[neuro_flags.NeuroFlag]:
    return neuro_flags.als_family_history_flags([f.relation for f in ctx.record.family_history if f.condition == "als"])


def _motor_inputs(ctx: Context, explained: dict[str, str], explainable: dict[str, str]) -> dict[str, Any]:
    """The NICE NG42 inputs, leaving out symptoms that a recorded condition explains.

    Measured wasting is left out too when a recorded condition would explain weakness (a stroke wastes the
    weak side), even where the weakness itself was not written down as a symptom.
    """

    def sign(kind: str) -> bool | None:
        return None if kind in explained else has(ctx, kind)

    weakness = None if "weakness" in explained else symptom(ctx, "weakness")
    painful = None if weakness is None else (weakness.painless is False or bool(has(ctx, "pain")))
    return dict(
        progressive_weakness=None if weakness is None else bool(weakness.progressive),
        weakness_painful=painful,
        sensory_loss=has(ctx, "numbness"),
        speech_change=sign("speech_change"),
        swallowing_change=sign("swallowing_difficulty"),
        fasciculations=has(ctx, "fasciculations"),
        wasting=True if atrophy_status(ctx) is Status.likely and "weakness" not in explainable else None,
        breathing_symptoms=sign("breathlessness"),
    )


def _pattern_findings(
    ctx: Context, red: list[RedFlag], explained: dict[str, str], inputs: dict[str, Any], evidence: list[Evidence]
) -> set[F]:
    found: set[F] = {F.explained} if explained else set()
    if explained:
        evidence.append(
            Evidence(
                "symptoms explained by a recorded condition",
                "; ".join(f"{k.replace('_', ' ')}: {v}" for k, v in sorted(explained.items())),
                "symptoms of a known condition are not read as a new motor pattern",
                "nice_ng42",
                Direction.against,
            )
        )
    if any(f.urgency is Urgency.urgent and not f.code.startswith("family_history") for f in red):
        found.add(F.urgent_motor_signs)
    painful, numb = inputs["weakness_painful"], inputs["sensory_loss"]
    if inputs["progressive_weakness"] is not None and (painful or numb):
        found.add(F.sensory_or_pain)
        evidence.append(
            Evidence(
                "the weakness comes with pain or numbness",
                ", ".join(w for w, on in (("pain", painful), ("numbness", numb)) if on),
                "sensory symptoms and pain point away from motor neurone disease",
                "nice_ng42",
                Direction.against,
            )
        )
    if ctx.facts.was_asked("symptoms"):
        found.add(F.symptoms_asked)
    if atrophy_status(ctx) is Status.not_supported:
        found.add(F.no_muscle_loss)
    return found


def _against_value(found: set[F]) -> str:
    """What the record holds that speaks against a motor neurone pattern, in a few words."""
    if F.explained in found:
        return "none beyond what a recorded condition explains"
    if F.symptoms_asked in found:
        return "none recorded (symptoms asked)"
    return "no muscle loss measured"


def _pattern(ctx: Context) -> CauseAssessment:
    explainable = explained_symptoms(ctx.record.conditions, ctx.record.symptoms)
    # only symptoms the record holds can be "explained": a stroke on record says nothing about speech or
    # swallowing that nobody asked about
    explained = {kind: label for kind, label in explainable.items() if has(ctx, kind)}
    inputs = _motor_inputs(ctx, explained, explainable)
    flags = neuro_flags.als_red_flags(**inputs) + _family(ctx)
    red, steps = split_flags(neuro_flags.sort_flags(flags))
    evidence = [
        Evidence(
            f.message,
            "; ".join(f.evidence),
            "NICE NG42 recognition of motor neurone disease" if f.citation == "nice_ng42" else "familial share of ALS",
            f.citation,
        )
        for f in red
    ]
    found = _pattern_findings(ctx, red, explained, inputs, evidence)
    decided = decide(RULES, found)
    missing: tuple[str, ...] = ()
    if decided.status is Status.possible:
        summary = (
            "A pattern of motor warning signs that needs neurological evaluation without delay "
            "(this is not a diagnosis)."
        )
        steps.insert(
            0,
            NextStep(
                "Neurological evaluation without delay", "the warning signs above", "nice_ng42", StepKind.referral
            ),
        )
    elif decided.status is Status.not_supported:
        summary = "No motor warning signs of a motor neurone pattern are recorded."
        evidence.append(
            Evidence(
                "no progressive painless weakness, speech or swallowing change or twitching with weakness",
                _against_value(found),
                "NICE NG42 recognition of motor neurone disease",
                "nice_ng42",
                Direction.against,
            )
        )
    else:
        summary = "The record does not say whether there are motor warning signs."
        missing = (
            "ask: is weakness getting worse over weeks or months, with or without pain or numbness?",
            "ask: any new trouble with speech or swallowing, or visible muscle twitching?",
        )
    if any(f.code == "family_history_als" for f in red):
        steps.append(
            NextStep(
                "Discuss genetic counselling with a doctor",
                f"a first-degree relative had ALS; {_FAMILIAL} of ALS runs in families",
                "byrne2011",
                StepKind.referral,
            )
        )
    return CauseAssessment(
        CAUSE,
        PATTERN_TITLE,
        decided.status,
        summary,
        tuple(evidence),
        Reversibility.underlying,
        tuple(red),
        tuple(steps),
        missing,
        citations=CITATIONS,
        basis=decided.basis,
        rules=(decided.id,),
    )


def _diagnosed(ctx: Context) -> CauseAssessment:
    condition = given(ctx.record.condition("als"), "the ALS condition")  # only when recorded
    evidence = [
        Evidence(
            "ALS is recorded",
            condition.onset.isoformat() if condition.onset else "onset not recorded",
            "the disease causes progressive loss of voluntary muscle",
            "cedarbaum1999",
        )
    ]
    latest = ctx.latest("alsfrs-r")
    charts: list[Chart] = []
    flags = list(_family(ctx))
    missing: list[str] = []
    if latest is None or latest.score.value is None:
        missing.append("ALSFRS-R rating (all 12 items)")
    else:
        evidence.append(score_evidence(latest))
        answers = _answers(ctx, "alsfrs-r", latest)
        for name in ("kings", "mitos"):
            evidence.append(score_evidence(Scored(name, latest.date, ctx.score_now(name, answers))))
        delta = None
        if condition.onset:
            progression = ctx.score_now(
                "als-progression",
                {
                    "alsfrs_r_total": latest.score.value,
                    "symptom_onset": condition.onset.isoformat(),
                    "assessment_date": latest.date.isoformat(),
                },
            )
            evidence.append(score_evidence(Scored("als-progression", latest.date, progression)))
            delta = progression.value
        else:
            missing.append("date of the first symptom (for the progression rate)")
        flags += neuro_flags.als_monitoring_flags(
            delta_fs=delta,
            dyspnoea=answers.get("dyspnoea"),
            orthopnoea=answers.get("orthopnoea"),
            respiratory_insufficiency=answers.get("respiratory_insufficiency"),
        )
        chart = score_chart(
            ctx,
            "alsfrs-r",
            "alsfrs-r-trend",
            "ALSFRS-R total and domain subscores over visits",
            "points",
            ("bulbar", "fine_motor", "gross_motor", "respiratory"),
        )
        if chart:
            charts.append(chart)
    red, steps = split_flags(neuro_flags.sort_flags(flags))
    steps = [
        NextStep(
            "Follow-up with the specialist ALS team, including breathing and swallowing",
            "",
            "nice_ng42",
            StepKind.referral,
        ),
        *steps,
    ]
    if any(f.code == "family_history_als" for f in red):
        steps.append(
            NextStep(
                "Discuss genetic counselling", "a first-degree relative also had ALS", "byrne2011", StepKind.referral
            )
        )
    decided = decide(RULES, {F.diagnosed})
    return CauseAssessment(
        CAUSE,
        TITLE,
        decided.status,
        "ALS is on record: muscle loss is driven by the disease.",
        tuple(evidence),
        Reversibility.underlying,
        tuple(red),
        tuple(steps),
        tuple(missing),
        tuple(charts),
        citations=CITATIONS,
        basis=decided.basis,
        rules=(decided.id,),
    )


def _answers(ctx: Context, name: str, item: Scored) -> dict[str, Any]:
    return next(e.answers for e in reversed(ctx.record.instruments) if e.name == name and e.date == item.date)


SPEC = CauseSpec(
    CAUSE,
    TITLE,
    EXPLANATION,
    reads=("conditions", "symptoms", "family_history", "scores"),
    citations=CITATIONS,
    rules=RULES,
    assess=assess,
    depends=("atrophy",),
    order=70,
    findings=F,
)
