"""Display precision: one table, values rounded only when shown."""

import doctest

import pytest

from myoscope import precision


def test_precision_doctests():
    failures, _ = doctest.testmod(precision)
    assert failures == 0


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (63.50293180000001, "kg", "63.5 kg"),
        (47.17360648000001, "kg", "47.2 kg"),
        (177.79999999999998, "cm", "177.8 cm"),
        (1577.6, "kcal/day", "1580 kcal/day"),
        (0.834, "m/s", "0.83 m/s"),
        (12.04, "s", "12 s"),
        (-0.04, "kg", "0 kg"),
        (0.00123456, "furlongs", "0.00123 furlongs"),
    ],
)
def test_quantity_text_rounds_for_people(value, unit, text):
    assert precision.quantity_text(value, unit) == text


@pytest.mark.parametrize(
    ("count", "word", "text"),
    [
        (1, "day", "1 day"),
        (2, "day", "2 days"),
        (1, "point", "1 point"),
        (0, "point", "0 points"),
        (3, "activity", "3 activities"),
        (1.5, "week", "1.5 weeks"),
        (2, "class", "2 classes"),
    ],
)
def test_count_text_plurals(count, word, text):
    assert precision.count_text(count, word) == text
