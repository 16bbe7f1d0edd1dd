"""The web app: POST /api/v1/fhir/import and /assess behind an API token; CDS Hooks mounted at /cds-services."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from myoscope.interop import record_bundle
from myoscope.record import load_record
from myoscope.store import add_user, issue_token, make_engine, session_factory, upgrade
from myoscope.web import Settings, create_app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _app(tmp_path):
    url = f"sqlite:///{tmp_path / 'web.sqlite'}"
    engine = make_engine(url)
    upgrade(engine)
    with session_factory(engine)() as session, session.begin():
        token = issue_token(session, add_user(session, "ann", "ann-password-1", "clinician", ("neuro",)))
    engine.dispose()
    return TestClient(create_app(Settings(database_url=url))), {"Authorization": f"Bearer {token}"}


def test_import_and_assess_routes(tmp_path):
    client, auth = _app(tmp_path)
    record = load_record(EXAMPLES / "forearm-cast.yaml")
    bundle = record_bundle(record)
    assert client.post("/api/v1/fhir/import", json=bundle).status_code == 401
    response = client.post("/api/v1/fhir/import", json=bundle, headers=auth)
    assert response.status_code == 200, response.text
    assert response.json()["record"]["person"]["id"] == "ex-cast-forearm" and response.json()["issues"] == []
    bad = client.post("/api/v1/fhir/import", json={"resourceType": "Bundle", "type": "document"}, headers=auth)
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "type"
    out = client.post("/api/v1/fhir/assess", json=bundle, headers=auth)
    assert out.status_code == 200
    assert {e["resource"]["resourceType"] for e in out.json()["entry"]} >= {"RiskAssessment", "CarePlan", "Provenance"}


def test_cds_hooks_is_mounted_and_refuses_unsigned_calls(tmp_path):
    client, _ = _app(tmp_path)
    assert client.get("/cds-services").json()["services"][0]["id"] == "muscle-wasting-screen"
    assert client.post("/cds-services/muscle-wasting-screen", json={}).status_code == 401
