"""A value no choice accepts is one problem naming the field as the record spells it and every accepted value."""

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
