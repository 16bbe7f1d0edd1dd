"""EWGSOP2 decision path and boundaries.

Oracle: Cruz-Jentoft AJ, et al. Sarcopenia: revised European consensus on definition and diagnosis.
Age Ageing 2019;48(1):16-31. doi:10.1093/ageing/afy169 (Find-Assess-Confirm-Severity; cut-offs of its
Table 3) and the reference note's boundary vectors (§F: grip 26.9/27.0, chair 15.0/15.01, gait
0.80/0.81, SPPB 8/9, woman ASM/height² 5.49/5.5).
"""

import pytest

from myoscope.instruments import CANNOT_TELL
from myoscope.scores import get

EWGSOP2 = get("ewgsop2")
LOW_MASS_MAN = {"sex": "male", "asm_height2": 6.5}


def cat(raw):
    return EWGSOP2.score(raw).category


@pytest.mark.parametrize("grip, category", [(26.9, "sarcopenia"), (27.0, "no sarcopenia")])
def test_grip_edge_men(grip, category):
    assert cat({**LOW_MASS_MAN, "grip": grip, "gait_speed": 1.0}) == category


@pytest.mark.parametrize("chair, category", [(15.0, "no sarcopenia"), (15.01, "sarcopenia")])
def test_chair_stand_edge(chair, category):
    assert cat({**LOW_MASS_MAN, "chair_stand": chair, "gait_speed": 1.0}) == category


@pytest.mark.parametrize(
    "perf, category",
    [
        ({"gait_speed": 0.80}, "severe sarcopenia"),
        ({"gait_speed": 0.81}, "sarcopenia"),
        ({"sppb": 8}, "severe sarcopenia"),
        ({"sppb": 9}, "sarcopenia"),
        ({"tug": 20.0}, "severe sarcopenia"),
        ({"tug": 19.9}, "sarcopenia"),
        ({"walk_400m_completed": False}, "severe sarcopenia"),
        ({"walk_400m": 359}, "sarcopenia"),
    ],
)
def test_performance_edges(perf, category):
    assert cat({**LOW_MASS_MAN, "grip": 20, **perf}) == category


@pytest.mark.parametrize("asmi, category", [(5.49, "sarcopenia"), (5.5, "probable sarcopenia")])
def test_mass_edge_women(asmi, category):
    assert cat({"sex": "female", "grip": 10, "asm_height2": asmi, "gait_speed": 1.2}) == category


def test_mass_from_asm_and_height():
    score = EWGSOP2.score({"sex": "female", "grip": 10, "asm": 13.0, "height": 160})
    assert score.details["asm_height2"] == pytest.approx(5.078125)
    assert score.category == "sarcopenia" and score.value == 2
    assert score.missing and "performance" in score.missing[0]


def test_probable_when_mass_missing_or_not_low():
    missing = EWGSOP2.score({"sex": "male", "grip": 20})
    assert (missing.category, missing.value, missing.positive) == ("probable sarcopenia", 1, True)
    assert "DXA or BIA" in missing.missing[0]
    normal = EWGSOP2.score({"sex": "male", "grip": 20, "asm_height2": 8.0})
    assert normal.category == "probable sarcopenia" and normal.details["mass_not_low"] and not normal.missing


def test_screen_never_diagnoses():
    score = EWGSOP2.score({"sex": "female", "sarc_f": 6, "grip": 22})
    assert score.category == "no sarcopenia" and score.positive is False
    assert score.details["screen_positive"] is True and score.criteria[0].met is True


def test_cannot_tell_without_sex_or_strength():
    assert EWGSOP2.score({"grip": 20}).missing == ("sex",)
    no_strength = EWGSOP2.score({"sex": "male", "asm_height2": 6.0})
    assert no_strength.category == CANNOT_TELL and "grip" in no_strength.missing[0]


def test_chair_unable_is_low_strength():
    assert cat({**LOW_MASS_MAN, "chair_stand_unable": True, "gait_speed": 1.1}) == "sarcopenia"


def test_each_criterion_carries_value_threshold_and_citation():
    score = EWGSOP2.score({**LOW_MASS_MAN, "grip": 26.9, "gait_speed": 0.8})
    grip = next(c for c in score.criteria if c.name == "EWGSOP2: low grip strength")
    assert (grip.met, grip.value, grip.threshold, grip.citation) == (True, 26.9, "< 27 kg (men)", "cruzjentoft2019")
