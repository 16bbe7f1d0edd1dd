"""Calf circumference and hand-grip strength against each definition's cut-off.

Oracles: AWGS 2019 (Chen 2020, doi:10.1016/j.jamda.2019.12.012): calf < 34 / < 33 cm, grip
< 28 / < 18 kg; Gonzalez 2021 (doi:10.1093/ajcn/nqab029): calf < 34 / < 33 (moderate), < 32 / < 31 cm
(severe); EWGSOP2 (Cruz-Jentoft 2019, doi:10.1093/ageing/afy169): grip < 27 / < 16 kg; FNIH
(Studenski 2014, doi:10.1093/gerona/glu010; Alley 2014, doi:10.1093/gerona/glu011): grip < 26 / < 16 kg.
"""

import pytest

from myoscope.instruments import CANNOT_TELL
from myoscope.scores import get

CALF = get("calf-circumference")
GRIP = get("grip")


@pytest.mark.parametrize(
    "sex, calf, awgs, moderate, severe",
    [
        ("male", 33.9, True, True, False),
        ("male", 34.0, False, False, False),
        ("male", 31.9, True, True, True),
        ("male", 32.0, True, True, False),
        ("female", 32.9, True, True, False),
        ("female", 33.0, False, False, False),
        ("female", 30.9, True, True, True),
        ("female", 31.0, True, True, False),
    ],
)
def test_calf_cutoffs_each_side_of_the_edge(sex, calf, awgs, moderate, severe):
    score = CALF.score({"sex": sex, "calf": calf})
    assert [c.met for c in score.criteria] == [awgs, moderate, severe]


def test_calf_unknown_sex_cannot_tell():
    score = CALF.score({"calf": 30})
    assert score.category == CANNOT_TELL and score.missing == ("sex",)


@pytest.mark.parametrize("bmi, adjusted", [(24.9, 36.0), (25.0, 33.0), (29.9, 33.0), (30.0, 29.0), (40.0, 24.0)])
def test_calf_bmi_adjustment_bands(bmi, adjusted):
    # Gonzalez 2021 adjustment (-3 / -7 / -12 cm from BMI 25 / 30 / 40; factors unverified)
    score = CALF.score({"sex": "male", "calf": 36.0, "bmi": bmi, "bmi_adjust": True})
    assert score.details["adjusted_calf"] == adjusted
    assert score.criteria[0].met is False  # AWGS always uses the measured value
    assert any("adjustment" in u for u in score.details["unverified"])


def test_calf_bmi_adjustment_needs_bmi_and_is_undefined_below_18_5():
    no_bmi = CALF.score({"sex": "male", "calf": 36.0, "bmi_adjust": True})
    assert no_bmi.category == "not low" and any("BMI" in m for m in no_bmi.missing)
    thin = CALF.score({"sex": "male", "calf": 33.0, "bmi": 17.0, "bmi_adjust": True})
    assert thin.details["adjusted_calf"] == 33.0 and thin.details["notes"]


def test_grip_best_of_trials_by_side():
    score = GRIP.score({"sex": "male", "right_1": 30, "right_2": "32 kg", "left_1": 29.5, "left_3": 33.5})
    assert score.value == 33.5
    best = (score.details["best_right"], score.details["best_left"], score.details["side_of_best"])
    assert best == (32, 33.5, "left")


@pytest.mark.parametrize(
    "sex, grip, ewgsop2, awgs, fnih",
    [
        ("male", 26.9, True, True, False),
        ("male", 27.0, False, True, False),
        ("male", 27.9, False, True, False),
        ("male", 28.0, False, False, False),
        ("male", 25.9, True, True, True),
        ("male", 26.0, True, True, False),
        ("female", 15.9, True, True, True),
        ("female", 16.0, False, True, False),
        ("female", 17.9, False, True, False),
        ("female", 18.0, False, False, False),
    ],
)
def test_grip_cutoffs_each_side_of_the_edge(sex, grip, ewgsop2, awgs, fnih):
    score = GRIP.score({"sex": sex, "right_1": grip})
    assert [c.met for c in score.criteria] == [ewgsop2, awgs, fnih]
    assert score.positive is any((ewgsop2, awgs, fnih))


@pytest.mark.parametrize(
    "grip, band",
    [
        (25.9, "weak"),
        (26.0, "intermediate"),
        (31.9, "intermediate"),
        (32.0, "normal"),
    ],
)
def test_grip_fnih_band_men(grip, band):
    # Alley 2014: weak < 26 kg, intermediate 26-32 kg (upper edge inclusion is our reading)
    assert GRIP.score({"sex": "male", "left_1": grip}).details["fnih_band"] == band


def test_grip_unknown_sex_names_sex_and_keeps_the_values():
    score = GRIP.score({"right_1": 20})
    assert score.category == CANNOT_TELL and score.missing == ("sex",)
    assert score.details["best_right"] == 20
