"""The muscle projection against published study arms (table in ``arms.py``).

Whole-body arms: the constant intake that reproduces the arm's measured weight change is found
for each end of the lean-share cut band; the projected fat-free (or DXA lean) mass change must
meet the arm's interval. Regional arms: the *central* projection of the compartment at the arm's
duration, expressed in the quantity the arm measured (``disuse.MEASURE_RATIO``), must lie inside the
arm's interval; the band is shown with it. Calibration arms re-derive the parameter they set.
"""

from __future__ import annotations

import math
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).parent))

from arms import ALL, RESISTANCE_META, citation  # noqa: E402

from myoscope.physiology import denervation, disuse, protein, recovery  # noqa: E402
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
            pcarb=arm.inputs.get("pcarb"),  # the diet's carbohydrate share where the arm gives one
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
    "below the arm's 95 % CI (-1.56 to -0.44 kg). Lean tissue alone (-1.05 kg) meets the arm; the "
    "other -0.65 kg is extracellular water and glycogen with its water, shed because a 28 % lower "
    "intake at the assumed 50 % carbohydrate share carries less carbohydrate. The arm would be met "
    "if the diet held about 56 % or more of its energy as carbohydrate against a habitual 50 % "
    "(tested below), but the trial's report available here (its abstract) gives neither the diet's "
    "nor the habitual carbohydrate share, nor the fat-free mass method; no share is assumed to make "
    "the arm pass",
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


def test_englert2021_np_carbohydrate_share_that_would_meet_it():
    """Keeps the reason above true: the miss closes only if the diet's carbohydrate share was well above
    the habitual one (55 % still misses, 60 % meets); the abstract gives no share to use as the arm's input."""
    arm = ARMS["englert2021_np"]
    with_share = {share: replace(arm, inputs={**arm.inputs, "pcarb": share}) for share in (0.55, 0.60)}
    assert _ffm_change(with_share[0.55], 0.0) < arm.interval[0]
    assert arm.interval[0] <= _ffm_change(with_share[0.60], 0.0) <= arm.interval[1]


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
    """(low, central, high) % change at the arm's duration, in the quantity the arm measured."""
    arm = ARMS[key]
    course = disuse_course(
        arm.inputs["kind"], arm.inputs["region"], "left", 0, arm.days, arm.days, older=arm.inputs["older"]
    )
    low, central, high = course.at(arm.days)
    measure = arm.inputs["measure"]
    # low is the largest loss: the largest ratio widens it, the smallest ratio the other end
    return (
        disuse.as_measured(low, measure, "high"),
        disuse.as_measured(central, measure, "central"),
        disuse.as_measured(high, measure, "low"),
    )


def _check_regional(key: str) -> tuple[float, float, float]:
    band = _regional_band(key)
    interval = ARMS[key].interval
    assert band[0] <= band[1] <= band[2]
    assert _meets(band, interval), (key, band, interval)  # the band shown reaches the arm
    assert interval[0] <= band[1] <= interval[1], (key, band, interval)  # the central lies inside it
    return band


@pytest.mark.xfail(
    strict=True,
    reason="open: the fitted immobilisation course projects -5.0 % quadriceps at 7 days, i.e. -4.2 % "
    "whole thigh (Kilroe's own thigh/quadriceps ratio), below the arm's -6.1 to -4.9 %. No course that "
    "is fastest early (logarithmic, saturating or any other concave course from day 0) can meet both "
    "this arm and Wall 2014's 5-day loss: from 3.5 +- 0.5 % quadriceps at 5 days such a course reaches "
    "at most 5.6 % at 7 days (4.7 % whole thigh). Kilroe's own course is not fastest early either: "
    "0.85 %/day over days 0-2, 1.0 %/day over days 2-7, and in the same men daily myofibrillar protein "
    "synthesis fell significantly only in days 2-7 [kilroe2020_mps]. A course with that delayed onset "
    "does not settle it: carried to day 5 Kilroe's own rates give 4.7 %, above Wall's 5-day spread "
    "(3.0-4.0 %), and with its onset convex and its later course levelling off (one inflection) it cannot "
    "meet this arm, Mitchell 2018 at 14 days and de Boer 2007 at 23 days together, whatever the onset; a "
    "log-type course with a delayed onset fitted to the calibration arms alone (Kilroe 2 and 7 days, de "
    "Boer 23 days) meets them only with the steepest onset allowed (a step: the data do not bound it) and "
    "misses Wall 5 days, de Boer 14 days and Mitchell by more than the fitted course. "
    "The studies differ beyond their spreads; the band (-7.6 to -2.5 %) holds the arm. "
    "Tested below",
)
def test_disuse_against_kilroe2020_calibration():
    _check_regional("kilroe2020_thigh_7d")


