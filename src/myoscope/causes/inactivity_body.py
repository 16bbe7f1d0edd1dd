"""Whole-body inactivity: a sedentary life, or bed rest.

Activity is judged week by week, each source on its own (weekly summaries, logged sessions,
step counts, IPAQ answers), against WHO 2020 and against the brief's threshold of at least 20
minutes of exercise three times a week; bed rest adds the expected loss from bed-rest studies.
The next step is a graded return plan that starts from the current level.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from enum import Enum

from myoscope.causes._context import Context
from myoscope.causes._exercise_screening import known_disease, screening_symptoms
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
from myoscope.criteria import activity_guidelines as guide
from myoscope.criteria.return_plan import ReturnPlan, return_plan
from myoscope.instruments.ipaq_sf import IpaqInput
from myoscope.physiology.disuse import project_disuse
from myoscope.precision import count_text
from myoscope.record import ActivitySession, ActivityWeek, Episode, Record, StepCount

CAUSE = "inactivity_body"
TITLE = "Whole-body inactivity (sedentary life, bed rest)"
EXPLANATION = (
    "Too little movement for weeks — desk, car, couch, bed — lets muscle waste everywhere. myoscope "
    f"compares each recent week with the WHO 2020 recommendations ({guide.WHO_MODERATE_MINUTES:g}-"
    f"{guide.WHO_MODERATE_UPPER_MINUTES:g} minutes of moderate activity a week, or half as much vigorous; "
    f"strength on {guide.WHO_STRENGTH_DAYS} days; balance on {guide.WHO_BALANCE_DAYS} days from "
    f"{guide.WHO_OLDER_AGE}) and, separately, with the simpler goal of at least "
    f"{guide.BRIEF_SESSION_MINUTES:g} minutes of exercise {guide.BRIEF_SESSIONS} times a week; bed rest adds "
    "the loss expected from bed-rest studies. The return plan starts slowly from the current level. "
    "Usually reversible with regular exercise."
)
WEEKS = 4
"""Weeks of activity weighed (the latest four with data)."""
BED_REST_RELEVANT_DAYS = 183
CITATIONS = (*guide.WHO_CITATION, "riebe2015")
MEASURED_WEEK = (
    "a week of activity: minutes of moderate and vigorous exercise, sessions of 20 minutes or more, "
    "strength days, sitting time (or an IPAQ questionnaire, or daily step counts)"
)


class F(str, Enum):
    bed_rest = "bed rest in the last six months"
    below_both = "below WHO 2020 and below 3 x 20 minutes a week"
    below_one = "below one of the two activity goals"
    meets = "meets the WHO 2020 aerobic recommendation"
    asked_none = "activity asked: no exercise recorded"
    stated_sedentary = "the person's activity level is recorded as sedentary"


RULES = (
    rule(
        "bed-rest",
        {F.bed_rest},
        Status.likely,
        "bed rest causes whole-body muscle loss, fastest early",
        "marusic2021",
        basis=Basis.specific_pattern,
    ),
    rule(
        "below-both",
        {F.below_both},
        Status.likely,
        "recent weeks below both WHO 2020 and 3 x 20 minutes a week",
        "bull2020",
        basis=Basis.risk_factor,
    ),
    rule(
        "below-one",
        {F.below_one},
        Status.possible,
        "recent weeks below part of the guidance",
        "bull2020",
        basis=Basis.risk_factor,
    ),
    rule(
        "meets-guidance",
        {F.meets},
        Status.not_supported,
        "recent weeks meet the WHO 2020 aerobic recommendation",
        "bull2020",
    ),
    rule(
        "asked-none",
        {F.asked_none},
        Status.possible,
        "activity was asked and no exercise is recorded; a measured week would show how far below the guidance",
        "bull2020",
        basis=Basis.risk_factor,
    ),
    rule(
        "stated-sedentary",
        {F.stated_sedentary},
        Status.possible,
        "the record describes a sedentary life; no week of activity measures it",
        "bull2020",
        basis=Basis.risk_factor,
    ),
    rule("not-recorded", set(), Status.cannot_tell, "no recent activity recorded", "bull2020"),
)


def _add_entry(
    a: ActivityWeek | ActivitySession | StepCount,
    age: int | None,
    week: dt.date,
    out: dict[str, dict[dt.date, guide.Adherence]],
    sessions: dict[dt.date, list[guide.Session]],
    steps: dict[dt.date, list[guide.StepDay]],
) -> None:
    if isinstance(a, ActivityWeek):
        out["weekly summary"][week] = guide.adherence_from_summary(
            a.moderate_minutes,
            a.vigorous_minutes,
            a.sessions_20min,
            a.strength_days,
            a.balance_days,
            None if a.sitting is None else a.sitting * 60.0,
            age,
        )
    elif isinstance(a, ActivitySession):
        kind = a.kind if a.kind in ("strength", "balance") else "aerobic"
        sessions[week].append(guide.Session(date=a.date, minutes=a.minutes, intensity=a.intensity, kind=kind))
    elif isinstance(a, StepCount):
        steps[week].append(guide.StepDay(date=a.date, steps=a.steps))


def _group(ctx: Context) -> dict[str, dict[dt.date, guide.Adherence]]:
    """Per source and week (Monday), the adherence of that week."""
    first = _monday(ctx.on) - dt.timedelta(weeks=WEEKS - 1)
    age = int(ctx.age) if ctx.age is not None else None
    out: dict[str, dict[dt.date, guide.Adherence]] = defaultdict(dict)
    sessions: dict[dt.date, list[guide.Session]] = defaultdict(list)
    steps: dict[dt.date, list[guide.StepDay]] = defaultdict(list)
    for a in ctx.record.activity:
        week = _monday(a.week_of if isinstance(a, ActivityWeek) else a.date)
        if first <= week <= ctx.on:
            _add_entry(a, age, week, out, sessions, steps)
    for week, items in sessions.items():
        out["logged sessions"][week] = guide.adherence_from_sessions(items, age, period_days=7)
    for week, counted in steps.items():
        out["step counts"][week] = guide.adherence_from_steps(counted, age)
    for item in ctx.scores(name="ipaq"):
        if item.date >= first:
            answers = next(e.answers for e in ctx.record.instruments if e.name == "ipaq" and e.date == item.date)
            out["IPAQ"][_monday(item.date)] = guide.adherence_from_ipaq(IpaqInput(**answers), age)
    return out


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _week_finding(adh: guide.Adherence) -> tuple[F | None, Direction]:
    if adh.aerobic_met is False and adh.brief_met is False:
        return F.below_both, Direction.supports
    if adh.aerobic_met is False or adh.brief_met is False:
        return F.below_one, Direction.supports
    if adh.aerobic_met:
        return F.meets, Direction.against
    return None, Direction.neutral


def _week_evidence(weeks: dict[str, dict[dt.date, guide.Adherence]], found: set[F]) -> list[Evidence]:
    out: list[Evidence] = []
    for source, by_week in weeks.items():
        for week, adh in sorted(by_week.items()):
            finding, direction = _week_finding(adh)
            if finding is not None:
                found.add(finding)
            out.append(
                Evidence(
                    f"{source}, week of {week.isoformat()}",
                    _describe(adh),
                    f"WHO 2020: at least {guide.WHO_MODERATE_MINUTES:g} min moderate-equivalent a week; "
                    f"brief: {guide.BRIEF_SESSIONS} x {guide.BRIEF_SESSION_MINUTES:g} min",
                    guide.WHO_CITATION[0],
                    direction,
                )
            )
    return out


def _bed_rest_evidence(ctx: Context, bed_rest: list[Episode]) -> list[Evidence]:
    out: list[Evidence] = []
    for e in bed_rest:
        days = max(e.days(ctx.on), 1)
        out.append(
            Evidence(
                f"bed rest from {e.start.isoformat()}",
                count_text(days, "day"),
                "bed rest causes whole-body muscle loss, fastest early",
                "marusic2021",
            )
        )
        for band in project_disuse("bed_rest", "leg", days, ctx.age).bands:
            out.append(
                Evidence(
                    f"expected change in {band.measure} {band.outcome.replace('_', ' ')}",
                    band.text(days, "bed_rest"),
                    "band from human bed-rest studies",
                    band.citations[0] if band.citations else "marusic2021",
                    Direction.neutral,
                )
            )
    return out


def _upper_bound(ctx: Context, evidence: list[Evidence], charts: list[Chart]) -> None:
    days = WEEKS * 7
    band = project_disuse("bed_rest", "leg", days, ctx.age).band("muscle_size")
    if band.known:
        evidence.append(
            Evidence(
                f"upper bound of the muscle cost of {WEEKS} more such weeks",
                f"no more than {band.low:.0f}-{band.high:.0f} % loss of thigh muscle size",
                "no study gives a rate for a sedentary life; strict bed rest for as long is the upper bound",
                band.citations[0] if band.citations else "marusic2021",
                Direction.neutral,
            )
        )
        charts.append(_band_chart(ctx, days))


def _without_weeks(ctx: Context, found: set[F]) -> list[Evidence]:
    """With no recent week on record: an activity section recorded as empty ("asked: none"), or a
    person whose activity level is recorded as sedentary, is a risk factor a measured week would size."""
    goal = (
        f"WHO 2020: at least {guide.WHO_MODERATE_MINUTES:g} min moderate-equivalent a week; "
        f"brief: {guide.BRIEF_SESSIONS} x {guide.BRIEF_SESSION_MINUTES:g} min"
    )
    out: list[Evidence] = []
    if ctx.facts.was_asked("activity") and not ctx.record.activity:
        found.add(F.asked_none)
        out.append(Evidence("activity", "asked: no exercise recorded", goal, guide.WHO_CITATION[0]))
    if ctx.record.person.activity_level == "sedentary":
        found.add(F.stated_sedentary)
        out.append(Evidence("activity level", "sedentary (as recorded)", goal, guide.WHO_CITATION[0]))
    return out


def _recent_bed_rest(ctx: Context) -> list[Episode]:
    return [
        e
        for e in ctx.record.episodes
        if e.kind == "bed_rest"
        and e.start <= ctx.on
        and (e.end is None or (ctx.on - e.end).days <= BED_REST_RELEVANT_DAYS)
    ]


def assess(ctx: Context) -> CauseAssessment:
    weeks = _group(ctx)
    found: set[F] = set()
    evidence = _week_evidence(weeks, found) if weeks else _without_weeks(ctx, found)
    bed_rest = _recent_bed_rest(ctx)
    if bed_rest:
        found.add(F.bed_rest)
    evidence += _bed_rest_evidence(ctx, bed_rest)
    charts: list[Chart] = [c for c in (_activity_chart(weeks),) if c]
    if found & {F.below_both, F.below_one} and not bed_rest:
        _upper_bound(ctx, evidence, charts)
    decided = decide(RULES, found)
    status = decided.status
    missing = () if status is not Status.cannot_tell and (weeks or F.bed_rest in found) else (MEASURED_WEEK,)
    steps = plan_steps(ctx) if status in (Status.likely, Status.possible) else ()
    return CauseAssessment(
        CAUSE,
        TITLE,
        status,
        _summary(status, found),
        tuple(evidence),
        Reversibility.modifiable,
        next_steps=steps,
        missing=missing,
        charts=tuple(charts),
        citations=CITATIONS,
        basis=decided.basis,
        rules=(decided.id,),
    )


def _band_chart(ctx: Context, days: int) -> Chart:
    xs, lows, highs = [], [], []
    for d in sorted({1, *range(7, days + 1, 7)}):
        band = project_disuse("bed_rest", "leg", d, ctx.age).band("muscle_size")
        if band.low is not None and band.high is not None:  # the band is known
            xs.append(ctx.on + dt.timedelta(days=d))
            lows.append(-band.high)
            highs.append(-band.low)
    return Chart(
        "inactivity-upper-bound",
        "Upper bound of thigh muscle loss if inactivity continues (bed-rest data)",
        "change from now (%)",
        (Series("bed-rest band (upper bound)", tuple(xs), (), tuple(lows), tuple(highs), "band"),),
        reference_lines=((0.0, "no change"),),
    )


def _describe(adh: guide.Adherence) -> str:
    parts = []
    if adh.aerobic_minutes is not None:
        parts.append(f"{adh.aerobic_minutes:.0f} min moderate-equivalent")
    elif adh.details.get("aerobic_minutes_at_least") is not None:
        parts.append(f"at least {adh.details['aerobic_minutes_at_least']:.0f} min")
    if adh.brief_sessions is not None:
        parts.append(f"{count_text(adh.brief_sessions, 'session')} of 20+ min")
    if adh.strength_days is not None:
        parts.append(f"strength on {count_text(adh.strength_days, 'day')}")
    if adh.sitting_minutes is not None:
        parts.append(f"sitting {adh.sitting_minutes / 60:.1f} h/day")
    if adh.details.get("mean_steps") is not None:
        parts.append(f"{adh.details['mean_steps']:.0f} steps/day")
    return "; ".join(parts) or "not enough to judge"


def _activity_chart(weeks: dict[str, dict[dt.date, guide.Adherence]]) -> Chart | None:
    series = []
    for source, by_week in weeks.items():
        points = sorted((w, a.aerobic_minutes) for w, a in by_week.items() if a.aerobic_minutes is not None)
        if points:
            series.append(Series(source, tuple(p[0] for p in points), tuple(p[1] for p in points), style="bar"))
    if not series:
        return None
    return Chart(
        "activity-vs-guidance",
        "Weekly activity against the guidance",
        "moderate-equivalent minutes",
        tuple(series),
        x_label="week",
        reference_lines=(
            (guide.WHO_MODERATE_MINUTES, "WHO 2020: 150 min"),
            (guide.BRIEF_SESSIONS * guide.BRIEF_SESSION_MINUTES, "3 x 20 min"),
        ),
    )


def current_level(ctx: Context) -> tuple[float, int]:
    """Mean moderate-equivalent minutes and 20-minute sessions a week over the recent weeks with data."""
    minutes, sessions = [], []
    for by_week in _group(ctx).values():
        for adh in by_week.values():
            if adh.aerobic_minutes is not None:
                minutes.append(adh.aerobic_minutes)
            if adh.brief_sessions is not None:
                sessions.append(adh.brief_sessions)
    return (
        sum(minutes) / len(minutes) if minutes else 0.0,
        min(21, round(sum(sessions) / len(sessions))) if sessions else 0,
    )


def plan_for(ctx: Context, minutes: float, sessions: int) -> ReturnPlan:
    """The graded return plan for this person from the record (current level, age, weakness, episodes)."""
    episodes = [
        e
        for e in ctx.record.episodes
        if e.kind in ("immobilisation", "bed_rest")
        and e.start <= ctx.on
        and (e.end is None or (ctx.on - e.end).days <= BED_REST_RELEVANT_DAYS)
    ]
    latest = max(episodes, key=lambda e: e.start) if episodes else None
    atrophy = ctx.results.get("atrophy")
    return return_plan(
        current_minutes=minutes,
        current_sessions=sessions,
        age=ctx.age,
        weakness=bool(atrophy is not None and atrophy.status in (Status.likely, Status.possible)),
        recent_immobilisation_days=latest.days(ctx.on) if latest else None,
        immobilised_site=(latest.limb or "whole body") if latest else None,
        conditions=[c.kind for c in ctx.record.conditions],
        known_disease=known_disease(ctx),
        symptoms=screening_symptoms(ctx),
        falls=bool(ctx.facts.has_symptom("falls")),
    )


def level_and_plan(
    record: Record, on: dt.date, atrophy: CauseAssessment | None
) -> tuple[float | None, int | None, ReturnPlan]:
    """The current level (moderate-equivalent minutes, 20-minute sessions a week; None where the recent weeks
    hold no such figure) and the return plan on ``on``, given the atrophy finding of the assessment (for
    :mod:`myoscope.planning`). With no figure on record the plan starts from none, the cautious start."""
    ctx = Context(record, on)
    if atrophy is not None:
        ctx.results["atrophy"] = atrophy
    minutes, sessions = current_level(ctx)
    weeks = [a for by_week in _group(ctx).values() for a in by_week.values()]
    known_minutes = any(a.aerobic_minutes is not None for a in weeks)
    known_sessions = any(a.brief_sessions is not None for a in weeks)
    plan = plan_for(ctx, minutes, sessions)
    return (minutes if known_minutes else None), (sessions if known_sessions else None), plan


def plan_steps(ctx: Context) -> tuple[NextStep, ...]:
    """The return plan summarised as next steps (the full plan: ``myoscope plan``)."""
    plan = plan_for(ctx, *current_level(ctx))
    first, last = plan.weeks[0], plan.weeks[-1]
    steps = [
        NextStep(
            f"Start at {first.sessions} sessions of {first.minutes_per_session:g} min in week 1 and build up over "
            f"{len(plan.weeks)} weeks to {last.sessions} sessions of {last.minutes_per_session:g} min, with strength "
            f"work on {count_text(last.strength_days, 'day')}",
            "start slowly and progress gradually (run 'myoscope plan' for the week-by-week plan)",
            plan.citations[0],
            StepKind.activity_plan,
            float(first.sessions * first.minutes_per_session),
        )
    ]
    if plan.clearance.advised is not False:
        steps.append(
            NextStep(
                f"Medical clearance: {plan.clearance.words}",
                plan.clearance.reason,
                plan.clearance.citation,
                StepKind.referral,
            )
        )
    return tuple(steps)


def _summary(status: Status, found: set[F]) -> str:
    if status is Status.possible and not found & {F.below_one, F.below_both}:
        return "No week of activity is on record, but the record points to little exercise."
    return {
        Status.likely: "Recent activity is below both the WHO recommendation and 3 x 20 minutes a week, or "
        "there was bed rest.",
        Status.possible: "Recent activity falls short of part of the guidance.",
        Status.not_supported: "Recent activity meets the WHO aerobic recommendation.",
        Status.cannot_tell: "No recent activity data to judge.",
    }[status]


SPEC = CauseSpec(
    CAUSE,
    TITLE,
    EXPLANATION,
    reads=("activity", "episodes"),
    citations=CITATIONS,
    rules=RULES,
    assess=assess,
    depends=("atrophy",),
    order=40,
    findings=F,
)
