"""FNIH 2014 categories and boundaries.

Oracles: Studenski SA, et al. J Gerontol A 2014;69(5):547-558. doi:10.1093/gerona/glu010 (weakness
grip < 26 / < 16 kg; ALM/BMI < 0.789 / < 0.512; slowness < 0.8 m/s); Alley DE, et al. J Gerontol A
2014;69(5):559-566. doi:10.1093/gerona/glu011 (intermediate grip band); reference-note vectors F10, F14
and the FNIH boundary (woman ALM/BMI 0.511 low, 0.512 normal).
"""

import pytest

from myoscope.instruments import CANNOT_TELL
from myoscope.scores import get

FNIH = get("fnih2014")


@pytest.mark.parametrize(
    "raw, category",
    [
        ({"sex": "female", "grip": 15.9, "alm_bmi": 0.511}, "weakness with low lean mass"),
        ({"sex": "female", "grip": 15.9, "alm_bmi": 0.512}, "weakness without low lean mass"),
        ({"sex": "female", "grip": 16.0, "alm_bmi": 0.4}, "no weakness"),
        (
            {"sex": "male", "grip": 25.9, "alm": 20.0, "bmi": 25.9, "gait_speed": 0.79},
            "weakness and slowness with low lean mass",
        ),
        ({"sex": "male", "grip": 25.9, "alm": 20.0, "bmi": 25.9, "gait_speed": 0.8}, "weakness with low lean mass"),
        ({"sex": "male", "grip": 26.0, "alm": 20.0, "bmi": 25.9}, "no weakness"),
        (
            {"sex": "male", "grip": 20.0, "alm": 19.725, "weight": 76.5625, "height": 175},
            "weakness without low lean mass",
        ),
    ],
)
def test_fnih_categories_at_the_edges(raw, category):
    assert FNIH.score(raw).category == category


def test_fnih_positive_only_for_weakness_with_low_lean_mass():
    assert FNIH.score({"sex": "female", "grip": 10, "alm_bmi": 0.4, "gait_speed": 1.0}).positive is True
    assert FNIH.score({"sex": "female", "grip": 10, "alm_bmi": 0.6}).positive is False


def test_fnih_missing_pieces():
    assert FNIH.score({"grip": 10, "alm_bmi": 0.4}).missing == ("sex",)
    no_mass = FNIH.score({"sex": "male", "grip": 20})
    assert no_mass.category == CANNOT_TELL and "ALM" in no_mass.missing[0]
    no_gait = FNIH.score({"sex": "male", "grip": 20, "alm_bmi": 0.7})
    assert no_gait.category == "weakness with low lean mass" and no_gait.missing == ("usual gait speed (m/s)",)


def test_fnih_grip_band_reported():
    assert FNIH.score({"sex": "male", "grip": 30, "alm_bmi": 0.9}).details["grip_band"] == "intermediate"
