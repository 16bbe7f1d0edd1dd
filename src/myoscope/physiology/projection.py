"""One projection per person: whole-body fat and lean tissue plus regional muscle, per scenario, as bands.

:func:`project_record` joins

* Hall's model (``hall2011`` by default) with the protein / resistance-training cut of the lean
  share (:mod:`~myoscope.physiology.protein`, :mod:`~myoscope.physiology.composition`): fat mass,
  lean tissue, fat-free mass and body weight, each a band from the cut's (low, central, high);
* regional compartments (:mod:`~myoscope.physiology.regional`) for every immobilisation or bed
  rest on record, with regain after it ends (:mod:`~myoscope.physiology.recovery`);
* denervated regions (:mod:`~myoscope.physiology.denervation`) for every peripheral nerve injury
  whose nerve and side are recorded;

over a horizon from the date ``on``, for each :class:`~myoscope.physiology.scenarios.Scenario`.
The bands carry only the ranges the studies give; Hall's own parameters are used as published,
so a band is narrower than the true uncertainty of a single person.

For a cause or report: ``projection.series(field)`` gives, per scenario, the dates and the low /
middle / high arrays of a whole-body field; ``projection.scenario(name).regional`` the regional
courses (% change from before the disuse).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import numpy as np

from myoscope.errors import InputError, Problem
from myoscope.physiology import denervation, regional
from myoscope.physiology.composition import simulate_composition
from myoscope.physiology.disuse import OLDER_ADULT_AGE
from myoscope.physiology.energy import PAL_BANDS
from myoscope.physiology.hall import DEFAULT_VARIANT, lean_sparing_intake
from myoscope.physiology.hall._baseline import resting_metabolic_rate
from myoscope.physiology.protein import CITATIONS as PROTEIN_CITATIONS
from myoscope.physiology.protein import LeanShareCut, lean_share_cut
from myoscope.physiology.scenarios import (
    DEFAULT,
    LEAN_LOSS_LIMIT_KG,
    Guards,
    IntakeGuard,
    Scenario,
    holding_guard,
    parse,
)
from myoscope.record import ActivityWeek, Episode, Record
from myoscope.references import cite

HORIZON_WEEKS = 12
"""Default horizon (a clinical follow-up interval; our choice)."""
MAX_HORIZON_WEEKS = 104
DIET_WINDOW_DAYS = 28
"""Diet days up to four weeks before the projection date are averaged (our choice)."""
STRENGTH_DAYS_FOR_TRAINING = 2
"""Muscle-strengthening activity on two or more days a week counts as resistance training (WHO 2020)."""
EPISODE_LOOKBACK_DAYS = 365
"""Episodes that ended more than a year before the projection date are not projected (our choice)."""
_PAL_BAND = {
    "sedentary": "sedentary or light",
    "moderate": "active or moderately active",
    "vigorous": "vigorous or vigorously active",
}
WHOLE_BODY_FIELDS = ("body_weight_kg", "fat_mass_kg", "lean_mass_kg", "ffm_kg")
CITATIONS = (
    cite("hall2011", "chow2008", "mifflin1990", "fao2004", "bull2020")
    + PROTEIN_CITATIONS
    + regional.CITATIONS
    + denervation.CITATIONS
    + cite("castro1999")
)


class NumericalFailure(Exception):
    """The model left the physical range (non-finite or non-positive masses) for these inputs."""


@dataclass(frozen=True)
class Band:
    """Low, middle and high values of one quantity on every projected day."""

    low: np.ndarray
    middle: np.ndarray
    high: np.ndarray


@dataclass(frozen=True)
class ScenarioResult:
    scenario: Scenario
    intake_kcal: float | None
    protein_g_per_kg: float | None
    resistance_training: bool
    cut: LeanShareCut | None
    whole_body: dict[str, Band] | None
    regional: tuple[regional.RegionalCourse, ...]
    notes: tuple[str, ...] = ()
    guard: IntakeGuard = IntakeGuard.none
    """The safety limit that changed this scenario (``none`` when it did not): its intake was raised to
    the maintenance need (``no_deficit``), or the guard that held it (no intake, no bands)."""


@dataclass(frozen=True)
class Inputs:
    """What the projection read from the record (None = not recorded)."""

    sex: str | None
    age_y: float | None
    height_cm: float | None
    weight_kg: float | None
    pal: float
    pal_assumed: bool
    intake_kcal: float | None
    protein_g_per_kg: float | None
    resistance_training: bool | None


@dataclass(frozen=True)
class Projection:
    person_id: str
    on: dt.date
    days: np.ndarray
    variant: str
    inputs: Inputs
    maintenance_kcal: float | None
    scenarios: tuple[ScenarioResult, ...]
    missing: tuple[str, ...]
    notes: tuple[str, ...]
    citations: tuple[str, ...] = field(default=CITATIONS)

    @property
    def dates(self) -> tuple[dt.date, ...]:
        return tuple(self.on + dt.timedelta(days=int(d)) for d in self.days)

    def scenario(self, name: str) -> ScenarioResult:
        return next(s for s in self.scenarios if s.scenario.name == name)

    def series(self, name: str) -> list[tuple[str, Band]]:
        """(scenario label, band) of a whole-body field for every scenario that has one."""
        return [(s.scenario.label, s.whole_body[name]) for s in self.scenarios if s.whole_body]


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _height(record: Record) -> float | None:
    if record.person.height is not None:
        return record.person.height
    heights = record.series("height")
    return heights[-1].value if heights else None


def _diet(record: Record, on: dt.date, nutrient: str) -> float | None:
    days = [d for d in record.diet_days if on - dt.timedelta(days=DIET_WINDOW_DAYS) <= d.date <= on]
    return _mean([d.nutrients[nutrient] for d in days if nutrient in d.nutrients])


def _strength_training(record: Record, on: dt.date) -> bool | None:
    weeks = [a for a in record.activity if isinstance(a, ActivityWeek) and a.week_of is not None and a.week_of <= on]
    if not weeks or weeks[-1].strength_days is None:
        return None
    return weeks[-1].strength_days >= STRENGTH_DAYS_FOR_TRAINING


def read_inputs(record: Record, on: dt.date) -> tuple[Inputs, list[str]]:
    """The person, intake, protein and training as of ``on``, and what is missing for the whole-body part."""
    person = record.person
    weights = [m for m in record.series("body_weight") if m.date <= on]
    weight = weights[-1].best if weights else None
    protein = _diet(record, on, "protein")
    band = PAL_BANDS[_PAL_BAND[person.activity_level or "sedentary"]]
    inputs = Inputs(
        person.sex,
        person.age_on(on),
        _height(record),
        weight,
        band[0],
        person.activity_level is None,
        _diet(record, on, "energy"),
        None if protein is None or not weight else protein / weight,
        _strength_training(record, on),
    )
    missing = [
        label
        for label, value in (
            ("sex", inputs.sex),
            ("date of birth or age", inputs.age_y),
            ("height", inputs.height_cm),
            ("body weight", inputs.weight_kg),
        )
        if value is None
    ]
    return inputs, missing


T = TypeVar("T")


def _known(value: T | None, what: str = "a whole-body input") -> T:
    """A value already checked: the whole-body part runs only when :func:`read_inputs` found all it needs."""
    if value is None:
        raise ValueError(f"{what} is missing: it should have been checked before this point")
    return value


def _scenarios(scenarios: Iterable[str | Scenario]) -> tuple[Scenario, ...]:
    # a scenario named twice is compared once
    chosen = tuple(dict.fromkeys(s if isinstance(s, Scenario) else parse(s) for s in scenarios))
    if not chosen:
        raise InputError([Problem("scenarios", [], "names no scenario", "at least one")])
    return chosen


def _horizon_days(weeks: Any) -> int:
    try:
        value = float(weeks)
    except (TypeError, ValueError):
        value = math.nan
    if not 0 < value <= MAX_HORIZON_WEEKS:
        raise InputError(
            [
                Problem(
                    "horizon",
                    weeks,
                    "is outside the accepted range",
                    f"more than 0 to {MAX_HORIZON_WEEKS} weeks",
                    "weeks",
                )
            ]
        )
    return max(1, int(round(value * 7)))


def project_record(
    record: Record,
    on: dt.date | None = None,
    scenarios: Iterable[str | Scenario] = DEFAULT,
    horizon_weeks: float = HORIZON_WEEKS,
    variant: str = DEFAULT_VARIANT,
    guard: IntakeGuard | Guards = IntakeGuard.none,
) -> Projection:
    """The joined projection of one person from ``on`` (default: the record's last date).

    ``guard`` is what the safety checks allow, one guard or a set of them
    (``myoscope.causes.safety.intake_guard`` decides it): under ``no_deficit`` no scenario eats below the
    maintenance need; under ``refeeding`` the scenarios that raise intake, protein or exercise are held;
    under ``swallowing`` those that change what is eaten; under ``possible_clot`` training; under
    ``kidney`` added protein.

    Raises :class:`~myoscope.errors.InputError` for an unknown scenario or horizon and
    :class:`NumericalFailure` when the model leaves the physical range.
    """
    on = on or record.latest_date() or dt.date.today()
    chosen = _scenarios(scenarios)
    guards: Guards = frozenset({guard}) if isinstance(guard, IntakeGuard) else frozenset(guard)
    no_deficit = IntakeGuard.no_deficit in guards
    horizon = _horizon_days(horizon_weeks)
    _check_removals(record, on, horizon, chosen)
    inputs, missing = read_inputs(record, on)
    notes: list[str] = [PARALYSED_NOTE] if any(c.kind == "spinal_cord_injury" for c in record.conditions) else []
    maintenance = None
    if not missing and not 18 <= _known(inputs.age_y) <= 100:
        missing.append("an adult age (Hall's model is for ages 18 to 100)")
    if not missing:
        rmr = float(
            resting_metabolic_rate(
                _known(inputs.weight_kg),
                _known(inputs.height_cm) / 100.0,
                _known(inputs.age_y),
                1.0 if inputs.sex == "female" else 0.0,
            )
        )
        maintenance = inputs.pal * rmr
        if inputs.pal_assumed:
            notes.append(f"activity level not recorded: PAL {inputs.pal:.2f} (sedentary) assumed")
        if inputs.intake_kcal is None:
            notes.append("no energy intake recorded: the current scenario eats its maintenance")
    # held scenarios still run with the others, so a model failure is met as without the guard
    whole = (
        _whole_body(inputs, chosen, horizon, _known(maintenance), variant, no_deficit)
        if not missing
        else [None] * len(chosen)
    )
    notes += [
        f"{s.label}: whole body not projected ({out_of_range(horizon, w[0])})"
        for s, w in zip(chosen, whole, strict=True)
        if w is not None and w[2] is None and holding_guard(guards, s.name) is None
    ]
    results: list[ScenarioResult] = []
    for scenario, (intake, cut, bands) in zip(chosen, [w or (None, None, None) for w in whole], strict=True):
        holder = holding_guard(guards, scenario.name)
        if holder is not None:
            results.append(ScenarioResult(scenario, None, None, False, None, None, (), guard=holder))
            continue
        training = _training(inputs, scenario)
        courses = _regional(record, on, horizon, inputs, scenario, training)
        raised = no_deficit and scenario.intake == "lean_sparing"
        results.append(
            ScenarioResult(
                scenario,
                intake,
                _protein(inputs, scenario),
                training,
                cut,
                bands,
                _joined(courses, bands, training),
                guard=IntakeGuard.no_deficit if raised else IntakeGuard.none,
            )
        )
    return Projection(
        record.person.id,
        on,
        np.arange(horizon + 1),
        variant,
        inputs,
        maintenance,
        tuple(results),
        tuple(missing),
        tuple(notes),
    )


def _protein(inputs: Inputs, scenario: Scenario) -> float | None:
    if scenario.protein_g_per_kg is None:
        return inputs.protein_g_per_kg
    return max(scenario.protein_g_per_kg, inputs.protein_g_per_kg or 0.0)


def _training(inputs: Inputs, scenario: Scenario) -> bool:
    return bool(
        scenario.resistance_training if scenario.resistance_training is not None else inputs.resistance_training
    )


def _intake(
    inputs: Inputs, scenario: Scenario, horizon: int, maintenance: float, variant: str, no_deficit: bool
) -> float:
    """The scenario's constant intake; a lean-sparing intake is never below what is eaten now, nor, for a
    person at nutritional risk (``no_deficit``), below the maintenance need."""
    current = inputs.intake_kcal if inputs.intake_kcal is not None else maintenance
    if scenario.intake == "lean_sparing":
        found = lean_sparing_intake(
            _known(inputs.weight_kg),
            _known(inputs.height_cm),
            _known(inputs.age_y),
            _known(inputs.sex),
            inputs.pal,
            horizon / 7.0,
            LEAN_LOSS_LIMIT_KG,
            variant=variant,
        )
        floor = maintenance if no_deficit else current
        return max(current, floor, found.intake_kcal if found.reached else maintenance)
    return current


def _whole_body(
    inputs: Inputs,
    scenarios: tuple[Scenario, ...],
    horizon: int,
    maintenance: float,
    variant: str,
    no_deficit: bool = False,
) -> list[tuple[float, LeanShareCut, dict[str, Band] | None]]:
    """One vectorised run: three people (cut low, central, high) per scenario; no bands for a scenario the
    model cannot project (it leaves the physical range), so that the others are still shown. Raises
    :class:`NumericalFailure` when no scenario can be projected."""
    intakes = [_intake(inputs, s, horizon, maintenance, variant, no_deficit) for s in scenarios]
    cuts = [lean_share_cut(_protein(inputs, s), _training(inputs, s)) for s in scenarios]
    n = 3 * len(scenarios)
    change = np.repeat(np.array(intakes) - maintenance, 3)[:, None]
    cut = np.array([c.as_tuple() for c in cuts]).reshape(n)
    sim = simulate_composition(
        sex=[_known(inputs.sex)] * n,
        age_y=_known(inputs.age_y),
        height_m=_known(inputs.height_cm) / 100.0,
        weight_kg=_known(inputs.weight_kg),
        pal=inputs.pal,
        ei_change_kcal=change,
        days=horizon,
        lean_share_cut=cut,
        variant=variant,
    )
    rows_ok = np.asarray(sim.finite, dtype=bool).reshape(len(scenarios), 3)
    finite = [bool(rows_ok[k].all()) for k in range(len(scenarios))]
    if not any(finite):
        raise NumericalFailure(out_of_range(horizon, min(intakes)))
    out: list[tuple[float, LeanShareCut, dict[str, Band] | None]] = []
    for k, (intake, c) in enumerate(zip(intakes, cuts, strict=True)):
        if not finite[k]:
            out.append((float(intake), c, None))
            continue
        rows = slice(3 * k, 3 * k + 3)
        bands: dict[str, Band] = {}
        for name in WHOLE_BODY_FIELDS:
            values = sim[name][rows]
            bands[name] = Band(values.min(axis=0), values[1], values.max(axis=0))
        out.append((float(intake), c, bands))
    return out


def out_of_range(horizon: int, intake: float) -> str:
    """Why a projection was not made: the model leaves the physical range at this intake."""
    return (
        f"Hall's model left the physical range within {horizon} days at {intake:.0f} kcal/day: "
        "the intake is too low to project"
    )


ENERGY_FLOOR = 1e-3
"""Whole-body lean changes smaller than 0.1 % over the horizon add no energy-balance compartment."""


def _joined(
    courses: Sequence[regional.RegionalCourse], bands: dict[str, Band] | None, training: bool = False
) -> tuple[regional.RegionalCourse, ...]:
    """Join each regional course with the whole-body lean change; add the untouched regions.

    Without resistance training a region shares a loss of lean tissue but not a gain: the lean tissue an energy
    surplus adds is not shown to be limb muscle by any study here (our rule, :data:`regional.SURPLUS_NOTE`), so
    no region grows beyond its size without training."""
    if not bands:
        return tuple(courses)
    lean = bands["lean_mass_kg"]
    start = lean.middle[0]
    rel = [b / start - 1.0 for b in (lean.low, lean.middle, lean.high)]
    if not training:
        rel = [np.minimum(r, 0.0) for r in rel]
    joined = [regional.with_energy(c, c.region, c.side, *rel) if c.cause != "denervation" else c for c in courses]
    if max(abs(float(r[-1])) for r in rel) >= ENERGY_FLOOR:
        for region in regional.REGIONS:
            sides = {c.side for c in courses if c.region == region}
            rest = ("both",) if not sides else tuple(s for s in ("left", "right") if s not in sides)
            joined += [regional.with_energy(None, region, side, *rel) for side in rest]
    return tuple(joined)


def _check_removals(record: Record, on: dt.date, horizon: int, chosen: Sequence[Scenario]) -> None:
    """A removal date ends an immobilisation still running on ``on``, within the horizon: one that ended
    already, or a date before ``on`` (which would undo the disuse on record), is refused, never ignored."""
    running = [e for e in record.episodes if e.kind == "immobilisation" and (e.end is None or e.end > on)]
    last = on + dt.timedelta(days=horizon)
    for scenario in chosen:
        removal = scenario.episodes_end
        if removal is None:
            continue
        text = f"cast_removed:{removal.isoformat()}"
        if not running:
            accepted = f"a record with an immobilisation still running on {on.isoformat()}"
            raise InputError([Problem("--scenario", text, "has no immobilisation to end", accepted)])
        if not on <= removal <= last:
            accepted = f"a date from {on.isoformat()} to {last.isoformat()} (the projection)"
            raise InputError([Problem("--scenario", text, "is outside the projection", accepted)])


def _episode_regions(episode: Episode) -> tuple[tuple[str, str], ...]:
    if episode.kind == "bed_rest":
        return tuple((r, side) for r in regional.BED_REST_REGIONS for side in ("left", "right"))
    if episode.kind == "immobilisation" and episode.limb in regional.LIMB_REGIONS:
        side = _known(episode.side, "the side of an immobilisation")  # the record requires it
        return tuple((r, side) for r in regional.LIMB_REGIONS[episode.limb])
    return ()


def _episode_courses(
    record: Record, on: dt.date, horizon: int, older: bool, scenario: Scenario, training: bool
) -> list[regional.RegionalCourse]:
    courses = []
    for episode in record.episodes:
        end = episode.end
        if episode.kind == "immobilisation" and scenario.episodes_end and (end is None or end > on):
            # an immobilisation still running ends on the scenario's date: sooner or later than planned
            end = max(scenario.episodes_end, episode.start)
        if end is not None and (on - end).days > EPISODE_LOOKBACK_DAYS:
            continue
        for region, side in _episode_regions(episode):
            courses.append(
                regional.disuse_course(
                    episode.kind,
                    region,
                    side,
                    (episode.start - on).days,
                    None if end is None else (end - on).days,
                    horizon,
                    older=older,
                    retraining=training,
                )
            )
    return courses


PARALYSED_NOTE = (
    "muscles paralysed by the spinal cord injury are not projected: no human time course is known here; they "
    "waste fast in the first months (Castro et al. 1999) and then hold their size for years (Kern et al. 2008); "
    "standing, electrical stimulation with cycling and training can change that"
)
"""What a projection says of the muscles a spinal cord injury paralyses (no compartment is drawn for them)."""


def _nerve_courses(record: Record, on: dt.date, horizon: int) -> list[regional.RegionalCourse]:
    courses = []
    for condition in record.conditions:
        if condition.kind != "peripheral_nerve_injury" or condition.onset is None or condition.side is None:
            continue
        sides = ("left", "right") if condition.side == "both" else (condition.side,)
        for region in denervation.NERVE_REGIONS.get((condition.nerve or "").lower(), ()):
            courses += [
                denervation.denervation_course(region, side, (condition.onset - on).days, horizon) for side in sides
            ]
    return courses


def _regional(
    record: Record, on: dt.date, horizon: int, inputs: Inputs, scenario: Scenario, training: bool
) -> tuple[regional.RegionalCourse, ...]:
    older = inputs.age_y is not None and inputs.age_y >= OLDER_ADULT_AGE
    return tuple(_episode_courses(record, on, horizon, older, scenario, training) + _nerve_courses(record, on, horizon))


__all__ = [
    "Band",
    "CITATIONS",
    "HORIZON_WEEKS",
    "Inputs",
    "NumericalFailure",
    "Projection",
    "ScenarioResult",
    "WHOLE_BODY_FIELDS",
    "project_record",
    "read_inputs",
]
