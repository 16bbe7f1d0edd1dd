"""Adherence to the WHO 2020 activity guidelines and to "20 minutes of exercise, 3 times a week".

Bull FC, et al. World Health Organization 2020 guidelines on physical activity and sedentary
behaviour. Br J Sports Med 2020;54(24):1451-1462. [bull2020].
Adults: 150-300 min/week of moderate aerobic activity, or 75-150 min/week vigorous, or an
equivalent combination; muscle-strengthening at moderate or greater intensity on >= 2 days/week;
limit sedentary time (no numeric limit). Adults >= 65 y, in addition: varied multicomponent
activity emphasising functional balance and strength at moderate or greater intensity on >= 3
days/week. The separate check ``brief_3x20`` (>= 3 sessions of >= 20 minutes a week) is
reported beside WHO, never merged with it (3 x 20 = 60 min is far below 150).

Three sources, each computed on its own so that they can be compared:

* IPAQ short-form answers (:mod:`myoscope.instruments.ipaq_sf`, truncated minutes; walking
  counts as moderate activity, each item-day of >= 20 min as one session);
* logged sessions ``{date, minutes, intensity: light|moderate|vigorous, kind: aerobic|strength|balance}``;
* daily step counts, mapped with Tudor-Locke 2011 ([tudorlocke2011]): a cadence of
  >= 100 steps/min is about moderate intensity, so minutes at that cadence count as moderate
  aerobic minutes; without cadence minutes, an average of >= 8,000 steps/day (the top of the
  7,000-8,000 steps/day translation of the aerobic guideline) says "met" and anything less says
  "cannot tell" (other activity may not be walking). Steps never settle strength or balance.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from myoscope.instruments.api import CANNOT_TELL, Criterion, Example, Instrument, InstrumentInput, Score, given
from myoscope.instruments.ipaq_sf import IpaqInput, score_answers
from myoscope.references import cite
from myoscope.units import InUnit

WHO_CITATION = cite("bull2020")
STEPS_CITATION = cite("tudorlocke2011")

WHO_MODERATE_MINUTES = 150.0
"""Aerobic guideline: >= 150 min/week of moderate activity (WHO 2020, Bull 2020)."""
WHO_MODERATE_UPPER_MINUTES = 300.0
"""Upper end of the aerobic range, 300 min/week moderate; more brings additional benefit (WHO 2020)."""
WHO_VIGOROUS_MINUTES = 75.0
"""Or >= 75 min/week of vigorous activity (WHO 2020)."""
VIGOROUS_EQUIVALENCE = WHO_MODERATE_MINUTES / WHO_VIGOROUS_MINUTES
"""One vigorous minute counts as two moderate minutes: 150 moderate ~ 75 vigorous (WHO 2020)."""
WHO_STRENGTH_DAYS = 2
"""Muscle-strengthening at moderate or greater intensity on >= 2 days/week (WHO 2020)."""
WHO_BALANCE_DAYS = 3
"""Older adults: multicomponent balance and strength activity on >= 3 days/week (WHO 2020)."""
WHO_OLDER_AGE = 65
"""Age (years) from which the older-adult recommendation applies (WHO 2020)."""

BRIEF_SESSIONS = 3
BRIEF_SESSION_MINUTES = 20.0
"""The brief's threshold: at least 20 minutes of exercise (moderate or vigorous), three times a week."""

MODERATE_CADENCE = 100
"""Steps/min at or above which walking is about moderate intensity (Tudor-Locke 2011)."""
STEPS_GUIDELINE_RANGE = (7000, 8000)
"""Steps/day that translate the aerobic guideline for adults (Tudor-Locke 2011)."""
STEP_INDEX = (
    (5000, "sedentary"),
    (7500, "low active"),
    (10000, "somewhat active"),
    (12500, "active"),
    (None, "highly active"),
)
"""Graduated step index, steps/day: < 5,000 sedentary; 5,000-7,499 low active; 7,500-9,999 somewhat
active; 10,000-12,499 active; >= 12,500 highly active (as tabulated in Tudor-Locke 2011; Tudor-Locke &
Bassett 2004). Descriptive only: no adherence decision rests on it."""

AEROBIC_INTENSITIES = ("moderate", "vigorous")
DAYS_PER_WEEK = 7


