"""PDDS and MSWS-12 against the reference vectors of §6.4.

Oracle: ``reference/clinical/instruments_neuro.md`` §6.4 (compiled 2026-11-24): MSWS-12 v1
values derived from Hobart 2003's transformation (sum − 12) / 48 × 100; the v2 value 34 -> 52.38
is a worked example printed on the rehabknowledge forum (scheme a, raw maximum 54, UNVERIFIED);
PDDS 4 -> "early cane", group "moderate" from the NINDS CDE grouping (0-2 / 3-5 / 6-8).
"""

from __future__ import annotations

import pytest

from myoscope.errors import InputError
from myoscope.instruments import CANNOT_TELL
from myoscope.instruments.msws12 import ITEMS
from myoscope.scores import get

NAMES = [name for name, _ in ITEMS]


def msws(*answers: int, **extra) -> dict:
    return {**dict(zip(NAMES, answers, strict=False)), **extra}  # fewer answers make a partial form


@pytest.mark.parametrize(
    "answers, value",
    [
        ([1] * 12, 0.0),
        ([5] * 12, 100.0),
        ([3] * 12, 50.0),
        ([2] * 6 + [3] * 6, 37.5),
    ],
)
def test_msws12_v1_against_reference_vectors(answers, value):
    score = get("msws-12").score(msws(*answers))
    assert score.value == pytest.approx(value)
    assert score.details["raw"] == sum(answers)


def test_msws12_v2_against_rehabknowledge_worked_example():
    score = get("msws-12").score({"raw_total": 34, "version": "v2"})
    assert score.value == pytest.approx(52.38)
    assert score.details["unverified"]


# Boundary of the "no limitation" description: raw 12 (all "not at all") vs 13 (Hobart 2003 scale minimum).
@pytest.mark.parametrize(
    "answers, category",
    [
        ([1] * 12, "no walking limitation reported"),
        ([1] * 11 + [2], "walking limited"),
    ],
)
def test_msws12_minimum_boundary(answers, category):
    assert get("msws-12").score(msws(*answers)).category == category


def test_msws12_partial_is_cannot_tell_never_zero():
    score = get("msws-12").score(msws(1, 1, 1))
    assert score.category == CANNOT_TELL and score.value is None
    assert len(score.missing) == 9 and "item 4" in score.missing[0]


def test_msws12_cannot_walk_is_not_imputed_as_100():
    score = get("msws-12").score({"cannot_walk": True})
    assert score.category == CANNOT_TELL and score.details["cannot_walk"] is True


@pytest.mark.parametrize(
    "bad",
    [
        {"walk": 6},
        {"walk": 0},
        {"raw_total": 61},
        {"raw_total": 55, "version": "v2"},
        {**{n: 1 for n in NAMES}, "raw_total": 13},
    ],
)
def test_msws12_refuses_impossible_answers(bad):
    with pytest.raises(InputError):
        get("msws-12").score(bad)


def test_pdds_4_is_early_cane_in_the_moderate_group_ninds_cde():
    score = get("pdds").score({"pdds": 4})
    assert (score.value, score.category, score.details["group"]) == (4, "early cane", "moderate")


# Boundaries of the NINDS CDE groups (0-2 mild, 3-5 moderate, 6-8 severe).
@pytest.mark.parametrize(
    "level, group", [(0, "mild"), (2, "mild"), (3, "moderate"), (5, "moderate"), (6, "severe"), (8, "severe")]
)
def test_pdds_group_boundaries_ninds_cde(level, group):
    assert get("pdds").score({"pdds": level}).details["group"] == group


def test_pdds_refuses_9():
    with pytest.raises(InputError):
        get("pdds").score({"pdds": 9})
