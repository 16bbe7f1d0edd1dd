"""Inactivity of one limb: a cast, sling, brace or splint.

Weighs the immobilisation episode (how long, which limb and side), the expected loss from
human disuse studies (``physiology.disuse``: a band, never one number), and the measured girth
of that limb against the other side: a thinner immobilised side supports the cause; a limb
unchanged after 8 weeks of immobilisation weakens it.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from myoscope.causes._common import asked_text, fmt
from myoscope.causes._context import Context
from myoscope.causes._types import (
    Basis,
    CauseAssessment,
    Chart,
    Direction,
    Evidence,
    NextStep,
    Reversibility,
    Series,
    Status,
    StepKind,
)
from myoscope.causes.contract import CauseSpec, decide, rule
from myoscope.causes.inactivity_body import plan_steps
from myoscope.instruments.api import given
from myoscope.physiology.disuse import DISUSE_CITATIONS, project_disuse
from myoscope.precision import count_text
from myoscope.record import Episode

CAUSE = "inactivity_limb"
TITLE = "Inactivity of one limb (cast, sling, brace)"
EXPLANATION = (
    "A limb held still in a cast, sling, brace or splint loses muscle within days, fastest in the "
    "first two weeks. myoscope projects the expected loss of muscle size and strength from human "
    "immobilisation studies as a band, and checks it against girths of both sides: the immobilised "
    "side measured thinner beyond tape error supports the cause; no difference after 8 weeks of "
    "immobilisation weakens it. This loss is usually reversible with graded retraining."
)
RELEVANT_DAYS = 183
"""Episodes that ended more than about six months before the assessment are not weighed (our choice)."""
UNCHANGED_AFTER_DAYS = 56
"""Eight weeks: a limb not measurably thinner after this long weakens the cause (the issue's rule)."""
DISUSE_SITE = {
    "forearm": "forearm",
    "hand": "forearm",
    "whole_arm": "forearm",
    "upper_arm": "upper_arm",
    "thigh": "leg",
    "whole_leg": "leg",
    "lower_leg": "lower_leg",
    "ankle": "ankle",
}
GIRTH_OF_LIMB = {
    "forearm": ("forearm_circumference",),
    "hand": ("forearm_circumference",),
    "whole_arm": ("mid_upper_arm_circumference", "forearm_circumference"),
    "upper_arm": ("mid_upper_arm_circumference",),
    "thigh": ("mid_thigh_circumference",),
    "whole_leg": ("mid_thigh_circumference", "calf_circumference"),
    "lower_leg": ("calf_circumference",),
    "ankle": ("calf_circumference",),
}
"""The girths that show the disuse of each immobilised limb (a whole arm or leg: both of its girths)."""


class F(str, Enum):
    episode = "a cast, sling, brace or splint in the last six months"
    thinner_same_side = "the immobilised side is thinner beyond measurement error"
    other_side_thinner = "the other side is the thinner one"
    unchanged_after_8_weeks = "no difference after 8 weeks or more of immobilisation"
    asked_none = "episodes asked: none"


RULES = (
    rule(
        "thinner-immobilised-side",
        {F.episode, F.thinner_same_side},
        Status.likely,
        "the immobilised limb is measurably thinner than the other side",
        "wall2014",
        basis=Basis.recorded_condition,
    ),
    rule(
        "other-side-thinner",
        {F.episode, F.other_side_thinner},
        Status.not_supported,
        "disuse atrophy shows on the immobilised side, not the other",
        "teslaa2011",
    ),
    rule(
        "unchanged-after-8-weeks",
        {F.episode, F.unchanged_after_8_weeks},
        Status.not_supported,
        "no measurable loss after 8 weeks of immobilisation weakens the cause",
        "teslaa2011",
    ),
    rule(
        "immobilised",
        {F.episode},
        Status.possible,
        "an immobilisation is recorded; loss is expected",
        "wall2014",
        basis=Basis.specific_pattern,
    ),
    rule(
        "asked-none", {F.asked_none}, Status.not_supported, "episodes were asked: no cast, sling or brace", "wall2014"
    ),
    rule("not-recorded", set(), Status.cannot_tell, "episodes of immobilisation not recorded", "wall2014"),
)


def _episodes(ctx: Context) -> list[Episode]:
    return [
        e
        for e in ctx.record.episodes
        if e.kind == "immobilisation"
        and e.start <= ctx.on
        and (e.end is None or (ctx.on - e.end).days <= RELEVANT_DAYS)
    ]


def _no_episode(ctx: Context) -> CauseAssessment:
    decided = decide(RULES, {F.asked_none} if ctx.facts.was_asked("episodes") else set())
    asked = decided.status is Status.not_supported
    return CauseAssessment(
        CAUSE,
        TITLE,
        decided.status,
        "No cast, sling, brace or splint in the last six months is recorded."
        if asked
        else "The record does not say whether a limb was immobilised.",
        evidence=(
            Evidence(
                "no immobilisation episode in the record",
                asked_text(asked, ctx.record.episodes, "episodes"),
                "an immobilised limb is needed for this cause",
                "wall2014",
                Direction.against,
            ),
        ),
        reversibility=Reversibility.modifiable,
        next_steps=(
            NextStep(
                "Record any cast, sling, brace or splint of the last six months",
                "with limb, side and dates",
                "wall2014",
                StepKind.measure,
            ),
        ),
        missing=() if asked else ("ask: any cast, sling, brace or splint in the last six months (limb, side, dates)?",),
        rules=(decided.id,),
    )


def _limb(episode: Episode) -> str:
    """The immobilised limb (the record requires it on every immobilisation)."""
    return given(episode.limb, "the immobilised limb")


def _episode_evidence(ctx: Context, e: Episode, days: int) -> list[Evidence]:
    out = [
        Evidence(
            f"{_limb(e).replace('_', ' ')} ({e.side}) in a {e.device or 'immobilisation'}",
            f"{count_text(days, 'day')} from {e.start.isoformat()}"
            + (f" to {e.end.isoformat()}" if e.end else " (ongoing)"),
            "disuse of a limb causes atrophy from the first days",
            "wall2014",
            Direction.neutral,
        )
    ]
    projection = project_disuse("immobilisation", DISUSE_SITE[_limb(e)], max(days, 1), ctx.age)
    for band in projection.bands:
        out.append(
            Evidence(
                f"expected change in {band.measure.replace('_', ' ')} {band.outcome.replace('_', ' ')}",
                band.text(days, "immobilisation"),
                "band from human immobilisation studies",
                band.citations[0] if band.citations else "wall2014",
                Direction.neutral,
            )
        )
    recovery = projection.recovery
    if recovery.days_band:
        low, high = recovery.days_band
        out.append(
            Evidence(
                "expected time to regain strength with retraining",
                f"about {low / 7:.0f} to {high / 7:.0f} weeks" + (" (extrapolated)" if recovery.extrapolated else ""),
                "from the retraining studies after immobilisation",
                recovery.studies[0].source if recovery.studies else "vigelso2015",
                Direction.neutral,
            )
        )
    return out


def assess(ctx: Context) -> CauseAssessment:
    episodes = _episodes(ctx)
    if not episodes:
        return _no_episode(ctx)
    evidence: list[Evidence] = []
    charts: list[Chart] = []
    found: set[F] = {F.episode}
    missing: list[str] = []
    for e in episodes:
        days = e.days(ctx.on)
        evidence += _episode_evidence(ctx, e, days)
        charts += [c for c in (_band_chart(e, days, ctx.age),) if c is not None]
        verdict = _girth_verdict(ctx, e, days)
        if verdict is None:
            girths = " or ".join(k.replace("_", " ") for k in GIRTH_OF_LIMB[_limb(e)])
            missing.append(f"{girths} of both sides at the same landmark")
            continue
        evidence.append(verdict[0])
        if verdict[1] is not None:
            found.add(verdict[1])
    decided = decide(RULES, found)
    status = decided.status
    summary = {
        Status.likely: "The immobilised limb is measurably thinner than the other side.",
        Status.not_supported: "An immobilisation is recorded, but the girths do not show the expected loss.",
        Status.possible: "An immobilisation is recorded; measure both sides to confirm the expected loss.",
    }[status]
    steps = [
        NextStep(
            "Graded retraining of the immobilised limb once cleared by the treating clinician",
            "aerobic retraining alone restored leg lean mass but not full strength after immobilisation; "
            "include resistance work",
            "vigelso2015",
            StepKind.limb_retraining,
        ),
        NextStep("Repeat girths of both sides in 4 weeks", "to follow recovery", "teslaa2011", StepKind.measure),
    ]
    if status is not Status.not_supported:
        steps += plan_steps(ctx)
    return CauseAssessment(
        CAUSE,
        TITLE,
        status,
        summary,
        tuple(evidence),
        Reversibility.modifiable,
        next_steps=tuple(steps),
        missing=tuple(missing),
        charts=tuple(charts),
        citations=DISUSE_CITATIONS,
        basis=decided.basis,
        rules=(decided.id,),
    )


def _girth_verdict(ctx: Context, episode: Episode, days: int) -> tuple[Evidence, F | None] | None:
    """The verdict of the limb's girths: a site thinner on the immobilised side first (a whole arm or leg
    shows its disuse in either girth), else the first site measured on both sides since the start."""
    verdicts = [v for k in GIRTH_OF_LIMB[_limb(episode)] if (v := _site_verdict(ctx, episode, days, k)) is not None]
    return next((v for v in verdicts if v[1] is F.thinner_same_side), verdicts[0] if verdicts else None)


def _site_verdict(ctx: Context, episode: Episode, days: int, kind: str) -> tuple[Evidence, F | None] | None:
    after = [a for a in ctx.asymmetries if a.kind == kind and a.date >= episode.start]
    if not after:
        return None
    a = after[0]
    value = f"left {fmt(a.left_cm)} cm, right {fmt(a.right_cm)} cm on {a.date.isoformat()}"
    if a.beyond_error and a.thinner_side == episode.side and a.lengths_equal is not False:
        return Evidence(
            f"the immobilised ({episode.side}) side is thinner beyond measurement error",
            value,
            "immobilised side thinner than the other supports disuse atrophy",
            "teslaa2011",
        ), F.thinner_same_side
    if a.beyond_error and a.thinner_side != episode.side and _may_be_swollen(ctx, kind):
        return Evidence(
            f"the immobilised ({episode.side}) calf is the larger one and may be swollen",
            value,
            "swelling hides muscle loss in girths: re-measure both calves once it has settled",
            "wells1997",
            Direction.neutral,
        ), None
    if a.beyond_error and a.thinner_side != episode.side:
        return Evidence(
            "the other side is the thinner one",
            value,
            "disuse atrophy shows on the immobilised side",
            "teslaa2011",
            Direction.against,
        ), F.other_side_thinner
    if days >= UNCHANGED_AFTER_DAYS:
        return Evidence(
            f"no side-to-side difference beyond measurement error after {count_text(days, 'day')}",
            value,
            f"no measurable loss after {UNCHANGED_AFTER_DAYS // 7} weeks weakens the cause",
            "teslaa2011",
            Direction.against,
        ), F.unchanged_after_8_weeks
    return Evidence(
        "no side-to-side difference beyond measurement error yet",
        value,
        "early losses can be below tape error",
        "teslaa2011",
        Direction.neutral,
    ), None


def _may_be_swollen(ctx: Context, kind: str) -> bool:
    """The atrophy finding read the larger calf as possible swelling (a clot in a vein: Wells 1997)."""
    atrophy = ctx.results.get("atrophy")
    return kind == "calf_circumference" and atrophy is not None and "swelling-not-loss" in atrophy.rules


def _band_chart(episode: Episode, days: int, age: float | None) -> Chart | None:
    site = DISUSE_SITE[_limb(episode)]
    grid = sorted({1, *range(7, max(days, 7) + 1, 7), max(days, 1)})
    lows, highs, xs = [], [], []
    for d in grid:
        band = project_disuse("immobilisation", site, d, age).band("muscle_size")
        if band.low is None or band.high is None:  # the band is not known
            return None
        xs.append(episode.start + dt.timedelta(days=d))
        lows.append(-band.high)
        highs.append(-band.low)
    return Chart(
        f"disuse-band-{_limb(episode)}-{episode.side}",
        f"Expected change in {_limb(episode).replace('_', ' ')} muscle size during immobilisation",
        "change from start (%)",
        (Series("expected band", tuple(xs), (), tuple(lows), tuple(highs), "band"),),
        reference_lines=((0.0, "no change"),),
    )


SPEC = CauseSpec(
    CAUSE,
    TITLE,
    EXPLANATION,
    reads=("episodes", "asymmetries"),
    citations=DISUSE_CITATIONS,
    rules=RULES,
    assess=assess,
    depends=("atrophy",),
    order=30,
    findings=F,
)