def test_kilroe2020_miss_is_between_study_spread():
    """Keeps the reason above true: Kilroe's 7-day loss lies above the pooled course but inside the band,
    and a slower study (de Boer 2007, 14 days) lies below it."""
    central = disuse.project_disuse("immobilisation", "leg", 7, age=20).band("muscle_size")
    assert central.central < 6.7 - 0.6  # Kilroe's quadriceps, minus its printed spread
    assert central.low < 6.7 < central.high
    at14 = disuse.project_disuse("immobilisation", "leg", 14, age=22).band("muscle_size")
    assert at14.central > 5.2 + 0.7  # de Boer's 14-day knee-extensor loss, plus its spread
    band = _regional_band("kilroe2020_thigh_7d")
    assert _meets(band, ARMS["kilroe2020_thigh_7d"].interval)


def _anchor_of(source: str, days: float) -> disuse.Anchor:
    return next(
        a
        for a in disuse.ANCHORS
        if (a.source, a.days, a.kind, a.site, a.outcome) == (source, days, "immobilisation", "leg", "muscle_size")
    )


THIGH_PER_QUADRICEPS = disuse.MEASURE_RATIO["whole_thigh_muscle"][0][1]
"""The central whole-thigh/quadriceps ratio, as the regional checks use it."""


def _fitted(shape_of, points) -> tuple[float, float]:
    """Least-squares (k, tau) of ``loss = k shape_of(t / tau)`` through ``points``, over tau 0.5-2,000 days."""
    best = (math.inf, 0.0, 0.0)
    for tau in np.geomspace(0.5, 2000.0, 4000):
        f = np.array([shape_of(t / tau) for t, _ in points])
        y = np.array([loss for _, loss in points])
        k = float(f @ y / (f @ f))
        best = min(best, (float(((y - k * f) ** 2).sum()), k, float(tau)))
    return best[1], best[2]


def test_kilroe2020_7d_is_beyond_any_front_loaded_course_through_wall2014():
    """A course fastest early (concave, zero at day 0) has loss(7) <= 7/5 loss(5): from the top of Wall's
    5-day spread that stays below the arm, and the two one-rate shapes fitted to the studies miss it too."""
    arm = ARMS["kilroe2020_thigh_7d"]
    wall5 = _anchor_of("wall2014", 5)
    assert 7 / 5 * wall5.high * THIGH_PER_QUADRICEPS < -arm.interval[1]
    day2, day7 = _anchor_of("kilroe2020", 2), _anchor_of("kilroe2020", 7)
    assert day2.loss / 2 < (day7.loss - day2.loss) / 5  # faster in days 2-7 than in days 0-2
    points = [(a.days, a.loss) for a in disuse._series("immobilisation", "leg", "muscle_size", older=False)]
    for shape_of in (np.log1p, lambda x: 1.0 - math.exp(-x)):  # logarithmic; saturating (two-phase)
        k, tau = _fitted(shape_of, points)
        assert k * shape_of(7 / tau) * THIGH_PER_QUADRICEPS < -arm.interval[1]


def test_disuse_against_deboer2007_calibration():
    _check_regional("deboer2007_23d")


def test_immobilisation_course_is_front_loaded_as_the_calibration_studies():
    """The immobilisation time constant comes from the immobilisation studies (not bed rest) and the
    logarithmic course fits their means better than a constant daily rate."""
    points = [(a.days, a.loss) for a in disuse._series("immobilisation", "leg", "muscle_size", older=False)]
    tau = disuse.TIME_CONSTANTS["immobilisation"]
    assert tau == pytest.approx(disuse.fit_time_constant(points))
    assert tau < disuse.TIME_CONSTANTS["bed_rest"] / 3

    def sse(f):
        k = sum(f(t) * y for t, y in points) / sum(f(t) ** 2 for t, _ in points)
        return sum((y - k * f(t)) ** 2 for t, y in points)

    assert sse(lambda t: np.log1p(t / tau)) < sse(lambda t: t)


