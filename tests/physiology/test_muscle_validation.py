"""The muscle projection against published study arms (table in ``arms.py``).

Whole-body arms: the constant intake that reproduces the arm's measured weight change is found
for each end of the lean-share cut band; the projected fat-free (or DXA lean) mass change must
meet the arm's interval. Regional arms: the band of the compartment at the arm's duration must
meet the arm's interval. Calibration arms re-derive the parameter they set.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).parent))

from arms import ALL, RESISTANCE_META  # noqa: E402

from myoscope.physiology import denervation, protein, recovery  # noqa: E402
from myoscope.physiology.composition import simulate_composition  # noqa: E402
from myoscope.physiology.regional import disuse_course  # noqa: E402

ARMS = {arm.key: arm for arm in ALL}


def _ffm_changes(arm, cuts) -> np.ndarray:
    """Share-weighted fat-free mass change per cut, at the arm's measured weight change."""
    return _changes(arm, cuts)[0]


def _changes(arm, cuts) -> tuple[np.ndarray, np.ndarray]:
    """Share-weighted (fat-free mass, lean tissue L) changes per cut, at the arm's measured weight change.

    The constant intake change is found by the secant method, vectorised over cuts and people
    (weight at the horizon is smooth and monotone in the intake).
    """
    cuts = np.asarray(cuts, dtype=float)
    people = arm.inputs["people"]
    sex = [p[0] for p in people for _ in cuts]
    age, height, weight, share = (np.repeat([p[i] for p in people], cuts.size) for i in (1, 2, 3, 4))
    r = np.tile(cuts, len(people))

    def run(change):
        return simulate_composition(
            sex=sex,
            age_y=age,
            height_m=height,
            weight_kg=weight,
            ei_change_kcal=change[:, None],
            days=arm.days,
            lean_share_cut=r,
            record="final",
            engine="numpy",
        )

    def miss(change):
        sim = run(change)
        return sim["body_weight_kg"][:, -1] - weight - arm.inputs["weight_change"], sim

    x0, x1 = np.full(r.size, -200.0), np.full(r.size, -800.0)
    f0, _ = miss(x0)
    for _ in range(12):
        f1, sim = miss(x1)
        if np.all(np.abs(f1) < 1e-7):
            break
        slope = np.where(x1 != x0, (f1 - f0) / (x1 - x0), 1.0)
        x0, f0, x1 = x1, f1, x1 - f1 / slope
    assert np.all(np.abs(f1) < 1e-4)
    ffm = sim["ffm_kg"][:, -1] - (weight - sim.baseline.fat_kg)
    lean = sim["lean_mass_kg"][:, -1] - sim.baseline.lean_kg

    def weighted(change):
        return (share * change).reshape(len(people), cuts.size).sum(axis=0)

    return weighted(ffm), weighted(lean)


def _ffm_change(arm, cut: float) -> float:
    return float(_ffm_changes(arm, [cut])[0])


def _whole_body_band(key: str) -> tuple[float, float, float]:
    arm = ARMS[key]
    cut = protein.lean_share_cut(arm.inputs["protein"], arm.inputs["training"])
    return tuple(float(v) for v in _ffm_changes(arm, cut.as_tuple()))


def _meets(band, interval) -> bool:
    return min(band) <= interval[1] and max(band) >= interval[0]


def _check_whole_body(key: str):
    band = _whole_body_band(key)
    assert _meets(band, ARMS[key].interval), (key, band, ARMS[key].interval)
    return band


def test_table_has_at_least_twelve_arms_with_both_roles():
    assert len(ALL) >= 12
    assert {a.role for a in ALL} == {"calibration", "check"}
    assert len({a.key for a in ALL}) == len(ALL)
    for arm in ALL:
        assert arm.interval[0] <= arm.mean <= arm.interval[1] or arm.key == "mitchell2018_retraining", arm.key


# --- whole body ------------------------------------------------------------------------------


def test_protein_cut_against_wycherley2012_hp_calibration():
    """Re-derive PROTEIN_CUT: central meets the arm's mean, high the upper end of its CI."""
    arm = ARMS["wycherley2012_hp"]

    grid = np.linspace(0.0, 1.0, 201)
    changes = _ffm_changes(arm, grid)  # rises with the cut

    def solve(target):
        return float(np.interp(target, changes, grid))

    assert solve(arm.mean) == pytest.approx(protein.PROTEIN_CUT[1], abs=0.01)
    assert solve(arm.interval[1]) == pytest.approx(protein.PROTEIN_CUT[2], abs=0.01)
    band = _check_whole_body("wycherley2012_hp")
    assert band[1] == pytest.approx(arm.mean, abs=0.05)


def test_hall_against_wycherley2012_hc():
    band = _check_whole_body("wycherley2012_hc")
    assert band[0] == band[2]  # 0.7 g/kg/day: below the RDA, no cut


def test_composition_against_englert2021_hp():
    _check_whole_body("englert2021_hp")


