"""The JSON API under /api/v1 with bearer tokens; the assessment is the JSON of ``myoscope assess``."""

from __future__ import annotations

import json

from myoscope.causes import assess
from myoscope.record import load_record
from myoscope.report import render


def test_openapi_documents_the_api_only(world):
    client = world.client()
    spec = client.get("/api/openapi.json").json()
    assert set(spec["paths"]) == {
        "/api/v1/patients",
        "/api/v1/patients/{patient_id}",
        "/api/v1/patients/{patient_id}/record",
        "/api/v1/patients/{patient_id}/visits",
        "/api/v1/patients/{patient_id}/measurements",
        "/api/v1/patients/{patient_id}/assessment",
        "/api/v1/patients/{patient_id}/entries",
        "/api/v1/patients/{patient_id}/entries/{section}/{entry_id}",
        "/api/v1/patients/{patient_id}/entries/{section}/{entry_id}/history",
        "/api/v1/fhir/import",
        "/api/v1/fhir/assess",
    }
    assert client.get("/api/docs").status_code == 200


def test_openapi_names_typed_models_for_the_record_and_the_assessment(world):
    spec = world.client().get("/api/openapi.json").json()
    schemas = spec["components"]["schemas"]
    for path, model in (("record", "Record"), ("assessment", "Report")):
        response = spec["paths"][f"/api/v1/patients/{{patient_id}}/{path}"]["get"]["responses"]["200"]
        ref = response["content"]["application/json"]["schema"]["$ref"]
        name = ref.rsplit("/", 1)[1]
        assert name.startswith(model), ref
        assert schemas[name]["properties"] and schemas[name].get("additionalProperties") is not True
    assert {"status", "evidence", "charts", "tables"} <= set(schemas["Section"]["properties"])


def test_list_get_and_record(world):
    client, headers = world.client(), world.api("ann")
    listed = client.get("/api/v1/patients", headers=headers).json()
    assert sorted(p["person_id"] for p in listed) == ["ex-als-pattern", "ex-healthy"]
    key = world.patients["healthy-active"]
    one = client.get(f"/api/v1/patients/{key}", headers=headers).json()
    assert one["team"] == "neuro" and one["person"]["sex"] == "female"
    record = client.get(f"/api/v1/patients/{key}/record", headers=headers).json()
    assert record["person"]["id"] == "ex-healthy" and len(record["measurements"]) == 8


def test_assessment_is_the_cli_json(world, examples_dir):
    key = world.patients["als-pattern-brother"]
    got = world.client().get(f"/api/v1/patients/{key}/assessment", headers=world.api("ann")).json()
    record = load_record(examples_dir / "als-pattern-brother.yaml")
    expected = json.loads(render(assess(record), "json", person=record.person))
    assert got == expected
    earlier = (
        world.client()
        .get(f"/api/v1/patients/{key}/assessment", params={"on": "2026-07-01"}, headers=world.api("ann"))
        .json()
    )
    assert earlier["date"] == "2026-07-01"


def test_an_assessment_date_the_command_line_refuses_is_refused(world):
    """``on`` at an age below the adult range the record accepts was assessed (a 9-year-old's report)."""
    key = world.patients["als-pattern-brother"]
    client, headers = world.client(), world.api("ann")
    for on in ("1980-01-01", "2099-01-01"):
        response = client.get(f"/api/v1/patients/{key}/assessment", params={"on": on}, headers=headers)
        assert response.status_code == 422, (on, response.text)
        assert response.json()["errors"][0]["field"] == "on"


def test_create_patient_and_add_visits(world, examples_dir):
    client, headers = world.client(), world.api("bo")
    made = client.post("/api/v1/patients", headers=headers, json={"record": {"person": {"id": "api-1", "sex": "male"}}})
    assert made.status_code == 201
    key = made.json()["id"]
    visit = client.post(
        f"/api/v1/patients/{key}/visits",
        headers=headers,
        json={
            "date": "2026-11-20",
            "note": "first",
            "measurements": [
                {"kind": "body_weight", "value": "80 kg"},
                {"kind": "grip_strength", "side": "right", "trials": ["30 kg", "32 kg"]},
            ],
            "instruments": [
                {"name": "sarc-f", "answers": {"strength": 0, "assistance": 0, "rise": 0, "climb": 0, "falls": 0}}
            ],
            "diet_days": [{"energy": "2100 kcal", "protein": "90 g"}],
        },
    )
    assert visit.status_code == 201, visit.text
    assert visit.json()["measurements"] == 2 and visit.json()["instruments"] == ["sarc-f"]
    grips = client.get(f"/api/v1/patients/{key}/measurements", headers=headers, params={"kind": "grip_strength"}).json()
    assert grips == [{"kind": "grip_strength", "date": "2026-11-20", "side": "right", "value": 32.0, "unit": "kg"}]
    visits = client.get(f"/api/v1/patients/{key}/visits", headers=headers).json()
    assert [v["note"] for v in visits] == ["first"]


def test_invalid_input_lists_every_problem(world):
    client, headers = world.client(), world.api("ann")
    key = world.patients["healthy-active"]
    refused = client.post(
        f"/api/v1/patients/{key}/visits",
        headers=headers,
        json={
            "date": "2026-11-20",
            "measurements": [
                {"kind": "calf_circumference", "side": "left", "value": "600 cm"},
                {"kind": "body_weight", "value": "70 lbz"},
            ],
        },
    )
    assert refused.status_code == 422
    body = refused.json()
    assert refused.headers["content-type"] == "application/problem+json" and body["status"] == 422
    assert [p["field"] for p in body["errors"]] == ["value of measurement 1", "value of measurement 2"]
    assert body["errors"][0]["accepted"] == "15 to 70 cm for a calf circumference"
    duplicate = client.post("/api/v1/patients", headers=headers, json={"record": {"person": {"id": "ex-healthy"}}})
    assert duplicate.status_code == 422 and duplicate.json()["errors"][0]["field"] == "id"
    no_team = client.post("/api/v1/patients", headers=world.api("root"), json={"record": {"person": {"id": "r"}}})
    assert no_team.status_code == 422 and no_team.json()["errors"][0]["field"] == "team"


def test_api_calls_are_audited(world):
    from sqlalchemy import create_engine, select

    from myoscope.store import AuditEntry

    key = world.patients["healthy-active"]
    world.client().get(f"/api/v1/patients/{key}/assessment", headers=world.api("ann"))
    world.app.state.audit.flush()
    engine = create_engine(world.url)
    with engine.connect() as connection:
        rows = connection.execute(
            select(AuditEntry.username, AuditEntry.action, AuditEntry.person_id, AuditEntry.detail)
        ).all()
    engine.dispose()
    assert ("ann", "read", key, f"GET /api/v1/patients/{key}/assessment") in [tuple(r) for r in rows]
