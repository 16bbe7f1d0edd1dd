"""The joined projection: the composition kernel, the protein cut, regional courses, scenarios, records."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import numpy as np
import pytest

from myoscope.errors import InputError
from myoscope.physiology import project_record
from myoscope.physiology.composition import simulate_composition
from myoscope.physiology.hall import simulate
from myoscope.physiology.protein import PROTEIN_CUT, lean_share_cut, protein_fraction
from myoscope.physiology.regional import disuse_course
from myoscope.physiology.scenarios import parse
from myoscope.record import load_record, parse_record

DATA = Path(__file__).parent / "data"
EXAMPLES = Path(__file__).parents[2] / "examples"
MAN = dict(sex="male", age_y=40, height_m=1.75, weight_kg=90, pal=1.5, ei_change_kcal=-500)


@pytest.mark.parametrize("variant", ["hall2011", "bw-1.0.0"])
def test_composition_without_cut_is_hall_exactly(variant):
    ours = simulate_composition(**MAN, variant=variant)
    hall = simulate(**MAN, variant=variant)
    assert not ours.modified
    for name in ("body_weight_kg", "fat_mass_kg", "lean_mass_kg", "ffm_kg"):
        assert np.array_equal(ours[name], hall[name])


def test_coupled_kernel_with_a_vanishing_cut_agrees_with_hall():
    """The modified kernel (coupled RK4, fat integrated) at r ~ 0 stays within 2e-4 of Hall's split scheme."""
    ours = simulate_composition(**MAN, lean_share_cut=1e-300, engine="numpy")
    hall = simulate(**MAN)
    assert ours.modified
    for name in ("body_weight_kg", "fat_mass_kg", "lean_mass_kg"):
        assert np.max(np.abs(ours[name] / hall[name] - 1)) < 2e-4


def test_numba_and_numpy_engines_agree():
    people = dict(
        sex=["male", "female", "female"],
        age_y=[30, 50, 70],
        height_m=[1.8, 1.6, 1.65],
        weight_kg=[95, 70, 80],
        ei_change_kcal=np.array([[-700.0], [-300.0], [200.0]]),
    )
    cut = [0.3, 0.9, 0.5]
    a = simulate_composition(**people, lean_share_cut=cut, engine="numba", days=200)
    b = simulate_composition(**people, lean_share_cut=cut, engine="numpy", days=200)
    for name in a.outputs:
        assert np.allclose(a[name], b[name], rtol=1e-12, atol=0)


def test_cut_spares_lean_tissue_and_conserves_energy_direction():
    base = simulate_composition(**MAN, lean_share_cut=0.0)
    full = simulate_composition(**MAN, lean_share_cut=1.0, engine="numpy")
    assert full["lean_mass_kg"][0, -1] == pytest.approx(base.baseline.lean_kg[0], abs=1e-9)
    assert full["fat_mass_kg"][0, -1] < base["fat_mass_kg"][0, -1]  # the energy now comes from fat
    gain = simulate_composition(**{**MAN, "ei_change_kcal": 400}, lean_share_cut=1.0, engine="numpy")
    plain = simulate_composition(**{**MAN, "ei_change_kcal": 400})
    assert gain["lean_mass_kg"][0, -1] == pytest.approx(plain["lean_mass_kg"][0, -1], rel=1e-3)  # gains untouched


@pytest.mark.parametrize("bad", [-0.1, 1.5, float("nan"), "x"])
def test_cut_out_of_range_is_refused(bad):
    with pytest.raises(InputError) as info:
        simulate_composition(**MAN, lean_share_cut=bad)
    assert info.value.problems[0].field == "lean_share_cut"


def test_protein_cut_is_bounded_and_rises_with_intake():
    assert protein_fraction([0.5, 0.8, 1.1, 1.4, 3.0]).tolist() == pytest.approx([0, 0, 0.5, 1, 1])
    assert lean_share_cut(None, False).as_tuple() == (0.0, 0.0, 0.0)
    assert lean_share_cut(2.0, False).as_tuple() == PROTEIN_CUT
    both = lean_share_cut(2.0, True)
    assert both.low >= lean_share_cut(0.5, True).low and both.high <= 1.0


def test_disuse_course_regains_after_the_end_and_keeps_missing_data_missing():
    course = disuse_course("immobilisation", "thigh", "left", 0, 14, 84)
    assert course.high[0] == 0 and course.low[14] < course.low[84] <= 0
    sling = disuse_course("immobilisation", "arm", "left", 0, 14, 30)
    assert not sling.known and np.isnan(sling.middle[7])


