"""Confirmed disability progression (CDP) in MS from a series of dated EDSS values.

Definition used (fixed baseline, as in phase-3 trials; Lublin FD, et al. Neurology
2014;83(3):278-286, [lublin2014]; Kappos L, et al. Mult Scler
2018;24(7):963-973, [kappos2018]):

* baseline = the first EDSS of the series;
* worsening threshold by baseline, three tiers (default): +1.5 from 0, +1.0 from 1.0-5.5,
  +0.5 from 6.0 or more; two tiers (option): +1.0 up to 5.5, +0.5 above;
* confirmation: a later EDSS taken at least ``confirmation`` after the worsening (default
  24 weeks = 168 days; 12 weeks is the other common choice) still at or above the threshold.
  ``rule="next_visit"`` (default) checks the first eligible visit after that interval;
  ``rule="sustained"`` requires every later visit to stay at or above it;
* a confirming EDSS taken within ``relapse_exclusion`` (default 30 days) after a relapse onset
  is skipped (UNVERIFIED convention, configurable);
* an event starting within ``raw_window`` (default 90 days, UNVERIFIED, configurable) after a
  relapse onset is relapse-associated worsening (RAW), otherwise progression independent of
  relapse activity (PIRA) when relapses are recorded.

The roving-baseline variant (Kappos 2018) is not implemented.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from myoscope.instruments.api import Criterion, Example, Instrument, InstrumentInput, Score, given
from myoscope.instruments.edss import EdssValue
from myoscope.references import cite
from myoscope.units import InUnit

THREE_TIER: tuple[tuple[float, float], ...] = ((0.0, 1.5), (5.5, 1.0), (10.0, 0.5))
"""(highest baseline EDSS, required increase): +1.5 from 0, +1.0 from 1.0-5.5, +0.5 from 6.0."""
TWO_TIER: tuple[tuple[float, float], ...] = ((5.5, 1.0), (10.0, 0.5))
"""+1.0 up to baseline 5.5, +0.5 above."""

DEFAULT_CONFIRMATION_WEEKS = 24
RAW_WINDOW_DAYS = 90
"""Relapse-associated worsening window after a relapse onset (UNVERIFIED, commonly 90 days)."""
RELAPSE_EXCLUSION_DAYS = 30
"""A confirming EDSS is not taken within this many days after a relapse onset (UNVERIFIED)."""

_DEFAULTS = {
    "confirmation": DEFAULT_CONFIRMATION_WEEKS,
    "raw_window": RAW_WINDOW_DAYS,
    "relapse_exclusion": RELAPSE_EXCLUSION_DAYS,
}

CONFIRMED, NOT_CONFIRMED = "confirmed disability progression", "no confirmed progression"


class Visit(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)

    edss: EdssValue = Field(ge=0, le=10, description="EDSS at this visit")
    date: dt.date | None = Field(default=None, description="date of the visit")
    time: Annotated[float, InUnit("week", 0, 5200)] | None = Field(
        default=None, description="time since the first visit (e.g. 12 for 12 weeks, or '84 days')"
    )

    @model_validator(mode="after")
    def _when(self) -> Visit:
        if (self.date is None) == (self.time is None):
            raise ValueError("give each visit either a date or a time since the first visit")
        if self.edss is None:
            raise ValueError("each visit needs an EDSS value")
        return self


class CdpInput(InstrumentInput):
    visits: list[Visit] | None = Field(default=None, max_length=500, description="EDSS visits, any order")
    relapses: list[dt.date | Annotated[float, InUnit("week", 0, 5200)]] | None = Field(
        default=None,
        description="relapse onsets (dates, or times since the first visit); [] = none, absent = not recorded",
    )
    tiers: Literal["three", "two"] = "three"
    confirmation: Annotated[float, InUnit("week", 1, 520)] | None = Field(
        default=DEFAULT_CONFIRMATION_WEEKS, description="confirmation interval (default 24 weeks)"
    )
    rule: Literal["next_visit", "sustained"] = "next_visit"
    raw_window: Annotated[float, InUnit("day", 0, 365)] | None = Field(
        default=RAW_WINDOW_DAYS,
        description="days after a relapse onset within which a worsening counts as relapse-associated (unverified)",
    )
    relapse_exclusion: Annotated[float, InUnit("day", 0, 365)] | None = Field(
        default=RELAPSE_EXCLUSION_DAYS,
        description="days after a relapse onset in which an EDSS cannot confirm progression (unverified)",
    )

    @field_validator("confirmation", "raw_window", "relapse_exclusion", mode="after")
    @classmethod
    def _default_when_null(cls, value: float | None, info: ValidationInfo) -> float:
        return float(_DEFAULTS[given(info.field_name)]) if value is None else value

    @model_validator(mode="after")
    def _same_clock(self) -> CdpInput:
        kinds = {v.date is not None for v in self.visits or ()}
        kinds |= {isinstance(r, dt.date) for r in self.relapses or ()}
        if len(kinds) > 1:
            raise ValueError("use dates everywhere or times since the first visit everywhere, not both")
        return self

    @field_validator("visits", mode="after")
    @classmethod
    def _one_value_a_visit(cls, visits: list[Visit] | None) -> list[Visit] | None:
        """Two EDSS values at one time would read as a worsening (or an improvement) in no time at all."""
        seen: dict[dt.date | float, float] = {}
        for visit in visits or ():
            when, value = _when(visit), given(visit.edss, "a visit's EDSS")  # each visit holds one
            if seen.setdefault(when, value) != value:
                at = when.isoformat() if isinstance(when, dt.date) else f"week {when:g}"
                raise ValueError(
                    f"two visits at {at} give different EDSS values ({seen[when]:g} and {value:g}); "
                    "keep the one that was scored"
                )
        return visits


def required_increase(baseline: float, tiers: str = "three") -> float:
    """The EDSS increase that counts as worsening from ``baseline``."""
    table = THREE_TIER if tiers == "three" else TWO_TIER
    return next(step for upper, step in table if baseline <= upper)


def _days(point: dt.date | float, origin: dt.date | None) -> float:
    return (
        float((point - given(origin, "the first visit's date")).days)
        if isinstance(point, dt.date)
        else float(point) * 7
    )


def _when(visit: Visit) -> dt.date | float:
    """A visit's date, else its time since the first visit (the model holds exactly one)."""
    return visit.date if visit.date is not None else given(visit.time, "a visit's date or time")