def test_measure_ratios_reproduce_their_studies():
    """Whole thigh vs quadriceps (Kilroe 2020) and DXA leg lean vs quadriceps CSA (Wall 2014), same people."""
    thigh, _ = disuse.MEASURE_RATIO["whole_thigh_muscle"]
    assert thigh[0] * 6.7 == pytest.approx(5.5) and thigh[2] * 1.7 == pytest.approx(1.7)
    assert thigh[0] <= thigh[1] <= thigh[2]
    dxa, _ = disuse.MEASURE_RATIO["leg_lean_mass_dxa"]
    assert dxa[0] * 8.4 == pytest.approx(3.1) and dxa[2] * 3.5 == pytest.approx(1.4)
    assert dxa[0] <= dxa[1] <= dxa[2] < thigh[0]  # DXA leg lean falls by the smallest share


def test_central_is_a_fitted_course_not_the_middle_of_the_band():
    band = disuse.project_disuse("immobilisation", "leg", 14, age=30).band("muscle_size")
    assert band.low < band.central < band.high
    assert band.central != pytest.approx((band.low + band.high) / 2, abs=0.1)
    course = disuse_course("immobilisation", "thigh", "left", 0, 14, 14)
    assert course.middle[14] == pytest.approx(-band.central)


@pytest.mark.xfail(
    strict=True,
    reason="open: the middle-aged men (50 y) of Mitchell 2018 lost -4.1 % thigh muscle CSA in 14 days "
    "of one-leg immobilisation; the young-adult course projects -7.5 % quadriceps, -6.2 % whole thigh. "
    "No course fastest early can meet this arm together with Kilroe 2020 at 7 days and de Boer 2007 "
    "at 23 days: it would have to level off between days 7 and 14 and then speed up again (tested "
    "below). Meeting it needs a smaller loss at 50 y, and no study here measured middle-aged adults "
    "against young ones (Suetta 2009: men of 61-74 y lost less quadriceps volume than young men), and a "
    "delayed onset (Kilroe 2020) does not help: no course with one inflection meets the three (tested "
    "below). The abstract names neither the imaging method nor the slice level of its thigh CSA; the "
    "model applies the older-adult evidence from 60 y. Mitchell's value also lies within the young "
    "studies' spread at 14 days (de Boer 2007), so it does not itself show an age effect; and unlike "
    "Kilroe's young men [kilroe2020_mps] these men's myofibrillar protein synthesis was not lowered by "
    "the immobilisation (Mitchell 2018), so the stimulus or the response differed. The band "
    "(-11.2 to -3.7 %) holds the arm",
)
def test_disuse_against_mitchell2018_immobilisation():
    _check_regional("mitchell2018_immobilisation")


def test_no_front_loaded_course_meets_kilroe_mitchell_and_deboer_together():
    """Concave from day 0: the loss gained in days 7-14 per day is at least that of days 14-23. Taking each
    arm at its most accommodating end (quadriceps equivalents by the central thigh ratio) that fails."""
    at7 = -ARMS["kilroe2020_thigh_7d"].interval[1] / THIGH_PER_QUADRICEPS  # least loss at 7 days
    at14 = -ARMS["mitchell2018_immobilisation"].interval[0] / THIGH_PER_QUADRICEPS  # most loss at 14 days
    at23 = -ARMS["deboer2007_23d"].interval[1]  # least loss at 23 days
    assert (at14 - at7) / 7 < (at23 - at14) / 9
    # the young studies at 14 days already span Mitchell's value: de Boer 2007 lies inside its interval
    deboer14 = _anchor_of("deboer2007", 14)
    interval = ARMS["mitchell2018_immobilisation"].interval
    assert interval[0] <= -deboer14.loss * THIGH_PER_QUADRICEPS <= interval[1]


