"""Resting-energy equations, PAL and energy balance in :mod:`myoscope.physiology.energy`.

Oracles (reference note instruments_muscle_nutrition_activity.md, sections C and F):
F1 Mifflin worked example (dummies.com), F2 Mifflin example (fitliferegime), F3/F4 Katch-McArdle
examples (calculatorlib.com), F5 the FAO/WHO/UNU 2004 worked example (fao.org y5686e08 section
5.4.1); H9-H15 hand-computed vectors from the published equations; the energy densities of
Hall 2008 (39.5 MJ/kg fat) and the lean density of Hall's model (7.6 MJ/kg).
"""

import math

import numpy as np
import pytest

from myoscope.physiology import energy as e


def test_mifflin_against_f1_dummies_example():
    # woman 45 y, 75 kg, 165.1 cm -> 1,395.875 kcal/day; x 1.2 = 1,675
    ree = e.mifflin_st_jeor(75, 165.1, 45, e.sex_code("female"))
    assert ree == pytest.approx(1395.875)
    assert round(e.expenditure_from_pal(ree, 1.2)) == 1675


def test_mifflin_against_f2_and_h9():
    assert e.mifflin_st_jeor(70, 170, 40, 1.0) == pytest.approx(1401.5)  # F2
    assert e.mifflin_st_jeor(70, 175, 40, 0.0) == pytest.approx(1598.75)  # H9


def test_roza_shizgal_against_h10_h11():
    assert e.harris_benedict_revised(70, 175, 40, 0.0) == pytest.approx(1638.897)
    assert e.harris_benedict_revised(60, 165, 70, 1.0) == pytest.approx(1210.483)


def test_henry_against_h13_h14():
    # H13: 6.713 MJ = 1,604.4 kcal; H14: 5.0848 MJ = 1,215.3 kcal (coefficients flagged unverified)
    assert e.henry_2005(70, 175, 40, 0.0) == pytest.approx(1604.4, abs=0.1)
    assert e.henry_2005(60, 165, 70, 1.0) == pytest.approx(1215.3, abs=0.1)


@pytest.mark.parametrize("age, band", [(29.99, 0), (30.0, 1), (59.99, 1), (60.0, 2)])
def test_henry_age_band_boundaries(age, band):
    # Henry 2005 bands 18-30, 30-60, 60+; 30 and 60 open the upper band (our choice, note C1)
    coef = e.HENRY_MEN_WH[band]
    expected = e.mj_to_kcal(coef[0] * 70 + coef[1] * 1.75 + coef[2])
    assert e.henry_2005(70, 175, age, 0.0) == pytest.approx(expected)


def test_henry_below_18_is_not_defined():
    assert np.isnan(e.henry_2005(60, 170, 17.9, 0.0))


def test_katch_mcardle_against_f3_f4():
    assert e.katch_mcardle(64) == pytest.approx(1752.4)
    assert e.katch_mcardle(60) == pytest.approx(1666.0)


def test_fao_pal_worked_example_f5():
    # BMR 5.45 MJ/day x PAL 1.85 = 10.08 MJ/day = 2,410 kcal/day; 183 kJ/kg/day at 55 kg
    bmr = e.mj_to_kcal(5.45)
    assert bmr == pytest.approx(1302.6, abs=0.1)  # FAO prints 1 302 kcal/day
    total = e.expenditure_from_pal(bmr, 1.85)
    assert round(total, -1) == 2410
    assert round(total * e.KJ_PER_KCAL / 55) == 183
    assert e.pal_band(1.85) == "active or moderately active"


def test_equations_are_vectorised_and_match_scalars():
    w, h, a, f = np.array([70, 60]), np.array([175, 165]), np.array([40, 70]), np.array([0.0, 1.0])
    for fn in (e.mifflin_st_jeor, e.harris_benedict_revised, e.henry_2005):
        out = fn(w, h, a, f)
        assert out.shape == (2,)
        assert out[1] == pytest.approx(fn(60, 165, 70, 1.0))
    assert e.katch_mcardle(np.array([60, 64])).tolist() == pytest.approx([1666.0, 1752.4])


