"""What every report shows first: a one-page summary, and the detail without repeats.

The summary names the person (age and sex where recorded), the date, the red flags, the finding on
muscle loss, the leading causes with one line each, and the next steps. Renderers lay it out; the
choice of what goes in lives here, once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from myoscope.precision import count_text

if TYPE_CHECKING:
    from myoscope.causes import Assessment, CauseAssessment, NextStep

MAX_CAUSES = 4
MAX_STEPS = 5


@dataclass(frozen=True, slots=True)
class Summary:
    person: str
    """``"ex-als-pattern, male, 58 years"`` (only what is recorded)."""
    date: str
    finding: CauseAssessment
    causes: tuple[CauseAssessment, ...]
    """The likely and possible causes, most pressing first (at most :data:`MAX_CAUSES`)."""
    steps: tuple[NextStep, ...]


def person_line(person_id: str, person: Any | None, day: Any) -> str:
    """The person's id with sex and age in years on ``day``, where the record gives them."""
    parts = [person_id]
    if person is not None:
        if getattr(person, "sex", None):
            parts.append(person.sex)
        age = person.age_on(day) if hasattr(person, "age_on") else None
        if age is not None and math.isfinite(age):
            parts.append(count_text(int(age), "year"))
    return ", ".join(parts)


def summarise(assessment: Assessment, person: Any | None = None) -> Summary:
    """The summary of ``assessment``; ``person`` (the record's) adds age and sex."""
    causes = tuple(c for c in assessment.ranked if c.status.value in ("likely", "possible"))[:MAX_CAUSES]
    steps: list[NextStep] = []
    seen: set[str] = set()
    for cause in (*causes, assessment.atrophy):
        for step in cause.next_steps:
            if step.action not in seen:
                seen.add(step.action)
                steps.append(step)
    return Summary(
        person_line(assessment.person_id, person, assessment.on),
        assessment.on.isoformat(),
        assessment.atrophy,
        causes,
        tuple(steps[:MAX_STEPS]),
    )


def still_to_settle(cause: CauseAssessment) -> list[str]:
    """What to measure or ask for ``cause``, without the items a next step already asks for."""
    steps = " ".join(s.action.lower() for s in cause.next_steps)
    return [m for m in cause.missing if m.lower() not in steps]
