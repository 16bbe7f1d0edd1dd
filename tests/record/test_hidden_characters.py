"""No text of a record holds a NUL or a bidirectional control: a right-to-left override in an id or a name makes
what a reader sees ("pat-BLOCK") differ from what is stored ("pat-\u202eKCOLB"). Right-to-left scripts are
written as they are; only the invisible reordering characters are refused, with the field and the code point."""

from __future__ import annotations

import pytest

from myoscope.errors import InputError
from myoscope.record import parse_record

PERSON = {"id": "p", "sex": "female", "age": 50}


@pytest.mark.parametrize("char", ["\u202e", "\u202a", "\u2066", "\u2069", "\x00", "\x1b", "\x07", "\x9b"])
def test_a_hidden_control_in_a_condition_name_is_refused_by_field_and_code_point(char):
    with pytest.raises(InputError) as refused:
        parse_record({"person": PERSON, "conditions": [{"kind": "other", "name": f"x{char}yz"}]})
    message = str(refused.value)
    assert message.startswith(f"conditions[0].name: contains a hidden control character (U+{ord(char):04X})")
    assert (
        "accepted: text without control characters (other than tabs and line breaks) or bidirectional controls"
        in message
    )


def test_a_direction_override_in_an_id_is_refused():
    with pytest.raises(InputError, match=r"person\.id: contains a"):
        parse_record({"person": {**PERSON, "id": "pat-\u202eKCOLB"}})


def test_right_to_left_text_itself_is_accepted():
    record = parse_record({"person": PERSON, "conditions": [{"kind": "other", "name": "سرطان الثدي"}]})
    assert record.conditions[0].name == "سرطان الثدي"


def test_tabs_and_line_breaks_in_a_text_are_kept():
    record = parse_record({"person": PERSON, "conditions": [{"kind": "other", "name": "a\tb\nc"}]})
    assert record.conditions[0].name == "a\tb\nc"
