"""What a cohort table may hold: the kinds of rows, their canonical unit and plausible range.

Measurement kinds are the record's own (:data:`myoscope.record.MEASUREMENT_KINDS`: unit and
plausibility range). Questionnaire kinds carry an instrument total or a weekly activity
summary; their ranges are read from the record's and the instruments' input models, so that a
value the per-person path refuses is refused here too. Codes are small integers so that the
kernel sees only numbers; the order below is the contract of the ``kind`` column of the
canonical table (never reorder, only append).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from myoscope.record import MEASUREMENT_KINDS, ActivityWeek

# (name, model, field) of each questionnaire kind whose bounds come from an input model.
_QUESTIONNAIRE: tuple[tuple[str, str, str, str], ...] = (
    ("sppb", "points", "ewgsop2", "sppb"),
    ("sarc_f", "points", "ewgsop2", "sarc_f"),
    ("moderate_minutes", "min/week", "activity_week", "moderate_minutes"),
    ("vigorous_minutes", "min/week", "activity_week", "vigorous_minutes"),
    ("sessions_20min", "sessions/week", "activity_week", "sessions_20min"),
    ("acute_disease_no_intake", "yes=1/no=0", "flag", ""),
)

MEASUREMENTS: tuple[str, ...] = (
    "body_weight",
    "height",
    "grip_strength",
    "gait_speed",
    "chair_stand_time",
    "timed_up_and_go",
    "walk_400m_time",
    "appendicular_lean_mass",
    "calf_circumference",
    "mid_upper_arm_circumference",
    "forearm_circumference",
    "mid_thigh_circumference",
)
GIRTHS: tuple[str, ...] = (
    "calf_circumference",
    "mid_upper_arm_circumference",
    "forearm_circumference",
    "mid_thigh_circumference",
)
SIDES: tuple[str, ...] = ("", "left", "right")
"""Side codes: 0 none, 1 left, 2 right."""


@dataclass(frozen=True, slots=True)
class CohortKind:
    code: int
    name: str
    unit: str
    low: float
    high: float
    sided: bool
    """A side is required (girths); grip may come without one, as in the record."""


def schema_bounds(model: Any, field: str) -> tuple[float, float]:
    prop = model.model_json_schema()["properties"][field]
    options = [prop] + list(prop.get("anyOf", []))
    for option in options:
        low = option.get("minimum", option.get("x-minimum", prop.get("x-minimum")))
        high = option.get("maximum", option.get("x-maximum", prop.get("x-maximum")))
        if low is not None and high is not None:
            return float(low), float(high)
    raise LookupError(f"no bounds for {model.__name__}.{field}")


def _models() -> dict[str, Any]:
    from myoscope import scores

    return {"ewgsop2": scores.get("ewgsop2").Input, "activity_week": ActivityWeek}


def _build() -> tuple[CohortKind, ...]:
    kinds: list[CohortKind] = []
    for name in MEASUREMENTS:
        spec = MEASUREMENT_KINDS[name]
        kinds.append(
            CohortKind(
                len(kinds), name, spec.unit, float(spec.low), float(spec.high), spec.sided and name != "grip_strength"
            )
        )
    models = _models()
    for name, unit, model, field in _QUESTIONNAIRE:
        low, high = (0.0, 1.0) if model == "flag" else schema_bounds(models[model], field)
        kinds.append(CohortKind(len(kinds), name, unit, low, high, False))
    return tuple(kinds)


KINDS: tuple[CohortKind, ...] = _build()
KIND_CODE: dict[str, int] = {k.name: k.code for k in KINDS}
N_KINDS = len(KINDS)
