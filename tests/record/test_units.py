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
    "raw, unit, expected",
    [
        ("72 KG", "kg", 72.0),
        ("72 Kg", "kg", 72.0),
        ("72 kgs", "kg", 72.0),
        ("72 kilos", "kg", 72.0),  # pint alone reads 'kilos' as kilo-seconds
        ("158 LBS", "kg", 158 * 0.45359237),
        ("9 ST 6 LB", "kg", (9 * 14 + 6) * 0.45359237),
        ("175 CM", "cm", 175.0),
        ("5 FT 9 IN", "cm", (5 * 12 + 9) * 2.54),
        ("2000 KCAL", "kcal", 2000.0),
        ("7500 KJ", "kcal", 7500 / 4.184),
        ("600 MG", "mg", 600.0),  # pint alone reads 'MG' as a megagauss, and 'Mg' as a megagram
        ("600 Mg", "mg", 600.0),
        ("2.4 MCG", "ug", 2.4),
        ("60 gm", "g", 60.0),
        ("1 HR 30 MIN", "min", 90.0),
        ({"value": 72, "unit": "KG"}, "kg", 72.0),
    ],
)
def test_spellings_people_write_in_any_case(raw, unit, expected):
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


def test_the_factors_used_without_pint_are_pints_own_and_give_its_floats():
    from myoscope import units

    ureg = units.registry()
    for (written, canonical), factor in units._FACTORS.items():
        source, target = ureg.Unit(written), ureg.Unit(canonical)
        assert ureg._get_conversion_factor(source._units, target._units) == factor, written
        for number in (0.0, 1.0, 5.0, 9.0, 11.5, 63.5, 177.3, 1e308):
            by_pint = float(ureg.Quantity(number, source).to(target).magnitude)
            if not math.isfinite(by_pint):  # too large once converted: refused on either path
                with pytest.raises(ValueError, match="finite"):
                    units.parse({"value": number, "unit": written}, canonical)
                continue
            assert units.parse({"value": number, "unit": written}, canonical) == by_pint, (written, number)
    assert units.parse("5 ft 9 in", "cm") == 5 * 30.479999999999997 + 9 * 2.54


@pytest.mark.parametrize(
    ("raw", "unit"),
    [
        ("72 kg 72 kg", "kg"),
        ("100 kg -30 kg", "kg"),
        ("30 kg 30 kg", "kg"),
        ("5 ft 13 in", "cm"),
        ("5 ft -9 in", "cm"),
        ("5 ft 9 in 3 in", "cm"),
        ("11 st 14 lb", "kg"),
        ("1 m 75 cm", "cm"),
    ],
)
def test_two_quantities_are_never_added_up_unless_a_compound_people_write(raw, unit):
    """A doubled or corrected entry ('72 kg 72 kg', '100 kg -30 kg') was summed to 144 kg and 70 kg."""
    with pytest.raises(ValueError) as err:
        parse(raw, unit)
    assert str(err.value).startswith(f"could not read {raw!r} as ")
    assert str(err.value).endswith(
        ": two quantities are read together only as feet and inches (inches under 12), stones and pounds "
        "(pounds under 14), hours and minutes or minutes and seconds (under 60)"
    )


@pytest.mark.parametrize(
    ("raw", "unit", "expected"),
    [("5 ft 11 in", "cm", 180.34), ("11 st 13 lb", "kg", 75.750), ("2 min 10 s", "s", 130.0)],
)
def test_the_compounds_people_write_are_read(raw, unit, expected):
    assert parse(raw, unit) == pytest.approx(expected, abs=1e-3)


@pytest.mark.parametrize("raw", ["1800 cal", "1800 Calories", "1800 calories"])
def test_calories_without_kilo_are_refused_as_read_two_ways(raw):
    """'1800 cal' of food was read as 1.8 kcal, a day of eating nothing."""
    with pytest.raises(ValueError) as err:
        parse(raw, "kcal")
    assert str(err.value).endswith("is read two ways (a food Calorie is a kcal): write kcal or kJ")
