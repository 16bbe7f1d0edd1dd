"""``intake-adequacy``: nutrients averaged over diet days against the DRI table, deficit and excess.

Oracles: the NASEM 2019 DRI summary tables (Appendix J, NBK545442) as quoted in the reference note
(instruments_muscle_nutrition_activity.md, B6) and the note's simplified individual rule:
mean < EAR likely inadequate; EAR <= mean < RDA possibly inadequate; mean > UL above the upper level.
"""

import pytest

from myoscope.criteria._dri import NUTRIENTS
from myoscope.errors import InputError
from myoscope.instruments import CANNOT_TELL
from myoscope.scores import get

INTAKE = get("intake-adequacy")
WOMAN = {"sex": "female", "age": 50, "weight": 70}


def score(days, **person):
    return INTAKE.score({**WOMAN, **person, "diet_days": days})


def statuses(result):
    return {name: v["status"] for name, v in result.details["nutrients"].items()}


def test_protein_06_g_per_kg_and_retinol_above_ul_are_both_flagged():
    # acceptance: 42 g/day at 70 kg = 0.6 g/kg (< EAR 0.66) and 3,500 ug retinol (> UL 3,000)
    result = score(
        [{"protein": "40 g", "vitamin_a_preformed": "3400 ug"}, {"protein": "44 g", "vitamin_a_preformed": "3600 ug"}]
    )
    assert result.category == "inadequate and above the upper level"
    assert result.positive is True
    assert result.value == 2
    met = {c.name: c.met for c in result.criteria}
    assert met["protein"] is True
    assert met["preformed vitamin A (retinol)"] is True
    assert result.details["likely_inadequate"] == ["protein"]
    assert result.details["above_upper_level"] == ["vitamin_a_preformed"]
    protein = next(c for c in result.criteria if c.name == "protein")
    assert protein.value == pytest.approx(0.6)


@pytest.mark.parametrize(
    "grams, status",
    [
        (46.13, "likely inadequate"),
        (46.2, "possibly inadequate"),
        (55.93, "possibly inadequate"),
        (56.0, "adequate"),
    ],
)
def test_protein_boundaries_per_kg(grams, status):
    # 70 kg: EAR 0.66 -> 46.2 g, RDA 0.80 -> 56 g (NASEM 2019; IOM 2005)
    assert statuses(score([{"protein": f"{grams} g"}]))["protein"] == status


@pytest.mark.parametrize(
    "ug, status",
    [(2999.9, "not above the upper level"), (3000, "not above the upper level"), (3000.1, "above the upper level")],
)
def test_retinol_upper_level_boundary(ug, status):
    # UL 3,000 ug preformed vitamin A (IOM 2001); mean > UL is above
    assert statuses(score([{"vitamin_a_preformed": ug}]))["vitamin_a_preformed"] == status


def test_total_vitamin_a_above_the_retinol_ul_is_flagged_as_possibly_above():
    # the UL covers preformed vitamin A only (IOM 2001): a total above it may or may not exceed it
    result = score([{"vitamin_a": "3500 ug"}])
    assert statuses(result)["vitamin_a"] == "adequate"
    assert result.details["possibly_above_upper_level"] == ["vitamin_a"]
    assert "Possibly above" in result.interpretation
    assert any("preformed vitamin A" in m for m in result.missing)


@pytest.mark.parametrize(
    "mg, status",
    [(349, "not above the upper level"), (350, "not above the upper level"), (351, "above the upper level")],
)
def test_supplemental_magnesium_ul(mg, status):
    # UL 350 mg from supplements/medicines only (IOM 1997)
    assert statuses(score([{"magnesium_supplemental": f"{mg} mg"}]))["magnesium_supplemental"] == status


def test_food_magnesium_above_350_is_not_excess():
    assert statuses(score([{"magnesium": "600 mg"}]))["magnesium"] == "adequate"


