"""Exact messages for refused values: a bad choice is one problem with every accepted value; a rate names
its "per" (h/day)."""

from __future__ import annotations

import pytest

from myoscope.errors import InputError
from myoscope.record import parse_record


def test_a_side_that_is_no_side_is_one_problem_with_every_accepted_value():
    with pytest.raises(InputError) as refused:
        parse_record(
            {"person": {"id": "p", "age": 50}, "conditions": [{"kind": "peripheral_nerve_injury", "side": "up"}]}
        )
    assert str(refused.value) == (
        "conditions[0].side: is not one of the accepted choices (got 'up'); accepted: 'left' or 'right' or 'both'"
    )


def test_sitting_time_without_per_day_says_what_it_takes():
    with pytest.raises(InputError) as refused:
        parse_record({"person": {"id": "p", "age": 50}, "activity": [{"week_of": "2026-11-02", "sitting": "9 h"}]})
    assert str(refused.value) == (
        "activity[0].sitting: 'h' is not a unit of the right kind; expected a number of h/day, e.g. 8 h/day (got '9 h')"
    )
