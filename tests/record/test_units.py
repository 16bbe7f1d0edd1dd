"""Units at the boundary: every accepted spelling lands in the canonical unit."""

import math

import pytest

from myoscope.units import parse


@pytest.mark.parametrize(
    "raw, unit, expected",
    [
        ("72 kg", "kg", 72.0),
        ("158 lb", "kg", 158 * 0.45359237),
        ("9 st 6 lb", "kg", (9 * 14 + 6) * 0.45359237),
        ("11 stone", "kg", 11 * 14 * 0.45359237),
        ("175 cm", "cm", 175.0),
        ("5 ft 9 in", "cm", (5 * 12 + 9) * 2.54),
        ("5'9\"", "cm", (5 * 12 + 9) * 2.54),
        ({"value": 31, "unit": "cm"}, "cm", 31.0),
        (31, "cm", 31.0),
        ("1.75 m", "cm", 175.0),
        ("1 h 30 min", "min", 90.0),
        ("7500 kJ", "kcal", 7500 / 4.184),
        ("900 ug", "ug", 900.0),
        ("0.9 mg", "ug", 900.0),
        ("9 h/day", "h/day", 9.0),
    ],
)
def test_accepted_spellings(raw, unit, expected):
    assert parse(raw, unit) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(
    "raw, unit, message",
    [
        ("72 kgg", "kg", "unknown unit 'kgg'; expected a mass, e.g. 72 kg or 158 lb"),
        ("72 cm", "kg", "'cm' is not a unit of the right kind; expected a mass, e.g. 72 kg or 158 lb"),
        ("heavy", "kg", "could not read 'heavy' as a mass, e.g. 72 kg or 158 lb"),
        (float("nan"), "kg", "must be a finite number"),
        (math.inf, "cm", "must be a finite number"),
        ({"value": 3}, "cm", "a quantity object needs exactly the keys 'value' and 'unit'"),
        (True, "kg", "expected a mass, e.g. 72 kg or 158 lb, not a true/false value"),
    ],
)
def test_refusals_name_what_is_accepted(raw, unit, message):
    with pytest.raises(ValueError) as exc:
        parse(raw, unit)
    assert str(exc.value) == message
