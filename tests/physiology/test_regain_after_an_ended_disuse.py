"""A disuse that ended before the projection date has been regaining since it ended.

Before, regain always began on the projection date: a 28-day knee brace that came off 1 day, 4 months or 10
months earlier showed the same "now -9.8 %" thigh, and training applied to the days already past made "now"
differ between scenarios (Mitchell et al. 2018: habitual activity regains, retraining adds to it from when it
starts)."""

from __future__ import annotations

import numpy as np
import pytest

from myoscope.physiology.regional import disuse_course


def _thigh(start: int, end: int, horizon: int = 28, retraining: bool = False, older: bool = False):
    return disuse_course("immobilisation", "thigh", "left", start, end, horizon, retraining=retraining, older=older)


@pytest.mark.parametrize("older", [False, True])
def test_today_is_the_regain_since_the_end(older):
    ended_today = _thigh(-28, 0, horizon=60, older=older)
    ended_30_days_ago = _thigh(-58, -30, older=older)
    for band in ("low", "middle", "high"):
        assert np.allclose(getattr(ended_30_days_ago, band), getattr(ended_today, band)[30 : 30 + 29])


def test_regain_since_the_end_is_not_redone_by_a_training_scenario():
    habitual, training = _thigh(-58, -30), _thigh(-58, -30, retraining=True)
    assert habitual.at(0) == training.at(0)
    assert training.middle[28] >= habitual.middle[28]


def test_ten_months_after_a_brace_little_is_left():
    assert _thigh(-328, -300).middle[0] > -0.5
    assert _thigh(-29, -1).middle[0] < -5.0
