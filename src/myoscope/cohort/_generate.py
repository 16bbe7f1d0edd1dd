"""A seeded generator of realistic synthetic cohorts: canonical long tables and OMOP CDM 5.4 extracts.

Each person has a sex, a year of birth, a site, and visits 30-120 days apart; at each visit
some of weight, grip (both hands, two trials on some days), gait speed, chair stand, calf
girth (both sides), SPPB, SARC-F and a week's activity summary are recorded, with
between-person spread, ageing, measurement noise and, for about one person in eight, a
steady loss of weight and muscle. A few rows per million are deliberately bad (out of
range, a girth without its side) so that refusal is exercised. Values are synthetic: the
spreads are plausible, not fitted to any population.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from myoscope.cohort._kinds import KIND_CODE
from myoscope.units import DAYS_PER_MONTH

# (kind, side, share of visits where it is recorded)
_TEMPLATE: tuple[tuple[str, int, float], ...] = (
    ("body_weight", 0, 0.95),
    ("height", 0, 0.15),
    ("grip_strength", 1, 0.8),
    ("grip_strength", 2, 0.8),
    ("grip_strength", 2, 0.3),
    ("gait_speed", 0, 0.7),
    ("chair_stand_time", 0, 0.6),
    ("calf_circumference", 1, 0.6),
    ("calf_circumference", 2, 0.6),
    ("appendicular_lean_mass", 0, 0.1),
    ("sppb", 0, 0.4),
    ("sarc_f", 0, 0.5),
    ("moderate_minutes", 0, 0.5),
    ("vigorous_minutes", 0, 0.45),
    ("sessions_20min", 0, 0.45),
    ("acute_disease_no_intake", 0, 0.2),
)
SITES = ("north", "south", "east", "west")
BAD_ROWS_PER_MILLION = 5


@dataclass(frozen=True)
class Cohort:
    """A generated cohort as NumPy columns (rows sorted by person, then day)."""

    rows: dict[str, np.ndarray]
    persons: dict[str, np.ndarray]
    conditions: dict[str, np.ndarray] | None = None
    """Recorded diagnoses (person, SNOMED CT code), a few per hundred people."""


def _baselines(rng: np.random.Generator, male: np.ndarray, age: np.ndarray) -> dict[str, np.ndarray]:
    n = male.size
    old = np.clip(age - 60, 0, None)
    height = np.where(male, rng.normal(175, 7, n), rng.normal(162, 6.5, n))
    return {
        "body_weight": np.where(male, rng.normal(80, 13, n), rng.normal(67, 12, n)),
        "height": height,
        "grip_strength": np.where(male, rng.normal(40, 8, n), rng.normal(25, 6, n)) - 0.35 * old,
        "gait_speed": rng.normal(1.2, 0.22, n) - 0.012 * old,
        "chair_stand_time": rng.normal(10.5, 2.5, n) + 0.12 * old,
        "calf_circumference": np.where(male, rng.normal(37.5, 3, n), rng.normal(35.5, 3, n)),
        "appendicular_lean_mass": np.where(male, rng.normal(23, 3.2, n), rng.normal(16, 2.4, n)) - 0.05 * old,
        "sppb": 12 - rng.poisson(0.6 + 0.12 * old),
        "sarc_f": rng.poisson(0.5 + 0.08 * old),
        "moderate_minutes": rng.gamma(1.5, 70, n),
        "vigorous_minutes": rng.gamma(0.8, 30, n),
        "sessions_20min": rng.poisson(2.5, n),
        "acute_disease_no_intake": (rng.random(n) < 0.03).astype(float),
    }


_NOISE = {
    "body_weight": 0.8,
    "grip_strength": 2.0,
    "gait_speed": 0.06,
    "chair_stand_time": 0.8,
    "calf_circumference": 0.4,
    "appendicular_lean_mass": 0.5,
    "height": 0.5,
}
_INTEGER = ("sppb", "sarc_f", "sessions_20min", "acute_disease_no_intake")


def generate(persons: int, rows_per_person: float = 50.0, seed: int = 0, start_year: int = 2018) -> Cohort:
    """A cohort of ``persons`` people with about ``rows_per_person`` rows each (vectorised)."""
    rng = np.random.default_rng(seed)
    ids = np.arange(1, persons + 1, dtype=np.int64) * 10 + rng.integers(0, 10, persons)
    male = rng.random(persons) < 0.48
    birth = rng.integers(1930, 1990, persons).astype(np.int16)
    age = (start_year + 3) - birth.astype(float)
    base = _baselines(rng, male, age)
    loss = np.where(rng.random(persons) < 0.125, rng.uniform(0.004, 0.025, persons), 0.0)  # per month
    per_visit = sum(p for _, _, p in _TEMPLATE)
    visits = np.maximum(1, rng.poisson(max(rows_per_person / per_visit - 1, 0), persons) + 1)
    owner = np.repeat(np.arange(persons), visits)
    first = rng.integers(0, 365 * 4, persons) + int(np.datetime64(f"{start_year}-01-01").astype(int))
    gaps = rng.integers(30, 121, owner.size)
    starts = np.concatenate(([0], np.cumsum(visits)[:-1]))
    gaps[starts] = 0
    offset = np.cumsum(gaps) - np.repeat(np.cumsum(gaps)[starts], visits)
    visit_day = first[owner] + offset
    conditions = _conditions(np.random.default_rng([seed, 17]), ids)
    return Cohort(
        _visit_rows(rng, ids, owner, visit_day, offset, base, loss),
        {
            "person": ids,
            "sex": np.where(male, 1, 2).astype(np.int8),
            "population": _population(rng, persons),
            "birth_year": birth,
            "site": np.array(SITES)[rng.integers(0, len(SITES), persons)],
        },
        conditions,
    )


_CONDITION_SHARES = (("90584004", 0.01), ("24700007", 0.005), ("86044005", 0.003), ("230690007", 0.03))
"""(SNOMED CT code, share of people): spinal cord injury, multiple sclerosis, ALS, stroke (synthetic shares)."""


def _conditions(rng: np.random.Generator, ids: np.ndarray) -> dict[str, np.ndarray]:
    """Diagnoses drawn from their own generator, so that the rows of a seed never change with them."""
    draw = rng.random((ids.size, len(_CONDITION_SHARES))) < np.array([p for _, p in _CONDITION_SHARES])
    who, which = np.nonzero(draw)
    return {"person": ids[who], "code": np.array([c for c, _ in _CONDITION_SHARES])[which]}


def _visit_rows(
    rng: np.random.Generator,
    ids: np.ndarray,
    owner: np.ndarray,
    visit_day: np.ndarray,
    offset: np.ndarray,
    base: dict[str, np.ndarray],
    loss: np.ndarray,
) -> dict[str, np.ndarray]:
    n_visits, n_items = owner.size, len(_TEMPLATE)
    keep = rng.random((n_visits, n_items)) < np.array([p for _, _, p in _TEMPLATE])
    v_idx, t_idx = np.nonzero(keep)  # visit-major: rows sorted by person then day
    kinds = np.array([KIND_CODE[k] for k, _, _ in _TEMPLATE], dtype=np.int8)[t_idx]
    sides = np.array([s for _, s, _ in _TEMPLATE], dtype=np.int8)[t_idx]
    who = owner[v_idx]
    months = offset[v_idx] / DAYS_PER_MONTH
    value = np.empty(v_idx.size)
    for i, (kind, _, _) in enumerate(_TEMPLATE):
        at = t_idx == i
        b = base[kind][who[at]]
        if kind in _INTEGER:
            hi = {"sppb": 12, "sarc_f": 10, "sessions_20min": 50, "acute_disease_no_intake": 1}[kind]
            value[at] = np.clip(b, 0, hi)
            continue
        shrink = 1.0 if kind in ("height", "gait_speed", "chair_stand_time") else (1 - loss[who[at]] * months[at])
        noise = rng.normal(0, _NOISE.get(kind, 0.0), at.sum()) if kind in _NOISE else 0.0
        value[at] = np.round(b * shrink + noise, 2 if kind == "gait_speed" else 1)
    value = _clip_to_kinds(value, kinds)
    _spoil(rng, value, sides, kinds)
    return {"person": ids[who], "day": visit_day[v_idx].astype(np.int32), "kind": kinds, "side": sides, "value": value}


def _clip_to_kinds(value: np.ndarray, kinds: np.ndarray) -> np.ndarray:
    from myoscope.cohort._kinds import KINDS

    low = np.array([k.low for k in KINDS])[kinds]
    high = np.array([k.high for k in KINDS])[kinds]
    clipped: np.ndarray = np.clip(value, low, high)
    return clipped


def _spoil(rng: np.random.Generator, value: np.ndarray, sides: np.ndarray, kinds: np.ndarray) -> None:
    n_bad = int(value.size * BAD_ROWS_PER_MILLION / 1_000_000)
    if n_bad == 0:
        return
    at = rng.choice(value.size, n_bad, replace=False)
    value[at[::2]] = 9999.0  # outside every kind's range
    girth = np.flatnonzero(kinds == KIND_CODE["calf_circumference"])
    if girth.size:
        sides[rng.choice(girth, max(1, n_bad // 2), replace=False)] = 0  # a girth without its side


def write_long(cohort: Cohort, directory: Path, row_group_size: int = 1_000_000) -> tuple[Path, Path]:
    """Write ``measurements.parquet`` (canonical columns) and ``persons.parquet``; returns both paths."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    directory.mkdir(parents=True, exist_ok=True)
    rows = pa.table({**cohort.rows, "day": pa.array(cohort.rows["day"]).cast(pa.date32())})
    pq.write_table(rows, directory / "measurements.parquet", row_group_size=row_group_size)
    pq.write_table(pa.table(cohort.persons), directory / "persons.parquet")
    return directory / "measurements.parquet", directory / "persons.parquet"


def _population(rng: np.random.Generator, n: int) -> np.ndarray:
    """Population as a site would state it: 0 not stated (a tenth), 1 Asian (a quarter), 2 other."""
    draw = rng.random(n)
    return np.where(draw < 0.1, 0, np.where(draw < 0.35, 1, 2)).astype(np.int8)
