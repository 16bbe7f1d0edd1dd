"""A Bundle in the style of a Synthea export: several years of weights, a condition, a questionnaire."""

from __future__ import annotations

import datetime as dt

from myoscope.causes import assess
from myoscope.interop import import_bundle

LOINC, UCUM, SNOMED = "http://loinc.org", "http://unitsofmeasure.org", "http://snomed.info/sct"
VITAL = [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "vital-signs"}]}]


def _obs(i, code, display, value, unit, when, system=UCUM):
    return {
        "fullUrl": f"urn:uuid:obs-{i}",
        "resource": {
            "resourceType": "Observation",
            "id": f"obs-{i}",
            "status": "final",
            "category": VITAL,
            "code": {"coding": [{"system": LOINC, "code": code, "display": display}], "text": display},
            "subject": {"reference": "urn:uuid:patient-1"},
            "effectiveDateTime": f"{when}T09:30:00-05:00",
            "valueQuantity": {"value": value, "unit": unit, "system": system, "code": unit},
        },
    }


def synthea_bundle():
    entries = [
        {
            "fullUrl": "urn:uuid:patient-1",
            "resource": {
                "resourceType": "Patient",
                "id": "patient-1",
                "gender": "female",
                "birthDate": "1950-03-04",
                "name": [{"family": "Example", "given": ["Test"]}],
            },
        }
    ]
    weights = [(2021, 71.0), (2022, 69.4), (2023, 67.2), (2024, 64.9), (2025, 62.1), (2026, 59.8)]
    entries += [_obs(n, "29463-7", "Body weight", w, "kg", f"{year}-05-10") for n, (year, w) in enumerate(weights)]
    entries.append(_obs(10, "8302-2", "Body height", 160.0, "cm", "2021-05-10"))
    entries.append(_obs(11, "39156-5", "Body mass index (BMI) [Ratio]", 23.4, "kg/m2", "2026-05-10"))
    entries.append(_obs(12, "8867-4", "Heart rate", 72, "/min", "2026-05-10"))
    entries.append(_obs(13, "29463-7", "Body weight", 130, "lbs", "2026-06-01", system="http://example.org/units"))
    entries.append(
        {
            "fullUrl": "urn:uuid:cond-1",
            "resource": {
                "resourceType": "Condition",
                "id": "cond-1",
                "clinicalStatus": {
                    "coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]
                },
                "code": {
                    "coding": [{"system": SNOMED, "code": "248325000", "display": "Malnutrition"}],
                    "text": "Malnutrition",
                },
                "subject": {"reference": "urn:uuid:patient-1"},
                "onsetDateTime": "2025-11-02T10:00:00-05:00",
            },
        }
    )
    entries.append(
        {
            "fullUrl": "urn:uuid:qr-1",
            "resource": {
                "resourceType": "QuestionnaireResponse",
                "id": "qr-1",
                "status": "completed",
                "questionnaire": "https://myoscope.dev/fhir/Questionnaire/sarc-f|1.0",
                "subject": {"reference": "urn:uuid:patient-1"},
                "authored": "2026-05-10T09:45:00-05:00",
                "item": [
                    {"linkId": k, "answer": [{"valueCoding": {"code": str(v)}}]}
                    for k, v in {"strength": 1, "assistance": 1, "rise": 1, "climb": 2, "falls": 1}.items()
                ],
            },
        }
    )
    entries.append(
        {
            "fullUrl": "urn:uuid:qr-2",
            "resource": {
                "resourceType": "QuestionnaireResponse",
                "id": "qr-2",
                "status": "completed",
                "questionnaire": "http://example.org/Questionnaire/unknown-survey",
                "authored": "2026-05-10",
            },
        }
    )
    entries.append(
        {"fullUrl": "urn:uuid:enc-1", "resource": {"resourceType": "Encounter", "id": "enc-1", "status": "finished"}}
    )
    return {
        "resourceType": "Bundle",
        "type": "transaction",
        "entry": [e | {"request": {"method": "POST", "url": e["resource"]["resourceType"]}} for e in entries],
    }


def test_synthea_style_bundle_imports_and_assesses():
    result = import_bundle(synthea_bundle())
    record = result.record
    weights = record.series("body_weight")
    assert [w.date.year for w in weights] == [2021, 2022, 2023, 2024, 2025, 2026]
    assert weights[-1].value == 59.8
    assert record.conditions[0].kind == "other" and record.conditions[0].snomed == "248325000"
    assert record.conditions[0].onset == dt.date(2025, 11, 2)
    assert record.instruments[0].name == "sarc-f" and record.instruments[0].answers["climb"] == 2
    assessment = assess(record)
    assert assessment.atrophy.status.value in ("likely", "possible")


def test_synthea_style_bundle_reports_unknown_codes_and_units():
    issues = {i.resource: i for i in import_bundle(synthea_bundle()).issues}
    assert set(issues) == {
        "Patient/patient-1",
        "Observation/obs-11",
        "Observation/obs-12",
        "Observation/obs-13",
        "QuestionnaireResponse/qr-2",
        "Encounter/enc-1",
    }
    heart = issues["Observation/obs-12"]
    assert heart.path == "code.coding" and "8867-4" in str(heart.value) and "29463-7" in heart.accepted
    unit = issues["Observation/obs-13"]
    assert unit.path == "valueQuantity.code" and "[lb_av]" in unit.accepted
    assert issues["QuestionnaireResponse/qr-2"].path == "questionnaire"
    assert issues["Encounter/enc-1"].path == "resourceType"
    assert issues["Patient/patient-1"].path == "gender" and "administrative" in issues["Patient/patient-1"].message


def test_pounds_in_ucum_convert_through_the_unit_layer():
    bundle = synthea_bundle()
    bundle["entry"] = bundle["entry"][:1] + [_obs(1, "29463-7", "Body weight", 132.0, "[lb_av]", "2026-01-01")]
    record = import_bundle(bundle).record
    assert abs(record.measurements[0].value - 132.0 * 0.45359237) < 1e-9


def test_an_impossible_value_costs_only_its_item():
    bundle = synthea_bundle()
    bundle["entry"].append(_obs(99, "29463-7", "Body weight", 900, "kg", "2026-02-01"))
    result = import_bundle(bundle)
    issue = next(i for i in result.issues if i.resource == "Observation/obs-99")
    assert "outside the accepted range" in issue.message and "350" in issue.accepted
    assert len(result.record.series("body_weight")) == 6