class Session(BaseModel):
    """One logged exercise session."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)

    date: date
    minutes: Annotated[float, InUnit("min", 1, 1440)]
    intensity: Literal["light", "moderate", "vigorous"]
    kind: Literal["aerobic", "strength", "balance"]


class StepDay(BaseModel):
    """One day of step counting (``brisk_minutes`` = minutes at >= 100 steps/min)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)

    date: date
    steps: int = Field(ge=0, le=100_000)
    brisk_minutes: Annotated[float, InUnit("min", 0, 1440)] | None = None
    longest_brisk_bout: Annotated[float, InUnit("min", 0, 1440)] | None = None


class GuidelineInput(InstrumentInput):
    """Any of three activity sources, plus what they may not record."""

    age: int | None = Field(None, ge=0, le=120, description="age in years")
    ipaq: IpaqInput | None = None
    sessions: list[Session] | None = None
    daily_steps: list[StepDay] | None = None
    period_days: int | None = Field(
        None, ge=1, le=366, description="days the session log covers (default: first to last date, whole weeks)"
    )
    strength_days: int | None = Field(
        None, ge=0, le=7, description="muscle-strengthening days per week, when the source does not log them"
    )
    balance_days: int | None = Field(
        None, ge=0, le=7, description="balance/multicomponent days per week, when the source does not log them"
    )
    sitting: Annotated[float, InUnit("min", 0, 1440)] | None = Field(None, description="sitting time per day")


@dataclass(frozen=True)
class Adherence:
    """One source's answer; ``None`` = cannot tell (``missing`` says what to record)."""

    source: str
    aerobic_minutes: float | None
    aerobic_met: bool | None
    aerobic_upper_met: bool | None
    strength_days: float | None
    strength_met: bool | None
    balance_days: float | None
    balance_met: bool | None
    brief_sessions: float | None
    brief_met: bool | None
    sitting_minutes: float | None
    missing: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    details: dict[str, Any] = field(default_factory=dict)

    def decisions(self) -> dict[str, bool | None]:
        return {
            "aerobic": self.aerobic_met,
            "aerobic_upper": self.aerobic_upper_met,
            "strength": self.strength_met,
            "balance": self.balance_met,
            "brief_3x20": self.brief_met,
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "aerobic_minutes_per_week": _r(self.aerobic_minutes),
            "strength_days_per_week": _r(self.strength_days),
            "balance_days_per_week": _r(self.balance_days),
            "brief_sessions_per_week": _r(self.brief_sessions),
            "sitting_minutes_per_day": _r(self.sitting_minutes),
            **{k: v for k, v in self.decisions().items()},
            "missing": list(self.missing),
            "notes": list(self.notes),
            **self.details,
        }


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 1)


def _at_least(value: float | None, threshold: float) -> bool | None:
    return None if value is None else value >= threshold


def _balance(age: int | None, days: float | None, missing: list[str]) -> tuple[float | None, bool | None]:
    if age is None:
        missing.append("age (the balance recommendation applies from 65 years)")
        return days, None
    if age < WHO_OLDER_AGE:
        return days, None
    if days is None:
        missing.append("days per week of balance/multicomponent activity (recommended for 65 and over)")
    return days, _at_least(days, WHO_BALANCE_DAYS)


def _finish(
    source: str,
    aerobic: float | None,
    strength: float | None,
    balance: float | None,
    brief: float | None,
    sitting: float | None,
    age: int | None,
    missing: list[str],
    notes: Sequence[str] = (),
    aerobic_met: bool | None = None,
    **details: Any,
) -> Adherence:
    if strength is None:
        missing.append("days per week of muscle-strengthening activity")
    if sitting is None:
        missing.append("sitting time per day")
    balance_days, balance_met = _balance(age, balance, missing)
    met = aerobic_met if aerobic is None else aerobic >= WHO_MODERATE_MINUTES
    upper = None if aerobic is None else aerobic >= WHO_MODERATE_UPPER_MINUTES
    return Adherence(
        source,
        aerobic,
        met,
        upper,
        strength,
        _at_least(strength, WHO_STRENGTH_DAYS),
        balance_days,
        balance_met,
        brief,
        _at_least(brief, BRIEF_SESSIONS),
        sitting,
        tuple(missing),
        tuple(notes),
        details,
    )


