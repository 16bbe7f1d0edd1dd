"""A calf thinner on the side of a recorded leg nerve injury is denervation wasting, as a calf thinner in a cast is
disuse: the other calf is not read as swollen (no clot alarm), and retraining is not withheld. A nerve injury of the
arm, or of the other leg, does not explain a thinner calf, and the larger calf is still flagged."""

from __future__ import annotations

import pytest

from myoscope.causes import assess
from myoscope.record import parse_record


def _record(nerve: str, side: str) -> dict:
    day = "2026-11-02"
    return {
        "schema_version": 1,
        "person": {"id": "p", "sex": "male", "birth_date": "1991-01-09", "height": "182 cm"},
        "conditions": [{"kind": "peripheral_nerve_injury", "nerve": nerve, "side": side, "onset": "2026-08-20"}],
        "measurements": [
            {"kind": "calf_circumference", "side": "left", "value": "35.0 cm", "date": day},
            {"kind": "calf_circumference", "side": "right", "value": "38.0 cm", "date": day},
            {"kind": "leg_length", "side": "left", "value": "94 cm", "date": day},
            {"kind": "leg_length", "side": "right", "value": "94 cm", "date": day},
        ],
    }


def _codes(result) -> set[str]:
    return {f.code for f in result.red_flags}


@pytest.mark.parametrize("nerve", ["common peroneal", "sciatic", "tibial"])
def test_thinner_calf_on_the_side_of_a_leg_nerve_injury_is_not_read_as_swelling(nerve):
    result = assess(parse_record(_record(nerve, "left")))
    assert "calf-swelling" not in _codes(result)
    assert result.atrophy.status.value == "likely"
    steps = [s.action for c in result.causes for s in c.next_steps]
    assert not any("swollen leg" in s for s in steps)


@pytest.mark.parametrize(("nerve", "side"), [("ulnar", "left"), ("common peroneal", "right")])
def test_an_arm_nerve_or_the_other_leg_does_not_explain_the_larger_calf(nerve, side):
    assert "calf-swelling" in _codes(assess(parse_record(_record(nerve, side))))
