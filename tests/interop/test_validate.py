"""The validator itself, against the official R4 examples (hl7.fhir.r4.examples 4.0.1) and mutated copies."""

from __future__ import annotations

import copy
import json

import pytest

from myoscope.interop.validate import validate_resource


def _observations(folder):
    return sorted(folder.glob("Observation-*.json"))


def test_every_official_r4_observation_example_passes(r4_examples, fhir_schema):
    files = _observations(r4_examples)
    assert len(files) >= 60
    failures = {f.name: validate_resource(json.loads(f.read_text())) for f in files}
    assert {name: p for name, p in failures.items() if p} == {}


def _weight(r4_examples):
    # Observation-example.json: the spec's body-weight example (LOINC 29463-7, 185 [lb_av])
    return json.loads((r4_examples / "Observation-example.json").read_text())


def _bad_status(r):
    r["status"] = "bogus"


def _no_code(r):
    del r["code"]


def _wrong_unit(r):
    r["valueQuantity"]["code"] = "cm"


def _no_category(r):
    del r["category"]


def _no_status(r):
    del r["status"]


def _not_ucum(r):
    r["valueQuantity"]["system"] = "http://example.org/units"


def _no_effective(r):
    r.pop("effectiveDateTime")


@pytest.mark.parametrize(
    "mutate", [_bad_status, _no_code, _wrong_unit, _no_category, _no_status, _not_ucum, _no_effective]
)
def test_mutated_weight_example_fails(r4_examples, fhir_schema, mutate):
    original = _weight(r4_examples)
    assert validate_resource(original) == []
    broken = copy.deepcopy(original)
    mutate(broken)
    assert validate_resource(broken) != []


def test_schema_refuses_unknown_element_and_wrong_type(r4_examples, fhir_schema):
    r = _weight(r4_examples)
    r["valueQuantity"]["value"] = "185"
    assert any("valueQuantity" in p for p in validate_resource(r))
    r = _weight(r4_examples)
    r["colour"] = "blue"
    assert validate_resource(r) != []


def test_official_height_and_bmi_examples_declaring_the_profile_pass(r4_examples, fhir_schema):
    for name in ("Observation-body-height.json", "Observation-bmi.json"):
        r = json.loads((r4_examples / name).read_text())
        assert validate_resource(r) == []
        r["valueQuantity"]["code"] = "kg"
        assert validate_resource(r) != []
