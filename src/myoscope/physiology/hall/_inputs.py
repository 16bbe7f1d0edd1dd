"""Checking and shaping the inputs of :func:`simulate` (every refusal names field, value, range)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from myoscope.errors import InputError, Problem

LIMITS: dict[str, tuple[float, float, str | None]] = {
    "age_y": (18.0, 100.0, "y"),
    "height_m": (1.0, 2.5, "m"),
    "weight_kg": (25.0, 400.0, "kg"),
    "pal": (1.2, 2.5, None),
    "pcarb_base": (0.01, 1.0, None),
    "pcarb": (0.0, 1.0, None),
    "ei_kcal": (100.0, 10000.0, "kcal/day"),
    "total_intake": (0.0, 10000.0, "kcal/day"),
    "na_change_mg": (-20000.0, 20000.0, "mg/day"),
    "days": (1, 36500, "days"),
}
"""Plausibility limits of the inputs, not clinical cut-offs. The model is Hall's adult model
(Hall et al. 2011), hence age from 18 y. PAL must exceed 1/(1 - beta_TEF) = 1.11 for the
activity coefficient delta to be positive; 1.2 (bed rest) to 2.5 covers the FAO/WHO/UNU 2004
bands with a margin. The carbohydrate share before day 0 must be positive (glycogen clearance
constant k_G = CI_b/G0^2). Total intake (baseline + change) may not be negative. The other
bounds only catch unit mistakes (e.g. height in cm, sodium in g)."""

MAX_PROBLEMS_PER_FIELD = 3

Floats = NDArray[np.float64]


def _accepted(name: str) -> str:
    low, high, unit = LIMITS[name]
    return f"{low:g} to {high:g}" + (f" {unit}" if unit else "")


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, field: str, value: Any, message: str, accepted: str | None = None, unit: str | None = None) -> None:
        self.problems.append(Problem(field, value, message, accepted, unit))

    def array(self, name: str, value: Any, *, allow_nan: bool = False) -> Floats | None:
        try:
            arr = np.asarray(value, dtype=float)
        except (TypeError, ValueError):
            self.fail(name, value, "must be a number or an array of numbers", "numbers")
            return None
        bad = ~np.isfinite(arr) & ~(np.isnan(arr) if allow_nan else False)
        for index in np.argwhere(bad)[:MAX_PROBLEMS_PER_FIELD]:
            self.fail(
                _indexed(name, index, arr.ndim), float(arr[tuple(index)]), "must be a finite number", "a finite number"
            )
        return None if bad.any() else arr

    def in_range(self, name: str, arr: Floats | None, *, field: str | None = None, low_open: bool = False) -> None:
        if arr is None:
            return
        low, high, unit = LIMITS[name]
        with np.errstate(invalid="ignore"):
            below = (arr <= low) if low_open else (arr < low)
            bad = (below | (arr > high)) & ~np.isnan(arr)
        for index in np.argwhere(bad)[:MAX_PROBLEMS_PER_FIELD]:
            self.fail(
                _indexed(field or name, index, arr.ndim),
                float(arr[tuple(index)]),
                "is outside the accepted range",
                _accepted(name),
                unit,
            )

    def raise_if_any(self) -> None:
        if self.problems:
            raise InputError(self.problems)


def _checked(value: Floats | None, check: _Checker) -> Floats:
    """An array that ``check`` accepted: None only after it recorded why, so the problems are raised."""
    if value is None:
        raise InputError(check.problems)
    return value


def _indexed(name: str, index: np.ndarray, ndim: int) -> str:
    return name + "".join(f"[{int(i)}]" for i in index) if ndim else name


@dataclass(frozen=True)
class Prepared:
    """Validated inputs: per-person arrays of shape (N,), schedules of shape (N, days + 1)."""

    female: np.ndarray
    age_y: np.ndarray
    height_m: np.ndarray
    weight_kg: np.ndarray
    pal: np.ndarray
    pcarb_base: np.ndarray
    pcarb: np.ndarray
    ei_kcal: np.ndarray
    fat_kg: np.ndarray
    ei_change: np.ndarray
    na_change: np.ndarray
    pal_schedule: np.ndarray | None
    days: int

    @property
    def n(self) -> int:
        return int(self.female.shape[0])


def _sex(value: Any, check: _Checker) -> Floats | None:
    arr = np.atleast_1d(np.asarray(value, dtype=object))
    codes = np.empty(arr.shape, float)
    ok = True
    for i, item in enumerate(arr):
        if item in ("male", "female"):
            codes[i] = 1.0 if item == "female" else 0.0
        else:
            ok = False
            if len(check.problems) < 50:
                check.fail(
                    _indexed("sex", np.array([i]), np.ndim(value)),
                    item,
                    "is not one of the accepted choices",
                    "'male' or 'female'",
                )
    return codes if ok else None


def _schedule(name: str, value: Any, n: int, days: int, check: _Checker, *, allow_none: bool = False) -> Floats | None:
    if value is None and allow_none:
        return None
    arr = check.array(name, value)
    if arr is None:
        return None
    columns = days + 1
    if arr.ndim == 0:
        arr = arr.reshape(1, 1)
    elif arr.ndim == 1:
        arr = arr[None, :]
    if arr.ndim > 2 or arr.shape[0] not in (1, n) or (arr.shape[1] != 1 and arr.shape[1] < columns):
        check.fail(
            name,
            f"array of shape {np.shape(value)}",
            "has the wrong shape",
            f"a number, {columns} values (one per day 0..{days}, shared by everyone), "
            f"or an array of shape ({n} or 1, {columns} or 1)",
        )
        return None
    if arr.shape[1] > columns:
        arr = arr[:, :columns]
    return np.broadcast_to(arr, (n, columns))


def prepare(
    *,
    sex: Any,
    age_y: Any,
    height_m: Any,
    weight_kg: Any,
    pal: Any,
    ei_change_kcal: Any,
    na_change_mg: Any,
    pcarb_base: Any,
    pcarb: Any,
    ei_kcal: Any,
    fat_kg: Any,
    days: Any,
    pal_schedule: Any,
    activity_changes: bool,
    variant_name: str,
) -> Prepared:
    """Validate everything; raise one :class:`InputError` listing every problem found."""
    check = _Checker()
    if isinstance(days, bool) or not isinstance(days, (int, np.integer)):
        check.fail("days", days, "must be a whole number of days", _accepted("days"))
        days = 0
    elif not LIMITS["days"][0] <= days <= LIMITS["days"][1]:
        check.fail("days", int(days), "is outside the accepted range", _accepted("days"), "days")
    female = _sex(sex, check)
    person = {
        "age_y": check.array("age_y", age_y),
        "height_m": check.array("height_m", height_m),
        "weight_kg": check.array("weight_kg", weight_kg),
        "pal": check.array("pal", pal),
        "pcarb_base": check.array("pcarb_base", pcarb_base),
        "pcarb": check.array("pcarb", pcarb_base if pcarb is None else pcarb),
        "ei_kcal": check.array("ei_kcal", np.nan if ei_kcal is None else _none_to_nan(ei_kcal), allow_nan=True),
        "fat_kg": check.array("fat_kg", np.nan if fat_kg is None else _none_to_nan(fat_kg), allow_nan=True),
    }
    for name in ("age_y", "height_m", "weight_kg", "pal", "pcarb_base", "pcarb", "ei_kcal"):
        check.in_range(name, person[name])
    sizes = {name: a.size for name, a in person.items() if a is not None and a.ndim > 0}
    if female is not None and np.ndim(sex) > 0:
        sizes["sex"] = female.size
    n = max(sizes.values(), default=1)
    for name, size in sizes.items():
        if size not in (1, n):
            check.fail(name, f"{size} values", "does not match the number of people", f"1 or {n} values")
    if any(a is not None and a.ndim > 1 for a in person.values()):
        check.fail("inputs", None, "per-person values must be numbers or 1-D arrays", "1-D arrays")
    check.raise_if_any()

    def per_person(a: Floats | None) -> Floats:
        return np.broadcast_to(_checked(a, check), (n,)).astype(float)

    arrays = {name: per_person(a) for name, a in person.items()}
    female = per_person(female)
    fat = arrays["fat_kg"]
    bad_fat = ~np.isnan(fat) & ((fat <= 0) | (fat >= arrays["weight_kg"]))
    for i in np.flatnonzero(bad_fat)[:MAX_PROBLEMS_PER_FIELD]:
        check.fail(
            f"fat_kg[{i}]" if n > 1 else "fat_kg",
            float(fat[i]),
            "is outside the accepted range",
            "more than 0 kg and less than the body weight",
            "kg",
        )
    ei = _schedule("ei_change_kcal", ei_change_kcal, n, days, check)
    na = _schedule("na_change_mg", na_change_mg, n, days, check)
    check.in_range("na_change_mg", na)
    pal_sched = _schedule("pal_schedule", pal_schedule, n, days, check, allow_none=True)
    if pal_sched is not None:
        if not activity_changes:
            check.fail(
                "pal_schedule",
                "a schedule",
                f"the {variant_name} variant cannot change activity",
                "no pal_schedule (or variant hall2011)",
            )
        check.in_range("pal", pal_sched, field="pal_schedule")
    check.raise_if_any()
    return Prepared(
        female,
        arrays["age_y"],
        arrays["height_m"],
        arrays["weight_kg"],
        arrays["pal"],
        arrays["pcarb_base"],
        arrays["pcarb"],
        arrays["ei_kcal"],
        fat,
        _checked(ei, check),
        _checked(na, check),
        pal_sched,
        int(days),
    )


def check_state(prepared: Prepared, ei0: np.ndarray, fat0: np.ndarray, lean0: np.ndarray) -> None:
    """Refuse people whose baseline or intake the model cannot represent."""
    check = _Checker()
    n = prepared.n

    def name(field: str, i: int) -> str:
        return f"{field}[{i}]" if n > 1 else field

    for i in np.flatnonzero(fat0 <= 0)[:MAX_PROBLEMS_PER_FIELD]:
        check.fail(
            name("fat_kg", i),
            float(fat0[i]),
            "the estimated baseline fat mass is not positive at this BMI and age; give fat_kg",
            "an estimate above 0 kg",
            "kg",
        )
    for i in np.flatnonzero(lean0 <= 0)[:MAX_PROBLEMS_PER_FIELD]:
        check.fail(
            name("weight_kg", i),
            float(prepared.weight_kg[i]),
            "leaves no lean tissue after fat, extracellular fluid and glycogen",
            "a weight above fat + ECF + 3.7 x 0.5 kg",
            "kg",
        )
    total = ei0[:, None] + prepared.ei_change
    low, high, _ = LIMITS["total_intake"]
    bad = (total < low) | (total > high)
    for i, j in np.argwhere(bad)[:MAX_PROBLEMS_PER_FIELD]:
        check.fail(
            f"ei_change_kcal[{i}][{j}]" if n > 1 else f"ei_change_kcal[{j}]",
            float(prepared.ei_change[i, j]),
            f"makes the total intake {total[i, j]:.0f} kcal/day (baseline {ei0[i]:.0f})",
            _accepted("total_intake"),
            "kcal/day",
        )
    check.raise_if_any()


def _none_to_nan(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [np.nan if v is None else v for v in value]
    return value
