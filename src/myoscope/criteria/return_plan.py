"""A graded weekly return to activity, from the current level towards the WHO 2020 guideline.

Pure logic: :func:`return_plan` takes the current level and what is known about the person and
returns a :class:`ReturnPlan` (weeks, the rules used with their sources, flags and whether
medical clearance is advised first); a command-line or report layer prints it.

Rules, each with its source (the WHO 2020 targets are those of :mod:`myoscope.criteria.activity_guidelines`):

* Target: 150 min/week of moderate aerobic activity, muscle-strengthening on 2 days/week, and
  for 65 and over balance/multicomponent activity on 3 days/week (WHO 2020, Bull 2020); reached
  as >= 30 min on >= 5 days (ACSM position stand, Garber 2011).
* Start at the current level (never above it) and progress gradually; people not meeting the
  guideline benefit from any amount (WHO 2020; Garber 2011: gradual progression of volume and
  intensity may reduce the risks of exercise).
* Step size: session length +5 to +10 min every 1 to 2 weeks over the first weeks (Garber 2011,
  text of the position stand; UNVERIFIED against the paper here, so configurable and reported as
  unverified). The cautious end (+5 min every 2 weeks) is used for age 65+, weakness, recent
  immobilisation, a neuromuscular condition or when medical clearance is advised.
* Medical clearance before starting (ACSM pre-participation screening, Riebe 2015): decided by
  current regular exercise (planned, structured, >= 30 min moderate on >= 3 days/week for the
  last 3 months), signs or symptoms of cardiovascular, metabolic or renal disease, known such
  disease, and the intensity wanted.
* After immobilisation or with weakness, resistance exercise for the affected muscles is part of
  every week: aerobic retraining alone did not fully restore strength (Vigelsø 2015), resistance
  retraining did (Suetta 2009).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from myoscope.criteria.activity_guidelines import (
    WHO_BALANCE_DAYS,
    WHO_MODERATE_MINUTES,
    WHO_OLDER_AGE,
    WHO_STRENGTH_DAYS,
)
from myoscope.errors import from_validation_error
from myoscope.precision import count_text, plural
from myoscope.references import cite
from myoscope.units import InUnit

TARGET_SESSION_MINUTES = 30.0
TARGET_SESSIONS = 5
"""Moderate cardiorespiratory exercise >= 30 min/day on >= 5 days/week (Garber 2011 position stand)."""
START_SESSIONS = 3
"""Sessions/week at the start: the frequency of 'regular exercise' in Riebe 2015 (>= 3 days/week) and of
the brief's 3 x 20 min."""
STEP_MINUTES = (5.0, 10.0)
"""Session length increase per step, cautious and standard (Garber 2011 text: 5-10 min; UNVERIFIED here)."""
STEP_WEEKS = (2, 1)
"""Weeks per step, cautious and standard (Garber 2011 text: every 1-2 weeks; UNVERIFIED here)."""
REGULAR_SESSION_MINUTES = 30.0
REGULAR_DAYS = 3
"""Riebe 2015: regular exercise = planned, structured activity >= 30 min at moderate intensity on >= 3 days/week
for at least the last 3 months."""
MAX_WEEKS = 52
"""Our limit on the length of a plan."""

UNVERIFIED = (
    "step size and interval (STEP_MINUTES, STEP_WEEKS) are from the ACSM 2011 position stand text "
    "as recalled, not re-read",
)
CMR_DISEASES = ("cardiovascular", "metabolic", "renal")
NEURO_CONDITIONS = frozenset(
    {"als", "ms", "multiple_sclerosis", "sci", "spinal_cord_injury", "peripheral_nerve_injury", "neuromuscular"}
)
"""Conditions for which we advise planning with the treating team (our rule, not ACSM's)."""

PLAN_CITATIONS = cite("bull2020", "garber2011", "riebe2015", "vigelso2015", "suetta2009")