@pytest.mark.xfail(
    strict=True,
    reason="open: at the arm's measured 5.2 kg loss Hall's model projects -1.70 kg fat-free mass, "
    "below the arm's 95 % CI (-1.56 to -0.44 kg). About -1.05 kg of it is lean tissue, close to "
    "the measured -1.0 kg; the other -0.65 kg is extracellular water and glycogen with its water, "
    "which the model sheds because a 28 % lower intake at a fixed 50 % carbohydrate share means "
    "less carbohydrate, and measured fat-free mass includes that water. The trial's carbohydrate "
    "share is not in its abstract; nothing is tuned to this arm",
)
def test_hall_against_englert2021_np():
    _check_whole_body("englert2021_np")


def test_englert2021_np_miss_is_water_and_glycogen_not_lean_tissue():
    """Keeps the reason above true: lean tissue meets the arm, fat-free mass misses it by its water.

    The miss is not an artefact of the assumed height: 1.58-1.72 m (weight from BMI 30.9) misses too.
    """
    arm = ARMS["englert2021_np"]
    ffm, lean = (float(v[0]) for v in _changes(arm, [0.0]))
    assert arm.interval[0] <= lean <= arm.interval[1], lean
    assert ffm < arm.interval[0], ffm
    assert ffm - lean < -0.5  # extracellular fluid + glycogen with its water
    for height in (1.58, 1.72):
        person = ("female", 59.0, height, 30.9 * height * height, 1.0)
        shifted = replace(arm, inputs={**arm.inputs, "people": [person]})
        assert _ffm_changes(shifted, [0.0])[0] < arm.interval[0], height


def test_hall_against_beavers2017_weight_loss():
    _check_whole_body("beavers2017_wl")


def test_composition_against_beavers2017_resistance_training():
    band = _check_whole_body("beavers2017_rt")
    assert ARMS["beavers2017_rt"].interval[0] <= band[1] <= ARMS["beavers2017_rt"].interval[1]


def test_hall_against_beavers2017_aerobic_training():
    _check_whole_body("beavers2017_at")


def test_resistance_cut_against_sardeli2018_calibration():
    assert pytest.approx((RESISTANCE_META.interval[0], RESISTANCE_META.mean, 1.0), abs=0.005) == protein.RESISTANCE_CUT


# --- regional --------------------------------------------------------------------------------


def _regional_band(key: str) -> tuple[float, float, float]:
    arm = ARMS[key]
    course = disuse_course(
        arm.inputs["kind"], arm.inputs["region"], "left", 0, arm.days, arm.days, older=arm.inputs["older"]
    )
    return course.at(arm.days)


@pytest.mark.parametrize("key", ["kilroe2020_thigh_7d", "deboer2007_23d"])
def test_disuse_against_calibration_anchors(key):
    band = _regional_band(key)
    assert _meets(band, ARMS[key].interval), (key, band)


def test_disuse_against_mitchell2018_immobilisation():
    band = _regional_band("mitchell2018_immobilisation")
    assert _meets(band, ARMS["mitchell2018_immobilisation"].interval), band


def test_disuse_against_digirolamo2021_older_bed_rest():
    band = _regional_band("digirolamo2021_older_bed_rest")
    assert _meets(band, ARMS["digirolamo2021_older_bed_rest"].interval), band
    young = disuse_course("bed_rest", "thigh", "left", 0, 14, 14, older=False).at(14)
    assert band[0] < young[0]  # older adults: upper end of the loss raised (Kortebein 2007)


def test_recovery_against_mitchell2018_ambulatory_recovery():
    arm = ARMS["mitchell2018_ambulatory_recovery"]
    ends = [
        -recovery.remaining_deficit(arm.inputs["deficit"], arm.days, False, e)[-1] for e in ("fast", "central", "slow")
    ]
    assert _meets(ends, arm.interval)
    assert ends[1] == pytest.approx(arm.mean, abs=1e-9)  # the central time constant is set by this arm


def test_recovery_against_mitchell2018_retraining():
    arm = ARMS["mitchell2018_retraining"]
    central = recovery.remaining_deficit(arm.inputs["deficit"], arm.days, True, "central")[-1]
    assert central == 0.0  # fully regained; the gain above baseline is not projected


def test_recovery_against_vigelso2015_young_recovery():
    """Leg lean mass restored after 6 weeks: the remaining deficit is within the loss's own spread (105/485 g)."""
    remaining = recovery.remaining_deficit(1.0, 42, False, "central")[-1]
    assert remaining <= 105 / 485


def test_denervation_against_alazzam2023_calibration():
    course = denervation.denervation_course("thigh", "left", -ARMS["alazzam2023_denervated_thigh"].days, 10)
    assert course.low[-1] == pytest.approx(-38.0)
    assert not course.recovers


def test_denervation_against_kern2008_stable_atrophy():
    course = denervation.denervation_course("thigh", "left", -3 * 365, 17 * 365)
    assert np.allclose(course.at(0), course.at(17 * 365), atol=1.0)


def test_regional_loss_ignores_protein_as_in_mitchell2018():
    """Disuse courses take no protein input: 20 g/day of dairy protein changed nothing (Mitchell 2018)."""
    import inspect

    assert "protein" not in inspect.signature(disuse_course).parameters


def test_every_arm_source_is_catalogued():
    from myoscope.references import get

    for arm in ALL:
        assert get(arm.source).year >= 1990
