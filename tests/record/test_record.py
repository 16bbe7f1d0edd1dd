"""The record: loading, canonical units, and one clear problem per fault."""

import datetime as dt
import json

import pytest

from myoscope.errors import InputError
from myoscope.record import dump_record, load_record, parse_record

BASE = {"person": {"id": "p1", "sex": "female", "birth_date": "1961-04-12", "height": "164 cm"}}


def record(**sections):
    return parse_record({**BASE, **sections})


def problems(data):
    with pytest.raises(InputError) as exc:
        parse_record(data)
    return [str(p) for p in exc.value.problems]


def test_units_are_canonical_inside():
    r = record(
        measurements=[
            {"kind": "body_weight", "value": "134 lb", "date": "2026-10-01"},
            {"kind": "calf_circumference", "side": "left", "value": {"value": 31, "unit": "cm"}, "date": "2026-10-01"},
            {"kind": "grip_strength", "side": "left", "trials": ["14 kg", "15 kg", "15.5 kg"], "date": "2026-09-22"},
        ]
    )
    weight = r.series("body_weight")[0]
    assert weight.value == pytest.approx(134 * 0.45359237)
    assert r.series("grip_strength")[0].best == 15.5
    assert r.person.height == 164.0


def test_gait_time_over_a_course_becomes_a_speed():
    r = record(measurements=[{"kind": "gait_speed", "value": "5 s", "distance": "4 m", "date": "2026-10-01"}])
    assert r.series("gait_speed")[0].value == pytest.approx(0.8)


def test_wrong_unit_impossible_value_and_missing_field_each_named():
    found = problems(
        {
            "person": {"sex": "female"},
            "measurements": [
                {"kind": "body_weight", "value": "72 kgg", "date": "2026-10-01"},
                {"kind": "calf_circumference", "side": "left", "value": "600 cm", "date": "2026-10-01"},
            ],
        }
    )
    assert found == [
        "person.id: is required",
        "measurements[0].value: unknown unit 'kgg'; expected a mass, e.g. 72 kg or 158 lb (got '72 kgg')",
        "measurements[1].value: 600 cm is outside the accepted range (got '600 cm'); "
        "accepted: 15 to 70 cm for a calf circumference",
    ]


def test_more_protein_energy_than_the_days_energy_is_refused_fao2003():
    """300 g of protein is 1200 kcal (4 kcal/g, the Atwater factor): it cannot be eaten on an 800 kcal day.
    Before, the day validated and its protein was averaged into the intake."""
    found = problems(
        {
            "person": {"id": "p"},
            "diet_days": [
                {"date": "2026-10-01", "energy": "800 kcal", "protein": "300 g"},
                {"date": "2026-10-02", "energy": "800 kcal", "protein": "200 g"},  # exactly 800 kcal: possible
            ],
        }
    )
    assert found == [
        "diet_days[0].protein: 300 g gives 1200 kcal, more than the day's energy (800 kcal) (got '300 g'); "
        "accepted: at most 200 g of protein with 800 kcal (4 kcal per g of protein)"
    ]


def test_future_date_is_refused():
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    found = problems({**BASE, "measurements": [{"kind": "body_weight", "value": 70, "date": tomorrow}]})
    assert found == [
        f"measurements[0].date: {tomorrow} is in the future (got '{tomorrow}'); "
        f"accepted: a date up to {dt.date.today().isoformat()}"
    ]


def test_wrong_type_and_unknown_field():
    found = problems(
        {**BASE, "measurements": [{"kind": "body_weight", "value": [1, 2], "date": "2026-01-01", "colour": "red"}]}
    )
    assert found == [
        "measurements[0].value: expected a mass, e.g. 72 kg or 158 lb (got [1, 2])",
        "measurements[0].colour: is not a known field (got 'red')",
    ]


def test_limb_girth_needs_a_side():
    found = problems({**BASE, "measurements": [{"kind": "calf_circumference", "value": "33 cm", "date": "2026-01-01"}]})
    assert found == ["measurements[0]: a calf circumference needs the side (left or right)"]


def test_activity_entries_of_three_kinds():
    r = record(
        activity=[
            {"week_of": "2026-09-14", "moderate_minutes": 40, "sitting": "9 h/day"},
            {"date": "2026-09-15", "minutes": "30 min", "intensity": "moderate"},
            {"date": "2026-09-15", "steps": 4000},
        ]
    )
    kinds = sorted(type(a).__name__ for a in r.activity)
    assert kinds == ["ActivitySession", "ActivityWeek", "StepCount"]


def test_activity_error_path_has_no_internal_tag():
    found = problems({**BASE, "activity": [{"date": "2026-01-01", "minutes": 30, "intensity": "hard"}]})
    assert found == [
        "activity[0].intensity: is not one of the accepted choices (got 'hard'); "
        "accepted: 'light', 'moderate' or 'vigorous'"
    ]


def test_diet_day_unknown_nutrient():
    found = problems({**BASE, "diet_days": [{"date": "2026-01-01", "vitamin_x": "3 mg"}]})
    assert found[0].startswith("diet_days[0].vitamin_x: unknown nutrient; known: calcium, carbohydrate")


def test_immobilisation_needs_limb_and_side():
    found = problems({**BASE, "episodes": [{"kind": "immobilisation", "start": "2026-01-01"}]})
    assert found[0].startswith("episodes[0]: an immobilisation needs the limb and the side")


def test_round_trip_yaml_and_json(tmp_path):
    r = record(
        measurements=[{"kind": "body_weight", "value": "60 kg", "date": "2026-10-01"}],
        family_history=[{"condition": "als", "relation": "brother"}],
        diet_days=[{"date": "2026-10-01", "energy": "7500 kJ", "protein": "48 g", "vitamin_a": "0.9 mg"}],
        activity=[
            {"week_of": "2026-09-28", "moderate_minutes": "1 h", "sitting": "9 h/day"},
            {"date": "2026-09-29", "steps": 4000},
        ],
    )
    for fmt, suffix in (("yaml", ".yaml"), ("json", ".json")):
        path = tmp_path / f"r{suffix}"
        path.write_text(dump_record(r, fmt))
        assert load_record(path) == r
    assert json.loads(dump_record(r, "json"))["schema_version"] == 1


def test_syntax_error_names_the_position(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"person": {"id": "x",}}')
    with pytest.raises(InputError) as exc:
        load_record(path)
    assert str(exc.value.problems[0]).startswith("line 1, column 23: not valid JSON")


def test_a_section_recorded_empty_survives_a_round_trip_as_asked_none():
    from myoscope.record import dump_record, parse_record, parse_text

    record = parse_record({"person": {"id": "p1", "sex": "female", "age": 60}, "symptoms": [], "conditions": []})
    again = parse_record(parse_text(dump_record(record)))
    assert not again.symptoms and "symptoms" in again.model_fields_set
    assert "conditions" in again.model_fields_set and "episodes" not in again.model_fields_set