MAX_EQUIVALENT_MINUTES = 2 * 7 * 24 * 60
"""Moderate-equivalent minutes count a vigorous minute twice (WHO 2020), so a week holds at most twice its
10,080 minutes: the bound is arithmetic, not a plausibility cut-off (the record bounds each intensity)."""


class PlanInput(BaseModel):
    """What the plan needs; ``None`` = not known (the clearance check then asks for it)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)

    current_minutes: Annotated[float, InUnit("min", 0, MAX_EQUIVALENT_MINUTES)] = Field(
        description="moderate-equivalent aerobic minutes per week now (a vigorous minute counts as two)"
    )
    current_sessions: int = Field(ge=0, le=21, description="sessions per week now")
    age: Annotated[float, InUnit("year", 0, 120)] | None = None
    regular_exercise_3_months: bool | None = Field(
        None, description=">= 30 min moderate on >= 3 days/week for the last 3 months (Riebe 2015)"
    )
    known_disease: list[Literal["cardiovascular", "metabolic", "renal"]] | None = Field(
        None, description="known cardiovascular, metabolic or renal disease; [] = none; None = not asked"
    )
    symptoms: bool | None = Field(
        None, description="signs or symptoms suggesting cardiovascular, metabolic or renal disease"
    )
    desired_intensity: Literal["light", "moderate", "vigorous"] = "moderate"
    weakness: bool = Field(False, description="weakness found (e.g. low grip, positive SARC-F)")
    recent_immobilisation_days: Annotated[float, InUnit("day", 0, 60000)] | None = None
    immobilised_site: str | None = None
    conditions: list[str] = Field(default_factory=list, description="other conditions from the record")
    falls: bool = Field(False, description="falls recorded (a falls assessment first; balance training at any age)")


@dataclass(frozen=True)
class Clearance:
    """ACSM pre-participation decision: ``status`` is one of the ``CLEARANCE_*`` texts or "cannot tell"."""

    status: str
    reason: str
    missing: tuple[str, ...] = ()
    citation: str = "riebe2015"

    @property
    def advised(self) -> bool | None:
        return None if self.status == "cannot tell" else self.status != CLEARANCE_NOT_NEEDED

    @property
    def words(self) -> str:
        """The decision as a reader is told it: an undecided one says what decides it."""
        return "to be decided: ask the screening questions first" if self.status == "cannot tell" else self.status


CLEARANCE_NOT_NEEDED = "not necessary"
CLEARANCE_RECOMMENDED = "recommended before starting"
CLEARANCE_BEFORE_VIGOROUS = "not necessary for moderate; recommended before vigorous"
CLEARANCE_STOP = "stop exercising and seek medical clearance"


def medical_clearance(
    regular: bool | None,
    known_disease: Sequence[str] | None,
    symptoms: bool | None,
    desired_intensity: str = "moderate",
) -> Clearance:
    """The ACSM 2015 pre-participation screening decision (Riebe 2015)."""
    missing = []
    if symptoms is None:
        missing.append(
            "ask about signs or symptoms of heart, metabolic or kidney disease (chest discomfort, "
            "breathlessness, dizziness or fainting, ankle swelling, palpitations, calf pain on walking)"
        )
    if known_disease is None:
        missing.append("ask about known cardiovascular, metabolic (diabetes) or renal disease")
    if regular is None:
        missing.append(
            "ask whether they have exercised >= 30 min at moderate intensity on >= 3 days/week for the last 3 months"
        )
    if symptoms:
        if regular is None:
            return Clearance("cannot tell", "symptoms reported; the advice depends on current exercise", tuple(missing))
        return Clearance(CLEARANCE_STOP if regular else CLEARANCE_RECOMMENDED, "signs or symptoms reported")
    if missing:
        return Clearance("cannot tell", "screening questions unanswered", tuple(missing))
    if not known_disease:
        return Clearance(CLEARANCE_NOT_NEEDED, "no symptoms and no known cardiovascular, metabolic or renal disease")
    if not regular:
        return Clearance(CLEARANCE_RECOMMENDED, "known disease and not exercising regularly")
    if desired_intensity == "vigorous":
        return Clearance(CLEARANCE_RECOMMENDED, "known disease; vigorous exercise wanted")
    return Clearance(CLEARANCE_BEFORE_VIGOROUS, "known disease, no symptoms, exercising regularly")


@dataclass(frozen=True)
class PlanWeek:
    week: int
    sessions: int
    minutes_per_session: float
    strength_days: int
    balance_days: int
    intensity: str

    @property
    def weekly_minutes(self) -> float:
        return self.sessions * self.minutes_per_session

    def to_json(self) -> dict[str, Any]:
        return {
            "week": self.week,
            "sessions": self.sessions,
            "minutes_per_session": self.minutes_per_session,
            "weekly_minutes": self.weekly_minutes,
            "strength_days": self.strength_days,
            "balance_days": self.balance_days,
            "intensity": self.intensity,
        }


@dataclass(frozen=True)
class ReturnPlan:
    weeks: tuple[PlanWeek, ...]
    clearance: Clearance
    cautious: bool
    target: dict[str, Any]
    flags: tuple[str, ...]
    rules: tuple[tuple[str, str], ...]
    unverified: tuple[str, ...] = UNVERIFIED
    citations: tuple[str, ...] = field(default=PLAN_CITATIONS)

    def to_json(self) -> dict[str, Any]:
        return {
            "weeks": [w.to_json() for w in self.weeks],
            "cautious": self.cautious,
            "target": self.target,
            "clearance": {
                "status": self.clearance.status,
                "reason": self.clearance.reason,
                "missing": list(self.clearance.missing),
                "citation": self.clearance.citation,
            },
            "flags": list(self.flags),
            "rules": [{"rule": r, "citation": c} for r, c in self.rules],
            "unverified": list(self.unverified),
            "citations": list(self.citations),
        }


def return_plan(**raw: Any) -> ReturnPlan:
    """A graded weekly plan (see the module doc); keyword arguments are the fields of :class:`PlanInput`.

    Raises :class:`~myoscope.errors.InputError` naming each bad field.
    """
    try:
        data = PlanInput(**raw)
    except ValidationError as exc:
        raise from_validation_error(exc) from None
    regular = data.regular_exercise_3_months
    below_regular = (
        data.current_sessions < REGULAR_DAYS or data.current_minutes < REGULAR_DAYS * REGULAR_SESSION_MINUTES
    )
    if regular is None and below_regular:
        regular = False  # the current level itself rules out 'regular exercise' (Riebe 2015 definition)
    clearance = medical_clearance(regular, data.known_disease, data.symptoms, data.desired_intensity)
    older = data.age is not None and data.age >= WHO_OLDER_AGE
    neuro = sorted(c for c in data.conditions if c.lower() in NEURO_CONDITIONS)
    cautious = bool(
        older
        or data.weakness
        or data.recent_immobilisation_days
        or neuro
        or data.falls
        or clearance.advised is not False
    )
    flags = _flags(data, clearance, older, neuro)
    balance = older or data.falls  # WHO 2020 from 65; after falls at any age (World Falls Guidelines 2022)
    weeks = _weeks(data, cautious, balance, regular)
    target = {
        "weekly_minutes": WHO_MODERATE_MINUTES,
        "strength_days": WHO_STRENGTH_DAYS,
        "balance_days": WHO_BALANCE_DAYS if balance else 0,
        "sessions": TARGET_SESSIONS,
        "minutes_per_session": TARGET_SESSION_MINUTES,
    }
    step = STEP_MINUTES[0 if cautious else 1]
    every = STEP_WEEKS[0 if cautious else 1]
    rules: tuple[tuple[str, str], ...] = (
        ("target 150 min/week moderate, strength 2 days/week, balance 3 days/week from 65", "bull2020"),
        ("reach it as >= 30 min on >= 5 days/week", "garber2011"),
        (
            f"start at the current level; add {step:g} min per session every {count_text(every, 'week')} until 30 min, "
            "then one session at a time up to 5 (UNVERIFIED step size)",
            "garber2011",
        ),
        ("medical clearance by current exercise, symptoms, known disease and intensity wanted", "riebe2015"),
        ("include resistance exercise: aerobic retraining alone did not fully restore strength", "vigelso2015"),
    )
    if data.falls:
        rules += (("after falls: a falls assessment first; balance and functional exercise", "montero2022_falls"),)
    return ReturnPlan(weeks, clearance, cautious, target, flags, rules)


def _weeks(data: PlanInput, cautious: bool, balance_days: bool, regular: bool | None) -> tuple[PlanWeek, ...]:
    step = STEP_MINUTES[0 if cautious else 1]
    every = STEP_WEEKS[0 if cautious else 1]
    sessions = max(data.current_sessions, START_SESSIONS)
    # start at the current weekly volume spread over the sessions, never above it (at least one step)
    minutes = min(TARGET_SESSION_MINUTES, max(step, _round5(data.current_minutes / sessions)))
    if data.current_minutes >= WHO_MODERATE_MINUTES:
        # already at the aerobic target: keep the current level, in whole minutes
        minutes = float(round(data.current_minutes / sessions))
    intensity_first = "light to moderate" if (cautious or not regular) else "moderate"
    out: list[PlanWeek] = []
    week, level = 1, 0
    while week <= MAX_WEEKS:
        strength = min(WHO_STRENGTH_DAYS, 1 + level)
        balance = min(WHO_BALANCE_DAYS, 1 + level) if balance_days else 0
        intensity = intensity_first if sessions * minutes < WHO_MODERATE_MINUTES / 2 else "moderate"
        for _ in range(every):
            out.append(PlanWeek(week, sessions, minutes, strength, balance, intensity))
            week += 1
        if (
            sessions * minutes >= WHO_MODERATE_MINUTES
            and strength >= WHO_STRENGTH_DAYS
            and balance >= (WHO_BALANCE_DAYS if balance_days else 0)
        ):
            break
        if minutes < TARGET_SESSION_MINUTES:
            minutes = min(TARGET_SESSION_MINUTES, minutes + step)
        elif sessions < TARGET_SESSIONS:
            sessions += 1
        level += 1
    return tuple(out)


def _round5(x: float) -> float:
    return 5.0 * int(x // 5)


def _flags(data: PlanInput, clearance: Clearance, older: bool, neuro: list[str]) -> tuple[str, ...]:
    flags = []
    if clearance.advised:
        flags.append(f"Medical clearance: {clearance.words} ({clearance.reason}; ACSM screening, Riebe 2015).")
    elif clearance.advised is None:
        flags.append(f"Medical clearance: {clearance.words}: " + "; ".join(clearance.missing) + ".")
    if data.recent_immobilisation_days:
        site = (data.immobilised_site or "the immobilised limb").replace("_", " ")
        flags.append(
            f"Recent immobilisation ({data.recent_immobilisation_days:g} days, {site}): expect weakness; "
            "add resistance exercise for those muscles in every week (Suetta 2009; Vigelsø 2015)."
        )
    if data.weakness:
        flags.append("Weakness found: give priority to resistance exercise; consider a supervised programme.")
    if older:
        flags.append("65 or over: include balance and multicomponent activity (WHO 2020).")
    if data.falls:
        flags.append(
            "Falls recorded: a multifactorial falls risk assessment first; balance and functional exercise on at "
            f"least {WHO_BALANCE_DAYS} days a week, progressed under supervision (World Falls Guidelines 2022)."
        )
    if neuro:
        names = ", ".join(c.replace("_", " ") for c in neuro)
        flags.append(f"{plural('Condition', len(neuro))} {names}: plan the programme with the treating team.")
    return tuple(flags)


__all__ = [
    "CLEARANCE_BEFORE_VIGOROUS",
    "CLEARANCE_NOT_NEEDED",
    "CLEARANCE_RECOMMENDED",
    "CLEARANCE_STOP",
    "Clearance",
    "PlanInput",
    "PlanWeek",
    "ReturnPlan",
    "medical_clearance",
    "return_plan",
]