def adherence_from_ipaq(
    answers: IpaqInput, age: int | None = None, strength_days: int | None = None, balance_days: int | None = None
) -> Adherence:
    """Adherence from IPAQ-SF answers (truncated minutes; walking counted as moderate)."""
    res = score_answers(answers)
    age = age if age is not None else answers.age
    if res.excluded:
        return _finish(
            "ipaq",
            None,
            strength_days,
            balance_days,
            None,
            res.sitting_minutes_per_day,
            age,
            list(res.missing),
            notes=(f"IPAQ case excluded (rule {res.excluded}).",),
        )
    aerobic = (
        res.weekly_minutes("walking")
        + res.weekly_minutes("moderate")
        + VIGOROUS_EQUIVALENCE * res.weekly_minutes("vigorous")
    )
    brief = sum(res.days[i] for i in res.days if res.minutes[i] >= BRIEF_SESSION_MINUTES)
    return _finish(
        "ipaq",
        aerobic,
        strength_days,
        balance_days,
        float(brief),
        res.sitting_minutes_per_day,
        age,
        [],
        notes=("IPAQ does not ask about muscle-strengthening or balance.",),
        ipaq_category=res.category,
        ipaq_met_min_per_week=round(given(res.total, "the IPAQ total"), 1),
    )


def adherence_from_summary(
    moderate_minutes: float | None,
    vigorous_minutes: float | None,
    sessions_20min: float | None = None,
    strength_days: float | None = None,
    balance_days: float | None = None,
    sitting: float | None = None,
    age: int | None = None,
) -> Adherence:
    """Adherence from one week's summary (minutes by intensity, as reported).

    With only one of the two intensities reported, the known minutes are a lower bound: they
    can show that the aerobic recommendation is met, never that it is not.
    """
    missing: list[str] = []
    if sessions_20min is None:
        missing.append("number of exercise sessions of 20 minutes or more in the week")
    if moderate_minutes is None and vigorous_minutes is None:
        missing.append("minutes of moderate and of vigorous activity in the week")
        return _finish("summary", None, strength_days, balance_days, sessions_20min, sitting, age, missing)
    lower = (moderate_minutes or 0.0) + VIGOROUS_EQUIVALENCE * (vigorous_minutes or 0.0)
    if moderate_minutes is None or vigorous_minutes is None:
        missing.append(
            "minutes of " + ("moderate" if moderate_minutes is None else "vigorous") + " activity in the week"
        )
        met = True if lower >= WHO_MODERATE_MINUTES else None
        return _finish(
            "summary",
            None,
            strength_days,
            balance_days,
            sessions_20min,
            sitting,
            age,
            missing,
            aerobic_met=met,
            aerobic_minutes_at_least=round(lower, 1),
        )
    return _finish("summary", lower, strength_days, balance_days, sessions_20min, sitting, age, missing)


def _weeks(dates: Sequence[date], period_days: int | None) -> float:
    if period_days is not None:
        return period_days / DAYS_PER_WEEK
    span = (max(dates) - min(dates)).days + 1
    return float(max(1, math.ceil(span / DAYS_PER_WEEK)))


def adherence_from_sessions(
    sessions: Sequence[Session],
    age: int | None = None,
    period_days: int | None = None,
    sitting: float | None = None,
    strength_days: float | None = None,
    balance_days: float | None = None,
) -> Adherence:
    """Adherence from logged sessions, averaged per week over ``period_days`` (default: whole weeks spanned).

    ``strength_days`` / ``balance_days`` stated alongside the log count too: the larger of the stated and the
    logged days a week is used, so a stated strength routine is never silently dropped.
    """
    if not sessions:
        return _finish(
            "sessions", None, strength_days, balance_days, None, sitting, age, ["a log of exercise sessions"]
        )
    weeks = _weeks([s.date for s in sessions], period_days)
    aerobic = sum(
        s.minutes * (VIGOROUS_EQUIVALENCE if s.intensity == "vigorous" else 1.0)
        for s in sessions
        if s.kind == "aerobic" and s.intensity in AEROBIC_INTENSITIES
    )
    strength = len({s.date for s in sessions if s.kind == "strength" and s.intensity in AEROBIC_INTENSITIES})
    balance = len({s.date for s in sessions if s.kind == "balance" and s.intensity in AEROBIC_INTENSITIES})
    brief = sum(1 for s in sessions if s.intensity in AEROBIC_INTENSITIES and s.minutes >= BRIEF_SESSION_MINUTES)
    strength_week = max(strength / weeks, strength_days or 0.0)
    balance_week = max(balance / weeks, balance_days or 0.0)
    return _finish(
        "sessions",
        aerobic / weeks,
        strength_week,
        balance_week,
        brief / weeks,
        sitting,
        age,
        [],
        notes=("Light-intensity sessions do not count towards any recommendation.",),
        weeks=round(weeks, 2),
    )


