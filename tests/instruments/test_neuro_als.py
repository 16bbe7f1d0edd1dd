"""ALSFRS-R, ΔFS, King's and MiToS against the reference vectors T-ALS-1..9.

Oracle: ``reference/clinical/instruments_neuro.md`` §6.1 (compiled 2026-11-24). T-ALS-1's total
35 is printed by the public gab-keller/ALSFRS calculator; the other rows were derived by hand
from Cedarbaum 1999 (sum), Kimura 2006 / Labra 2016 (ΔFS and its bands), Balendra 2014
(King's estimation) and Chiò 2015 Table 1 (MiToS). Boundary rows name the cut-off's source.
"""

from __future__ import annotations

import pytest

from myoscope.errors import InputError
from myoscope.instruments import CANNOT_TELL
from myoscope.instruments._alsfrs import ITEMS
from myoscope.scores import get

FIELDS = [item.field for item in ITEMS]


def items(*scores: int, gastrostomy: bool = False) -> dict:
    return {**dict(zip(FIELDS, scores, strict=True)), "gastrostomy": gastrostomy}


def all4(gastrostomy: bool = False, **override: int) -> dict:
    return {**items(*[4] * 12, gastrostomy=gastrostomy), **override}


T_ALS_1 = items(4, 3, 3, 2, 2, 3, 3, 2, 1, 4, 4, 4)


def test_t_als_1_total_and_domains_against_gab_keller_calculator():
    score = get("alsfrs-r").score(T_ALS_1)
    assert score.value == 35
    assert score.details["subscores"] == {"bulbar": 10, "fine_motor": 7, "gross_motor": 6, "respiratory": 12}
    assert score.details["item5_form"] == "5a"


@pytest.mark.parametrize(
    "vector, inputs, kings, mitos",
    [
        ("T-ALS-1", T_ALS_1, "stage 3", "stage 0"),
        ("T-ALS-2", all4(), "not staged: no region involved on ALSFRS-R", "stage 0"),
        ("T-ALS-3", all4(gastrostomy=True, speech=3, swallowing=1, walking=3, cutting_food=3), "stage 4A", "stage 1"),
        ("T-ALS-4", all4(respiratory_insufficiency=3), "stage 4B", "stage 0"),
        ("T-ALS-5", all4(speech=1), "stage 1", "stage 0"),
        ("T-ALS-6", all4(dyspnoea=0), "stage 4B", "stage 1"),
    ],
)
def test_staging_against_reference_note_vectors(vector, inputs, kings, mitos):
    assert get("kings").score(inputs).category == kings, vector
    assert get("mitos").score(inputs).category == mitos, vector


def test_t_als_2_total_48_is_normal_and_kings_not_staged():
    assert get("alsfrs-r").score(all4()).value == 48
    kings = get("kings").score(all4())
    assert kings.value is None and kings.details["unverified"]


def test_t_als_3_structured_substage_and_mitos_swallowing():
    inputs = all4(gastrostomy=True, speech=3, swallowing=1, walking=3, cutting_food=3)
    kings = get("kings").score(inputs)
    assert kings.value == 4 and kings.details["substage"] == {"A": True, "B": False}
    assert get("mitos").score(inputs).details["domains_lost"]["swallowing"] is True


def test_kings_both_4a_and_4b_reports_both_substages():
    kings = get("kings").score(all4(gastrostomy=True, respiratory_insufficiency=2))
    assert kings.category == "stage 4B" and kings.details["substage"] == {"A": True, "B": True}


def test_t_als_5_mitos_communication_needs_speech_and_handwriting():
    # Chiò 2015 Table 1: communication is lost only when item 1 AND item 4 are <= 1.
    assert get("mitos").score(all4(speech=1)).value == 0
    assert get("mitos").score(all4(speech=1, handwriting=1)).value == 1


# Boundaries, Chiò 2015 Table 1: domain lost at item <= 1 (items 1,3,4,6,8,10), item 12 <= 2.
@pytest.mark.parametrize(
    "field, score, lost",
    [
        ("swallowing", 2, 0),
        ("swallowing", 1, 1),
        ("swallowing", 0, 1),
        ("walking", 2, 0),
        ("walking", 1, 1),
        ("dressing_hygiene", 2, 0),
        ("dressing_hygiene", 1, 1),
        ("dyspnoea", 2, 0),
        ("dyspnoea", 1, 1),
        ("respiratory_insufficiency", 3, 0),
        ("respiratory_insufficiency", 2, 1),
        ("respiratory_insufficiency", 1, 1),
    ],
)
def test_mitos_boundaries_chio2015(field, score, lost):
    assert get("mitos").score(all4(**{field: score})).value == lost


