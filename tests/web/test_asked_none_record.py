"""The API's record says what the record model means: a section not asked is left out, one asked with
nothing found is an empty list, as the record file export and the FHIR export say it."""

from __future__ import annotations

import yaml

from myoscope.interop import import_bundle, record_bundle
from myoscope.record import parse_record
from myoscope.store import record_data


def test_the_api_record_tells_not_asked_from_asked_none_as_the_exports_do(world):
    client, headers, key = world.client(), world.api("ann"), world.patients["healthy-active"]
    url = f"/api/v1/patients/{key}/record"
    before = client.get(url, headers=headers).json()
    assert "symptoms" not in before and "conditions" not in before and before["measurements"]
    added = client.post(
        f"/api/v1/patients/{key}/visits", headers=headers, json={"date": "2026-11-23", "asked_none": ["symptoms"]}
    )
    assert added.status_code == 201, added.text
    after = client.get(url, headers=headers).json()
    assert after["symptoms"] == [] and "conditions" not in after and "family_history" not in after
    assert {k: v for k, v in after.items() if k != "symptoms"} == before
    browser = world.signed_in("ann")
    assert browser.get(f"/patients/{key}/export", params={"format": "json"}).json() == after
    assert yaml.safe_load(browser.get(f"/patients/{key}/export").text) == after
    back = import_bundle(record_bundle(parse_record(after)))
    assert back.record is not None
    fhir = record_data(back.record)
    assert fhir["symptoms"] == [] and "conditions" not in fhir and "family_history" not in fhir
    assert set(fhir) == set(after)


def test_the_api_names_every_list_section_of_the_record_and_no_other():
    """An "asked: none" answer can be given for each list section of a record, as the store keeps them."""
    from myoscope.record import Record
    from myoscope.store._tables import SECTION_TABLES
    from myoscope.web._entry_models import RecordSection

    lists = {name for name, field in Record.model_fields.items() if str(field.annotation).startswith("tuple")}
    assert {s.value for s in RecordSection} == lists == set(SECTION_TABLES)
