"""A whole arm (or leg) in a sling shows its disuse in either of its girths.

Before, a whole arm was judged by the forearm girth only: a 79-year-old with the left arm in a sling since a
stroke and a left upper arm 2.5 cm thinner than the right read "possible: measure both sides", though both
sides were measured; and the expected change read "upper_arm" where it meant the upper arm."""

from __future__ import annotations

import pytest

from myoscope.causes import assess
from myoscope.record import parse_record


def _limb(limb: str, girth: str, left: str, right: str):
    record = parse_record(
        {
            "schema_version": 1,
            "person": {"id": "sling", "sex": "male", "birth_date": "1947-03-03", "height": "172 cm"},
            "episodes": [
                {"kind": "immobilisation", "limb": limb, "side": "left", "start": "2026-09-01", "device": "sling"}
            ],
            "measurements": [
                {"kind": girth, "side": "left", "value": left, "date": "2026-11-20"},
                {"kind": girth, "side": "right", "value": right, "date": "2026-11-20"},
            ],
        }
    )
    return next(c for c in assess(record).causes if c.cause == "inactivity_limb")


@pytest.mark.parametrize(
    ("limb", "girth", "left", "right"),
    [
        ("whole_arm", "mid_upper_arm_circumference", "26.5 cm", "29 cm"),
        ("whole_arm", "forearm_circumference", "23 cm", "25.5 cm"),
        ("whole_leg", "calf_circumference", "33 cm", "36 cm"),
        ("whole_leg", "mid_thigh_circumference", "44 cm", "48 cm"),
    ],
)
def test_a_whole_limb_thinner_in_either_girth_is_disuse(limb, girth, left, right):
    assert _limb(limb, girth, left, right).status.value == "likely"


def test_the_expected_change_names_the_upper_arm_in_words():
    cause = _limb("upper_arm", "mid_upper_arm_circumference", "26.5 cm", "29 cm")
    findings = " ".join(e.finding for e in cause.evidence)
    assert "upper_arm" not in findings and "upper arm" in findings
