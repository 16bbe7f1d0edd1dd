"""Quantities with units at the boundaries (pint), plain floats inside.

``Annotated[float, InUnit("kg", 20, 350)]`` is a pydantic type that accepts ``72``, ``"72 kg"``,
``"158 lb"``, ``"9 st 6 lb"``, ``"5 ft 9 in"`` (for lengths), ``{"value": 31, "unit": "cm"}``
and stores the value as a float in the canonical unit. A bare number is taken
to be in the canonical unit. Unknown units, units of the wrong kind, NaN,
infinity and values outside the accepted range are refused with a
:class:`~myoscope.errors.RangeError` or ``ValueError`` that the record's
error translation turns into a :class:`~myoscope.errors.Problem`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BeforeValidator, GetCoreSchemaHandler, GetJsonSchemaHandler, WithJsonSchema
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from myoscope.errors import RangeError, shorten

if TYPE_CHECKING:
    import numpy as np
    import pint
DAYS_PER_MONTH = 365.25 / 12
"""Days in one month (30.4375, the mean month of the Julian year, as pint's ``month``): the one month
length every conversion of a number of days to months uses (ALS progression, time since injury). A window
of whole months before a date is counted on the calendar instead: :func:`months_before`."""


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day of the month ``months`` calendar months before ``day``, or the last day of that month
    where it is shorter (31 August - 6 months = 28 or 29 February).

    "Within the past 6 months" of a weight taken on 1 November includes a weight taken on 1 May: 184 days
    earlier, where a mean month (:data:`DAYS_PER_MONTH`) would stop at 183 days. The weight-change windows of
    a record and of cohort screening (:func:`months_before_days`) are counted this way."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def months_before_days(days: np.ndarray, months: int) -> np.ndarray:
    """:func:`months_before` of each day of an array of days since 1970-01-01 (int64 days out)."""
    import numpy as np

    at = np.asarray(days, dtype=np.int64).astype("datetime64[D]")
    month = at.astype("datetime64[M]")
    into = (at - month.astype("datetime64[D]")).astype(np.int64)
    target = month - np.timedelta64(months, "M")
    start = target.astype("datetime64[D]")
    length = ((target + np.timedelta64(1, "M")).astype("datetime64[D]") - start).astype(np.int64)
    result: np.ndarray = start.astype(np.int64) + np.minimum(into, length - 1)
    return result


MAX_UNIT_TEXT = 40
"""Characters of a value written with its unit, or of a unit: checked before pint reads it (pint's
parsing time grows quickly with length). Our own limit, far beyond any real unit."""

_PAIR = re.compile(r"\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)\s*([^\d\s][^\d]*?)?\s*(?=$|[-+]?\d|\.\d)")

_KIND = {
    "[mass]": "a mass, e.g. 72 kg or 158 lb",
    "[length]": "a length, e.g. 175 cm or 5 ft 9 in",
    "[time]": "a duration, e.g. 12 s or 30 min",
    "[length] / [time]": "a speed, e.g. 0.8 m/s",
    "[length] ** 2 * [mass] / [time] ** 2": "an energy, e.g. 1800 kcal or 7500 kJ",
    "dimensionless": "a plain number",
}


ENV_CACHE = "MYOSCOPE_CACHE_DIR"
"""Environment variable naming the folder for myoscope's caches (tests point it at a temporary folder)."""


def cache_dir() -> Path:
    """myoscope's cache folder: ``$MYOSCOPE_CACHE_DIR``, else ``$XDG_CACHE_HOME/myoscope``, else
    ``~/.cache/myoscope`` (not created here)."""
    own = os.environ.get(ENV_CACHE)
    if own:
        return Path(own)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "myoscope"


def _pint_cache() -> Path | None:
    """The folder for pint's parsed unit definitions (one per pint version), created if need be; None if it
    cannot be made (a read-only home): the registry is then built without a cache."""
    import pint

    folder = cache_dir() / f"pint-{pint.__version__}"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


def _build(cache: Path | None) -> pint.UnitRegistry[Any]:
    import pint

    ureg: pint.UnitRegistry[Any] = pint.UnitRegistry(autoconvert_offset_to_baseunit=True, cache_folder=cache)
    ureg.define("kcal = kilocalorie")
    ureg.define("@alias stone = st")  # body weight in the UK and Ireland: "9 st 6 lb"
    return ureg


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry[Any]:
    """The one pint registry (created on first use).

    Pint's parsed definition files are kept in :func:`cache_dir` (parsing them anew costs most of a
    second); a cache that cannot be read or written (another process writing it at the same moment, a
    read-only folder, a damaged file) is passed over and the registry built from pint's own files.
    """
    cache = _pint_cache()
    if cache is not None:
        try:
            return _build(cache)
        except Exception:  # noqa: BLE001 - pickle and file errors of any kind: build without the cache
            pass
    return _build(None)


@lru_cache(maxsize=256)
def _unit(unit: str) -> pint.Unit:
    return registry().Unit(unit)


def _kind(unit: str) -> str:
    dims = str(_unit(unit).dimensionality)
    if dims == "dimensionless" and "/" in unit:  # a rate of like units (h/day): say which, with an example
        return f"a number of {unit}, e.g. 8 {unit}"
    return _KIND.get(dims, f"a quantity in {unit}")


def parse(value: Any, unit: str) -> float:
    """Convert ``value`` (number, text or ``{value, unit}``) to a float in ``unit``."""
    if isinstance(value, bool):
        raise ValueError(f"expected {_kind(unit)}, not a true/false value")
    if isinstance(value, (int, float)):
        number = _float(value)
        _finite(number)
        return number
    if isinstance(value, dict):
        if set(value) != {"value", "unit"}:
            raise ValueError("a quantity object needs exactly the keys 'value' and 'unit'")
        inner = value["value"]
        if isinstance(inner, bool) or not isinstance(inner, (int, float)):
            raise ValueError("the 'value' of a quantity must be a number")
        inner = _float(inner)
        _finite(inner)
        if not isinstance(value["unit"], str):
            raise ValueError("the 'unit' of a quantity must be text, e.g. 'kg'")
        return _convert(inner, value["unit"], unit)
    if isinstance(value, str):
        return _parse_text(value, unit)
    raise ValueError(f"expected {_kind(unit)}")


def _float(number: int | float) -> float:
    try:
        return float(number)
    except OverflowError:
        raise ValueError("is too large a number") from None


def _finite(number: float) -> None:
    if not math.isfinite(number):
        raise ValueError("must be a finite number")


def _parse_text(text: str, unit: str) -> float:
    stripped = text.strip()
    if not stripped:
        raise ValueError(f"expected {_kind(unit)}, got an empty text")
    if len(stripped) > MAX_UNIT_TEXT:
        raise ValueError(
            f"is too long for a value with its unit (at most {MAX_UNIT_TEXT} characters); expected {_kind(unit)}"
        )
    pairs = _pairs(stripped)
    if pairs is None:
        raise ValueError(f"could not read {shorten(text)!r} as {_kind(unit)}")
    if len(pairs) > 1 and not _compound(pairs):
        raise ValueError(
            f"could not read {shorten(text)!r} as {_kind(unit)}: two quantities are read together only as feet "
            "and inches (inches under 12), stones and pounds (pounds under 14), hours and minutes or minutes and "
            "seconds (under 60)"
        )
    total = 0.0
    for number, written_unit in pairs:
        _finite(number)
        total += _convert(number, written_unit or unit, unit)
    return total


_SPELLINGS: dict[str, str] = {
    **dict.fromkeys(("kg", "kgs", "kilo", "kilos", "kilogram", "kilograms"), "kg"),
    **dict.fromkeys(("lb", "lbs", "pound", "pounds"), "lb"),
    **dict.fromkeys(("st", "stone", "stones"), "st"),
    **dict.fromkeys(("g", "gm", "gms", "gram", "grams"), "g"),
    **dict.fromkeys(("mg", "mgs", "milligram", "milligrams"), "mg"),
    **dict.fromkeys(("ug", "mcg", "µg", "μg", "microgram", "micrograms"), "ug"),
    **dict.fromkeys(("cm", "cms", "centimetre", "centimetres", "centimeter", "centimeters"), "cm"),
    **dict.fromkeys(("mm", "millimetre", "millimetres", "millimeter", "millimeters"), "mm"),
    **dict.fromkeys(("m", "metre", "metres", "meter", "meters"), "m"),
    **dict.fromkeys(("ft", "foot", "feet"), "ft"),
    **dict.fromkeys(("in", "inch", "inches"), "in"),
    **dict.fromkeys(("kcal", "kcals", "kilocalorie", "kilocalories"), "kcal"),
    **dict.fromkeys(("kj", "kilojoule", "kilojoules"), "kJ"),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), "h"),
    **dict.fromkeys(("min", "mins", "minute", "minutes"), "min"),
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds"), "s"),
}
"""Spellings of the units of body measurements, in any letter case ('72 KG', '72 kgs', '72 kilos', '158 LBS',
'5 FT 9 IN', '2000 KCAL'), and the unit pint reads for each. Pint's own names are case-sensitive ('Mg' is a
megagram, 'kilos' a kilo-second): in a body measurement no one means those, so these spellings are read as
people mean them before pint sees the unit. Any other unit goes to pint as written."""


