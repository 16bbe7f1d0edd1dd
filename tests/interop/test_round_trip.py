"""Every example: assess --format fhir validates, and record -> Bundle -> record is lossless."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle

from myoscope.causes import assess
from myoscope.interop.export import assessment_bundle, record_bundle
from myoscope.interop.importer import import_bundle
from myoscope.interop.validate import validate_bundle
from myoscope.record import dump_record, load_record

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_bundle_validates_and_round_trips(path, fhir_schema):
    record = load_record(path)
    assessment = assess(record)
    bundle = assessment_bundle(record, assessment, recorded=dt.datetime(2026, 11, 30, 12, tzinfo=dt.UTC))
    assert [str(f) for f in validate_bundle(bundle)] == []
    Bundle.model_validate(bundle)  # a second, independent parser: the fhir.resources R4B models
    back = import_bundle(bundle)
    assert back.record == record
    assert dump_record(back.record) == dump_record(record)
    # nothing of the record's own data was refused; only the assessment's conclusions are skipped
    assert all("assessment" in i.message for i in back.issues)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_record_bundle_round_trips(path):
    record = load_record(path)
    assert import_bundle(record_bundle(record)).record == record


def test_assessment_resources_follow_the_rules():
    record = load_record(EXAMPLES[0].parent / "mixed-older-after-illness.yaml")
    bundle = assessment_bundle(record, assess(record))
    resources = [e["resource"] for e in bundle["entry"]]
    kinds = [r["resourceType"] for r in resources]
    assessment = assess(record)
    assert kinds.count("RiskAssessment") == 1 + len(assessment.causes)
    for r in resources:
        if r["resourceType"] == "RiskAssessment":
            assert r["method"]["coding"][0]["version"]
            assert all("probabilityDecimal" not in p for p in r["prediction"])
            assert r["basis"]
        if r["resourceType"] == "Condition" and r.get("verificationStatus"):
            assert r["verificationStatus"]["coding"][0]["code"] in ("provisional", "differential")
    plan = next(r for r in resources if r["resourceType"] == "CarePlan")
    assert (plan["status"], plan["intent"]) == ("draft", "proposal") and plan["activity"]
    device = next(r for r in resources if r["resourceType"] == "Device")
    assert device["deviceName"][0]["name"] == "myoscope"
    provenance = next(r for r in resources if r["resourceType"] == "Provenance")
    assert provenance["agent"][0]["who"]["reference"].startswith("urn:uuid:")
    urls = {e["fullUrl"] for e in bundle["entry"]}
    assert {t["reference"] for t in provenance["target"]} <= urls