def test_no_delayed_onset_course_meets_kilroe_mitchell_and_deboer_together():
    """Keeps the reasons above true for a course whose onset is slower (convex up to an inflection, concave after).

    Each arm at its most accommodating end (quadriceps equivalents by the central thigh ratio and, as a
    second look, by the ratio ends most in its favour). If the inflection comes after day 7, the slope at day 7
    is at least the days 2-7 chord, far above the days 7-14 chord, so the slope must fall below that chord
    within days 7-14, which happens only past the inflection, after which it stays below the days 14-23 chord:
    a contradiction. If it comes before day 7, the course is concave on days 7-23 and the chord test applies.
    """
    kilroe, mitchell = ARMS["kilroe2020_thigh_7d"], ARMS["mitchell2018_immobilisation"]
    low_ratio, _, high_ratio = disuse.MEASURE_RATIO["whole_thigh_muscle"][0]
    at2 = _anchor_of("kilroe2020", 2).high
    at23 = -ARMS["deboer2007_23d"].interval[1]
    for at7, at14 in (
        (-kilroe.interval[1] / THIGH_PER_QUADRICEPS, -mitchell.interval[0] / THIGH_PER_QUADRICEPS),
        (-kilroe.interval[1] / high_ratio, -mitchell.interval[0] / low_ratio),
    ):
        chord_2_7, chord_7_14, chord_14_23 = (at7 - at2) / 5, (at14 - at7) / 7, (at23 - at14) / 9
        assert chord_7_14 < chord_14_23  # no concave course over days 7-23
        assert chord_7_14 < chord_2_7  # no course still convex at day 7


def test_kilroe2020_own_onset_overshoots_wall2014_at_5_days():
    """Kilroe's rates (0.85 %/day over days 0-2, 1.0 %/day over days 2-7) carried to day 5 exceed Wall's 5-day
    spread: the delayed onset that meets Kilroe moves the 5-day check further off than the fitted course."""
    day2, day7, wall5 = _anchor_of("kilroe2020", 2), _anchor_of("kilroe2020", 7), _anchor_of("wall2014", 5)
    own_at5 = day2.loss + 3 * (day7.loss - day2.loss) / 5
    fitted_at5 = disuse.project_disuse("immobilisation", "leg", 5, age=20).band("muscle_size").central
    assert own_at5 > wall5.high and fitted_at5 is not None and own_at5 - wall5.high > fitted_at5 - wall5.high


def test_delayed_onset_course_fitted_to_the_calibration_arms_meets_no_more_checks():
    """``k ln(1 + (t / tau)^m)``, m >= 1 (m > 1: slower onset), least squares through the calibration arms'
    quadriceps means alone (Kilroe 2 and 7 days, de Boer 23 days). It meets those arms, but its onset is not
    set by the data (m runs to the edge of any range given: a step), and the checks it misses (Wall 5 days,
    de Boer 14 days, Mitchell 14 days) it misses by more than the fitted course does; only Wall 14 days is met,
    as now."""
    calibration = [(a.days, a.loss) for a in (_anchor_of("kilroe2020", 2), _anchor_of("kilroe2020", 7))]
    calibration.append((23.0, -ARMS["deboer2007_23d"].mean))
    best = (math.inf, 0.0, 0.0, 0.0)
    for m in np.linspace(1.0, 5.0, 81):
        for tau in np.geomspace(0.5, 200.0, 400):
            f = np.array([math.log1p((t / tau) ** m) for t, _ in calibration])
            y = np.array([loss for _, loss in calibration])
            k = float(f @ y / (f @ f))
            best = min(best, (float(((y - k * f) ** 2).sum()), k, float(tau), float(m)))
    _, k, tau, m = best
    assert m == pytest.approx(5.0)  # the steepest onset allowed: the data do not bound it

    def delayed(t: float) -> float:
        return k * math.log1p((t / tau) ** m)

    def fitted(t: float) -> float:
        central = disuse.project_disuse("immobilisation", "leg", t, age=20).band("muscle_size").central
        assert central is not None
        return central

    kilroe = ARMS["kilroe2020_thigh_7d"]
    assert kilroe.interval[0] <= -delayed(7) * THIGH_PER_QUADRICEPS <= kilroe.interval[1]
    assert ARMS["deboer2007_23d"].interval[0] <= -delayed(23) <= ARMS["deboer2007_23d"].interval[1]
    for source, days in (("wall2014", 5), ("deboer2007", 14)):
        anchor = _anchor_of(source, days)
        assert delayed(days) > anchor.high and delayed(days) > fitted(days) > anchor.low, (source, days)
    mitchell = ARMS["mitchell2018_immobilisation"]
    assert -delayed(14) * THIGH_PER_QUADRICEPS < -fitted(14) * THIGH_PER_QUADRICEPS < mitchell.interval[0]
    wall14 = _anchor_of("wall2014", 14)
    assert wall14.low <= delayed(14) <= wall14.high and wall14.low <= fitted(14) <= wall14.high


