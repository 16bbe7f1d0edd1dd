"""Swollen legs and girths: swelling enlarges a leg, so it hides loss in that leg's girths but cannot make a limb
thinner. A thinner limb on the swollen side, or on an arm, still shows loss; calf girths that did not fall or are
not low do not speak against loss while the legs are swollen (Barazzoni et al. 2022; Wells et al. 1997)."""

from __future__ import annotations

from pathlib import Path

import yaml

from myoscope.causes import Status, assess
from myoscope.causes._types import Direction
from myoscope.record import parse_record

CASES = Path(__file__).parents[1] / "vignettes" / "cases"


def _case(name: str) -> dict:
    data = yaml.safe_load((CASES / f"{name}.yaml").read_text())
    data.pop("expected")
    return data


def _atrophy(data: dict):
    return assess(parse_record(data)).atrophy


def test_a_thinner_thigh_on_the_swollen_leg_still_shows_loss():
    atrophy = _atrophy(_case("limb-brace-off-thin-thigh-swollen-calf"))
    assert atrophy.status is Status.likely
    assert atrophy.rules == ("thinner-despite-swelling",)
    assert "calf-swelling" in {f.code for f in atrophy.red_flags}


def test_a_thinner_thigh_on_the_other_leg_may_be_the_swelling_and_is_not_read_as_loss():
    data = _case("limb-brace-off-thin-thigh-swollen-calf")
    data["episodes"] = []
    for m in data["measurements"]:  # the right thigh is now the thinner one, on the leg that is not swollen
        if m["kind"] == "mid_thigh_circumference":
            m["value"] = "58.0 cm" if m["side"] == "left" else "53.0 cm"
    assert _atrophy(data).status is Status.cannot_tell


def test_a_thinner_arm_is_not_hidden_by_a_swollen_calf():
    data = _case("limb-brace-off-thin-thigh-swollen-calf")
    data["episodes"] = []
    data["measurements"] = [m for m in data["measurements"] if m["kind"] != "mid_thigh_circumference"] + [
        {"kind": "mid_upper_arm_circumference", "side": "left", "value": "33 cm", "date": "2026-11-30"},
        {"kind": "mid_upper_arm_circumference", "side": "right", "value": "29 cm", "date": "2026-11-30"},
    ]
    assert _atrophy(data).status is Status.likely


def test_calf_girths_of_swollen_legs_do_not_speak_against_loss():
    atrophy = _atrophy(_case("other-heart-failure-oedema-calf"))
    against = [e.finding for e in atrophy.evidence if e.direction is Direction.against]
    assert not [f for f in against if "calf" in f.lower()], against
    calf = [e for e in atrophy.evidence if "calf" in e.finding.lower()]
    assert calf and all(e.citation == "barazzoni2022_glim_muscle" for e in calf)


def test_without_swelling_the_same_calves_speak_against_loss():
    data = _case("other-heart-failure-oedema-calf")
    data["symptoms"] = [s for s in data["symptoms"] if s["kind"] != "swelling"]
    against = [e.finding for e in _atrophy(data).evidence if e.direction is Direction.against]
    assert [f for f in against if "calf" in f.lower()]
