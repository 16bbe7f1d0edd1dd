"""A Bundle whose elements have the wrong JSON type (text where FHIR R4 has an object, a number where it has a
date) is read without a crash: the resource is skipped with an import issue naming it, and a Patient birth
date that is not a date is refused, never dropped."""

from __future__ import annotations

import pytest

from myoscope.errors import InputError
from myoscope.interop import import_bundle

PATIENT = {"resourceType": "Patient", "id": "p1", "gender": "male", "birthDate": "1960-01-01"}
WEIGHT = {
    "resourceType": "Observation",
    "id": "o1",
    "status": "final",
    "code": {"coding": [{"system": "http://loinc.org", "code": "29463-7"}]},
    "effectiveDateTime": "2026-01-01",
    "valueQuantity": {"value": 80, "unit": "kg", "system": "http://unitsofmeasure.org", "code": "kg"},
}


def _bundle(*resources):
    return {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": r} for r in resources]}


@pytest.mark.parametrize(
    "change",
    [
        {"valueQuantity": "80 kg"},
        {"code": "29463-7"},
        {"effectiveDateTime": 20260101},
        {"code": {"coding": "http://loinc.org|29463-7"}},
        {"valueQuantity": ["80", "kg"]},
    ],
    ids=["quantity-text", "code-text", "date-number", "coding-text", "quantity-list"],
)
def test_an_observation_of_wrong_json_types_is_skipped_with_an_issue(change):
    result = import_bundle(_bundle(PATIENT, {**WEIGHT, **change}, {**WEIGHT, "id": "o2"}))
    assert [m.value for m in result.record.measurements] == [80.0]  # the good one is kept
    (issue,) = [i for i in result.issues if "Observation/o1" in str(i)]  # named, with what it needed
    assert "not imported" in str(issue) or "needs a full date" in str(issue)


@pytest.mark.parametrize("birth", [0, False, "", [], {}])
def test_a_birth_date_that_is_not_a_date_is_refused(birth):
    with pytest.raises(InputError) as err:
        import_bundle(_bundle({**PATIENT, "birthDate": birth}, WEIGHT))
    assert err.value.problems[0].field == "Patient.birthDate"


@pytest.mark.parametrize("entry", [5, "x", {"resource": PATIENT}], ids=["number", "text", "object"])
def test_a_bundle_entry_that_is_not_a_list_is_refused(entry):
    with pytest.raises(InputError) as err:
        import_bundle({"resourceType": "Bundle", "type": "collection", "entry": entry})
    assert (err.value.problems[0].field, err.value.problems[0].message) == ("entry", "is not a list")


@pytest.mark.parametrize(
    "odd",
    [
        {**WEIGHT, "resourceType": ["Observation"]},
        {**WEIGHT, "resourceType": {"x": 1}},
        {"resourceType": "List", "code": "x"},
        {"resourceType": "List", "code": {"coding": 5}},
        {"resourceType": "List", "emptyReason": "nilknown"},
    ],
    ids=["type-list", "type-object", "list-code-text", "list-coding-number", "list-reason-text"],
)
def test_a_resource_of_wrong_json_types_is_skipped_with_an_issue_not_a_crash(odd):
    result = import_bundle(_bundle(PATIENT, odd, WEIGHT))
    assert [m.value for m in result.record.measurements] == [80.0]
    assert any("not imported" in str(i) or "not read" in str(i) for i in result.issues), result.issues


def test_an_entry_search_of_the_wrong_type_is_read_as_no_search():
    bundle = _bundle(PATIENT, WEIGHT)
    bundle["entry"][1]["search"] = "match"
    assert [m.value for m in import_bundle(bundle).record.measurements] == [80.0]


def test_a_value_with_a_comparator_is_a_bound_and_is_not_imported_as_exact():
    bounded = {**WEIGHT, "id": "o3", "valueQuantity": {**WEIGHT["valueQuantity"], "comparator": "<", "value": 40}}
    result = import_bundle(_bundle(PATIENT, bounded, WEIGHT))
    assert [m.value for m in result.record.measurements] == [80.0]
    assert any("Observation/o3" in str(i) and "comparator" in str(i) for i in result.issues), result.issues


def test_an_observation_dated_before_the_birth_date_is_skipped_and_named_not_the_whole_bundle():
    early = {**WEIGHT, "id": "o4", "effectiveDateTime": "1950-01-01"}
    result = import_bundle(_bundle(PATIENT, early, WEIGHT))
    assert [m.value for m in result.record.measurements] == [80.0]
    (issue,) = [i for i in result.issues if "Observation/o4" in str(i)]
    assert "before the birth date (1960-01-01)" in str(issue)
