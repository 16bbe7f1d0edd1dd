"""Inactivity of one limb: a cast, sling, brace or splint.

Weighs the immobilisation episode (how long, which limb and side), the expected loss from
human disuse studies (``physiology.disuse``: a band, never one number), and the measured girth
of that limb against the other side: a thinner immobilised side supports the cause; a limb
unchanged after 8 weeks of immobilisation weakens it.
"""

from __future__ import annotations

import datetime as dt

from myoscope.causes._common import fmt
from myoscope.causes._context import Context
from myoscope.causes.inactivity_body import plan_steps
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
from myoscope.physiology.disuse import DISUSE_CITATIONS, project_disuse

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
DISUSE_SITE = {"forearm": "forearm", "hand": "forearm", "whole_arm": "forearm", "upper_arm": "upper_arm",
               "thigh": "leg", "whole_leg": "leg", "lower_leg": "lower_leg", "ankle": "ankle"}
GIRTH_OF_LIMB = {"forearm": "forearm_circumference", "hand": "forearm_circumference",
                 "whole_arm": "forearm_circumference", "upper_arm": "mid_upper_arm_circumference",
                 "thigh": "mid_thigh_circumference", "whole_leg": "mid_thigh_circumference",
                 "lower_leg": "calf_circumference", "ankle": "calf_circumference"}


def _episodes(ctx: Context):
    return [e for e in ctx.record.episodes if e.kind == "immobilisation" and e.start <= ctx.on
            and (e.end is None or (ctx.on - e.end).days <= RELEVANT_DAYS)]


def assess(ctx: Context) -> CauseAssessment:
    episodes = _episodes(ctx)
    if not episodes:
        return CauseAssessment(
            CAUSE, TITLE, Status.not_supported,
            "No cast, sling, brace or splint in the last six months is recorded.",
            evidence=(Evidence("no immobilisation episode in the record", "none",
                               "an immobilised limb is needed for this cause", None, Direction.against),),
            reversibility=Reversibility.modifiable,
            next_steps=(NextStep("Record any cast, sling, brace or splint of the last six months",
                                 "with limb, side and dates"),),
        )
    evidence: list[Evidence] = []
    charts: list[Chart] = []
    supports = against = False
    missing: list[str] = []
    for e in episodes:
        days = e.days(ctx.on)
        device = e.device or "immobilisation"
        evidence.append(Evidence(f"{e.limb.replace('_', ' ')} ({e.side}) in a {device}",
                                 f"{days} days from {e.start.isoformat()}" + (f" to {e.end.isoformat()}" if e.end else
                                                                               " (ongoing)"),
                                 "disuse of a limb causes atrophy from the first days", "wall2014", Direction.neutral))
        projection = project_disuse("immobilisation", DISUSE_SITE[e.limb], max(days, 1), ctx.age)
        for band in projection.bands:
            evidence.append(Evidence(f"expected change in {band.measure} {band.outcome.replace('_', ' ')}",
                                     band.text(days, "immobilisation"),
                                     "band from human immobilisation studies", band.citations[0] if band.citations
                                     else None, Direction.neutral))
        recovery = projection.recovery
        if recovery.days_band:
            low, high = recovery.days_band
            evidence.append(Evidence("expected time to regain strength with retraining",
                                     f"about {low / 7:.0f} to {high / 7:.0f} weeks"
                                     + (" (extrapolated)" if recovery.extrapolated else ""),
                                     "from the retraining studies after immobilisation",
                                     recovery.studies[0].source if recovery.studies else None, Direction.neutral))
        chart = _band_chart(e, days, ctx.age)
        if chart is not None:
            charts.append(chart)
        verdict = _girth_verdict(ctx, e, days)
        if verdict is None:
            missing.append(f"{GIRTH_OF_LIMB[e.limb].replace('_', ' ')} of both sides at the same landmark")
            continue
        item, direction = verdict
        evidence.append(item)
        supports = supports or direction is Direction.supports
        against = against or direction is Direction.against
    if supports:
        status = Status.likely
        summary = "The immobilised limb is measurably thinner than the other side."
    elif against:
        status = Status.not_supported
        summary = "An immobilisation is recorded, but the girths do not show the expected loss."
    else:
        status = Status.possible
        summary = "An immobilisation is recorded; measure both sides to confirm the expected loss."
    steps = [NextStep("Graded retraining of the immobilised limb once cleared by the treating clinician",
                      "strength returns with resistance work; aerobic work alone restores it less", "suetta2009"),
             NextStep("Repeat girths of both sides in 4 weeks", "to follow recovery")]
    if status is not Status.not_supported:
        steps += plan_steps(ctx)
    return CauseAssessment(
        CAUSE, TITLE, status, summary, tuple(evidence), Reversibility.modifiable,
        next_steps=tuple(steps),
        missing=tuple(missing), charts=tuple(charts), citations=DISUSE_CITATIONS,
    )


def _girth_verdict(ctx: Context, episode, days: int) -> tuple[Evidence, Direction] | None:
    kind = GIRTH_OF_LIMB[episode.limb]
    after = [a for a in ctx.asymmetries if a.kind == kind and a.date >= episode.start]
    if not after:
        return None
    a = after[0]
    value = f"left {fmt(a.left_cm)} cm, right {fmt(a.right_cm)} cm on {a.date.isoformat()}"
    if a.beyond_error and a.thinner_side == episode.side and a.lengths_equal is not False:
        return Evidence(f"the immobilised ({episode.side}) side is thinner beyond measurement error", value,
                        "immobilised side thinner than the other supports disuse atrophy", "teslaa2011"), \
            Direction.supports
    if a.beyond_error and a.thinner_side != episode.side:
        return Evidence("the other side is the thinner one", value,
                        "disuse atrophy shows on the immobilised side", "teslaa2011", Direction.against), \
            Direction.against
    if days >= UNCHANGED_AFTER_DAYS:
        return Evidence(f"no side-to-side difference beyond measurement error after {days} days", value,
                        f"no measurable loss after {UNCHANGED_AFTER_DAYS // 7} weeks weakens the cause",
                        "teslaa2011", Direction.against), Direction.against
    return Evidence("no side-to-side difference beyond measurement error yet", value,
                    "early losses can be below tape error", "teslaa2011", Direction.neutral), Direction.neutral


def _band_chart(episode, days: int, age: float | None) -> Chart | None:
    site = DISUSE_SITE[episode.limb]
    grid = sorted({1, *range(7, max(days, 7) + 1, 7), max(days, 1)})
    lows, highs, xs = [], [], []
    for d in grid:
        band = project_disuse("immobilisation", site, d, age).band("muscle_size")
        if not band.known:
            return None
        xs.append(episode.start + dt.timedelta(days=d))
        lows.append(-band.high)
        highs.append(-band.low)
    return Chart(f"disuse-band-{episode.limb}-{episode.side}",
                 f"Expected change in {episode.limb.replace('_', ' ')} muscle size during immobilisation",
                 "change from start (%)",
                 (Series("expected band", tuple(xs), (), tuple(lows), tuple(highs), "band"),),
                 reference_lines=((0.0, "no change"),))
