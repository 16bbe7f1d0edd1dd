"""A value shown beside a cut-off is never rounded across it or onto it (rule in myoscope.precision)."""

from __future__ import annotations

import pytest

from myoscope.criteria import glim
from myoscope.instruments import calf_circumference, chair_stand, gait_speed, grip, must
from myoscope.instruments._cutoff import Cutoff
from myoscope.measures.body import BMI_CLASSES, bmi_class, bmi_text
from myoscope.precision import cutoff_number, cutoff_quantity, number_text

BMI_BOUNDS = tuple(bound for bound, _ in BMI_CLASSES if bound != float("inf"))
OFFSETS = (0.3, 0.05, 0.04, 0.01, 0.004, 0.001, 1e-4, 1e-6)


def _near(limit: float) -> list[float]:
    return [limit] + [limit - d for d in OFFSETS] + [limit + d for d in OFFSETS]


def _side(value: float, limit: float) -> int:
    return 0 if abs(value - limit) <= 1e-9 else (-1 if value < limit else 1)


@pytest.mark.parametrize("limit", BMI_BOUNDS)
def test_bmi_class_and_shown_number_agree_just_below_and_at_each_bound(limit: float) -> None:
    for value in _near(limit):
        text = bmi_text(value)
        number = float(text.split(" ")[0])
        assert bmi_class(number) == bmi_class(value), (value, text)
        assert text.endswith(f"({bmi_class(value)})")


def test_bmi_29_99_is_shown_as_29_99_overweight() -> None:
    assert bmi_text(29.99) == "29.99 kg/m² (overweight)"
    assert bmi_text(30.0) == "30 kg/m² (obese)"
    assert bmi_text(18.49) == "18.49 kg/m² (underweight)"
    assert bmi_text(24.96) == "24.96 kg/m² (normal range)"
    assert bmi_text(27.04) == "27 kg/m² (overweight)"  # far from a bound: the usual 0.1 step


def test_the_plain_display_step_would_cross_the_bound() -> None:
    """What the rule prevents: 29.99 at the 0.1 kg/m² step reads as 30, a number in the next class."""
    assert number_text(29.99, "kg/m²") == "30"
    assert cutoff_number(29.99, "kg/m²", BMI_BOUNDS) == "29.99"


def _cutoffs() -> list[Cutoff]:
    found = [*grip.CUTOFFS, *gait_speed.CUTOFFS, *calf_circumference.CUTOFFS, *chair_stand.CUTOFFS]
    return [c for c in found if isinstance(c, Cutoff)]


@pytest.mark.parametrize("cutoff", _cutoffs(), ids=lambda c: f"{c.definition}-{c.finding}")
def test_measurement_cutoffs_keep_their_side(cutoff: Cutoff) -> None:
    for sex, limit in (("male", cutoff.male), ("female", cutoff.female)):
        if limit is None:
            continue
        for value in _near(limit):
            shown = cutoff_number(value, cutoff.unit, (limit,))
            assert cutoff.met(float(shown), sex) == cutoff.met(value, sex), (cutoff.finding, sex, value, shown)
            assert _side(float(shown), limit) == _side(value, limit), (value, shown)


NUTRITION_BOUNDS = (
    (must.BMI_HIGH_RISK_BELOW, must.BMI_NO_RISK_ABOVE, must.OBESITY_ABOVE),
    tuple(b for pair in glim.LOW_BMI.values() for b in pair),
    tuple(b for pair in glim.SEVERE_BMI.values() if pair for b in pair),
)


@pytest.mark.parametrize("bounds", NUTRITION_BOUNDS, ids=("must", "glim-low", "glim-severe"))
def test_must_and_glim_bmi_points_do_not_change_with_the_shown_number(bounds: tuple[float, ...]) -> None:
    for limit in bounds:
        for value in _near(limit):
            shown = float(cutoff_number(value, "kg/m²", bounds))
            assert must.bmi_points(shown) == must.bmi_points(value), (value, shown)
            for age in (60.0, 75.0):
                for population in ("general", "asian"):
                    assert glim.bmi_stage(shown, age, population) == glim.bmi_stage(value, age, population)


def test_gait_speed_just_below_the_cutoff_keeps_its_digits() -> None:
    assert cutoff_quantity(0.7999, "m/s", (0.8,)) == "0.7999 m/s"
    assert cutoff_quantity(0.804, "m/s", (0.8,)) == "0.804 m/s"
    assert cutoff_quantity(0.8, "m/s", (0.8,)) == "0.8 m/s"
    assert cutoff_quantity(26.96, "kg", (27.0, 16.0)) == "26.96 kg"


def test_closer_than_the_finest_step_is_cut_toward_its_own_side() -> None:
    assert cutoff_number(29.9999999, "kg/m²", (30.0,)) == "29.9999"
    assert cutoff_number(20.0000000001, "kg/m²", (20.0,)) == "20"  # within floating-point noise: on the cut-off
    assert cutoff_number(20.00001, "kg/m²", (20.0,)) == "20.0001"


def test_no_cutoff_or_a_non_finite_value_uses_the_display_step() -> None:
    assert cutoff_number(29.99, "kg/m²", ()) == "30"
    assert cutoff_number(float("nan"), "kg/m²", (30.0,)) == "not a number"


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_assessment_shows_bmi_29_99_as_overweight_in_every_format(fmt: str, tmp_path) -> None:
    """97.17 kg at 180 cm is BMI 29.99: every format shows 29.99 beside 'overweight', never 30.0."""
    import json
    from pathlib import Path

    import yaml
    from typer.testing import CliRunner

    from myoscope.cli import app

    record = yaml.safe_load((Path(__file__).parents[2] / "examples" / "sedentary-office-worker.yaml").read_text())
    record["person"]["height"] = "180 cm"
    record["measurements"] = [m for m in record["measurements"] if m["kind"] != "body_weight"]
    record["measurements"].append({"kind": "body_weight", "value": "97.17 kg", "date": "2026-11-02"})
    path = tmp_path / "bmi.json"
    path.write_text(json.dumps(record, default=str))
    result = CliRunner().invoke(app, ["assess", str(path), "--format", fmt], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "29.99 kg/m² (overweight)" in result.output
    assert "30.0 kg/m²" not in result.output and "30 kg/m² (overweight)" not in result.output
