"""Answers as people type them in the self-check, read into the record's forms or refused with a reason."""

import pytest

from myoscope.cli import _spoken as spoken
from myoscope.record import measurement_value


@pytest.mark.parametrize(
    ("typed", "kind", "expected"),
    [
        ("5 ft 3", "height", 160.02),  # 63 in x 2.54
        ("5'3\"", "height", 160.02),
        ("5 ft 9 in", "height", 175.26),
        ("9 st 4", "body_weight", 58.97),  # 130 lb x 0.45359237
        ("9 st", "body_weight", 57.15),  # 126 lb
        ("61,2 kg", "body_weight", 61.2),
        ("72 kg", "body_weight", 72.0),
    ],
)
def test_spoken_lengths_and_masses(typed, kind, expected):
    assert measurement_value(spoken.spoken_quantity(typed), kind) == pytest.approx(expected, abs=0.01)


def test_a_comma_that_could_separate_thousands_is_refused():
    with pytest.raises(ValueError, match="ambiguous"):
        spoken.spoken_quantity("1,000 kg")


def test_words_people_use():
    assert spoken.word(spoken.LIMB_WORDS, "part")("Wrist") == "forearm"
    assert spoken.word(spoken.SEX_WORDS, "sex")("F") == "female"
    assert spoken.word(spoken.SIDE_WORDS, "side")("l") == "left"
    with pytest.raises(ValueError, match="not a part"):
        spoken.word(spoken.LIMB_WORDS, "part")("tail")


def test_numbers_are_refused_with_a_reason_not_a_python_message():
    convert = spoken.whole_number(18, 120, "years")
    assert convert("54") == 54
    for typed, reason in (("1e9", "whole number from 18 to 120"), ("150", "not possible here"), ("-3", "whole number")):
        with pytest.raises(ValueError, match=reason):
            convert(typed)


def test_skip_words():
    assert all(spoken.is_skip(w) for w in ("", "  ", "skip", "SKIP", "don't know"))
    assert not spoken.is_skip("no")
