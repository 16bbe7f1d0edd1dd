"""Chair stand, gait speed, Timed Up and Go and 400 m walk against each definition's cut-off.

Oracles: EWGSOP2 (Cruz-Jentoft 2019, doi:10.1093/ageing/afy169): chair > 15 s, gait <= 0.8 m/s,
TUG >= 20 s, 400 m not completed or >= 6 min (unverified); AWGS 2019 (Chen 2020,
doi:10.1016/j.jamda.2019.12.012): chair >= 12 s, gait < 1.0 m/s; FNIH (Studenski 2014,
doi:10.1093/gerona/glu010): gait < 0.8 m/s.
"""

import pytest

from myoscope.errors import InputError
from myoscope.instruments import CANNOT_TELL
from myoscope.scores import get

CHAIR, GAIT, TUG, WALK = get("chair-stand"), get("gait-speed"), get("tug"), get("walk-400m")


@pytest.mark.parametrize(
    "time, ewgsop2, awgs",
    [
        (11.99, False, False),
        (12.0, False, True),
        (15.0, False, True),
        (15.01, True, True),
    ],
)
def test_chair_stand_edges(time, ewgsop2, awgs):
    assert [c.met for c in CHAIR.score({"time": time}).criteria] == [ewgsop2, awgs]


def test_chair_stand_unable_is_slow_and_missing_is_cannot_tell():
    """A timed test's finding reads 'slow', not 'low' ('Timed Up and Go: low 28 s' read oddly for a time)."""
    unable = CHAIR.score({"unable": True})
    assert unable.category == "slow" and all(c.met for c in unable.criteria)
    assert CHAIR.score({}).category == CANNOT_TELL


@pytest.mark.parametrize(
    "speed, ewgsop2, awgs, fnih",
    [
        (0.79, True, True, True),
        (0.80, True, True, False),
        (0.81, False, True, False),
        (0.99, False, True, False),
        (1.0, False, False, False),
    ],
)
def test_gait_speed_edges(speed, ewgsop2, awgs, fnih):
    assert [c.met for c in GAIT.score({"speed": speed}).criteria] == [ewgsop2, awgs, fnih]


def test_gait_speed_from_faster_trial_and_course_notes():
    score = GAIT.score({"time": 6.0, "time_2": "5 s", "distance": "4 m", "start": "static"})
    assert score.value == 0.8 and score.details["trials"] == [6.0, 5.0]
    assert score.details["course_notes"] == ["AWGS 2019 set its cut-off for a 6 m course"]
    # 6 m in 7.5 s = 0.8 m/s exactly (no floating-point drift at the EWGSOP2 edge)
    assert GAIT.score({"time": 7.5, "distance": 6}).criteria[0].met is True


def test_gait_speed_needs_course_and_refuses_double_entry():
    assert GAIT.score({"time": 5}).missing == ("course length (m) of the timed walk",)
    with pytest.raises(InputError) as err:
        GAIT.score({"speed": 1.0, "time": 5, "distance": 4})
    assert err.value.problems[0].field == "speed"


@pytest.mark.parametrize("time, category", [(19.99, "not slow"), (20.0, "slow"), (25, "slow")])
def test_tug_edge(time, category):
    assert TUG.score({"time": time}).category == category


@pytest.mark.parametrize(
    "raw, category",
    [
        ({"time": 359}, "not slow"),
        ({"time": "6 min"}, "slow"),
        ({"completed": False}, "slow"),
        ({}, CANNOT_TELL),
    ],
)
def test_walk_400m_edge(raw, category):
    score = WALK.score(raw)
    assert score.category == category
    assert score.details["unverified"]