def step_index(mean_steps: float) -> str:
    """Descriptive step-index label for an average steps/day (see :data:`STEP_INDEX`)."""
    for upper, label in STEP_INDEX:
        if upper is None or mean_steps < upper:
            return label
    raise AssertionError("unreachable")


def adherence_from_steps(
    days: Sequence[StepDay],
    age: int | None = None,
    strength_days: int | None = None,
    balance_days: int | None = None,
    sitting: float | None = None,
) -> Adherence:
    """Adherence from daily step counts (cadence minutes if recorded, else the steps/day translation)."""
    if not days:
        return _finish("steps", None, strength_days, balance_days, None, sitting, age, ["daily step counts"])
    weeks = len(days) / DAYS_PER_WEEK
    mean_steps = sum(d.steps for d in days) / len(days)
    missing: list[str] = []
    notes = ["Steps cannot show muscle-strengthening or balance activity."]
    aerobic: float | None = None
    brief: float | None = None
    aerobic_met: bool | None = None
    if all(d.brisk_minutes is not None for d in days):
        aerobic = sum(given(d.brisk_minutes) for d in days) / weeks
    else:
        missing.append(f"minutes per day at >= {MODERATE_CADENCE} steps/min (from the step counter)")
        if mean_steps >= STEPS_GUIDELINE_RANGE[1]:
            aerobic_met = True
            notes.append(
                f"Average {mean_steps:.0f} steps/day is at or above {STEPS_GUIDELINE_RANGE[1]}, "
                "the steps/day translation of the aerobic guideline."
            )
    if all(d.longest_brisk_bout is not None for d in days):
        brief = sum(1 for d in days if given(d.longest_brisk_bout) >= BRIEF_SESSION_MINUTES) / weeks
    else:
        missing.append(f"the longest continuous bout per day at >= {MODERATE_CADENCE} steps/min")
    return _finish(
        "steps",
        aerobic,
        strength_days,
        balance_days,
        brief,
        sitting,
        age,
        missing,
        notes,
        aerobic_met=aerobic_met,
        mean_steps_per_day=round(mean_steps),
        step_index=step_index(mean_steps),
        days_counted=len(days),
    )


def adherence(data: GuidelineInput) -> dict[str, Adherence]:
    """Every source the input holds, computed separately (keys: ``sessions``, ``ipaq``, ``steps``)."""
    out: dict[str, Adherence] = {}
    if data.sessions is not None:
        out["sessions"] = adherence_from_sessions(
            data.sessions, data.age, data.period_days, data.sitting, data.strength_days, data.balance_days
        )
    if data.ipaq is not None:
        out["ipaq"] = adherence_from_ipaq(data.ipaq, data.age, data.strength_days, data.balance_days)
    if data.daily_steps is not None:
        out["steps"] = adherence_from_steps(
            data.daily_steps, data.age, data.strength_days, data.balance_days, data.sitting
        )
    return out


def disagreements(results: dict[str, Adherence]) -> list[str]:
    """Criteria that two sources decide differently (both decided)."""
    out = []
    for name in ("aerobic", "strength", "balance", "brief_3x20"):
        decided = {src: r.decisions()[name] for src, r in results.items() if r.decisions()[name] is not None}
        if len(set(decided.values())) > 1:
            out.append(f"{name}: " + ", ".join(f"{s} {'met' if v else 'not met'}" for s, v in decided.items()))
    return out


MEETS, BELOW = "meets WHO 2020", "below WHO 2020"


