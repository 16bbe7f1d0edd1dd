"""simulate(): shapes, recording, activity changes, input refusals and model properties.

Expected values come from the model's equations (Hall et al. 2011 web appendix; shared reference
bw/model.md) or from the reference man of bw/model.md §9 (40 y, 1.75 m, 90 kg, PAL 1.5).
"""

from __future__ import annotations

import numpy as np
import pytest

import myoscope.physiology.hall as hall
from myoscope.errors import InputError
from myoscope.physiology.hall import OUTPUT_FIELDS, simulate

MAN = dict(sex="male", age_y=40, height_m=1.75, weight_kg=90, pal=1.5)


def _problem(exc: pytest.ExceptionInfo, field: str):
    matching = [p for p in exc.value.problems if p.field == field]
    assert matching, [str(p) for p in exc.value.problems]
    return matching[0]


def test_public_names():
    assert sorted(hall.__all__) == sorted(
        name
        for name in dir(hall)
        if not name.startswith("_") and name not in {"annotations"} and not _is_module(getattr(hall, name))
    )


def _is_module(obj) -> bool:
    return type(obj).__name__ == "module"


def test_reference_man_baseline_by_hand():
    # bw/model.md §9: RMR 1801.05, EI0 2701.575, F0 25.0104, ECF0 22.5375, L0 40.6021, delta 7.00408, K 1100.718
    sim = simulate(**MAN, days=1)
    b = sim.baseline
    assert b.rmr_kcal[0] == pytest.approx(1801.05, abs=1e-9)
    assert b.ei_kcal[0] == pytest.approx(2701.575, abs=1e-9)
    assert b.fat_kg[0] == pytest.approx(25.0104, abs=1e-4)
    assert b.ecf_kg[0] == pytest.approx(22.5375, abs=1e-12)
    assert b.lean_kg[0] == pytest.approx(40.6021, abs=1e-4)
    assert b.delta_kcal_per_kg[0] == pytest.approx(7.00408, abs=1e-5)
    assert b.K_kcal[0] == pytest.approx(1100.718, abs=1e-3)


@pytest.mark.parametrize("variant", ["hall2011", "bw-1.0.0"])
def test_no_change_stays_at_baseline(variant):
    sim = simulate(**MAN, days=365, variant=variant)
    for name in ("body_weight_kg", "fat_mass_kg", "lean_mass_kg", "ecf_kg", "glycogen_kg"):
        values = sim[name][0]
        np.testing.assert_allclose(values, values[0], rtol=1e-12, err_msg=name)
    np.testing.assert_allclose(sim["energy_expenditure_kcal"][0], 2701.575, rtol=1e-12)


def test_shapes_broadcast_and_record_final_equals_daily():
    change = np.array([[-500.0], [-300.0], [0.0]])
    people = dict(
        sex=["male", "female", "male"], age_y=[40, 55, 30], height_m=[1.75, 1.62, 1.8], weight_kg=[90, 70, 100], pal=1.6
    )
    daily = simulate(**people, ei_change_kcal=change, days=100)
    final = simulate(**people, ei_change_kcal=change, days=100, record="final", outputs=["fat_mass_kg"])
    some = simulate(**people, ei_change_kcal=change, days=100, record=[0, 50, 100])
    assert daily["body_weight_kg"].shape == (3, 101)
    assert final["fat_mass_kg"].shape == (3, 1)
    assert set(final.outputs) == {"fat_mass_kg"}
    np.testing.assert_array_equal(final["fat_mass_kg"][:, 0], daily["fat_mass_kg"][:, 100])
    np.testing.assert_array_equal(some["lean_mass_kg"], daily["lean_mass_kg"][:, [0, 50, 100]])
    shared = simulate(**people, ei_change_kcal=np.full(101, -500.0), days=100)
    np.testing.assert_array_equal(shared["body_weight_kg"][0], daily["body_weight_kg"][0])
    assert daily.plausible.all()


def test_ffm_is_weight_minus_fat_and_lean_excludes_water_and_glycogen():
    sim = simulate(**MAN, ei_change_kcal=-500, days=30)
    np.testing.assert_allclose(sim["ffm_kg"], sim["body_weight_kg"] - sim["fat_mass_kg"], rtol=1e-14)
    parts = sim["lean_mass_kg"] + sim["ecf_kg"] + 3.7 * sim["glycogen_kg"]
    np.testing.assert_allclose(sim["ffm_kg"][:, 1:], parts[:, 1:], rtol=1e-13)