def _spelling(written: str) -> str:
    """The unit pint reads for a written unit: :data:`_SPELLINGS` in any case, else the text as written."""
    return _SPELLINGS.get(written.lower(), written)


def _pairs(text: str) -> list[tuple[float, str | None]] | None:
    text = text.replace("′", "ft").replace("″", "in").replace("'", " ft ").replace('"', " in ")
    pos, out = 0, []
    while pos < len(text):
        match = _PAIR.match(text, pos)
        if not match or match.end() == pos:
            return None
        number, written = match.group(1), match.group(2)
        out.append((float(number), _spelling(written.strip()) if written else None))
        pos = match.end()
    if len(out) > 1 and any(u is None for (u,) in [(u,) for _, u in out]):
        return None
    return out or None


_COMPOUNDS = (("ft", "in", 12.0), ("st", "lb", 14.0), ("h", "min", 60.0), ("min", "s", 60.0))
"""The two-unit forms people write (5 ft 9 in, 11 st 4 lb, 1 h 30 min, 2 min 10 s): the larger unit, the
smaller, and how many of the smaller make one of the larger (the smaller part must be less than that). Units
are compared as :data:`_SPELLINGS` reads them ('5 feet 9 inches', '1 HR 30 MINS')."""


def _compound(pairs: list[tuple[float, str | None]]) -> bool:
    """Whether several quantities in one text are one of :data:`_COMPOUNDS` (never a sum like '72 kg 72 kg')."""
    if len(pairs) != 2:
        return False
    (big, big_unit), (small, small_unit) = pairs
    return any(
        big_unit == larger and small_unit == smaller and big >= 0 and 0 <= small < limit
        for larger, smaller, limit in _COMPOUNDS
    )