class ActivityGuidelines(Instrument):
    """WHO 2020 adherence (aerobic, strength, balance at 65+) and the brief's 3 x 20 min check."""

    name = "activity-guidelines"
    title = "Adherence to the WHO 2020 physical activity guidelines and to 3 x 20 min/week"
    version = "2020"
    citations = cite("bull2020", "tudorlocke2011", "ipaq2005")
    kind = "definition"
    domain = "activity"
    person_fields = ("age",)
    Input = GuidelineInput
    examples = (
        # The WHO 2020 minimum met exactly: 5 x 30 min moderate aerobic + 2 strength days, age 40.
        Example(
            {
                "age": 40,
                "sitting": "8 h",
                "sessions": [
                    {"date": f"2026-03-0{d}", "minutes": 30, "intensity": "moderate", "kind": "aerobic"}
                    for d in range(2, 7)
                ]
                + [
                    {"date": f"2026-03-0{d}", "minutes": 30, "intensity": "moderate", "kind": "strength"}
                    for d in (7, 8)
                ],
            },
            150.0,
            MEETS,
            "bull2020",
        ),
    )

    def compute(self, data: GuidelineInput) -> Score:
        results = adherence(data)
        if not results:
            return self.cannot_tell(
                ["an activity record: IPAQ answers, a log of exercise sessions or daily step counts"],
                **({"details": {"age": data.age}} if data.age is not None else {}),
            )
        primary = next(iter(results.values()))
        criteria = _criteria(primary, data.age)
        decisive = [c.met for c in criteria if c.name != "brief 3 x 20 min" and c.name != "WHO aerobic upper range"]
        category = BELOW if False in decisive else (MEETS if all(m is True for m in decisive) else CANNOT_TELL)
        details = {
            "primary_source": primary.source,
            "sources": {k: r.to_json() for k, r in results.items()},
            "disagreements": disagreements(results),
            "sedentary": "WHO 2020: limit sedentary time and replace it with activity of any intensity "
            "(no numeric limit).",
        }
        value = _r(primary.aerobic_minutes)
        missing = list(primary.missing)
        if category == CANNOT_TELL and not missing:
            missing = ["an activity record that settles every criterion"]
        return self.result(
            value,
            category,
            unit="min/week moderate-equivalent",
            criteria=tuple(criteria),
            missing=missing,
            details=details,
            positive=None if category == CANNOT_TELL else category == BELOW,
            interpretation=_text(primary, category),
        )


def _criteria(r: Adherence, age: int | None) -> list[Criterion]:
    out = [
        Criterion(
            "WHO aerobic",
            r.aerobic_met,
            _r(r.aerobic_minutes),
            ">= 150 min/week moderate-equivalent (vigorous x 2)",
            "bull2020",
        ),
        Criterion("WHO aerobic upper range", r.aerobic_upper_met, _r(r.aerobic_minutes), ">= 300 min/week", "bull2020"),
        Criterion("WHO muscle-strengthening", r.strength_met, _r(r.strength_days), ">= 2 days/week", "bull2020"),
    ]
    if age is None or age >= WHO_OLDER_AGE:
        out.append(
            Criterion(
                "WHO balance/multicomponent (65+)", r.balance_met, _r(r.balance_days), ">= 3 days/week", "bull2020"
            )
        )
    out.append(
        Criterion("brief 3 x 20 min", r.brief_met, _r(r.brief_sessions), ">= 3 sessions/week of >= 20 min", None)
    )
    return out


def _text(r: Adherence, category: str) -> str:
    parts = [f"{category} (from {r.source})."]
    if r.brief_met is not None:
        parts.append(f"3 x 20 min/week: {'met' if r.brief_met else 'not met'}.")
    if r.sitting_minutes is not None:
        parts.append(f"Sitting {r.sitting_minutes / 60:.1f} h/day: WHO advises limiting it.")
    return " ".join(parts)


INSTRUMENT = ActivityGuidelines()

__all__ = [
    "ActivityGuidelines",
    "Adherence",
    "GuidelineInput",
    "INSTRUMENT",
    "Session",
    "StepDay",
    "adherence",
    "adherence_from_ipaq",
    "adherence_from_sessions",
    "adherence_from_steps",
    "disagreements",
    "step_index",
]
