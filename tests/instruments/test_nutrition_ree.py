"""The ``ree`` instrument: every applicable equation, defaults, PAL and missing data.

Oracles: reference note (instruments_muscle_nutrition_activity.md) F1, F3, H9-H13 and the FAO/WHO/UNU
2004 definition total expenditure = REE x PAL.
"""

import pytest

from myoscope.errors import InputError
from myoscope.instruments import CANNOT_TELL
from myoscope.scores import get

REE = get("ree")
MAN = {"sex": "male", "age": 40, "weight": 70, "height": 175}


def test_ree_reports_every_equation_and_defaults_to_mifflin():
    result = REE.score(MAN)
    assert result.value == pytest.approx(1598.75)  # H9
    assert result.details["equation"] == "mifflin-st-jeor"
    assert result.details["equations"] == {
        "mifflin-st-jeor": 1598.8,
        "harris-benedict-revised": 1638.9,
        "henry-2005": 1604.4,
    }
    assert any("Henry" in u for u in result.details["unverified"])


def test_ree_defaults_to_katch_mcardle_with_fat_free_mass():
    result = REE.score({**MAN, "fat_free_mass": 64})
    assert result.value == pytest.approx(1752.4)  # F3
    assert "mifflin-st-jeor" in result.details["equations"]


def test_ree_fat_free_mass_alone_is_enough_for_katch_mcardle():
    assert REE.score({"fat_free_mass": 60}).value == pytest.approx(1666.0)  # F4


def test_ree_equation_choice():
    assert REE.score({**MAN, "equation": "henry-2005"}).value == pytest.approx(1604.4, abs=0.1)


def test_ree_total_expenditure_with_pal():
    result = REE.score({**MAN, "pal": 1.85})
    assert result.details["total_expenditure"] == pytest.approx(1598.75 * 1.85, abs=0.1)
    assert result.details["pal_band"] == "active or moderately active"


def test_ree_unknown_sex_cannot_tell():
    result = REE.score({"age": 40, "weight": 70, "height": 175})
    assert result.category == CANNOT_TELL
    assert result.missing == ("sex (male or female)",)


def test_ree_chosen_equation_without_its_input_cannot_tell():
    result = REE.score({**MAN, "equation": "katch-mcardle"})
    assert result.category == CANNOT_TELL
    assert "fat-free mass" in result.missing[0]


def test_ree_notes_age_outside_mifflin_derivation():
    assert "19-78" in REE.score({**MAN, "age": 85}).details["notes"][0]


def test_ree_refuses_fat_free_mass_above_weight():
    with pytest.raises(InputError):
        REE.score({**MAN, "fat_free_mass": 80})


def test_ree_refuses_pal_out_of_range():
    with pytest.raises(InputError) as exc:
        REE.score({**MAN, "pal": 3.0})
    assert exc.value.problems[0].field == "pal"
