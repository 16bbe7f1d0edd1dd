"""MNA-SF (Rubenstein 2001; Kaiser 2009): worked examples and boundary tests.

Oracles: the item points and the three categories of Kaiser 2009 as tabulated in the reference
note (instruments_muscle_nutrition_activity.md, B2) and its section F boundary vectors.
"""

import pytest

from myoscope.instruments import CANNOT_TELL
from myoscope.scores import get

MNA = get("mna-sf")
BEST = {"food_intake": 2, "weight_loss": 3, "mobility": 2, "stress_or_acute_disease": False, "neuropsychological": 2}


def score(**kw):
    return MNA.score(kw)


@pytest.mark.parametrize("bmi, points", [(18.99, 0), (19.0, 1), (20.99, 1), (21.0, 2), (22.99, 2), (23.0, 3)])
def test_mna_sf_bmi_item_boundaries(bmi, points):
    # note section F: BMI 18.99 -> 0, 19.0 -> 1, 22.99 -> 2, 23.0 -> 3 (Rubenstein 2001 item F1)
    assert score(**BEST, bmi=bmi).value == 11 + points


@pytest.mark.parametrize("calf, points", [(30.9, 0), (31.0, 3)])
def test_mna_sf_calf_item_boundaries(calf, points):
    # note section F: CC 30.9 -> 0, 31.0 -> 3 (Kaiser 2009 item F2)
    assert score(**BEST, calf_circumference=calf).value == 11 + points


@pytest.mark.parametrize(
    "total, category",
    [
        (7, "malnourished"),
        (8, "at risk of malnutrition"),
        (11, "at risk of malnutrition"),
        (12, "normal nutritional status"),
    ],
)
def test_mna_sf_category_boundaries(total, category):
    # note section F: 7 malnourished, 8 and 11 at risk, 12 normal (Kaiser 2009)
    items = {
        "food_intake": 2,
        "weight_loss": 3,
        "mobility": 2,
        "stress_or_acute_disease": False,
        "neuropsychological": 2,
        "bmi": 24,
    }  # 14
    drop = 14 - total
    for field, top in (("weight_loss", 3), ("food_intake", 2), ("mobility", 2), ("neuropsychological", 2)):
        take = min(top, drop)
        items[field] -= take
        drop -= take
    if drop:
        items["stress_or_acute_disease"] = True
        drop -= 2
    assert drop == 0
    result = score(**items)
    assert (result.value, result.category) == (total, category)
    assert result.positive is (category != "normal nutritional status")


def test_mna_sf_bmi_is_used_and_calf_ignored_when_both_given():
    # Rubenstein 2001 / Kaiser 2009: F1 if BMI is available, F2 only otherwise, never both
    result = score(**BEST, bmi=24, calf_circumference=25)
    assert result.value == 14
    assert "not scored" in result.details["note"]


def test_mna_sf_bmi_from_weight_and_height():
    result = score(**BEST, weight=50, height=160)  # BMI 19.5 -> 1 point
    assert result.value == 12


def test_mna_sf_stress_yes_scores_zero():
    result = score(**{**BEST, "stress_or_acute_disease": True}, bmi=24)
    assert result.value == 12


@pytest.mark.parametrize("kg, points", [(3.01, 0), (3.0, 2), (1.0, 2), (0.99, 3)])
def test_mna_sf_weight_loss_in_kg_edges_are_flagged_unverified(kg, points):
    items = {k: v for k, v in BEST.items() if k != "weight_loss"}
    result = score(**items, weight_loss_kg=kg, bmi=24)
    assert result.details["points"]["weight_loss"] == points
    assert result.details["unverified"]


def test_mna_sf_missing_item_that_cannot_change_the_category():
    items = {"food_intake": 0, "weight_loss": 0, "mobility": 0, "neuropsychological": 0, "bmi": 17}
    result = score(**items)  # at most 2 points even if stress item were "no"
    assert result.category == "malnourished"
    assert result.missing


def test_mna_sf_missing_item_that_could_change_the_category():
    # 11 known points (BMI 22 -> 2) plus mobility 0-2: total 11-13 straddles at risk / normal
    result = score(**{k: v for k, v in BEST.items() if k != "mobility"}, bmi=22)
    assert result.category == CANNOT_TELL
    assert result.details["possible_total"] == [11, 13]
    assert result.positive is None


def test_mna_sf_notes_intended_age():
    assert "65" in score(**BEST, bmi=24, age=50).details["applicability"]