def test_lean_share_of_tissue_change_follows_forbes():
    # Forbes relation dL/dF = 10.4/F: the lean share of a small tissue change is 10.4/(10.4 + F)
    # (reference/clinical C3, H15: FM 10/20/30/40 kg -> 0.510/0.342/0.257/0.206)
    for fat, share in ((10, 0.510), (20, 0.342), (30, 0.257), (40, 0.206)):
        sim = simulate(**MAN, fat_kg=fat, ei_change_kcal=-100, days=3)
        d_lean = sim["lean_mass_kg"][0, 3] - sim["lean_mass_kg"][0, 0]
        d_fat = sim["fat_mass_kg"][0, 3] - sim["fat_mass_kg"][0, 0]
        assert d_lean / (d_lean + d_fat) == pytest.approx(share, abs=1e-3)


def test_more_activity_loses_weight_and_constant_schedule_changes_nothing():
    plain = simulate(**MAN, days=120)
    same = simulate(**MAN, days=120, pal_schedule=1.5)
    np.testing.assert_allclose(same["body_weight_kg"], plain["body_weight_kg"], rtol=1e-14)
    schedule = np.full(121, 1.5)
    schedule[30:] = 1.8
    active = simulate(**MAN, days=120, pal_schedule=schedule)
    weight = active["body_weight_kg"][0]
    np.testing.assert_allclose(weight[:31], 90.0, rtol=1e-12)
    assert np.all(np.diff(weight[31:]) < 0)
    # activity expenditure delta x W rises by (1 - beta_TEF) x 0.3 x RMR = 486 kcal/day at 90 kg
    # (Hall 2011 delta); total expenditure rises a little less, since tissue now being lost
    # no longer costs its deposition energy (eta terms: at most eta_L/rho_L = 12.6 %)
    jump = active["energy_expenditure_kcal"][0, 30] - plain["energy_expenditure_kcal"][0, 30]
    assert 0.87 * 486.28 < jump < 486.28


def test_bw_variant_cannot_change_activity():
    with pytest.raises(InputError) as exc:
        simulate(**MAN, days=10, pal_schedule=1.8, variant="bw-1.0.0")
    assert "cannot change activity" in _problem(exc, "pal_schedule").message


def test_refusals_name_field_value_and_range():
    with pytest.raises(InputError) as exc:
        simulate(sex="man", age_y=12, height_m=175, weight_kg=80, pal=3.0, days=10)
    assert _problem(exc, "sex").value == "man"
    height = _problem(exc, "height_m")
    assert height.value == 175 and height.accepted == "1 to 2.5 m"
    assert _problem(exc, "age_y").accepted == "18 to 100 y"
    assert _problem(exc, "pal").accepted == "1.2 to 2.5"


def test_refuses_negative_total_intake_and_wrong_shapes():
    with pytest.raises(InputError) as exc:
        simulate(**MAN, ei_change_kcal=-3000, days=5)
    assert "total intake" in str(exc.value)
    with pytest.raises(InputError) as exc:
        simulate(**MAN, ei_change_kcal=np.zeros(5), days=10)
    assert _problem(exc, "ei_change_kcal").message == "has the wrong shape"
    with pytest.raises(InputError):
        simulate(**MAN, days=0)
    with pytest.raises(InputError):
        simulate(**MAN, days=10, variant="bw-2")
    with pytest.raises(InputError):
        simulate(**MAN, days=10, outputs=["muscle"])
    with pytest.raises(InputError):
        simulate(**MAN, days=10, record=[11])
    with pytest.raises(InputError):
        simulate(**MAN, days=10, ei_change_kcal=float("nan"))


def test_refuses_a_person_the_model_cannot_start_from():
    # BMI 15 at 20 y: the Jackson fat estimate is below zero
    with pytest.raises(InputError) as exc:
        simulate(sex="male", age_y=20, height_m=1.80, weight_kg=48.6, pal=1.5, days=5)
    assert "give fat_kg" in _problem(exc, "fat_kg").message
    with pytest.raises(InputError) as exc:
        simulate(**MAN, fat_kg=95, days=5)
    assert _problem(exc, "fat_kg").value == 95


def test_outputs_cover_every_field():
    sim = simulate(**MAN, days=2)
    assert tuple(sim.outputs) == OUTPUT_FIELDS
    assert sim.n_people == 1
    assert sim.variant.name == "hall2011"