# Boundaries, Balendra 2014: 4B at item 10 == 0 or item 12 < 4.
@pytest.mark.parametrize(
    "override, category",
    [
        ({"dyspnoea": 1}, "not staged: no region involved on ALSFRS-R"),
        ({"dyspnoea": 0}, "stage 4B"),
        ({"respiratory_insufficiency": 4}, "not staged: no region involved on ALSFRS-R"),
        ({"respiratory_insufficiency": 3}, "stage 4B"),
        ({"salivation": 3}, "stage 1"),
        ({"handwriting": 3, "walking": 3}, "stage 2"),
    ],
)
def test_kings_boundaries_balendra2014(override, category):
    assert get("kings").score(all4(**override)).category == category


@pytest.mark.parametrize(
    "total, months, value, labra, rounded",
    [
        (40, 16.0, 0.5, "intermediate", "intermediate"),  # T-ALS-7
        (45, 10, 0.3, "slow", "slow"),  # T-ALS-8
        (36, 10, 1.2, "fast", "fast"),  # T-ALS-9
    ],
)
def test_delta_fs_against_reference_vectors_t_als_7_to_9(total, months, value, labra, rounded):
    progression = get("als-progression")
    score = progression.score({"alsfrs_r_total": total, "months_since_onset": months})
    assert score.value == pytest.approx(value) and score.category == labra
    assert (
        progression.score({"alsfrs_r_total": total, "months_since_onset": months, "scheme": "rounded"}).category
        == rounded
    )


# Boundaries: Labra 2016 (0.47 / 1.11) and the rounded scheme (0.5 / 1.0); slow < low, fast > high.
@pytest.mark.parametrize(
    "scheme, rate, category",
    [
        ("labra2016", 0.46, "slow"),
        ("labra2016", 0.47, "intermediate"),
        ("labra2016", 0.48, "intermediate"),
        ("labra2016", 1.10, "intermediate"),
        ("labra2016", 1.11, "intermediate"),
        ("labra2016", 1.12, "fast"),
        ("rounded", 0.49, "slow"),
        ("rounded", 0.5, "intermediate"),
        ("rounded", 0.51, "intermediate"),
        ("rounded", 0.99, "intermediate"),
        ("rounded", 1.0, "intermediate"),
        ("rounded", 1.01, "fast"),
    ],
)
def test_delta_fs_boundaries(scheme, rate, category):
    # 48 - total = 1 point; months chosen so that ΔFS equals ``rate`` exactly.
    score = get("als-progression").score({"alsfrs_r_total": 47, "months_since_onset": 1 / rate, "scheme": scheme})
    assert score.category == category
    assert ("unverified" in score.details) == (scheme == "rounded")


def test_delta_fs_from_dates_uses_julian_months():
    score = get("als-progression").score(
        {"alsfrs_r_total": 40, "symptom_onset": "2024-01-01", "assessment_date": "2025-05-01"}
    )
    assert score.details["months_since_onset"] == pytest.approx(486 / 30.4375, abs=1e-3)


def test_delta_fs_refuses_zero_months_and_mixed_durations():
    with pytest.raises(InputError):
        get("als-progression").score({"alsfrs_r_total": 40, "months_since_onset": 0})
    with pytest.raises(InputError):
        get("als-progression").score(
            {
                "alsfrs_r_total": 40,
                "months_since_onset": 3,
                "symptom_onset": "2024-01-01",
                "assessment_date": "2024-04-01",
            }
        )


def test_partial_alsfrs_r_is_cannot_tell_naming_the_items_never_zero():
    partial = {k: v for k, v in T_ALS_1.items() if k not in ("walking", "orthopnoea")}
    score = get("alsfrs-r").score(partial)
    assert score.category == CANNOT_TELL and score.value is None
    assert score.missing == (
        "ALSFRS-R item 8 (walking), rated 0-4",
        "ALSFRS-R item 11 (breathlessness lying down), rated 0-4",
    )


def test_kings_needs_the_item_5_form():
    inputs = dict(all4(salivation=3))
    del inputs["gastrostomy"]
    score = get("kings").score(inputs)
    assert score.category == CANNOT_TELL
    assert any("gastrostomy" in m for m in score.missing)


def test_item_above_4_is_refused():
    with pytest.raises(InputError) as exc:
        get("alsfrs-r").score(all4(speech=5))
    assert exc.value.problems[0].field == "speech"