_FACTORS: dict[tuple[str, str], float] = {
    ("ft", "cm"): 30.479999999999997,
    ("in", "cm"): 2.54,
    ("m", "cm"): 100.0,
    ("mm", "cm"): 0.1,
    ("lb", "kg"): 0.4535923700000001,
    ("st", "kg"): 6.35029318,
}
"""Pint's own conversion factors (the float its registry computes, a test holds them equal) for the units
people write most for heights and weights: pint converts by one multiplication by this factor, so using it
gives the same float without loading pint (most of a second)."""


AMBIGUOUS_ENERGY = frozenset({"cal", "cals", "calorie", "calories", "Cal", "Calorie", "Calories"})
"""Energy units read two ways: on food labels a (large) Calorie is a kilocalorie, in physics a calorie is a
thousandth of one. '1800 cal' of food read as 1.8 kcal would make a day's eating nothing, so they are refused."""


def _convert(number: float, written_unit: str, unit: str) -> float:
    written_unit = _spelling(written_unit.strip())
    if written_unit == unit:  # already in the canonical unit: nothing to convert, so pint need not load
        return number
    if written_unit in AMBIGUOUS_ENERGY and unit == "kcal":
        raise ValueError(f"{written_unit!r} is read two ways (a food Calorie is a kcal): write kcal or kJ")
    factor = _FACTORS.get((written_unit, unit))
    if factor is not None:
        by_factor = number * factor
        _finite(by_factor)
        return by_factor
    ureg = registry()
    if len(written_unit) > MAX_UNIT_TEXT:
        raise ValueError(f"a unit is at most {MAX_UNIT_TEXT} characters; expected {_kind(unit)}")
    try:
        source = ureg.Unit(written_unit)
        target = _unit(unit)
        right_kind = source.dimensionality == target.dimensionality
        converted = float(ureg.Quantity(number, source).to(target).magnitude) if right_kind else None
    except Exception:  # noqa: BLE001 - pint's parser raises many kinds (ZeroDivisionError for "kg/0", KeyError, ...)
        raise ValueError(f"unknown unit {shorten(written_unit)!r}; expected {_kind(unit)}") from None
    if converted is None:
        raise ValueError(f"{shorten(written_unit)!r} is not a unit of the right kind; expected {_kind(unit)}")
    _finite(converted)
    return converted