def test_forbes_fraction_against_h15():
    assert e.forbes_lean_fraction(np.array([10, 20, 30, 40])) == pytest.approx([0.510, 0.342, 0.257, 0.206], abs=5e-4)


def test_energy_balance_from_intake():
    assert e.energy_balance_from_intake(1450, 1900) == -450


def test_energy_balance_from_composition_uses_hall_densities():
    # 1 kg fat lost over 28 days: 39.5 MJ/kg = 9,440.7 kcal -> -337.2 kcal/day
    assert e.energy_balance_from_composition(-1.0, 0.0, 28) == pytest.approx(-39_500 / 4.184 / 28, rel=1e-4)


def test_energy_balance_from_weight_trend_with_fat_mass():
    # 2 kg lost in 28 days at 20 kg fat: lean share 0.342 (H15)
    result = e.energy_balance_from_weight_trend(80, 78, 28, fat_mass_kg=20)
    density = 0.342105 * 1816.444 + (1 - 0.342105) * 9440.727
    assert result.estimate == pytest.approx(-2 * density / 28, rel=1e-5)
    assert result.low <= result.estimate <= result.high
    assert result.lean_fraction == pytest.approx(0.342, abs=5e-4)


def test_energy_balance_without_fat_mass_gives_only_the_physical_band():
    result = e.energy_balance_from_weight_trend(80, 78, 28)
    assert np.isnan(result.estimate)
    assert result.low == pytest.approx(-2 * 9440.727 / 28)
    assert result.high == pytest.approx(-2 * 1816.444 / 28)


@pytest.mark.parametrize("days, defined", [(13.9, False), (14.0, True)])
def test_energy_balance_needs_two_weeks(days, defined):
    # reference note C3: at least 2 weeks between weights
    result = e.energy_balance_from_weight_trend(80, 79, days, fat_mass_kg=20)
    assert bool(np.isnan(result.estimate)) is (not defined)
    assert bool(np.isnan(e.energy_balance_from_composition(-1, 0, days))) is (not defined)


def test_energy_balance_vectorised():
    result = e.energy_balance_from_weight_trend(
        np.array([80, 90]), np.array([78, 91]), np.array([28, 10]), fat_mass_kg=np.array([20, 30])
    )
    assert np.isfinite(result.estimate[0]) and np.isnan(result.estimate[1])


@pytest.mark.parametrize("fat_mass", [None, 18.0, 0.0, float("nan")])
@pytest.mark.parametrize(("start", "end", "days"), [(70.0, 66.5, 90.0), (61.2, 61.9, 30.0), (80.0, 79.0, 7.0)])
def test_plain_numbers_give_the_floats_the_array_path_gives(start, end, days, fat_mass):
    """One person's numbers skip numpy; the result must be the same float, bit for bit, as for arrays."""

    one = e.energy_balance_from_weight_trend(start, end, days, fat_mass)
    fat = None if fat_mass is None else np.array([fat_mass])
    many = e.energy_balance_from_weight_trend(np.array([start]), np.array([end]), np.array([days]), fat)
    for name in ("estimate", "low", "high", "lean_fraction"):
        plain, array = getattr(one, name), float(getattr(many, name)[0])
        assert type(plain) is float
        assert plain == array or (math.isnan(plain) and math.isnan(array)), name
    for args in ((72.5, 171.3, 47.0, 1.0), (95.0, 180.0, 63.0, 0.0)):
        arrays = [np.array([a]) for a in args]
        for coefficients in ("simplified", "regression"):
            plain = e.mifflin_st_jeor(*args, coefficients=coefficients)
            assert type(plain) is float and plain == float(e.mifflin_st_jeor(*arrays, coefficients=coefficients)[0])
        assert e.expenditure_from_pal(1401.7, 1.55) == float(e.expenditure_from_pal(np.array([1401.7]), 1.55)[0])
    assert e.forbes_lean_fraction(23.0) == float(e.forbes_lean_fraction(np.array([23.0]))[0])
