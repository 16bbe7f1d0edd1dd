"""MRC grades and the MRC sum score against the reference vectors of §6.5.

Oracle: ``reference/clinical/instruments_neuro.md`` §6.5 (compiled 2026-11-24), derived from
Kleyweg 1991 (six movements, both sides, 0-60) and the ICU-acquired weakness cut-off < 48 (De
Jonghe 2002; Connolly 2013); the severe-weakness cut-off < 36 is Hermans 2012 (abstract read).
"""

from __future__ import annotations

import pytest

from myoscope.errors import InputError
from myoscope.instruments import CANNOT_TELL
from myoscope.instruments.mrc import SUM_SCORE_MOVEMENTS
from myoscope.scores import get

FIELDS = [f"{m}_{s}" for m, _ in SUM_SCORE_MOVEMENTS for s in ("left", "right")]


def grades(total: int) -> dict:
    """Twelve grades summing to ``total`` (as even as possible)."""
    base, extra = divmod(total, 12)
    return {f: base + (1 if i < extra else 0) for i, f in enumerate(FIELDS)}


@pytest.mark.parametrize(
    "inputs, value, category",
    [
        ({f: 5 for f in FIELDS}, 60, "no significant weakness"),
        ({f: 4 for f in FIELDS}, 48, "no significant weakness"),
        (grades(47), 47, "significant weakness"),
    ],
)
def test_mrc_sum_against_reference_vectors(inputs, value, category):
    score = get("mrc-sum").score(inputs)
    assert (score.value, score.category) == (value, category)


# Boundaries: < 48 significant weakness (De Jonghe 2002), < 36 severe weakness (Hermans 2012).
@pytest.mark.parametrize(
    "total, category",
    [
        (49, "no significant weakness"),
        (48, "no significant weakness"),
        (47, "significant weakness"),
        (37, "significant weakness"),
        (36, "significant weakness"),
        (35, "severe weakness"),
    ],
)
def test_mrc_sum_boundaries(total, category):
    assert get("mrc-sum").score(grades(total)).category == category


def test_mrc_plus_minus_subgrades_sum_as_4():
    inputs = {f: 5 for f in FIELDS} | {"knee_extension_left": "4+", "hip_flexion_right": "4-"}
    assert get("mrc-sum").score(inputs).value == 58


def test_one_untestable_muscle_is_cannot_tell_naming_it():
    inputs = {f: 5 for f in FIELDS}
    del inputs["ankle_dorsiflexion_right"]
    score = get("mrc-sum").score(inputs)
    assert score.category == CANNOT_TELL and score.value is None
    assert score.missing == ("MRC grade of ankle dorsiflexion right",)


@pytest.mark.parametrize("bad", [6, "3+", "4++", "five"])
def test_refuses_what_is_not_an_mrc_grade(bad):
    with pytest.raises(InputError) as exc:
        get("mrc-sum").score({"wrist_extension_left": bad})
    assert exc.value.problems[0].field == "wrist_extension_left"


def test_details_split_by_side_and_limb():
    score = get("mrc-sum").score({f: (4 if f.endswith("left") else 5) for f in FIELDS})
    assert score.details["by_side"] == {"left": 24, "right": 30}
    assert score.details["upper_limbs"] == 27 and score.details["lower_limbs"] == 27
