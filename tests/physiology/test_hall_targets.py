"""Target intakes and one-person projections: the intake found, simulated, meets its goal.

Reference values: the reference man of bw/model.md §9 (40 y, 1.75 m, 90 kg, PAL 1.5; ``bw`` day 365
at -500 kcal/d: 76.2646 kg, fat 16.2111 kg, lean 36.0927 kg).
"""

from __future__ import annotations

import numpy as np
import pytest

from myoscope.errors import InputError
from myoscope.physiology.hall import (
    intake_for_lean_loss,
    intake_for_weight,
    lean_sparing_intake,
    project,
    simulate,
)

PEOPLE = dict(
    sex=["male", "female", "male", "female"],
    age_y=[40, 55, 30, 70],
    height_m=[1.75, 1.62, 1.8, 1.58],
    weight_kg=[90, 70, 100, 62],
    pal=[1.5, 1.6, 1.7, 1.4],
)
WEIGHT_TOLERANCE_KG = 0.01


@pytest.mark.parametrize("variant", ["hall2011", "bw-1.0.0"])
def test_intake_for_weight_hits_each_target(variant):
    targets = np.array([80.0, 66.0, 103.0, 60.0])
    found = intake_for_weight(targets, days=180, variant=variant, **PEOPLE)
    assert found.reached.all()
    check = simulate(**PEOPLE, days=180, variant=variant, ei_change_kcal=found.change_kcal[:, None], record="final")
    np.testing.assert_allclose(check["body_weight_kg"][:, 0], targets, atol=WEIGHT_TOLERANCE_KG)
    np.testing.assert_allclose(found.value_at_horizon, targets, atol=WEIGHT_TOLERANCE_KG)
    assert found.change_kcal[0] < 0 < found.change_kcal[2]


def test_intake_for_the_reference_mans_own_result_is_his_intake():
    # bw/model.md §9: at 2201.575 kcal/d (a 500 kcal/d cut) bw's man weighs 76.2646 kg on day 365
    found = intake_for_weight(
        76.2646, days=365, variant="bw-1.0.0", sex="male", age_y=40, height_m=1.75, weight_kg=90, pal=1.5
    )
    assert found.intake_kcal[0] == pytest.approx(2201.575, abs=0.5)


def test_unreachable_target_is_reported_not_invented():
    found = intake_for_weight(30.0, days=7, sex="male", age_y=40, height_m=1.75, weight_kg=90, pal=1.5)
    assert not found.reached[0]
    assert np.isnan(found.intake_kcal[0])


def test_intake_for_lean_loss_keeps_loss_at_the_limit():
    limits = np.array([1.0, 0.5, 2.0, 0.3])
    found = intake_for_lean_loss(limits, days=84, **PEOPLE)
    assert found.reached.all()
    sim = simulate(**PEOPLE, days=84, ei_change_kcal=found.change_kcal[:, None])
    loss = sim["lean_mass_kg"][:, 0] - sim["lean_mass_kg"].min(axis=1)
    np.testing.assert_allclose(loss, limits, atol=1e-4)
    more = simulate(
        **PEOPLE, days=84, ei_change_kcal=found.change_kcal[:, None] + 50, record="final", outputs=["lean_mass_kg"]
    )
    assert np.all(sim["lean_mass_kg"][:, 0] - more["lean_mass_kg"][:, 0] < limits)


def test_intake_for_ffm_loss_uses_fat_free_mass():
    found = intake_for_lean_loss(
        1.5, days=60, measure="ffm_kg", sex="female", age_y=60, height_m=1.6, weight_kg=75, pal=1.5
    )
    sim = simulate(
        sex="female", age_y=60, height_m=1.6, weight_kg=75, pal=1.5, days=60, ei_change_kcal=found.change_kcal[0]
    )
    ffm = sim["ffm_kg"][0]
    assert ffm[0] - ffm[-1] == pytest.approx(1.5, abs=1e-4)
    with pytest.raises(InputError):
        intake_for_lean_loss(1.0, days=60, measure="muscle", sex="female", age_y=60, height_m=1.6, weight_kg=75)


def test_target_refusals_name_the_field():
    with pytest.raises(InputError) as exc:
        intake_for_weight(900.0, days=30, sex="male", age_y=40, height_m=1.75, weight_kg=90)
    assert exc.value.problems[0].field == "target_weight_kg"
    with pytest.raises(InputError) as exc:
        intake_for_lean_loss(-1.0, days=30, sex="male", age_y=40, height_m=1.75, weight_kg=90)
    assert exc.value.problems[0].field == "max_loss_kg"
    with pytest.raises(InputError) as exc:
        intake_for_weight(80.0, days=30, sex="male", age_y=40, height_m=1.75, weight_kg=90, waist_cm=100)
    assert exc.value.problems[0].field == "waist_cm"


def test_project_reference_man():
    # bw/model.md §9 (bw-1.0.0 reference man, day 365): weight 76.2646, fat 16.2111, lean 36.0927
    p = project(90, 175, 40, "male", 1.5, 2201.575, 365 / 7, variant="bw-1.0.0")
    assert p.maintenance_kcal == pytest.approx(2701.575)
    assert p.trajectory["body_weight_kg"][-1] == pytest.approx(76.2646, abs=1e-4)
    assert p.fat_change_kg == pytest.approx(16.2111 - 25.0104, abs=2e-4)
    assert p.lean_change_kg == pytest.approx(36.0927 - 40.6021, abs=2e-4)
    assert p.weight_change_kg == pytest.approx(p.fat_change_kg + p.ffm_change_kg)
    assert 0 < p.lean_share < 1
    assert len(p.days) == 366 and p.variant == "bw-1.0.0"
    assert "hall2011" in p.citations


def test_project_refuses_bad_weeks_and_height():
    with pytest.raises(InputError) as exc:
        project(90, 175, 40, "male", 1.5, 2200, 0)
    assert exc.value.problems[0].field == "weeks"
    with pytest.raises(InputError) as exc:
        project(90, 1.75, 40, "male", 1.5, 2200, 4)
    assert exc.value.problems[0].field == "height_cm"


def test_lean_sparing_intake():
    found = lean_sparing_intake(70, 165, 70, "female", 1.4, 12, 0.5)
    assert found.reached
    assert found.intake_kcal < found.maintenance_kcal
    assert found.projection.lean_change_kg == pytest.approx(-0.5, abs=1e-4)
    assert found.projection.intake_kcal == found.intake_kcal
    never = lean_sparing_intake(70, 165, 70, "female", 1.4, 1, 20.0)
    assert not never.reached and never.projection is None
