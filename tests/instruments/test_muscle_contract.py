"""Contract checks over the muscle instruments and definitions: examples reproduce, empty input gives
"cannot tell" with something to measure, out-of-range values are refused naming the field, and
``Score.to_json()`` is plain JSON. Oracles: each instrument's own ``examples`` (sources named there).
"""

import json
import math
import typing

import pytest

from myoscope.errors import InputError
from myoscope.instruments import CANNOT_TELL
from myoscope.scores import get
from myoscope.units import bounds

NAMES = (
    "sarc-f",
    "sarc-calf",
    "calf-circumference",
    "grip",
    "chair-stand",
    "gait-speed",
    "sppb",
    "tug",
    "walk-400m",
    "asm",
    "smm-janssen-bia",
    "asm-sergi-bia",
    "smm-lee-anthropometric",
    "smm-lee-girths",
    "smm-kim-dxa",
    "ewgsop2",
    "awgs2019",
    "fnih2014",
)


@pytest.mark.parametrize("name", NAMES)
def test_examples_reproduce_and_serialise(name):
    inst = get(name)
    assert inst.examples
    for example in inst.examples:
        score = inst.score(example.inputs)
        assert score.category == example.category
        if isinstance(example.value, float):
            assert math.isclose(score.value, example.value, rel_tol=1e-9)
        else:
            assert score.value == example.value
        json.dumps(score.to_json())


@pytest.mark.parametrize("name", NAMES)
def test_empty_input_cannot_tell(name):
    score = get(name).score({})
    assert score.category == CANNOT_TELL and score.missing and score.positive is None


def _upper(field):
    for arg in typing.get_args(field.annotation) or (field.annotation,):
        found = bounds(arg)
        if found:
            return found[2]
    for meta in field.metadata:
        if getattr(meta, "le", None) is not None:
            return meta.le
    return None


@pytest.mark.parametrize("name", NAMES)
def test_above_range_refused_naming_field(name):
    inst = get(name)
    checked = 0
    for field_name, field in inst.Input.model_fields.items():
        upper = _upper(field)
        if upper is None:
            continue
        with pytest.raises(InputError) as err:
            inst.score({field_name: upper * 2 + 1})
        assert err.value.problems[0].field == field_name
        checked += 1
    assert checked