def test_mitchell2018_lies_in_the_band_below_the_young_course():
    band = _regional_band("mitchell2018_immobilisation")
    arm = ARMS["mitchell2018_immobilisation"]
    assert _meets(band, arm.interval) and band[1] < arm.interval[0]


@pytest.mark.xfail(
    strict=True,
    reason="open: for older adults in bed rest the model takes the young course at 2.8 times the "
    "duration (Kortebein 2007: older adults lost more DXA leg lean in 10 days than young adults in 28, "
    "a comparison across two studies and so a lower bound on the factor), -11.4 % knee-extensor size "
    "at 14 days. Di Girolamo 2021 pooled -8 % lower-limb muscle mass (tolerance +-2 points) over "
    "studies measuring DXA leg lean mass or muscle CSA, and the abstract does not give the share of "
    "each. Expressed as DXA leg lean (Wall 2014's ratio, from young men) the same projection is -4.2 %: "
    "the arm lies between the two methods (tested below), so which one it should be compared in "
    "decides the result, and no older-adult ratio between them was found. Without the age factor the "
    "young course (-5.5 %) misses from the other side. The band (-15.6 to -2.0 %) holds the arm",
)
def test_disuse_against_digirolamo2021_older_bed_rest():
    _check_regional("digirolamo2021_older_bed_rest")


def test_digirolamo2021_older_bed_rest_band_and_age_factor():
    band = _regional_band("digirolamo2021_older_bed_rest")
    arm = ARMS["digirolamo2021_older_bed_rest"]
    assert _meets(band, arm.interval) and band[1] < arm.interval[0]
    young = disuse_course("bed_rest", "thigh", "left", 0, 14, 14, older=False).at(14)
    assert band[0] < young[0] and band[1] < young[1]  # older adults: larger loss (Kortebein 2007)
    assert young[1] > arm.interval[1]  # without the age factor the central misses on the other side


def test_digirolamo2021_pooled_mean_lies_between_its_two_methods():
    """Keeps the reason above true: as knee-extensor size the central overshoots the arm, as DXA leg lean
    mass (the smaller share, Wall 2014) it falls short; the arm's pooled mean lies between."""
    arm = ARMS["digirolamo2021_older_bed_rest"]
    central = disuse_course("bed_rest", "thigh", "left", 0, 14, 14, older=True).at(14)[1]
    as_leg_lean = disuse.as_measured(central, "leg_lean_mass_dxa", "central")
    assert central < arm.interval[0] and as_leg_lean > arm.interval[1]
    assert central < arm.mean < as_leg_lean


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

    no_doi_found = {"englert2021", "kern2008"}  # cited by the article's address (see arms.py)
    for arm in ALL:
        ref = get(arm.source)
        assert ref.year >= 1990 and ref.authors and ref.journal, arm.key
        assert ref.doi or (arm.source in no_doi_found and ref.url), arm.key
        assert str(ref.year) in citation(arm) and ref.journal in citation(arm)
    assert get("kilroe2020_mps").doi  # cited in the reasons of the open arms


def test_older_central_regain_lies_midway_between_young_and_none():
    """No older-adult regain rate was verified (Suetta 2009; Vigelsø 2015): the central is our stated rule."""
    young = recovery.remaining_deficit(4.0, 28, False, "central")
    older = recovery.remaining_deficit(4.0, 28, False, "central", older=True)
    assert older[-1] == pytest.approx((young[-1] + 4.0) / 2)
    assert young[-1] < older[-1] < 4.0
