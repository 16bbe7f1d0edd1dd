"""SPPB sub-scores and total.

Oracles: Guralnik 1994 (doi:10.1093/geronj/49.2.M85) balance rules; NIA SPPB score sheet tables as
given in the reference note §A5 (4 m: < 4.82 / 4.82-6.20 / 6.21-8.70 / > 8.70 s; 3 m: <= 3.62 /
3.63-4.65 / 4.66-6.52 / > 6.52 s; chair: <= 11.19 / 11.20-13.69 / 13.70-16.69 / 16.70-60 s);
EWGSOP2 <= 8 (doi:10.1093/ageing/afy169) and AWGS 2019 <= 9 (doi:10.1016/j.jamda.2019.12.012).
"""

import pytest

from myoscope.instruments import CANNOT_TELL
from myoscope.scores import get

SPPB = get("sppb")
FULL_BALANCE = {"side_by_side": 10, "semi_tandem": 10, "tandem": 10}


def sub(raw, part):
    return SPPB.score(raw).details["sub_scores"][part]


@pytest.mark.parametrize(
    "time, points",
    [
        (4.81, 4),
        (4.82, 3),
        (6.20, 3),
        (6.21, 2),
        (8.70, 2),
        (8.71, 1),
        (30, 1),
    ],
)
def test_gait_4m_table(time, points):
    assert sub({"gait_time": time}, "gait") == points


@pytest.mark.parametrize("time, points", [(3.62, 4), (3.63, 3), (4.65, 3), (4.66, 2), (6.52, 2), (6.53, 1)])
def test_gait_3m_table(time, points):
    assert sub({"gait_time": time, "gait_course": "3 m"}, "gait") == points


@pytest.mark.parametrize(
    "time, points",
    [
        (11.19, 4),
        (11.20, 3),
        (13.69, 3),
        (13.70, 2),
        (16.69, 2),
        (16.70, 1),
        (60.0, 1),
        (60.01, 0),
    ],
)
def test_chair_table(time, points):
    assert sub({"chair_time": time}, "chair") == points


@pytest.mark.parametrize(
    "stands, points",
    [
        ({"side_by_side": 9.9}, 0),
        ({"side_by_side": 10, "semi_tandem": 9.9}, 1),
        ({"side_by_side": 10, "semi_tandem": 10, "tandem": 2.99}, 2),
        ({"side_by_side": 10, "semi_tandem": 10, "tandem": 3.0}, 3),
        ({"side_by_side": 10, "semi_tandem": 10, "tandem": 9.99}, 3),
        ({"side_by_side": 10, "semi_tandem": 10, "tandem": 10}, 4),
        ({"side_by_side": 10}, None),
    ],
)
def test_balance_sequence(stands, points):
    assert sub(stands, "balance") == points


def test_unable_scores_zero_and_faster_walk_counts():
    raw = {**FULL_BALANCE, "gait_unable": True, "chair_unable": True}
    assert SPPB.score(raw).value == 4
    assert sub({"gait_time": 9.0, "gait_time_2": 4.5}, "gait") == 4


@pytest.mark.parametrize(
    "chair, total, ewgsop2, awgs",
    [
        (16.70, 9, False, True),  # 4 + 4 + 1
        (60.01, 8, True, True),  # 4 + 4 + 0
        (13.69, 11, False, False),
    ],
)
def test_total_against_definitions(chair, total, ewgsop2, awgs):
    score = SPPB.score({**FULL_BALANCE, "gait_time": 4.0, "chair_time": chair})
    assert score.value == total
    assert [c.met for c in score.criteria] == [ewgsop2, awgs]


def test_missing_part_cannot_tell_with_sub_scores():
    score = SPPB.score({**FULL_BALANCE, "gait_time": 4.0})
    assert score.category == CANNOT_TELL and score.details["sub_scores"]["balance"] == 4
    assert len(score.missing) == 1 and "chair" in score.missing[0]
