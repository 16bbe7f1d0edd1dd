"""Nerve-pattern suggestions against the reference vectors of §6.5.

Oracle: ``reference/clinical/instruments_neuro.md`` §6.5 (compiled 2026-11-24), pattern rows
derived from the nerve-to-muscle map (MRC Memorandum 45, 1976) and the note's pattern rules
(foot drop with normal inversion -> common peroneal; weak inversion -> L5 above peroneal;
wrist and finger drop with triceps spared -> radial at the spiral groove; brachioradialis and
ECRL spared -> posterior interosseous).
"""

from __future__ import annotations

from myoscope.criteria._nerve_map import MOVEMENTS, TERRITORIES
from myoscope.instruments import CANNOT_TELL
from myoscope.instruments.mrc import SUM_SCORE_MOVEMENTS
from myoscope.scores import get


def ranking(score) -> list[str]:
    return [row["territory"] for row in score.details["ranking"]]


def test_foot_drop_with_normal_inversion_is_common_peroneal():
    score = get("nerve-pattern").score(
        {"ankle_dorsiflexion_left": 2, "ankle_eversion_left": 3, "ankle_inversion_left": 5, "hip_abduction_left": 5}
    )
    assert score.value == "common_peroneal_left" and score.category == "fits one nerve"
    assert "not a diagnosis" in score.interpretation
    # what would separate it from the sciatic nerve
    assert any("hamstrings" in m for m in score.missing)


def test_foot_drop_with_weak_inversion_ranks_l5_above_peroneal():
    score = get("nerve-pattern").score(
        {"ankle_dorsiflexion_left": 2, "ankle_eversion_left": 3, "ankle_inversion_left": 3, "hip_abduction_left": 5}
    )
    order = ranking(score)
    assert order.index("L5") < order.index("common_peroneal")


def test_wrist_and_finger_drop_with_triceps_spared_is_radial_at_spiral_groove():
    score = get("nerve-pattern").score(
        {
            "wrist_extension_right": 1,
            "finger_extension_right": 1,
            "elbow_flexion_midprone_right": 2,
            "elbow_extension_right": 5,
        }
    )
    assert score.value == "radial_spiral_groove_right"


def test_finger_drop_with_brachioradialis_and_ecrl_spared_is_posterior_interosseous():
    score = get("nerve-pattern").score(
        {
            "wrist_extension_right": 5,
            "finger_extension_right": 1,
            "elbow_flexion_midprone_right": 5,
            "elbow_extension_right": 5,
        }
    )
    assert score.value == "posterior_interosseous_right"


def test_weakness_on_both_sides_is_not_a_single_nerve_and_needs_evaluation():
    score = get("nerve-pattern").score({"thumb_abduction_left": 3, "thumb_abduction_right": 3})
    assert score.category == "not a single-nerve pattern" and score.value is None
    assert "needs neurological evaluation" in score.interpretation


def test_weakness_beyond_any_one_territory_is_not_a_single_nerve():
    score = get("nerve-pattern").score({"shoulder_abduction_left": 3, "ankle_dorsiflexion_left": 3})
    assert score.category == "not a single-nerve pattern"


def test_a_tie_asks_for_the_movements_that_separate_the_candidates():
    score = get("nerve-pattern").score({"thumb_abduction_left": 3})
    assert score.category == "several patterns fit equally"
    assert any("index fingertip" in m for m in score.missing)


def test_all_normal_is_no_weakness():
    score = get("nerve-pattern").score({"ankle_dorsiflexion_left": 5})
    assert score.category == "no weakness found" and score.positive is False


def test_nothing_tested_is_cannot_tell():
    assert get("nerve-pattern").score({}).category == CANNOT_TELL


def test_map_is_consistent_with_the_mrc_sum_movements():
    assert {m for m, _ in SUM_SCORE_MOVEMENTS} <= set(MOVEMENTS)
    assert all(t.movements <= set(MOVEMENTS) for t in TERRITORIES)
    assert len({t.key for t in TERRITORIES}) == len(TERRITORIES)
