"""The shapes of the cause analysis: evidence, flags, next steps, charts, and each cause's result."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import Any


class Status(str, Enum):
    likely = "likely"
    possible = "possible"
    not_supported = "not supported"
    cannot_tell = "cannot tell"


class Reversibility(str, Enum):
    modifiable = "modifiable by exercise, therapy or diet"
    underlying = "driven by an underlying condition"
    mixed = "mixed"
    not_applicable = "not applicable"


class Basis(str, Enum):
    """How strongly and specifically the evidence ties a cause to this person's muscle loss (ranking)."""

    recorded_condition = "a recorded condition or injury that explains the pattern"
    specific_pattern = "a pattern of findings specific to the cause"
    risk_factor = "a risk factor (lifestyle, diet, age) that can explain the loss"
    none = "no evidence for the cause"


BASIS_ORDER = {Basis.recorded_condition: 0, Basis.specific_pattern: 1, Basis.risk_factor: 2, Basis.none: 3}


class StepKind(str, Enum):
    """What a next step asks for, as a machine code the safety checks read (never its wording)."""

    energy_target = "energy target"
    protein_target = "protein target"
    keep_active = "keep exercising"
    activity_plan = "graded activity plan"
    limb_retraining = "retraining of a limb"
    measure = "measure or ask"
    referral = "referral or review"
    safety = "safety referral"
    other = "other"


class Direction(str, Enum):
    supports = "for"
    against = "against"
    neutral = "context"


@dataclass(frozen=True, slots=True)
class Evidence:
    """One finding: what was found, its value, the rule applied and the source of the rule."""

    finding: str
    value: str
    rule: str
    citation: str | None = None
    direction: Direction = Direction.supports


class Urgency(str, Enum):
    urgent = "see a clinician now"
    soon = "see a clinician soon"


@dataclass(frozen=True, slots=True)
class RedFlag:
    code: str
    message: str
    advice: str
    urgency: Urgency = Urgency.soon
    evidence: tuple[str, ...] = ()
    citation: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": self.message,
            "advice": self.advice,
            "urgency": self.urgency.value,
            "evidence": list(self.evidence),
            "citation": self.citation,
        }


@dataclass(frozen=True, slots=True)
class NextStep:
    action: str
    why: str = ""
    citation: str | None = None
    kind: StepKind = StepKind.other
    value: float | None = None
    """The number an action sets, in canonical units (kcal/day for an energy target), for the safety checks."""


@dataclass(frozen=True, slots=True)
class Series:
    """One line (or band) of a chart: x are dates or numbers, y values; ``low``/``high`` make a band."""

    label: str
    x: tuple[Any, ...]
    y: tuple[float | None, ...] = ()
    low: tuple[float, ...] = ()
    high: tuple[float, ...] = ()
    style: str = "line"
    """``line``, ``points``, ``bar`` or ``band``."""


@dataclass(frozen=True, slots=True)
class Chart:
    """A plot a report draws: data only (the renderer decides the look)."""

    key: str
    title: str
    y_label: str
    series: tuple[Series, ...]
    x_label: str = "date"
    reference_lines: tuple[tuple[float, str], ...] = ()
    """Horizontal lines (value, label), e.g. a guideline or a cut-off."""
    markers: tuple[tuple[Any, str], ...] = ()
    """Vertical markers (x, label), e.g. a cast removed or an AIS grade change."""


@dataclass(frozen=True, slots=True)
class Table:
    key: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


@dataclass(frozen=True, slots=True)
class CauseAssessment:
    """What one cause module concludes."""

    cause: str
    title: str
    status: Status
    summary: str
    evidence: tuple[Evidence, ...] = ()
    reversibility: Reversibility = Reversibility.not_applicable
    red_flags: tuple[RedFlag, ...] = ()
    next_steps: tuple[NextStep, ...] = ()
    missing: tuple[str, ...] = ()
    charts: tuple[Chart, ...] = ()
    tables: tuple[Table, ...] = ()
    citations: tuple[str, ...] = ()
    """Sources used beyond those in the evidence items."""
    basis: Basis = Basis.none
    """Strength and specificity of the evidence, for the differential."""
    rules: tuple[str, ...] = ()
    """Ids of the rule-table rules that decided the status (``myoscope explain CAUSE`` lists them)."""

    def cited(self) -> set[str]:
        keys = set(self.citations)
        keys.update(e.citation for e in self.evidence if e.citation)
        keys.update(f.citation for f in self.red_flags if f.citation)
        keys.update(s.citation for s in self.next_steps if s.citation)
        return keys


def jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
