"""``Annotated[float, InUnit(...)]``: a field that type checkers see as float, validated and described in its unit."""

from typing import Annotated

import pytest
from pydantic import BaseModel, ValidationError

from myoscope.errors import RangeError
from myoscope.units import InUnit, bounds, quantity


class _Weighed(BaseModel):
    weight: Annotated[float, InUnit("kg", 20, 350, strict_gt=True)] | None = None
    height: Annotated[float, InUnit("cm", 90, 250)]


def test_a_value_with_its_unit_is_stored_in_the_canonical_unit():
    person = _Weighed(weight="158 lb", height="5 ft 9 in")
    assert person.weight == pytest.approx(158 * 0.45359237, rel=1e-12)
    assert person.height == pytest.approx((5 * 12 + 9) * 2.54, rel=1e-12)


@pytest.mark.parametrize("field, raw", [("height", "89 cm"), ("height", "251 cm"), ("weight", "20 kg")])
def test_a_value_outside_the_range_is_refused_with_the_range(field, raw):
    data = {"height": 170, field: raw}
    with pytest.raises(ValidationError) as caught:
        _Weighed(**data)
    error = caught.value.errors()[0]
    assert error["loc"] == (field,)
    assert isinstance(error["ctx"]["error"], RangeError)


def test_the_json_schema_names_the_unit_and_the_bounds():
    height = _Weighed.model_json_schema()["properties"]["height"]
    assert (height["x-unit"], height["x-minimum"], height["x-maximum"]) == ("cm", 90, 250)
    assert {"type": "number"} in height["anyOf"]


def test_bounds_reads_the_declared_range_of_both_spellings():
    assert bounds(Annotated[float, InUnit("kg", 0, 120)]) == ("kg", 0, 120)
    assert bounds(quantity("min", 1, 600)) == ("min", 1, 600)
    assert bounds(float) is None