@pytest.mark.parametrize(
    "mg, status",
    [
        (799, "likely inadequate"),
        (800, "possibly inadequate"),
        (1000, "adequate"),
        (2500, "adequate"),
        (2501, "above the upper level"),
    ],
)
def test_calcium_boundaries_woman_31_50(mg, status):
    # EAR 800, RDA 1,000, UL 2,500 mg for women 31-50 (IOM 2011)
    assert statuses(score([{"calcium": mg}], age=40))["calcium"] == status


def test_calcium_age_band_boundary_51():
    # women 51-70: EAR 1,000 (IOM 2011); 900 mg is likely inadequate at 51 but not at 50
    assert statuses(score([{"calcium": 900}], age=51))["calcium"] == "likely inadequate"
    assert statuses(score([{"calcium": 900}], age=50.9))["calcium"] == "possibly inadequate"


def test_potassium_below_ai_cannot_be_called_inadequate():
    # AI nutrients: below the AI no conclusion (IOM 2000 applications)
    result = score([{"potassium": "2000 mg"}])
    assert statuses(result)["potassium"] == "below the adequate intake (cannot conclude)"
    assert result.category == CANNOT_TELL


def test_iron_depends_on_sex_so_unknown_sex_cannot_tell():
    # 10 mg iron: adequate for a man (RDA 8) but below the RDA 18 for a woman of 40
    result = INTAKE.score({"age": 40, "diet_days": [{"iron": "10 mg"}]})
    assert statuses(result)["iron"] == CANNOT_TELL
    assert any("sex" in m for m in result.missing)


def test_unknown_sex_still_decides_when_both_sexes_agree():
    result = INTAKE.score({"age": 40, "diet_days": [{"selenium": "30 ug"}]})
    assert statuses(result)["selenium"] == "likely inadequate"
    assert result.positive is True


def test_mean_over_days_on_which_the_nutrient_was_recorded():
    result = score([{"zinc": "6 mg"}, {"zinc": "10 mg"}, {"protein": "60 g"}])
    assert result.details["nutrients"]["zinc"] == {"status": "adequate", "mean": 8.0, "days": 2}


def test_all_recorded_adequate_is_decided_and_lists_the_unrecorded():
    result = score([{"protein": "70 g", "zinc": "9 mg"}])
    assert (result.category, result.positive, result.value) == ("adequate", False, 0)
    assert any("vitamin D" in m for m in result.missing)


def test_female_ear_values_are_reported_unverified():
    assert score([{"iron": "10 mg"}]).details["unverified"]


def test_protein_without_weight_cannot_tell():
    result = INTAKE.score({"sex": "female", "age": 50, "diet_days": [{"protein": "40 g"}]})
    assert statuses(result)["protein"] == CANNOT_TELL
    assert any("body weight" in m for m in result.missing)


def test_units_are_converted_to_the_table_unit():
    result = score([{"vitamin_d": {"value": 0.02, "unit": "mg"}, "energy": "6 MJ"}])
    assert result.details["nutrients"]["vitamin_d"]["mean"] == pytest.approx(20.0)
    assert result.details["energy_mean_kcal"] == pytest.approx(1434.0, abs=0.1)


def test_unknown_nutrient_name_is_refused_listing_accepted_names():
    with pytest.raises(InputError) as exc:
        score([{"protien": "40 g"}])
    problem = exc.value.problems[0]
    assert problem.field == "diet_days[0]"
    assert "protien" in problem.message
    assert all(name in problem.accepted for name in NUTRIENTS)


def test_amount_out_of_range_names_the_nutrient():
    with pytest.raises(InputError) as exc:
        score([{"protein": "4000 g"}])
    assert exc.value.problems[0].field == "diet_days[0].protein"


def test_no_diet_days_cannot_tell():
    result = INTAKE.score(WOMAN)
    assert result.category == CANNOT_TELL and result.missing


def test_the_interpretation_names_nutrients_as_people_read_them():
    """'likely inadequate: protein, calcium, vitamin_d' reached the HTML and PDF reports."""
    from myoscope.criteria.intake import _labels

    assert _labels(["vitamin_d", "vitamin_b12"]) == "vitamin D, vitamin B12"
