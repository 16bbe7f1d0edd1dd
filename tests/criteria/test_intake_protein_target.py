"""``protein-target``: protein g/kg/day against EAR/RDA and the older-adult targets.

Oracles: EAR 0.66 and RDA 0.80 g/kg/day (NASEM 2019 tables; IOM 2005); PROT-AGE 2013 (Bauer et al.,
J Am Med Dir Assoc 14:542-559) and ESPEN 2014 (Deutz et al., Clin Nutr 33:929-936) abstracts:
>= 1.0-1.2 healthy older, >= 1.2 active, 1.2-1.5 with acute or chronic disease; reference note B5.
"""

import pytest

from myoscope.instruments import CANNOT_TELL
from myoscope.scores import get

TARGET = get("protein-target")


def score(**kw):
    return TARGET.score(kw)


def test_protein_06_g_per_kg_is_likely_inadequate():
    # reference note B5 example: 0.6 g/kg/day < EAR 0.66
    result = score(protein=42, weight=70, age=40)
    assert (result.value, result.category, result.positive) == (pytest.approx(0.6), "likely inadequate", True)


@pytest.mark.parametrize(
    "g_per_kg, category",
    [
        (0.659, "likely inadequate"),
        (0.66, "possibly inadequate"),
        (0.799, "possibly inadequate"),
        (0.80, "meets target"),
    ],
)
def test_adult_boundaries(g_per_kg, category):
    assert score(protein=g_per_kg * 100, weight=100, age=40).category == category


@pytest.mark.parametrize(
    "condition, g_per_kg, category",
    [
        ("healthy", 0.99, "below target"),
        ("healthy", 1.0, "meets target"),
        ("active", 1.19, "below target"),
        ("active", 1.2, "meets target"),
        ("acute or chronic disease", 1.19, "below target"),
        ("acute or chronic disease", 1.2, "meets target"),
        ("severe illness or injury", 1.5, "below target"),
        ("severe illness or injury", 1.51, "meets target"),
    ],
)
def test_older_adult_targets(condition, g_per_kg, category):
    assert score(protein=g_per_kg * 100, weight=100, age=75, condition=condition).category == category


@pytest.mark.parametrize("age, category", [(65, "meets target"), (65.01, "below target")])
def test_prot_age_applies_over_65(age, category):
    # PROT-AGE: people older than 65 years
    assert score(protein=90, weight=100, age=age, condition="healthy").category == category


def test_severe_kidney_disease_without_dialysis_does_not_apply_higher_targets():
    result = score(
        protein=90, weight=100, age=75, condition="acute or chronic disease", egfr_below_30_without_dialysis=True
    )
    assert result.category == "meets target"
    assert "limiting" in result.details["kidney"]


def test_unknown_condition_cannot_tell_when_targets_disagree():
    result = score(protein=105, weight=100, age=75)
    assert result.category == CANNOT_TELL
    assert any("context" in m for m in result.missing)


def test_unknown_condition_decides_when_all_targets_agree():
    assert score(protein=90, weight=100, age=75).category == "below target"


def test_missing_weight_cannot_tell():
    result = score(protein=60)
    assert result.category == CANNOT_TELL and result.missing == ("body weight (kg)",)


def test_bmi_over_30_is_flagged():
    result = score(protein=80, weight=110, age=40, bmi=35)
    assert any("BMI > 30" in u for u in result.details["unverified"])