class DisabilityProgression(Instrument):
    name = "cdp"
    title = "Confirmed disability progression from dated EDSS values (MS)"
    version = "1"
    citations = cite("lublin2014", "kappos2018", "kurtzke1983")
    kind = "definition"
    domain = "ms"
    Input = CdpInput
    examples = (
        Example(
            inputs={"visits": [{"time": 0, "edss": 3.0}, {"time": 12, "edss": 4.0}, {"time": 40, "edss": 4.0}]},
            value=12.0,
            category=CONFIRMED,
            source="lublin2014",
        ),
        Example(
            inputs={"visits": [{"time": 0, "edss": 5.5}, {"time": 12, "edss": 6.0}, {"time": 36, "edss": 6.0}]},
            value=None,
            category=NOT_CONFIRMED,
            source="lublin2014",
        ),
    )

    def compute(self, data: CdpInput) -> Score:
        if not data.visits or len(data.visits) < 2:
            return self.cannot_tell(["at least two dated EDSS values (a baseline and a later visit)"])
        origin = min((v.date for v in data.visits if v.date), default=None)
        series = sorted((_days(_when(v), origin), given(v.edss, "an EDSS value")) for v in data.visits)
        relapses = None if data.relapses is None else sorted(_days(r, origin) for r in data.relapses)
        base_day, baseline = series[0]
        # the validator above has filled the three windows with their defaults
        confirmation, raw_window = given(data.confirmation), given(data.raw_window)
        relapse_exclusion = given(data.relapse_exclusion)
        step = required_increase(baseline, data.tiers)
        target = baseline + step
        interval = confirmation * 7
        unverified = [f"relapse exclusion of {relapse_exclusion:g} days before a confirming EDSS"] if relapses else []
        details: dict[str, Any] = {
            "baseline": baseline,
            "required_increase": step,
            "threshold": target,
            "confirmation_days": interval,
            "rule": data.rule,
            "tiers": data.tiers,
            "unverified": unverified,
        }
        pending: list[float] = []
        for i, (day, value) in enumerate(series[1:], start=1):
            if value < target:
                continue
            later = [
                (d, v)
                for d, v in series[i + 1 :]
                if d - day >= interval and not _within(d, relapses, relapse_exclusion)
            ]
            if not later:
                pending.append(day)
                continue
            confirmed = all(v >= target for _, v in later) if data.rule == "sustained" else later[0][1] >= target
            if not confirmed:
                continue
            week = round((day - base_day) / 7, 2)
            details.update(event_week=week, event_edss=value, confirmed_week=round((later[0][0] - base_day) / 7, 2))
            if origin is not None:
                details["event_date"] = (origin + dt.timedelta(days=day)).isoformat()
            details["event_type"] = _event_type(day, relapses, raw_window)
            if details["event_type"] != "unknown (relapses not recorded)":
                unverified.append(f"relapse-associated window of {raw_window:g} days")
            criterion = Criterion(
                "EDSS worsening confirmed",
                True,
                value,
                f"≥ {target:g} (baseline {baseline:g} + {step:g}), confirmed ≥ {interval:g} days later",
                "lublin2014",
            )
            when = (
                f"on {details['event_date']} (week {round(week)})" if "event_date" in details else f"at week {week:g}"
            )
            return self.result(
                week,
                CONFIRMED,
                unit="weeks from baseline",
                criteria=(criterion,),
                details=details,
                positive=True,
                interpretation=(
                    f"EDSS rose from {baseline:g} to {value:g} {when} and stayed at or above "
                    f"{target:g} {interval / 7:g} weeks later: confirmed disability progression "
                    f"({details['event_type']})."
                ),
            )
        missing = [
            f"an EDSS at least {interval / 7:g} weeks after week {round((d - base_day) / 7, 2):g} to confirm "
            "the worsening seen then"
            for d in pending
        ]
        details["unconfirmed_worsening_weeks"] = [round((d - base_day) / 7, 2) for d in pending]
        criterion = Criterion("EDSS worsening confirmed", False, None, f"≥ {target:g}", "lublin2014")
        return self.result(
            None,
            NOT_CONFIRMED,
            criteria=(criterion,),
            details=details,
            positive=False,
            missing=missing,
            interpretation=f"No EDSS rise to {target:g} or more (baseline {baseline:g}) was "
            "confirmed." + (" A worsening awaits confirmation." if pending else ""),
        )


def _within(day: float, relapses: list[float] | None, window: float) -> bool:
    return any(0 <= day - r <= window for r in relapses or ())


def _event_type(day: float, relapses: list[float] | None, window: float) -> str:
    if relapses is None:
        return "unknown (relapses not recorded)"
    if _within(day, relapses, window):
        return "relapse-associated worsening (RAW)"
    return "progression independent of relapse activity (PIRA)"


INSTRUMENT = DisabilityProgression()
