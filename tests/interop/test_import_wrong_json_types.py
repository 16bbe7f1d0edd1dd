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
