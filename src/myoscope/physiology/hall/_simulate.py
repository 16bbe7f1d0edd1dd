"""``simulate``: Hall's adult model for N people x D days in one call."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from myoscope.errors import InputError, Problem
from myoscope.physiology.hall import _fields as codes
from myoscope.physiology.hall._baseline import Baseline, activity_coefficient, baseline
from myoscope.physiology.hall._inputs import Prepared, check_state, prepare
from myoscope.physiology.hall._variants import DEFAULT_VARIANT, VARIANTS, Variant

OUTPUT_FIELDS = codes.FIELDS
"""Daily outputs: body weight, fat mass, lean tissue L (excludes ECF and glycogen with its
water), fat-free mass (= weight - fat), extracellular fluid, glycogen (kg); adaptive
thermogenesis, energy intake and expenditure (kcal/day)."""

Engine = Literal["numba", "numpy"]
PARALLEL_FROM_PERSON_DAYS = 1_000_000
"""Smaller runs stay in the calling thread: their work (under about 30 ms) is comparable to the
time it can take to start the other threads on a busy machine."""


@dataclass(frozen=True)
class Simulation:
    """Result of :func:`simulate`: ``outputs[name]`` has shape (people, len(days))."""

    variant: Variant
    days: np.ndarray
    outputs: dict[str, np.ndarray]
    baseline: Baseline

    def __getitem__(self, name: str) -> np.ndarray:
        return self.outputs[name]

    @property
    def n_people(self) -> int:
        return int(self.baseline.weight_kg.shape[0])

    @property
    def plausible(self) -> np.ndarray:
        """Per person: lean tissue and fat stayed positive and finite on every recorded day."""
        ok = np.ones(self.n_people, bool)
        for name in ("lean_mass_kg", "fat_mass_kg", "body_weight_kg"):
            if name in self.outputs:
                values = self.outputs[name]
                ok &= np.all(np.isfinite(values) & (values > 0), axis=1)
        return ok


def resolve_variant(variant: str | Variant) -> Variant:
    if isinstance(variant, Variant):
        return variant
    try:
        return VARIANTS[variant]
    except KeyError:
        raise InputError([Problem("variant", variant, "is not a known variant", " or ".join(VARIANTS))]) from None


def simulate(
    *,
    sex: Any,
    age_y: Any,
    height_m: Any,
    weight_kg: Any,
    pal: Any = 1.5,
    ei_change_kcal: Any = 0.0,
    na_change_mg: Any = 0.0,
    pcarb_base: Any = 0.5,
    pcarb: Any = None,
    ei_kcal: Any = None,
    fat_kg: Any = None,
    days: int = 365,
    pal_schedule: Any = None,
    variant: str | Variant = DEFAULT_VARIANT,
    outputs: Sequence[str] | None = None,
    record: Literal["daily", "final"] | Sequence[int] | np.ndarray = "daily",
    engine: Engine = "numba",
) -> Simulation:
    """Simulate Hall's adult body-weight model (Hall et al. 2011) for N people over ``days`` days.

    Parameters
    ----------
    sex : "male" / "female", or a sequence of them
    age_y, height_m, weight_kg : day-0 age [y], height [m] and body weight [kg]; numbers or (N,) arrays
    pal : physical activity level before day 0 (expenditure / RMR) [-]
    ei_change_kcal : change of energy intake from the baseline intake [kcal/day], not cumulative.
        A number, one schedule of ``days + 1`` values shared by everyone, or an (N | 1, days + 1 | 1)
        array. Column j is the intake change on day j (from t = j to t = j + 1).
    na_change_mg : change of dietary sodium [mg/day], same shapes
    pcarb_base, pcarb : carbohydrate share of intake before and from day 0 (pcarb defaults to pcarb_base)
    ei_kcal : baseline intake [kcal/day]; None or NaN -> PAL x RMR (Mifflin-St Jeor)
    fat_kg : baseline fat mass [kg]; None or NaN -> Jackson et al. 2002 from sex, age and BMI
    days : horizon; outputs are on days 0..days
    pal_schedule : PAL on each day (same shapes as ``ei_change_kcal``); ``hall2011`` only. Activity
        enters through delta = ((1 - beta_TEF) PAL - 1) RMR / W0 (Hall 2011 appendix).
    variant : "hall2011" (default) or "bw-1.0.0" (see :data:`VARIANTS`)
    outputs : names from :data:`OUTPUT_FIELDS` to keep (default: all)
    record : "daily", "final" (only day ``days``) or a sequence of days to keep
    engine : "numba" (compiled, parallel) or "numpy" (same arithmetic, plain numpy)

    Raises
    ------
    InputError
        naming every field, value and accepted range that is wrong.

    References
    ----------
    Hall KD, Sacks G, Chandramohan D, et al. Quantification of the effect of energy imbalance on
    bodyweight. Lancet 2011;378:826-37. [hall2011] (and its web appendix).
    """
    chosen = resolve_variant(variant)
    prepared = prepare(
        sex=sex,
        age_y=age_y,
        height_m=height_m,
        weight_kg=weight_kg,
        pal=pal,
        ei_change_kcal=ei_change_kcal,
        na_change_mg=na_change_mg,
        pcarb_base=pcarb_base,
        pcarb=pcarb,
        ei_kcal=ei_kcal,
        fat_kg=fat_kg,
        days=days,
        pal_schedule=pal_schedule,
        activity_changes=chosen.activity_changes,
        variant_name=chosen.name,
    )
    fields = _fields(outputs)
    record_days = _record_days(record, prepared.days)
    return run(prepared, chosen, fields, record_days, engine)


def baseline_of(prepared: Prepared, variant: Variant) -> Baseline:
    """The day-0 state of validated inputs under ``variant``."""
    return baseline(
        prepared.female,
        prepared.age_y,
        prepared.height_m,
        prepared.weight_kg,
        prepared.pal,
        prepared.pcarb_base,
        prepared.pcarb,
        prepared.ei_kcal,
        prepared.fat_kg,
        variant.balance_given_intake,
    )


def run(
    prepared: Prepared, variant: Variant, fields: tuple[str, ...], record_days: np.ndarray, engine: Engine = "numba"
) -> Simulation:
    """Run validated inputs (used by :func:`simulate` and the target searches)."""
    base = baseline_of(prepared, variant)
    check_state(prepared, base.ei_kcal, base.fat_kg, base.lean_kg)
    from myoscope.physiology.hall import _kernel  # loads numba on first simulation only

    params = parameter_table(base)
    shape = prepared.ei_change.shape
    delta = activity_schedule(prepared, base)
    codes = np.array([OUTPUT_FIELDS.index(f) for f in fields], dtype=np.int64)
    out = np.empty((len(codes), len(record_days), prepared.n))
    if engine not in ("numba", "numpy"):
        raise InputError([Problem("engine", engine, "is not a known engine", "numba or numpy")])
    runner: Callable[..., None]  # the kernels fill ``out`` in place
    if engine == "numpy":
        runner = _kernel.run_numpy
    elif prepared.n * prepared.days >= PARALLEL_FROM_PERSON_DAYS:
        runner = _kernel.run_numba
    else:
        runner = _kernel.run_numba_serial
    runner(
        params,
        prepared.ei_change,
        prepared.na_change,
        np.broadcast_to(delta, shape),
        float(variant.glycogen_energy),
        bool(variant.lookahead),
        prepared.days,
        record_days,
        codes,
        out,
    )
    return Simulation(variant, record_days, {f: out[s].T for s, f in enumerate(fields)}, base)


def parameter_table(base: Baseline) -> np.ndarray:
    """The per-person parameter table of the kernels (columns named in ``_fields``)."""
    f = codes
    params = np.empty((base.weight_kg.shape[0], f.N_PARAMS))
    for column, values in (
        (f.P_FAT0, base.fat_kg),
        (f.P_LEAN0, base.lean_kg),
        (f.P_ECF0, base.ecf_kg),
        (f.P_K, base.K_kcal),
        (f.P_EI0, base.ei_kcal),
        (f.P_CIB, base.CIb_kcal),
        (f.P_KG, base.kG),
        (f.P_PCARB, base.pcarb),
        (f.P_W0, base.weight_kg),
    ):
        params[:, column] = values
    return params


def activity_schedule(prepared: Prepared, base: Baseline) -> np.ndarray:
    """delta (kcal/kg/day) per person and day, (N, days + 1), possibly a broadcast view."""
    shape = prepared.ei_change.shape
    if prepared.pal_schedule is None:
        return np.broadcast_to(base.delta_kcal_per_kg[:, None], shape)
    return np.broadcast_to(
        activity_coefficient(prepared.pal_schedule, base.rmr_kcal[:, None], base.weight_kg[:, None]), shape
    )


def _fields(outputs: Sequence[str] | None) -> tuple[str, ...]:
    if outputs is None:
        return OUTPUT_FIELDS
    fields = tuple(outputs)
    unknown = [f for f in fields if f not in OUTPUT_FIELDS]
    if unknown or not fields:
        raise InputError([Problem("outputs", unknown or fields, "names no known output", ", ".join(OUTPUT_FIELDS))])
    return fields


def _record_days(record: str | Sequence[int] | np.ndarray, days: int) -> np.ndarray:
    if isinstance(record, str):
        if record == "daily":
            return np.arange(days + 1, dtype=np.int64)
        if record == "final":
            return np.array([days], dtype=np.int64)
        raise InputError([Problem("record", record, "is not a known choice", "'daily', 'final' or a list of days")])
    chosen = np.unique(np.asarray(record, dtype=np.int64))
    if chosen.size == 0 or chosen[0] < 0 or chosen[-1] > days:
        raise InputError(
            [Problem("record", list(np.asarray(record).tolist()), "is outside the simulated days", f"days 0 to {days}")]
        )
    return chosen
