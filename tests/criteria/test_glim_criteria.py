"""GLIM 2019 (Cederholm et al., Clin Nutr 38:1-9): diagnosis, severity and boundaries.

Oracles: the phenotypic/etiologic criteria and Table 3 severity grades as summarised in the reference
note (instruments_muscle_nutrition_activity.md, B4) and its section F boundary vectors.
"""

import pytest

from myoscope.instruments import CANNOT_TELL
from myoscope.scores import get

GLIM = get("glim")
ETIO = {"reduced_intake": True}
NO_LOSS = {"weight_loss_within_6_months": 0, "weight_loss_beyond_6_months": 0, "reduced_muscle_mass": "none"}


def score(**kw):
    return GLIM.score(kw)


@pytest.mark.parametrize(
    "age, bmi, low",
    [
        (69, 19.9, True),
        (69, 20.0, False),
        (70, 21.9, True),
        (70, 22.0, False),  # note section F
    ],
)
def test_glim_low_bmi_boundaries(age, bmi, low):
    result = score(age=age, bmi=bmi, **NO_LOSS, **ETIO)
    assert result.category == ("malnutrition, stage 1 (moderate)" if low else "no malnutrition")


@pytest.mark.parametrize("age, bmi, stage", [(69, 18.49, 2), (69, 18.5, 1), (70, 19.99, 2), (70, 20.0, 1)])
def test_glim_bmi_severity_boundaries(age, bmi, stage):
    # Cederholm 2019 Table 3: stage 2 below 18.5 (< 70 y) or 20 (>= 70 y)
    assert score(age=age, bmi=bmi, **NO_LOSS, **ETIO).value == stage


@pytest.mark.parametrize("loss, stage", [(5.0, 0), (5.01, 1), (10.0, 1), (10.01, 2)])
def test_glim_weight_loss_within_6_months_boundaries(loss, stage):
    # note section F: 5.0 % not met (> 5 % required), 5.01 % stage 1, 10.01 % stage 2
    result = score(
        age=50,
        bmi=25,
        weight_loss_within_6_months=loss,
        weight_loss_beyond_6_months=0,
        reduced_muscle_mass="none",
        **ETIO,
    )
    assert result.value == stage
    assert result.positive is (stage > 0)


@pytest.mark.parametrize("loss, stage", [(10.0, 0), (10.01, 1), (20.0, 1), (20.01, 2)])
def test_glim_weight_loss_beyond_6_months_boundaries(loss, stage):
    result = score(
        age=50,
        bmi=25,
        weight_loss_within_6_months=0,
        weight_loss_beyond_6_months=loss,
        reduced_muscle_mass="none",
        **ETIO,
    )
    assert result.value == stage


@pytest.mark.parametrize("age, bmi, low", [(69, 18.49, True), (69, 18.5, False), (70, 19.99, True), (70, 20.0, False)])
def test_glim_asian_bmi_cutoffs_only_when_chosen(age, bmi, low):
    result = score(age=age, bmi=bmi, population="asian", **NO_LOSS, **ETIO)
    assert result.positive is low
    if low:
        assert result.category == "malnutrition (stage not graded)"
        assert "Asian" in result.details["severity_notes"][0]
    # the same BMI with the general cut-offs is always low
    assert score(age=age, bmi=bmi, **NO_LOSS, **ETIO).positive is True


def test_glim_severity_is_the_most_severe_phenotypic_stage():
    result = score(age=50, bmi=19, weight_loss_within_6_months=6, reduced_muscle_mass="severe", inflammation=True)
    assert (result.value, result.category) == (2, "malnutrition, stage 2 (severe)")


def test_glim_needs_an_etiologic_criterion():
    result = score(age=50, bmi=17, reduced_intake=False, inflammation=False)
    assert (result.category, result.positive) == ("no malnutrition", False)


def test_glim_needs_a_phenotypic_criterion():
    result = score(age=50, bmi=25, **NO_LOSS, inflammation=True)
    assert result.category == "no malnutrition"


def test_glim_unknown_etiology_cannot_tell():
    result = score(age=50, bmi=17)
    assert result.category == CANNOT_TELL
    assert any("inflammation" in m for m in result.missing)


def test_glim_bmi_without_age_cannot_tell():
    result = score(
        bmi=21,
        reduced_intake=True,
        weight_loss_within_6_months=0,
        weight_loss_beyond_6_months=0,
        reduced_muscle_mass="none",
    )
    assert result.category == CANNOT_TELL
    assert any("age" in m for m in result.missing)


def test_glim_stage_may_rise_with_unanswered_criteria():
    result = score(age=50, weight_loss_within_6_months=6, **ETIO)
    assert result.value == 1
    assert "raise" in result.details["severity_notes"][-1]