def test_bed_rest_older_projection_has_thigh_and_calf_bands():
    p = project_record(load_record(DATA / "bed-rest-older.yaml"), scenarios=("current", "resistance_training"))
    current = p.scenario("current")
    regions = {(c.region, c.side) for c in current.regional if c.cause == "bed_rest"}
    assert regions == {("thigh", "left"), ("thigh", "right"), ("calf", "left"), ("calf", "right")}
    thigh = next(c for c in current.regional if c.region == "thigh")
    assert thigh.low[0] < thigh.high[0] < 0  # measured the day bed rest ended: loss now, as a band
    trained = next(c for c in p.scenario("resistance_training").regional if c.region == "thigh")
    assert trained.middle[-1] > thigh.middle[-1]  # retraining regains faster
    assert current.whole_body["ffm_kg"].low[-1] <= current.whole_body["ffm_kg"].high[-1]


def test_cast_removed_scenario_ends_an_ongoing_brace_on_the_date():
    record = load_record(DATA / "cast-ongoing.yaml")
    on = dt.date(2026, 10, 27)
    p = project_record(record, on, scenarios=("current", "cast_removed:2026-11-10"), horizon_weeks=8)
    kept = next(c for c in p.scenario("current").regional if c.region == "thigh")
    removed = next(c for c in p.scenario("cast_removed").regional if c.region == "thigh")
    day = (dt.date(2026, 11, 10) - on).days
    assert kept.middle[day] == pytest.approx(removed.middle[day])
    assert removed.middle[-1] > kept.middle[day]
    assert not next(c for c in p.scenario("current").regional if c.region == "calf").known  # no cast data for calf


def test_cast_removed_later_than_planned_keeps_the_brace_on_until_that_date():
    """A brace planned to come off on 6 October, kept on until 20 October: the scenario was labelled so but
    projected the planned date."""
    record = parse_record(
        {
            "schema_version": 1,
            "person": {"id": "later", "sex": "male", "birth_date": "1990-04-12", "height": "180 cm"},
            "episodes": [
                {
                    "kind": "immobilisation",
                    "limb": "thigh",
                    "side": "right",
                    "start": "2026-09-08",
                    "end": "2026-10-06",
                    "device": "brace",
                }
            ],
            "measurements": [{"kind": "body_weight", "value": "80 kg", "date": "2026-09-22"}],
        }
    )
    on = dt.date(2026, 9, 22)
    p = project_record(record, on, scenarios=("current", "cast_removed:2026-10-20"), horizon_weeks=12)
    planned = next(c for c in p.scenario("current").regional if c.region == "thigh")
    later = next(c for c in p.scenario("cast_removed").regional if c.region == "thigh")
    day = (dt.date(2026, 10, 20) - on).days
    assert later.middle[day] < planned.middle[day]  # still losing while the brace stays on
    assert later.middle[-1] < planned.middle[-1]


@pytest.mark.parametrize(
    ("path", "removal", "message", "accepted"),
    [
        (  # the cast came off on 2026-09-21: a later 'removal' changed nothing, yet was shown as a scenario
            EXAMPLES / "forearm-cast.yaml",
            "2026-10-15",
            "has no immobilisation to end",
            "a record with an immobilisation still running on 2026-09-22",
        ),
        (  # before the projection starts: it erased the disuse on record ('now 0.0 %')
            DATA / "cast-ongoing.yaml",
            "2026-10-01",
            "is outside the projection",
            "a date from 2026-10-25 to 2026-12-20 (the projection)",
        ),
        (DATA / "cast-ongoing.yaml", "2099-01-01", "is outside the projection", None),
    ],
)
def test_a_removal_date_that_ends_nothing_is_refused(path, removal, message, accepted):
    record = load_record(path)
    with pytest.raises(InputError) as info:
        project_record(record, None, scenarios=("current", f"cast_removed:{removal}"), horizon_weeks=8)
    (problem,) = info.value.problems
    assert (problem.field, problem.value, problem.message) == ("--scenario", f"cast_removed:{removal}", message)
    assert accepted is None or problem.accepted == accepted


def test_a_scenario_the_model_cannot_project_leaves_the_others_shown():
    """At 525 kcal/day Hall's model projects the current course, but not the same intake with training (the lean
    share it keeps leaves the physical range): that one scenario is marked, the others shown. Before, the whole
    command failed with a model failure."""
    record = parse_record(
        {
            "schema_version": 1,
            "person": {"id": "low", "sex": "male", "birth_date": "1969-12-01", "height": "178 cm"},
            "measurements": [
                {"kind": "body_weight", "value": "72 kg", "date": "2026-07-01"},
                {"kind": "body_weight", "value": "63 kg", "date": "2026-10-28"},
            ],
            "diet_days": [
                {"date": "2026-10-25", "energy": "600 kcal", "protein": "15 g"},
                {"date": "2026-10-26", "energy": "450 kcal", "protein": "10 g"},
            ],
        }
    )
    p = project_record(record, scenarios=("current", "resistance_training"))
    assert p.scenario("current").whole_body is not None
    assert p.scenario("resistance_training").whole_body is None
    assert any(n.startswith("resistance training at least twice a week: whole body not projected") for n in p.notes)


