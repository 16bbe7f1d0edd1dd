"""A fracture since a spinal cord injury (Dudley-Javoroski & Shields 2012: low-energy fractures below the
injury, often in transfers) raises the high-risk alert, and the options that load the legs wait for the
treating team (Sutor et al. 2022: check fracture status before loading)."""

from __future__ import annotations

import pytest

from myoscope.causes import StepKind, assess
from myoscope.record import parse_record
from vignettes._load import CASES, load


def _sci(conditions=None):
    data, _, _ = load(CASES / "sci-t9-fracture-in-transfer.yaml")
    if conditions is not None:
        data["conditions"] = conditions
    assessment = assess(parse_record(data))
    return assessment, next(c for c in assessment.causes if c.cause == "spinal_cord_injury")


LOADING = ("Standing in a frame", "Electrically stimulated (FES) cycling", "Walking training")


def test_a_fracture_in_a_transfer_holds_the_loading_of_the_legs_for_the_treating_team():
    assessment, sci = _sci()
    assert assessment.red_flags[0].code == "sci-fracture"
    assert not any(s.action.startswith(LOADING) for s in sci.next_steps)
    first = sci.next_steps[0]
    assert first.kind is StepKind.referral and "fracture has healed" in first.action
    assert any(s.action.startswith("Resistance training of working muscles") for s in sci.next_steps)


@pytest.mark.parametrize("name", ["fracture of right tibia", "Broken hip", "femoral neck fractured in a fall"])
def test_a_fracture_is_found_by_its_name(name):
    conditions = [
        {"kind": "spinal_cord_injury", "onset": "2018-04-12", "level": "T9", "ais": "A"},
        {"kind": "other", "name": name, "onset": "2026-10-20"},
    ]
    _, sci = _sci(conditions)
    assert sci.red_flags[0].code == "sci-fracture"


def test_a_fracture_before_the_injury_is_not_read_as_fragility_and_loading_is_listed_with_its_checks():
    conditions = [
        {"kind": "spinal_cord_injury", "onset": "2018-04-12", "level": "T9", "ais": "A"},
        {"kind": "other", "name": "wrist fracture", "onset": "2010-01-01"},
    ]
    _, sci = _sci(conditions)
    assert [f.code for f in sci.red_flags] == ["sci-bone-fragility"]
    assert any(s.action.startswith("Standing in a frame") for s in sci.next_steps)
    assert sci.next_steps[0].kind is StepKind.safety and "fracture status" in sci.next_steps[0].action
