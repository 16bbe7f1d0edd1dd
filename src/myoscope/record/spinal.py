"""A spinal cord injury exam as recorded: the worksheet's vocabulary and a pydantic model of the
``isncsci-cases/1`` EXAM shape.

The model lives in the record (the bottom layer) so that loading a record needs no numba or numpy;
:mod:`myoscope.isncsci` classifies it and encodes the same vocabulary for its compiled kernel.

Scores are strings as on the 2019 worksheet (rupp2021_isncsci): motor ``0``-``5``,
sensory ``0``-``2``, a tag ``*`` (non-SCI impairment, use as not normal) or ``**``
(use as normal) on abnormal scores, ``NT`` (not testable, optionally tagged).
Integers are accepted for untagged scores. Anything else is refused with an
:class:`~myoscope.errors.InputError` naming the field path (``right.motor.C5``),
the value and the accepted set.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, create_model

from myoscope.errors import InputError, Problem, RangeError, from_validation_error

__all__ = [
    "ANAL_VALUES",
    "DERMATOMES",
    "Exam",
    "KEY_MUSCLES",
    "MOTOR_ACCEPTED",
    "MOTOR_LEVELS",
    "MOTOR_VALUES",
    "NON_KEY_ACCEPTED",
    "SEGMENTS",
    "SENSORY_ACCEPTED",
    "SENSORY_VALUES",
    "Side",
    "parse_exam",
]

# --- the worksheet's vocabulary (rupp2021_isncsci) ---------------------------------------

SEGMENTS: tuple[str, ...] = (
    "C1",
    "C2",
    "C3",
    "C4",
    "C5",
    "C6",
    "C7",
    "C8",
    "T1",
    "T2",
    "T3",
    "T4",
    "T5",
    "T6",
    "T7",
    "T8",
    "T9",
    "T10",
    "T11",
    "T12",
    "L1",
    "L2",
    "L3",
    "L4",
    "L5",
    "S1",
    "S2",
    "S3",
    "S4_5",
)
"""Segments cranial to caudal; C1 has no test point and is taken as normal."""

DERMATOMES: tuple[str, ...] = SEGMENTS[1:]
"""The 28 dermatomes tested for light touch and pin prick (C2 ... S4-5)."""

KEY_MUSCLES: tuple[tuple[str, str], ...] = (
    ("C5", "elbow flexors"),
    ("C6", "wrist extensors"),
    ("C7", "elbow extensors"),
    ("C8", "finger flexors (distal phalanx of the middle finger)"),
    ("T1", "small finger abductors"),
    ("L2", "hip flexors"),
    ("L3", "knee extensors"),
    ("L4", "ankle dorsiflexors"),
    ("L5", "long toe extensors"),
    ("S1", "ankle plantar flexors"),
)
"""The ten key muscle functions of each side, by segment [ISNCSCI-2019]."""

MOTOR_LEVELS: tuple[str, ...] = tuple(level for level, _ in KEY_MUSCLES)

SENSORY_VALUES: tuple[str, ...] = ("0", "1", "2", "0*", "1*", "0**", "1**", "NT", "NT*", "NT**")
MOTOR_VALUES: tuple[str, ...] = (
    "0",
    "1",
    "2",
    "3",
    "4",
    "5",
    "0*",
    "1*",
    "2*",
    "3*",
    "4*",
    "0**",
    "1**",
    "2**",
    "3**",
    "4**",
    "NT",
    "NT*",
    "NT**",
)
ANAL_VALUES: tuple[str, ...] = ("No", "Yes", "NT")


_MOTOR_SET = frozenset(MOTOR_VALUES)
_SENSORY_SET = frozenset(SENSORY_VALUES)
_SEGMENT_SET = frozenset(SEGMENTS)

MOTOR_ACCEPTED = "one of " + ", ".join(MOTOR_VALUES)
SENSORY_ACCEPTED = "one of " + ", ".join(SENSORY_VALUES)
NON_KEY_ACCEPTED = "null or a segment name C1 ... S3, S4_5 (only the key-muscle levels C5-T1 and L2-S1 are used)"


def _score(allowed: frozenset[str], what: str, accepted: str) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and value in allowed:
            return value
        raise RangeError(f"is not a valid {what}", accepted)

    return check


def _non_key(value: Any) -> str | None:
    if value is None or (isinstance(value, str) and value in _SEGMENT_SET):
        return value
    raise RangeError("is not a valid level for the lowest non-key muscle", NON_KEY_ACCEPTED)


MotorScore = Annotated[str, BeforeValidator(_score(_MOTOR_SET, "motor grade", MOTOR_ACCEPTED))]
SensoryScore = Annotated[str, BeforeValidator(_score(_SENSORY_SET, "sensory score", SENSORY_ACCEPTED))]
NonKeyLevel = Annotated[str | None, BeforeValidator(_non_key)]
AnalFinding = Literal["Yes", "No", "NT"]

_STRICT = ConfigDict(extra="forbid", frozen=True)


def _fields(score: Any, names: tuple[str, ...]) -> dict[str, Any]:
    """Required fields of one score type, for ``create_model``."""
    return {name: (score, ...) for name in names}


Motor = create_model(
    "Motor",
    __config__=_STRICT,
    __doc__="Grades of the ten key muscles of one side (C5 ... T1, L2 ... S1).",
    **_fields(MotorScore, MOTOR_LEVELS),
)
Dermatomes = create_model(
    "Dermatomes",
    __config__=_STRICT,
    __doc__="Scores of the 28 dermatomes of one side (C2 ... S3, S4_5) for one modality.",
    **_fields(SensoryScore, DERMATOMES),
)


class Side(BaseModel):
    """One side of the exam."""

    model_config = _STRICT

    lowest_non_key_muscle: NonKeyLevel = Field(
        default=None, description="lowest non-key muscle with motor function (a level name), if recorded"
    )
    motor: Motor
    light_touch: Dermatomes
    pin_prick: Dermatomes


class Exam(BaseModel):
    """An ISNCSCI exam: anal findings and both sides (the EXAM shape of ``isncsci-cases/1``)."""

    model_config = _STRICT

    vac: AnalFinding = Field(description="voluntary anal contraction")
    dap: AnalFinding = Field(description="deep anal pressure")
    right: Side
    left: Side


def parse_exam(data: Exam | Mapping[str, Any], prefix: str = "") -> Exam:
    """Validate one exam; refuse it with an :class:`InputError` listing every problem."""
    if isinstance(data, Exam):
        return data
    if not isinstance(data, Mapping):
        raise InputError([_not_an_exam(prefix, data)])
    try:
        return Exam.model_validate(dict(data))
    except ValidationError as exc:
        raise from_validation_error(exc, prefix) from None


def _not_an_exam(prefix: str, data: Any) -> Problem:
    return Problem(prefix, data, "is not an exam", "an object with vac, dap, right and left")
