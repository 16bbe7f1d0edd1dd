"""Equal girths of both sides on one day speak against a loss on one side only, not against a loss on both.

Before, a 38-year-old with HIV wasting who had lost 14 % of his weight in 4 months (GLIM: severe) and whose
arm girths were equal on one day read "Muscle loss present? NOT SUPPORTED", and no cause was named as leading;
without the girths it read "cannot tell". A weight loss of 5 % or more within 6 months is beyond day-to-day
variation ('MUST', Elia 2003) and makes muscle loss possible; girths that held over time still speak against."""

from __future__ import annotations

from myoscope.causes import assess
from myoscope.record import parse_record


def _atrophy(measurements: list[dict]):
    record = {
        "schema_version": 1,
        "person": {"id": "sides", "sex": "male", "birth_date": "1988-01-05", "height": "183 cm"},
        "measurements": measurements,
    }
    return assess(parse_record(record)).atrophy


LOSS = [
    {"kind": "body_weight", "value": "172 lb", "date": "2026-07-01"},
    {"kind": "body_weight", "value": "148 lb", "date": "2026-11-03"},
]
EQUAL_ARMS = [
    {"kind": "mid_upper_arm_circumference", "side": "right", "value": "23.5 cm", "date": "2026-11-03"},
    {"kind": "mid_upper_arm_circumference", "side": "left", "value": "23.4 cm", "date": "2026-11-03"},
]


def test_equal_sides_after_a_14_percent_weight_loss_leave_muscle_loss_possible():
    atrophy = _atrophy(LOSS + EQUAL_ARMS)
    assert atrophy.status.value == "possible"
    assert atrophy.rules == ("weight-loss",)


def test_equal_sides_with_a_steady_weight_still_speak_against():
    steady = [{**LOSS[0], "value": "150 lb"}, LOSS[1]]
    assert _atrophy(steady + EQUAL_ARMS).status.value == "not supported"


def test_girths_that_held_over_the_weight_loss_still_speak_against():
    earlier = [{**m, "date": "2026-07-01"} for m in EQUAL_ARMS]
    assert _atrophy(LOSS + earlier + EQUAL_ARMS).status.value == "not supported"
