"""IPAQ short form (last 7 days), scored with the IPAQ Research Committee protocol.

Craig CL, et al. International physical activity questionnaire: 12-country reliability and
validity. Med Sci Sports Exerc 2003;35(8):1381-1395. [craig2003].
Scoring: IPAQ Research Committee. Guidelines for data processing and analysis of the IPAQ -
short and long forms, revised November 2005 (the "protocol"), https://sites.google.com/view/ipaq/score.

Three activity items (vigorous, moderate, walking; each "days in the last 7" and "usual time
on one of those days") and one sitting item. Only bouts of 10 minutes or more count. The
protocol's processing rules are applied in its order:

* 7.1 I   hours and minutes are converted to minutes;
* 7.1 II  15, 30, 45, 60 or 90 written in the *hours* box is read as minutes;
* 7.1 III a time reported per week is divided by 7 to give a daily time;
* 7.1 IV  a missing, "don't know" or refused days or time answer excludes the case;
* 7.2     a case whose walking + moderate + vigorous daily time exceeds 960 min is excluded
          (days outside 0-7 are refused at input);
* 7.3     a daily time under 10 min is recoded to 0, and its days to 0;
* 7.4     a daily time over 180 min is truncated to 180 min (at most 21 h a week per item).

MET-minutes/week = MET x minutes/day x days (walking 3.3, moderate 4.0, vigorous 8.0). The
categories (low, moderate, high) use the truncated values. Sitting is reported on its own and
is not part of any MET total. An excluded case scores "cannot tell" and says what to re-ask.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from myoscope.instruments._base import Criterion, Example, Instrument, InstrumentInput, Score
from myoscope.references import cite
from myoscope.units import InUnit

CITATIONS = cite("craig2003", "ipaq2005")
PROTOCOL = cite("ipaq2005")

DOMAINS = ("vigorous", "moderate", "walking")
ITEM_TEXT = {
    "vigorous": "vigorous activity (hard breathing, e.g. heavy lifting, digging, aerobics, fast cycling)",
    "moderate": (
        "moderate activity (somewhat harder breathing, e.g. light loads, cycling at a regular pace; not walking)"
    ),
    "walking": "walking for at least 10 minutes at a time",
    "sitting": "time sitting on a weekday",
}
"""Short paraphrases of the items (not the questionnaire's wording)."""

MET = {"walking": 3.3, "moderate": 4.0, "vigorous": 8.0}
"""MET values of the short form: walking 3.3, moderate 4.0, vigorous 8.0 (IPAQ protocol 2005, section 5.2)."""

HOURS_BOX_MINUTE_VALUES = frozenset({15, 30, 45, 60, 90})
"""Values in the hours box read as minutes (IPAQ protocol 2005, rule 7.1 II)."""
DAYS_PER_WEEK = 7
"""A weekly time is divided by 7 to give a daily time (IPAQ protocol 2005, rule 7.1 III)."""
MAX_TOTAL_DAILY_MINUTES = 960.0
"""A case with walking + moderate + vigorous daily time > 960 min (16 h) is excluded
(IPAQ protocol 2005, rule 7.2: assumes 8 h of sleep)."""
MIN_BOUT_MINUTES = 10.0
"""A daily time < 10 min is recoded to 0 min, with its days (IPAQ protocol 2005, rule 7.3)."""
TRUNCATE_DAILY_MINUTES = 180.0
"""A daily time > 180 min is truncated to 180 min (IPAQ protocol 2005, rule 7.4)."""
VALIDATED_AGE = (15, 69)
"""Ages (years) the short form was developed and tested for (IPAQ protocol 2005, section 2)."""

HIGH_VIGOROUS_DAYS = 3
HIGH_VIGOROUS_TOTAL_MET = 1500.0
"""High (a): vigorous on >= 3 days and total >= 1,500 MET-min/week (IPAQ protocol 2005, 5.3)."""
HIGH_ANY_DAYS = 7
HIGH_ANY_TOTAL_MET = 3000.0
"""High (b): >= 7 days of any combination and total >= 3,000 MET-min/week (IPAQ protocol 2005, 5.3)."""
MODERATE_VIGOROUS_DAYS = 3
MODERATE_VIGOROUS_MINUTES = 20.0
"""Moderate (a): >= 3 days of vigorous activity of >= 20 min/day (IPAQ protocol 2005, 5.3)."""
MODERATE_WALK_DAYS = 5
MODERATE_WALK_MINUTES = 30.0
"""Moderate (b): >= 5 days of moderate activity and/or walking of >= 30 min/day (IPAQ protocol 2005,
5.3). Our reading, stated because the protocol's wording leaves it open: the days of each of the two
items whose daily time is >= 30 min are added."""
MODERATE_ANY_DAYS = 5
MODERATE_ANY_TOTAL_MET = 600.0
"""Moderate (c): >= 5 days of any combination and total >= 600 MET-min/week (IPAQ protocol 2005, 5.3).
"Days of any combination" is the sum of the three items' days (it may exceed 7)."""

LOW, MODERATE, HIGH = "low", "moderate", "high"

DailyTime = Annotated[float, InUnit("min", 0, 10080)]
"""A usual time for one item: per day, or per week when ``time_reported_per`` is ``week``."""


def _days(item: str) -> Any:
    return Field(None, ge=0, le=7, description=f"days in the last 7 with {ITEM_TEXT[item]}; 0 = none")


def _time(item: str) -> Any:
    return Field(None, description=f"usual time on one of those days, {ITEM_TEXT[item]} (e.g. '1 h 30 min')")


def _hours(item: str) -> Any:
    return Field(None, ge=0, le=90, description=f"hours box of the paper form, {item}")


def _minutes(item: str) -> Any:
    return Field(None, ge=0, le=1440, description=f"minutes box of the paper form, {item}")


class IpaqInput(InstrumentInput):
    """IPAQ-SF answers. ``None`` = not answered, "don't know" or refused (protocol rule 7.1 IV).

    Give each time either as ``*_time`` (a duration, e.g. ``"1 h 30 min"`` or ``45``, in minutes)
    or as the form's ``*_hours`` and ``*_minutes`` boxes, not both.
    """

    vigorous_days: int | None = _days("vigorous")
    vigorous_time: DailyTime | None = _time("vigorous")
    vigorous_hours: int | None = _hours("vigorous")
    vigorous_minutes: int | None = _minutes("vigorous")
    moderate_days: int | None = _days("moderate")
    moderate_time: DailyTime | None = _time("moderate")
    moderate_hours: int | None = _hours("moderate")
    moderate_minutes: int | None = _minutes("moderate")
    walking_days: int | None = _days("walking")
    walking_time: DailyTime | None = _time("walking")
    walking_hours: int | None = _hours("walking")
    walking_minutes: int | None = _minutes("walking")
    sitting_time: Annotated[float, InUnit("min", 0, 1440)] | None = Field(
        None, description=ITEM_TEXT["sitting"] + " (per day)"
    )
    sitting_hours: int | None = _hours("sitting")
    sitting_minutes: int | None = _minutes("sitting")
    time_reported_per: Literal["day", "week"] = Field(
        "day", description="whether the activity times are per day (the form) or per week (rule 7.1 III)"
    )
    age: int | None = Field(None, ge=0, le=120, description="age in years (the form is validated for 15-69)")

    @model_validator(mode="after")
    def _one_way_per_time(self) -> IpaqInput:
        for item in (*DOMAINS, "sitting"):
            boxes = getattr(self, f"{item}_hours") is not None or getattr(self, f"{item}_minutes") is not None
            if boxes and getattr(self, f"{item}_time") is not None:
                raise ValueError(f"give {item}_time or the {item}_hours/{item}_minutes boxes, not both")
        return self


@dataclass(frozen=True)
class IpaqResult:
    """Everything the protocol derives from one person's answers.

    ``excluded`` names the rule that removed the case (then the totals are None);
    ``days`` and ``minutes`` are after rules 7.3 and 7.4 (``minutes_untruncated`` after 7.3 only);
    minutes are per day; ``met`` is MET-min/week per item.
    """

    excluded: str | None
    missing: tuple[str, ...]
    days: dict[str, int] = field(default_factory=dict)
    minutes: dict[str, float] = field(default_factory=dict)
    minutes_untruncated: dict[str, float] = field(default_factory=dict)
    met: dict[str, float] = field(default_factory=dict)
    total: float | None = None
    category: str | None = None
    total_untruncated: float | None = None
    category_untruncated: str | None = None
    sitting_minutes_per_day: float | None = None
    rules_applied: tuple[str, ...] = ()
    criteria: tuple[Criterion, ...] = ()

    def weekly_minutes(self, item: str) -> float:
        """Truncated minutes per week of one item (days x minutes/day)."""
        return self.days[item] * self.minutes[item]


def _box_minutes(item: str, hours: int | None, minutes: int | None, log: list[str]) -> float | None:
    """Rules 7.1 I and II for the paper form's boxes; None if the entry is ambiguous."""
    if hours is not None and hours in HOURS_BOX_MINUTE_VALUES:
        if minutes:
            return None
        log.append(f"7.1 II: {item} hours box {hours} read as {hours} min")
        return float(hours)
    total = 60.0 * (hours or 0) + (minutes or 0)
    if hours:
        log.append(f"7.1 I: {item} {hours} h {minutes or 0} min = {total:g} min")
    return total


def _raw_time(data: IpaqInput, item: str, log: list[str]) -> tuple[float | None, str | None]:
    """(time in minutes as reported, problem) for one item, before the daily/weekly conversion."""
    hours, minutes = getattr(data, f"{item}_hours"), getattr(data, f"{item}_minutes")
    if hours is not None or minutes is not None:
        value = _box_minutes(item, hours, minutes, log)
        if value is None:
            return None, (
                f"{item} time: the hours box holds {hours}, which the protocol reads as minutes, "
                f"but the minutes box also holds {minutes}; confirm the usual time"
            )
        return value, None
    return getattr(data, f"{item}_time"), None


def sitting_minutes(data: IpaqInput) -> float | None:
    """Sitting time in minutes per weekday (rules 7.1 I-II apply to its boxes too); None if not given."""
    value, problem = _raw_time(data, "sitting", [])
    return None if problem else value


def _category(days: dict[str, int], minutes: dict[str, float], total: float) -> tuple[str, list[Criterion]]:
    any_days = sum(days.values())
    walk_or_moderate_days = sum(days[i] for i in ("moderate", "walking") if minutes[i] >= MODERATE_WALK_MINUTES)
    rules = [
        (
            "high (a): vigorous >= 3 days and >= 1500 MET-min/week",
            days["vigorous"] >= HIGH_VIGOROUS_DAYS and total >= HIGH_VIGOROUS_TOTAL_MET,
            HIGH,
        ),
        (
            "high (b): >= 7 days of any combination and >= 3000 MET-min/week",
            any_days >= HIGH_ANY_DAYS and total >= HIGH_ANY_TOTAL_MET,
            HIGH,
        ),
        (
            "moderate (a): >= 3 days of vigorous activity >= 20 min/day",
            days["vigorous"] >= MODERATE_VIGOROUS_DAYS and minutes["vigorous"] >= MODERATE_VIGOROUS_MINUTES,
            MODERATE,
        ),
        (
            "moderate (b): >= 5 days of moderate activity and/or walking >= 30 min/day",
            walk_or_moderate_days >= MODERATE_WALK_DAYS,
            MODERATE,
        ),
        (
            "moderate (c): >= 5 days of any combination and >= 600 MET-min/week",
            any_days >= MODERATE_ANY_DAYS and total >= MODERATE_ANY_TOTAL_MET,
            MODERATE,
        ),
    ]
    criteria = [Criterion(name, met, citation="ipaq2005") for name, met, _ in rules]
    for _, met, level in rules:
        if met:
            return level, criteria
    return LOW, criteria


def _mets(days: dict[str, int], minutes: dict[str, float]) -> dict[str, float]:
    return {item: MET[item] * minutes[item] * days[item] for item in DOMAINS}


def score_answers(data: IpaqInput) -> IpaqResult:
    """Apply the protocol's processing rules and scoring to one person's answers."""
    log: list[str] = []
    missing: list[str] = []
    days: dict[str, int] = {}
    daily: dict[str, float] = {}
    for item in DOMAINS:
        n = getattr(data, f"{item}_days")
        if n is None:
            missing.append(f"IPAQ: days in the last 7 with {ITEM_TEXT[item]}")
            continue
        days[item] = n
        if n == 0:
            daily[item] = 0.0
            continue
        value, problem = _raw_time(data, item, log)
        if problem:
            missing.append(f"IPAQ: {problem}")
            continue
        if value is None:
            missing.append(f"IPAQ: usual time per day of {ITEM_TEXT[item]}")
            continue
        if data.time_reported_per == "week":
            log.append(f"7.1 III: {item} {value:g} min/week / {DAYS_PER_WEEK} = {value / DAYS_PER_WEEK:g} min/day")
            value = value / DAYS_PER_WEEK
        daily[item] = float(value)
    sitting = sitting_minutes(data)
    if missing:
        return IpaqResult(
            "7.1 IV: a days or time answer is missing, don't know or refused",
            tuple(missing),
            sitting_minutes_per_day=sitting,
            rules_applied=tuple(log),
        )
    total_daily = sum(daily.values())
    if total_daily > MAX_TOTAL_DAILY_MINUTES:
        return IpaqResult(
            f"7.2: walking + moderate + vigorous daily time {total_daily:g} min "
            f"exceeds {MAX_TOTAL_DAILY_MINUTES:g} min",
            (f"IPAQ: re-ask the activity times (the reported {total_daily:g} min/day exceeds 16 hours)",),
            sitting_minutes_per_day=sitting,
            rules_applied=tuple(log),
        )
    for item in DOMAINS:
        if 0 < daily[item] < MIN_BOUT_MINUTES:
            log.append(f"7.3: {item} {daily[item]:g} min/day < {MIN_BOUT_MINUTES:g} min recoded to 0 min and 0 days")
            daily[item], days[item] = 0.0, 0
    truncated = {}
    for item in DOMAINS:
        truncated[item] = min(daily[item], TRUNCATE_DAILY_MINUTES)
        if daily[item] > TRUNCATE_DAILY_MINUTES:
            log.append(f"7.4: {item} {daily[item]:g} min/day truncated to {TRUNCATE_DAILY_MINUTES:g} min")
    met = _mets(days, truncated)
    total = sum(met.values())
    category, criteria = _category(days, truncated, total)
    total_raw = sum(_mets(days, daily).values())
    category_raw, _ = _category(days, daily, total_raw)
    return IpaqResult(
        None,
        (),
        dict(days),
        truncated,
        dict(daily),
        met,
        total,
        category,
        total_raw,
        category_raw,
        sitting,
        tuple(log),
        tuple(criteria),
    )


class Ipaq(Instrument):
    """IPAQ short form: MET-min/week (walking, moderate, vigorous, total) and category."""

    name = "ipaq"
    title = "International Physical Activity Questionnaire, short form (last 7 days)"
    version = "2005-11"
    citations = CITATIONS
    domain = "activity"
    person_fields = ("age",)
    Input = IpaqInput
    examples = (
        # The protocol's own truncation example (section 7.4): walking 6 days x 10 min and moderate
        # 1 day x 12 h. Untruncated total 3,078 MET-min ("high"); truncated (720 -> 180 min) 918 ("moderate").
        Example(
            {"vigorous_days": 0, "moderate_days": 1, "moderate_time": "12 h", "walking_days": 6, "walking_time": 10},
            918.0,
            MODERATE,
            "ipaq2005",
        ),
    )

    def compute(self, data: IpaqInput) -> Score:
        res = score_answers(data)
        details: dict[str, Any] = {
            "rules_applied": list(res.rules_applied),
            "sitting_minutes_per_day": res.sitting_minutes_per_day,
            "excluded": res.excluded,
        }
        warning = _age_warning(data.age)
        if warning:
            details["warning"] = warning
        if res.excluded:
            return self.cannot_tell(
                res.missing,
                details=details,
                interpretation=f"Case excluded by the IPAQ protocol (rule {res.excluded}).",
            )
        total, category, total_raw = res.total, res.category, res.total_untruncated
        if total is None or category is None or total_raw is None:
            raise RuntimeError("score_answers left a case that was not excluded without totals")
        details.update(
            {
                "met_min_per_week": {**{k: round(v, 1) for k, v in res.met.items()}, "total": round(total, 1)},
                "days": res.days,
                "minutes_per_day": res.minutes,
                "untruncated": {"total": round(total_raw, 1), "category": res.category_untruncated},
            }
        )
        text = f"IPAQ activity level {category} ({total:.0f} MET-min/week)."
        if res.sitting_minutes_per_day is None:
            text += " Sitting time not reported."
        return self.result(
            round(total, 1),
            category,
            unit="MET-min/week",
            criteria=res.criteria,
            details=details,
            positive=category == LOW,
            interpretation=text + (f" {warning}" if warning else ""),
        )


def _age_warning(age: int | None) -> str | None:
    low, high = VALIDATED_AGE
    if age is not None and not low <= age <= high:
        return f"IPAQ was developed and tested for ages {low}-{high}; at {age} y interpret with caution."
    return None


INSTRUMENT = Ipaq()
