"""The calorie-deficit cause reads every projected number from one run of the projection.

The 900 kcal example once showed -3.4 kg "lean tissue" in its evidence and -4.7 kg on the fat-free-mass
chart with nothing to say they measure different things, and ran the model at the current intake twice.
"""

import re
from pathlib import Path
from unittest import mock

import pytest

from myoscope.causes import assess
from myoscope.physiology import project_record
from myoscope.record import load_record

EXAMPLE = Path(__file__).parents[2] / "examples" / "low-calorie-900.yaml"


@pytest.fixture(scope="module")
def cause():
    record = load_record(EXAMPLE)
    return next(c for c in assess(record).causes if c.cause == "calorie_deficit")


def _numbers(cause):
    row = next(e for e in cause.evidence if e.finding.startswith("projection at the current intake"))
    fat, lean, ffm, weight = (float(v) for v in re.findall(r"([+-]\d+\.\d) kg", row.value))
    return fat, lean, ffm, weight


def test_evidence_names_lean_tissue_and_fat_free_mass_and_they_add_up(cause):
    fat, lean, ffm, weight = _numbers(cause)
    assert "lean tissue" in next(e.value for e in cause.evidence if e.finding.startswith("projection"))
    assert ffm < lean < 0  # fat-free mass also loses glycogen and its water
    assert fat + ffm == pytest.approx(weight, abs=0.15)


def test_charts_show_the_numbers_of_the_evidence(cause):
    fat, lean, ffm, _ = _numbers(cause)
    charts = {c.key: c for c in cause.charts}
    hall = {s.label: s for s in charts["hall-projection"].series}
    assert hall["lean tissue"].y[-1] - hall["lean tissue"].y[0] == pytest.approx(lean, abs=0.05)
    assert hall["fat mass"].y[-1] - hall["fat mass"].y[0] == pytest.approx(fat, abs=0.05)
    current = charts["ffm-scenarios"].series[0]
    assert current.y[-1] - current.y[0] == pytest.approx(ffm, abs=0.05)


def test_the_projection_runs_once_per_assessment():
    import myoscope.physiology as physiology

    record = load_record(EXAMPLE)
    with mock.patch.object(physiology, "project_record", wraps=project_record) as spy:
        assess(record)
    assert spy.call_count == 1
