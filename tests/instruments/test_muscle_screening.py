"""SARC-F and SARC-CalF.

Oracles: Malmstrom & Morley 2013 (SARC-F scoring, positive at >= 4), doi:10.1016/j.jamda.2013.05.018;
Barbosa-Silva 2016 (SARC-CalF, + 10 points for low calf), doi:10.1016/j.jamda.2016.08.004; AWGS 2019
(SARC-CalF >= 11, calf < 34 / < 33 cm), doi:10.1016/j.jamda.2019.12.012. Item vectors F13 of the
reference note come from the HealthMarkers R package tests (test-sarc_f_score.R).
"""

import pytest

from myoscope.errors import InputError
from myoscope.instruments import CANNOT_TELL
from myoscope.scores import get

SARC_F = get("sarc-f")
SARC_CALF = get("sarc-calf")


def items(s, a, r, c, f):
    return {"strength": s, "assistance": a, "rise": r, "climb": c, "falls": f}


@pytest.mark.parametrize(
    "answers, total, category",
    [
        (items(2, 1, 1, 0, 0), 4, "positive screen"),  # F13: 4 -> high risk
        (items(1, 1, 1, 0, 0), 3, "negative screen"),  # F13: 3 -> not high risk
        (items(0, 1, 1, 0, 0), 2, "negative screen"),  # F13
        (items(2, 2, 2, 2, 2), 10, "positive screen"),  # maximum total (Malmstrom 2013)
    ],
)
def test_sarc_f_against_healthmarkers_vectors(answers, total, category):
    score = SARC_F.score(answers)
    assert (score.value, score.category, score.positive) == (total, category, category == "positive screen")


def test_sarc_f_missing_item_cannot_tell():
    # F13: (NA, 1, 1, 0, 0) -> NA; no imputation rule is published
    score = SARC_F.score({"assistance": 1, "rise": 1, "climb": 0, "falls": 0})
    assert score.category == CANNOT_TELL and score.value is None
    assert any("strength" in m for m in score.missing)


@pytest.mark.parametrize("count, points", [(0, 0), (1, 1), (3, 1), (4, 2), (12, 2)])
def test_sarc_f_falls_count_bands(count, points):
    # Malmstrom 2013: none 0, 1-3 falls 1, 4 or more 2
    score = SARC_F.score({**items(0, 0, 0, 0, None), "falls_count": count})
    assert score.value == points


def test_sarc_f_refuses_contradicting_falls():
    with pytest.raises(InputError) as err:
        SARC_F.score({**items(0, 0, 0, 0, 0), "falls_count": 5})
    assert err.value.problems[0].field == "falls"


@pytest.mark.parametrize(
    "sex, calf, sarc_f, value, category",
    [
        ("male", 33.9, 1, 11, "positive screen"),  # reference note boundary: just below 34 cm
        ("male", 34.0, 1, 1, "negative screen"),  # at the cut-off: not low (strict <)
        ("male", 34.1, 3, 3, "negative screen"),
        ("female", 32.9, 0, 10, "negative screen"),  # low calf alone gives 10 < 11
        ("female", 32.9, 1, 11, "positive screen"),
        ("female", 33.0, 4, 4, "negative screen"),  # women's cut-off 33 cm, strict <
    ],
)
def test_sarc_calf_awgs2019_calf_boundaries(sex, calf, sarc_f, value, category):
    score = SARC_CALF.score({"sex": sex, "calf": calf, "sarc_f": sarc_f})
    assert (score.value, score.category) == (value, category)


@pytest.mark.parametrize("calf, value", [(33.9, 11), (34.0, 11), (34.1, 1)])
def test_sarc_calf_barbosa_variant_includes_the_edge(calf, value):
    # Barbosa-Silva 2016 variant: <= 34 cm (men), boundary flagged unverified
    score = SARC_CALF.score({"sex": "male", "calf": calf, "sarc_f": 1, "variant": "barbosa2016"})
    assert score.value == value
    assert score.details["unverified"]


def test_sarc_calf_from_items_and_unknown_sex():
    score = SARC_CALF.score({**items(1, 0, 0, 0, 0), "calf": "30 cm"})
    assert score.category == CANNOT_TELL and "sex" in score.missing
    assert SARC_CALF.score({**items(1, 0, 0, 0, 0), "calf": 30, "sex": "female"}).value == 11


def test_sarc_calf_refuses_total_contradicting_items():
    with pytest.raises(InputError) as err:
        SARC_CALF.score({**items(1, 0, 0, 0, 0), "sarc_f": 3, "calf": 30, "sex": "female"})
    assert err.value.problems[0].field == "sarc_f"