def shown_unit(unit: str) -> str:
    """A unit as people write it: pint's powers in superscript (``kg/m**2`` -> ``kg/m²``)."""
    return unit.replace("**2", "²").replace("**3", "³")


def fmt(number: float, unit: str, digits: int = 4) -> str:
    """``fmt(10.0, "cm")`` -> ``"10 cm"``, ``fmt(3, "kg/m**2")`` -> ``"3 kg/m²"`` (for messages and reports)."""
    return f"{number:.{digits}g} {shown_unit(unit)}"


@dataclass(frozen=True)
class InUnit:
    """Annotated metadata for a value with a unit: ``Annotated[float, InUnit("kg", 20, 350)]``.

    The value is stored as a float in ``unit`` and must lie within [ge, le]; ``strict_gt`` makes the lower
    bound exclusive (e.g. a weight must be > 0). Written as ``Annotated`` metadata so that type checkers see
    the field as the plain ``float`` it holds.
    """

    unit: str
    ge: float | None = None
    le: float | None = None
    strict_gt: bool = False

    def check(self, value: Any) -> float:
        """Parse ``value`` into ``unit`` and refuse it outside the accepted range."""
        number = parse(value, self.unit)
        ge, le = self.ge, self.le
        low_bad = ge is not None and (number <= ge if self.strict_gt else number < ge)
        high_bad = le is not None and number > le
        if low_bad or high_bad:
            raise RangeError(
                f"{fmt(number, self.unit)} is outside the accepted range",
                accepted=_range_text(ge, le, self.unit, self.strict_gt),
                unit=self.unit,
            )
        return number

    def json_schema(self) -> dict[str, Any]:
        """The field's JSON Schema: a number, a text with its unit, or a ``{value, unit}`` object."""
        schema: dict[str, Any] = {
            "anyOf": [
                {"type": "number"},
                {"type": "string", "examples": [f"{self.ge if self.ge is not None else 1} {self.unit}"]},
                {
                    "type": "object",
                    "properties": {"value": {"type": "number"}, "unit": {"type": "string"}},
                    "required": ["value", "unit"],
                },
            ],
            "x-unit": self.unit,
        }
        if self.ge is not None:
            schema["x-minimum"] = self.ge
        if self.le is not None:
            schema["x-maximum"] = self.le
        return schema

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return BeforeValidator(self.check).__get_pydantic_core_schema__(source, handler)

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        return WithJsonSchema(self.json_schema()).__get_pydantic_json_schema__(schema, handler)


def quantity(unit: str, ge: float | None = None, le: float | None = None, *, strict_gt: bool = False) -> Any:
    """The type ``Annotated[float, InUnit(unit, ge, le)]``, for models built at run time (``create_model``)."""
    return Annotated[float, InUnit(unit, ge, le, strict_gt=strict_gt)]


def _range_text(ge: float | None, le: float | None, unit: str, strict_gt: bool) -> str:
    unit = shown_unit(unit)
    if ge is not None and le is not None:
        low = f"more than {ge:g}" if strict_gt else f"{ge:g}"
        return f"{low} to {le:g} {unit}" if not strict_gt else f"{low} and at most {le:g} {unit}"
    if ge is not None:
        return f"{'more than' if strict_gt else 'at least'} {ge:g} {unit}"
    return f"at most {le:g} {unit}"


def bounds(annotated: Any) -> tuple[str, float | None, float | None] | None:
    """(unit, low, high) declared by a :func:`quantity` type, for conformance checks."""
    for meta in getattr(annotated, "__metadata__", ()):
        if isinstance(meta, InUnit):
            return meta.unit, meta.ge, meta.le
    return None
