"""Lossless round trip for a record that uses every section and optional field of the record model."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from myoscope.interop import import_bundle, record_bundle, validate_bundle
from myoscope.record import MEASUREMENT_KINDS, parse_record

FULL = {
    "schema_version": 1,
    "person": {
        "id": "every section / ünïcode",
        "sex": "male",
        "age": 67,
        "height": "5 ft 9 in",
        "population": "asian",
        "activity_level": "sedentary",
    },
    "conditions": [
        {
            "kind": "multiple_sclerosis",
            "onset": "2015-04-01",
            "course": "secondary_progressive",
            "relapses": ["2024-01-02", "2025-03-04"],
        },
        {"kind": "spinal_cord_injury", "onset": "2020-01-01", "level": "C6", "ais": "C"},
        {"kind": "peripheral_nerve_injury", "nerve": "ulnar", "side": "left", "sensory_loss": False},
        {"kind": "other", "name": "Malnutrition", "snomed": "248325000"},
        {"kind": "als", "name": "ALS (bulbar onset)"},
    ],
    "family_history": [
        {"condition": "muscular_dystrophy", "relation": "half_sibling"},
        {"condition": "als", "relation": "daughter"},
    ],
    "episodes": [
        {"kind": "immobilisation", "limb": "lower_leg", "side": "right", "start": "2026-01-05", "device": "boot"},
        {"kind": "immobilisation", "limb": "hand", "side": "left", "start": "2025-01-05", "end": "2025-02-01"},
        {"kind": "bed_rest", "start": "2026-02-01"},
        {"kind": "acute_illness", "start": "2026-02-01", "end": "2026-02-09", "no_intake_days": 3},
    ],
    "symptoms": [
        {
            "kind": "weakness",
            "onset": "2026-01-10",
            "progressive": True,
            "painless": True,
            "site": "left hand",
            "side": "left",
        },
        {"kind": "cramps"},
    ],
    "measurements": [
        {
            "kind": "grip_strength",
            "side": "right",
            "value": "30 kg",
            "trials": ["28 kg", "66 lb"],
            "date": "2026-03-01",
            "method": "Jamar, seated",
            "observer": "pt-1",
        },
        {"kind": "grip_strength", "trials": [20, 21], "date": "2026-03-01"},
        {"kind": "gait_speed", "value": "5 s", "distance": "4 m", "date": "2026-03-01"},
        {"kind": "body_weight", "value": "150 lb", "date": "2026-03-01"},
        {"kind": "appendicular_lean_mass", "value": 17.25, "date": "2026-03-01", "method": "dxa"},
        {"kind": "calf_circumference", "side": "left", "value": "12.5 in", "date": "2026-03-01"},
    ],
    "instruments": [
        {
            "name": "sarc-f",
            "date": "2026-03-01",
            "answers": {"strength": 1, "assistance": None, "rise": 2, "climb": 1, "falls_count": 2},
        }
    ],
    "diet_days": [{"date": "2026-03-02", "energy": "7000 kJ", "protein": 55, "vitamin_d": "4 ug"}],
    "activity": [
        {"week_of": "2026-02-23", "moderate_minutes": "2.5 h", "balance_days": 1},
        {"date": "2026-02-24", "steps": 4321},
        {"date": "2026-02-25", "minutes": 35, "intensity": "vigorous", "kind": "strength"},
    ],
}


def test_every_section_round_trips(fhir_schema):
    record = parse_record(FULL)
    bundle = record_bundle(record)
    assert [str(f) for f in validate_bundle(bundle)] == []
    result = import_bundle(bundle)
    assert result.issues == ()
    assert result.record == record


@settings(max_examples=40, deadline=None)
@given(
    kind=st.sampled_from(sorted(k for k in MEASUREMENT_KINDS if k != "gait_speed")),
    fraction=st.floats(0, 1),
    side=st.sampled_from(["left", "right"]),
)
def test_any_measurement_value_round_trips_exactly(kind, fraction, side):
    spec = MEASUREMENT_KINDS[kind]
    value = spec.low + fraction * (spec.high - spec.low)
    item = {"kind": kind, "value": value, "date": "2026-01-01"}
    if spec.sided or kind == "grip_strength":
        item["side"] = side
    record = parse_record({"person": {"id": "p"}, "measurements": [item]})
    assert import_bundle(record_bundle(record)).record == record