def test_nerve_injury_without_weight_gives_regional_only():
    p = project_record(load_record(DATA / "nerve-no-weight.yaml"), scenarios=("current",))
    assert "body weight" in p.missing and p.scenario("current").whole_body is None
    (course,) = p.scenario("current").regional
    assert (course.region, course.cause, course.recovers) == ("forearm", "denervation", False)


def test_low_calorie_example_shows_regional_muscle_and_added_protein_spares_lean():
    p = project_record(load_record(EXAMPLES / "low-calorie-900.yaml"), scenarios=("current", "added_protein"))
    current, protein = p.scenario("current"), p.scenario("added_protein")
    assert {c.region for c in current.regional} == {"thigh", "calf", "arm", "forearm"}
    assert protein.whole_body["ffm_kg"].high[-1] > current.whole_body["ffm_kg"].high[-1]


def test_lean_sparing_intake_is_never_below_the_current_intake():
    p = project_record(load_record(EXAMPLES / "forearm-cast.yaml"), scenarios=("current", "lean_sparing"))
    assert p.scenario("lean_sparing").intake_kcal >= p.scenario("current").intake_kcal


@pytest.mark.parametrize("text", ["sideways", "cast_removed", "cast_removed:2026-13-40"])
def test_unknown_scenarios_are_refused(text):
    with pytest.raises(InputError) as info:
        parse(text)
    assert info.value.problems[0].field == "--scenario"


@pytest.mark.parametrize("text", ["current:foo", "added_protein:2026-01-01", "resistance-training:3"])
def test_an_argument_to_a_scenario_that_takes_none_is_refused_not_dropped(text):
    with pytest.raises(InputError) as info:
        parse(text)
    (problem,) = info.value.problems
    assert (problem.field, problem.value, problem.message) == ("--scenario", text, "takes no argument")


def test_a_scenario_named_twice_is_compared_once():
    record = load_record(EXAMPLES / "forearm-cast.yaml")
    p = project_record(record, None, scenarios=("current", "current", "added_protein"), horizon_weeks=4)
    assert [r.scenario.name for r in p.scenarios] == ["current", "added_protein"]


def test_horizon_out_of_range_is_refused():
    with pytest.raises(InputError):
        project_record(load_record(DATA / "bed-rest-older.yaml"), horizon_weeks=0)


def test_physiology_public_api_is_small_and_pinned():
    import myoscope.physiology

    assert myoscope.physiology.__all__ == ["Band", "NumericalFailure", "Projection", "ScenarioResult", "project_record"]
    assert callable(myoscope.physiology.project_record)
    with pytest.raises(AttributeError):
        myoscope.physiology.no_such_name  # noqa: B018


def test_projection_document_never_holds_nan():
    import json

    from myoscope.report.simulation import projection_document

    p = project_record(load_record(DATA / "cast-ongoing.yaml"), scenarios=("current",))
    text = json.dumps(projection_document(p), allow_nan=False)
    assert "NaN" not in text and math.isfinite(len(text))


def test_no_region_grows_from_an_energy_surplus_without_training():
    """A surplus at the assumed activity level added +3.7 kg of fat-free mass and drew every region +10 % in 12
    weeks without any training."""
    record = parse_record(
        {
            "schema_version": 1,
            "person": {"id": "surplus", "sex": "female", "birth_date": "1980-05-01", "height": "165 cm"},
            "measurements": [{"kind": "body_weight", "value": "60 kg", "date": "2026-11-02"}],
            "diet_days": [{"date": f"2026-10-{d}", "energy": "2650 kcal", "protein": "80 g"} for d in (29, 30, 31)],
        }
    )
    p = project_record(record, None, scenarios=("current", "resistance_training"), horizon_weeks=12)
    assert p.scenario("current").whole_body["ffm_kg"].middle[-1] > p.scenario("current").whole_body["ffm_kg"].middle[0]
    for course in p.scenario("current").regional:
        assert float(np.nanmax(course.high)) <= 0.0, course.region
    assert any(float(c.middle[-1]) > 0 for c in p.scenario("resistance_training").regional)
