"""Numbers and dates are read as a person wrote them: decimal numbers (YAML 1.2), never octal (``072`` was
read as 58 kg), base 60 (``1:12`` as 72) or hex; a date is a date or YYYY-MM-DD text, never a count of
seconds since 1970 (``birth_date: 0`` was read as 1970-01-01)."""

from __future__ import annotations

import pytest

from myoscope.errors import InputError
from myoscope.record import parse_record, parse_text

HEAD = "schema_version: 1\nperson: {id: p1, sex: male, birth_date: 1970-01-01, height: 175 cm}\nmeasurements:\n"


def _weights(*values: str):
    rows = "".join(f"  - {{kind: body_weight, value: {v}, date: 2026-0{i + 1}-01}}\n" for i, v in enumerate(values))
    return parse_record(parse_text(HEAD + rows, "yaml"))


def test_a_leading_zero_is_a_decimal_number():
    record = _weights("072", "070")
    assert [m.value for m in record.measurements] == [72.0, 70.0]


@pytest.mark.parametrize("value", ["1:12", "0x48", "7_2", "0b1001000", "0o110"])
def test_other_bases_are_refused_naming_the_field(value):
    with pytest.raises(InputError) as err:
        _weights(value)
    (problem,) = err.value.problems
    assert problem.field == "measurements[0].value" and value in problem.message


def test_an_explicit_int_tag_in_another_base_is_refused():
    with pytest.raises(InputError) as err:
        _weights("!!int 0x48")
    assert "'0x48' is not a decimal number" in str(err.value)


@pytest.mark.parametrize("written", ["0", "1767225600", '"86400"', "20260101"])
def test_a_number_is_not_a_date(written):
    text = HEAD.replace("birth_date: 1970-01-01", f"birth_date: {written}") + (
        "  - {kind: body_weight, value: 72 kg, date: 2026-01-01}\n"
    )
    with pytest.raises(InputError) as err:
        parse_record(parse_text(text, "yaml"))
    (problem,) = err.value.problems
    assert problem.field == "person.birth_date"
    assert problem.message == "is not a date" and problem.accepted == "a date written YYYY-MM-DD"
