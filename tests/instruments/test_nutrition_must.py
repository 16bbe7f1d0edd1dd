"""'MUST' (BAPEN; Elia 2003): worked examples and boundary tests.

Oracles: the 'MUST' chart (Elia 2003, steps 1-4) as summarised in the reference note
(instruments_muscle_nutrition_activity.md, B1 and the boundary vectors of section F), and the
examples of the R package 'cliot' ``must_screening_tool`` quoted there as F11 and F12.
"""

import pytest

from myoscope.errors import InputError
from myoscope.instruments import CANNOT_TELL
from myoscope.scores import get

MUST = get("must")


def score(**kw):
    return MUST.score(kw)


def test_must_f11_bmi_17_is_high_risk():
    # note F11 (cliot example 1): BMI 17, no weight loss, not acutely ill -> 2, high risk
    result = score(bmi=17, weight_loss_percent=0, acute_disease_no_intake=False)
    assert (result.value, result.category, result.positive) == (2, "high risk", True)


def test_must_f12_bmi_22_with_7_percent_loss_is_medium_risk():
    # note F12 (cliot example 2): BMI 22, 7 % loss, not acutely ill -> 1, medium risk
    result = score(bmi=22, weight_loss_percent=7, acute_disease_no_intake=False)
    assert (result.value, result.category) == (1, "medium risk")


@pytest.mark.parametrize(
    "bmi, points",
    [
        (20.01, 0),
        (20.0, 1),
        (18.5, 1),
        (18.49, 2),  # note section F boundary vectors (Elia 2003 step 1)
    ],
)
def test_must_bmi_boundaries(bmi, points):
    result = score(bmi=bmi, weight_loss_percent=0, acute_disease_no_intake=False)
    assert result.details["points"]["BMI"] == points
    assert result.value == points


@pytest.mark.parametrize(
    "loss, points",
    [
        (4.99, 0),
        (5.0, 1),
        (10.0, 1),
        (10.01, 2),  # note section F boundary vectors (Elia 2003 step 2)
    ],
)
def test_must_weight_loss_boundaries(loss, points):
    result = score(bmi=25, weight_loss_percent=loss, acute_disease_no_intake=False)
    assert result.value == points


@pytest.mark.parametrize("total, category", [(0, "low risk"), (1, "medium risk"), (2, "high risk")])
def test_must_category_boundaries(total, category):
    # Elia 2003 step 4: 0 low, 1 medium, >= 2 high
    bmi = {0: 25, 1: 19, 2: 18}[total]
    assert score(bmi=bmi, weight_loss_percent=0, acute_disease_no_intake=False).category == category


def test_must_acute_disease_adds_two_points():
    # Elia 2003 step 3
    result = score(bmi=25, weight_loss_percent=0, acute_disease_no_intake=True)
    assert (result.value, result.category) == (2, "high risk")


def test_must_weight_loss_from_previous_weight_and_bmi_from_weight_and_height():
    # 80 -> 74 kg is 7.5 % (1 point); 74 kg at 1.80 m is BMI 22.8 (0 points)
    result = score(weight=74, height=180, previous_weight=80, acute_disease_no_intake=False)
    assert result.value == 1
    assert result.details["bmi_source"] == "from weight and height"


def test_must_weight_gain_scores_zero():
    result = score(bmi=25, weight=82, previous_weight=80, acute_disease_no_intake=False)
    assert result.value == 0


def test_must_missing_step_that_cannot_change_the_category_is_still_listed():
    # BMI 17 alone already gives 2 points: high risk whatever the other steps
    result = score(bmi=17)
    assert result.category == "high risk"
    assert result.value is None
    assert len(result.missing) == 2


def test_must_missing_step_that_could_change_the_category_gives_cannot_tell():
    result = score(bmi=25, weight_loss_percent=0)
    assert result.category == CANNOT_TELL
    assert result.positive is None
    assert any("acutely ill" in m for m in result.missing)


def test_must_records_obesity_separately():
    assert score(bmi=31, weight_loss_percent=0, acute_disease_no_intake=False).details["obese"] is True


def test_must_refuses_a_bmi_out_of_range():
    with pytest.raises(InputError) as exc:
        score(bmi=200)
    assert exc.value.problems[0].field == "bmi"
