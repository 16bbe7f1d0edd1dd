"""A Bundle may hold more than one Patient (a transaction of a family, a search result). Only the first is
imported, and a resource that names another patient as its subject is not imported into that record: it is
listed as an import issue. Before, every Observation went into the first Patient's record, whoever it was of,
so two people's weights (80 and 50 kg) read as one person's 37.5 % weight loss."""

from __future__ import annotations

import pytest

from myoscope.interop import import_bundle

A = {"resourceType": "Patient", "id": "a", "gender": "male", "birthDate": "1960-01-01"}
B = {"resourceType": "Patient", "id": "b", "gender": "female", "birthDate": "1970-01-01"}


def _weight(oid, kg, date, subject=None):
    return {
        "resourceType": "Observation",
        "id": oid,
        "status": "final",
        "code": {"coding": [{"system": "http://loinc.org", "code": "29463-7"}]},
        "effectiveDateTime": date,
        "valueQuantity": {"value": kg, "unit": "kg", "system": "http://unitsofmeasure.org", "code": "kg"},
        **({} if subject is None else {"subject": {"reference": subject}}),
    }


def _bundle(*entries):
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"fullUrl": u, "resource": r} for u, r in entries],
    }


def test_the_second_patients_observations_stay_out_of_the_first_patients_record():
    result = import_bundle(
        _bundle(
            ("urn:uuid:a", A),
            ("urn:uuid:b", B),
            ("urn:uuid:o1", _weight("o1", 80, "2026-01-01", "urn:uuid:a")),
            ("urn:uuid:o2", _weight("o2", 50, "2026-06-01", "urn:uuid:b")),
            ("urn:uuid:o3", _weight("o3", 79, "2026-06-01", "Patient/a")),
            ("urn:uuid:o4", _weight("o4", 51, "2026-07-01", "Patient/b")),
        )
    )
    assert [(str(m.date), m.value) for m in result.record.measurements] == [("2026-01-01", 80.0), ("2026-06-01", 79.0)]
    skipped = [i for i in result.issues if i.path == "subject"]
    assert [(i.resource, i.value) for i in skipped] == [
        ("Observation/o2", "urn:uuid:b"),
        ("Observation/o4", "Patient/b"),
    ]
    assert all(i.message == "belongs to another patient than the one imported; not imported" for i in skipped)


@pytest.mark.parametrize(
    ("subject", "kept"),
    [
        ("Patient/zzz", False),  # another patient by id, not in the Bundle
        ("https://ehr.example.org/fhir/Patient/zzz", False),
        ("https://ehr.example.org/fhir/Patient/a", True),  # the imported Patient, absolute
        ("Patient/a/_history/2", True),
        ("urn:uuid:unresolved", True),  # a reference that resolves to nothing here: the one Patient's
        (None, True),  # no subject: the Bundle's one Patient's
    ],
)
def test_a_subject_naming_another_patient_id_is_not_imported(subject, kept):
    result = import_bundle(_bundle(("urn:uuid:a", A), ("urn:uuid:o1", _weight("o1", 80, "2026-01-01", subject))))
    assert bool(result.record.measurements) is kept


def test_a_converted_value_carries_no_floating_point_noise():
    """158 [lb_av] was written to the record as 71.66759446000002 kg."""
    weight = _weight("o1", 158, "2026-01-01", "Patient/a")
    weight["valueQuantity"] = {"value": 158, "unit": "lb", "system": "http://unitsofmeasure.org", "code": "[lb_av]"}
    result = import_bundle(_bundle(("urn:uuid:a", A), ("urn:uuid:o1", weight)))
    assert [m.value for m in result.record.measurements] == [71.66759446]


@pytest.mark.parametrize("url", ["http://x/fhir/Patient/123", "urn:uuid:aaa"])
def test_a_patient_without_an_id_keeps_its_observations(url):
    """A Patient with no id (its fullUrl an absolute URL or a urn:uuid), and a subject 'Patient/123': the one
    Patient's, kept (they were dropped as another patient's)."""
    patient = {"resourceType": "Patient", "gender": "male", "birthDate": "1960-01-01"}
    result = import_bundle(_bundle((url, patient), ("urn:uuid:o1", _weight("o1", 80, "2026-01-01", "Patient/123"))))
    assert [m.value for m in result.record.measurements] == [80.0]
