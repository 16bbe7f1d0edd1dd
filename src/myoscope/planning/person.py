"""One person's return-to-activity plan, from the record and its assessment."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from myoscope.causes import NextStep, RedFlag, assess
from myoscope.causes.inactivity_body import level_and_plan
from myoscope.causes.safety import plan_hold, urgent_hold
from myoscope.criteria.return_plan import ReturnPlan
from myoscope.record import Record


@dataclass(frozen=True, slots=True)
class PersonPlan:
    """The current level (moderate-equivalent minutes and 20-minute sessions a week; None: not on record, and
    the plan starts from none) and the plan from it."""

    minutes: float | None
    sessions: int | None
    plan: ReturnPlan
    hold: NextStep | None = None
    """When set, the weekly plan must not be started on one's own (refeeding risk, a limb still
    immobilised, a red flag that needs a clinician now): this safety step replaces it, as in the
    assessment's next steps."""
    red_flags: tuple[RedFlag, ...] = ()
    """The assessment's red flags, most urgent first: shown before anything else of the plan."""


def person_plan(record: Record, on: dt.date | None = None) -> PersonPlan:
    """Assess the record on ``on`` (default: its last date) and plan the return from the current level.

    Raises :class:`~myoscope.errors.InputError` when the plan's inputs are out of range.
    """
    assessment = assess(record, on)
    minutes, sessions, plan = level_and_plan(record, assessment.on, assessment.atrophy)
    flags = assessment.red_flags
    hold = plan_hold(record, assessment.on) or urgent_hold(flags)
    return PersonPlan(minutes, sessions, plan, hold, flags)
