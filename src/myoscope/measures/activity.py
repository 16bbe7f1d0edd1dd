"""Weekly activity from a record: weekly summaries, logged sessions and step counts.

Weeks start on Monday. Each source is summarised on its own (never merged), so that
the guideline checks can say which source settles which criterion.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from statistics import mean

from myoscope.record import ActivitySession, ActivityWeek, Record, StepCount


@dataclass(frozen=True, slots=True)
class WeekActivity:
    week_start: dt.date
    source: str
    """``summary``, ``sessions`` or ``steps``."""
    moderate_minutes: float | None = None
    vigorous_minutes: float | None = None
    sessions_20min: int | None = None
    strength_days: int | None = None
    balance_days: int | None = None
    sitting_h_per_day: float | None = None
    mean_steps: float | None = None
    step_days: int = 0
    sessions: tuple[ActivitySession, ...] = ()


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def weeks(record: Record, on: dt.date, last: int = 4) -> list[WeekActivity]:
    """The activity of the ``last`` weeks up to ``on`` that have any data, oldest first, per source."""
    first_week = monday(on) - dt.timedelta(weeks=last - 1)
    out: list[WeekActivity] = []
    summaries = [a for a in record.activity if isinstance(a, ActivityWeek)]
    sessions = [a for a in record.activity if isinstance(a, ActivitySession)]
    steps = [a for a in record.activity if isinstance(a, StepCount)]
    for s in summaries:
        week = monday(s.week_of)
        if first_week <= week <= on:
            out.append(WeekActivity(week, "summary", s.moderate_minutes, s.vigorous_minutes, s.sessions_20min,
                                    s.strength_days, s.balance_days, s.sitting))
    by_week: dict[dt.date, list[ActivitySession]] = defaultdict(list)
    for s in sessions:
        if first_week <= monday(s.date) and s.date <= on:
            by_week[monday(s.date)].append(s)
    for week, items in by_week.items():
        out.append(_from_sessions(week, items))
    step_weeks: dict[dt.date, list[int]] = defaultdict(list)
    for s in steps:
        if first_week <= monday(s.date) and s.date <= on:
            step_weeks[monday(s.date)].append(s.steps)
    for week, counts in step_weeks.items():
        out.append(WeekActivity(week, "steps", mean_steps=mean(counts), step_days=len(counts)))
    return sorted(out, key=lambda w: (w.week_start, w.source))


def _from_sessions(week: dt.date, items: list[ActivitySession]) -> WeekActivity:
    aerobic = [s for s in items if s.kind in ("aerobic", "mixed")]
    moderate = sum(s.minutes for s in aerobic if s.intensity == "moderate")
    vigorous = sum(s.minutes for s in aerobic if s.intensity == "vigorous")
    long_sessions = sum(1 for s in items if s.intensity in ("moderate", "vigorous") and s.minutes >= 20)
    strength = len({s.date for s in items if s.kind in ("strength", "mixed")})
    balance = len({s.date for s in items if s.kind in ("balance", "mixed")})
    return WeekActivity(week, "sessions", moderate, vigorous, long_sessions, strength, balance,
                        sessions=tuple(items))
