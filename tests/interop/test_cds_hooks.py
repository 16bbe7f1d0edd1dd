"""CDS Hooks 2.0: discovery, patient-view with and without prefetch, and the JWT rules (a simulated EHR)."""

from __future__ import annotations

import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from fastapi.testclient import TestClient

from myoscope.interop._jwt import Refused, ReplayGuard, StaticKeys, verify
from myoscope.interop.cds_hooks import CdsConfig, create_app
from myoscope.interop.export import record_bundle
from myoscope.record import load_record

BASE = "https://cds.example.org"
ISS = "https://ehr.example.org/"
SERVICE = f"{BASE}/cds-services/muscle-wasting-screen"
NOW = 1_900_000_000
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

KEY = ec.generate_private_key(ec.SECP384R1())
PUBLIC = json.loads(jwt.algorithms.ECAlgorithm.to_jwk(KEY.public_key())) | {
    "kid": "ehr-1",
    "alg": "ES384",
    "use": "sig",
}


def token(**claims):
    body = {"iss": ISS, "aud": SERVICE, "exp": NOW + 300, "iat": NOW, "jti": str(uuid.uuid4())} | claims
    return jwt.encode(body, KEY, algorithm="ES384", headers={"kid": "ehr-1"})


@pytest.fixture
def client():
    config = CdsConfig(
        base_url=BASE,
        issuers={ISS: "https://ehr.example.org/jwks"},
        keys=StaticKeys({ISS: {"keys": [PUBLIC]}}),
        clock=lambda: NOW,
        origins=("https://ehr.example.org",),
    )
    return TestClient(create_app(config))


def _resources(name):
    record = load_record(EXAMPLES / name)
    return [e["resource"] for e in record_bundle(record)["entry"]]


def _prefetch(name):
    resources = _resources(name)
    patient = next(r for r in resources if r["resourceType"] == "Patient")

    def searchset(kinds):
        return {
            "resourceType": "Bundle",
            "type": "searchset",
            "entry": [{"resource": r} for r in resources if r["resourceType"] in kinds],
        }

    return patient, {
        "patient": patient,
        "observations": searchset({"Observation"}),
        "conditions": searchset({"Condition"}),
    }


def _call(patient_id, **extra):
    return {
        "hook": "patient-view",
        "hookInstance": str(uuid.uuid4()),
        "context": {"userId": "Practitioner/example", "patientId": patient_id},
    } | extra


def test_discovery_lists_patient_view_with_prefetch(client):
    body = client.get("/").json()
    service = body["services"][0]
    assert service["hook"] == "patient-view" and service["id"] == "muscle-wasting-screen"
    assert set(service["prefetch"]) == {"patient", "observations", "conditions"}
    assert "{{context.patientId}}" in service["prefetch"]["patient"]


def test_patient_view_with_prefetch_gives_cards(client):
    patient, prefetch = _prefetch("als-pattern-brother.yaml")
    response = client.post(
        "/muscle-wasting-screen",
        json=_call(patient["id"], prefetch=prefetch),
        headers={"Authorization": f"Bearer {token()}"},
    )
    assert response.status_code == 200, response.text
    cards = response.json()["cards"]
    assert cards
    for card in cards:
        assert len(card["summary"]) < 140
        assert card["indicator"] in ("info", "warning", "critical")
        assert card["source"]["label"] and card["source"]["url"]
        if "suggestions" in card:
            assert card["selectionBehavior"] == "at-most-one"
            assert card["suggestions"][0]["actions"][0]["resource"]["intent"] == "proposal"
    assert any(c["indicator"] in ("warning", "critical") for c in cards)


def test_patient_view_null_prefetch_means_no_data(client):
    patient, prefetch = _prefetch("healthy-active.yaml")
    prefetch["conditions"] = None
    response = client.post(
        "/muscle-wasting-screen",
        json=_call(patient["id"], prefetch=prefetch),
        headers={"Authorization": f"Bearer {token()}"},
    )
    assert response.status_code == 200


def test_without_prefetch_or_server_is_412(client):
    response = client.post("/muscle-wasting-screen", json=_call("p1"), headers={"Authorization": f"Bearer {token()}"})
    assert response.status_code == 412
    assert response.json()["resourceType"] == "OperationOutcome"


class _Fhir(BaseHTTPRequestHandler):
    resources: list = []
    seen: list = []

    def do_GET(self):  # noqa: N802
        type(self).seen.append((self.path, self.headers.get("Authorization")))
        if self.headers.get("Authorization") != "Bearer server-token":
            self.send_response(401)
            self.end_headers()
            return
        path = self.path.split("?")[0].removeprefix("/fhir/").strip("/")
        if path.startswith("Patient/"):
            body = next(r for r in self.resources if r["resourceType"] == "Patient")
        else:
            body = {
                "resourceType": "Bundle",
                "type": "searchset",
                "entry": [{"resource": r} for r in self.resources if r["resourceType"] == path],
            }
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/fhir+json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def fhir_server():
    _Fhir.resources = _resources("als-pattern-brother.yaml")
    _Fhir.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Fhir)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/fhir"
    server.shutdown()
    server.server_close()


def test_patient_view_without_prefetch_reads_the_fhir_server_with_the_token(client, fhir_server):
    patient = next(r for r in _Fhir.resources if r["resourceType"] == "Patient")
    auth = {
        "access_token": "server-token",
        "token_type": "Bearer",
        "expires_in": 300,
        "scope": "patient/*.read",
        "subject": "cds-service",
    }
    response = client.post(
        "/muscle-wasting-screen",
        json=_call(patient["id"], fhirServer=fhir_server, fhirAuthorization=auth),
        headers={"Authorization": f"Bearer {token()}"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["cards"]
    assert {p.split("?")[0] for p, _ in _Fhir.seen} == {
        f"/fhir/Patient/{patient['id']}",
        "/fhir/Observation",
        "/fhir/Condition",
    }
    assert all(a == "Bearer server-token" for _, a in _Fhir.seen)


@pytest.mark.parametrize(
    "bad",
    [
        lambda: "",
        lambda: "not-a-jwt",
        lambda: token(exp=NOW - 1),
        lambda: token(aud="https://other.example.org/cds-services/muscle-wasting-screen"),
        lambda: token(iss="https://unknown.example.org/"),
        lambda: jwt.encode(
            {"iss": ISS, "aud": SERVICE, "exp": NOW + 300, "iat": NOW, "jti": "h"}, "a" * 64, algorithm="HS256"
        ),
        lambda: jwt.encode(
            {"iss": ISS, "aud": SERVICE, "exp": NOW + 300, "iat": NOW, "jti": "n"}, None, algorithm="none"
        ),
        lambda: jwt.encode(
            {"iss": ISS, "aud": SERVICE, "exp": NOW + 300, "iat": NOW, "jti": "o"},
            ec.generate_private_key(ec.SECP384R1()),
            algorithm="ES384",
            headers={"kid": "ehr-1"},
        ),
    ],
    ids=["missing", "garbage", "expired", "wrong-audience", "unknown-issuer", "hs256", "none", "wrong-key"],
)
def test_bad_tokens_are_refused(client, bad):
    patient, prefetch = _prefetch("healthy-active.yaml")
    response = client.post(
        "/muscle-wasting-screen",
        json=_call(patient["id"], prefetch=prefetch),
        headers={"Authorization": f"Bearer {bad()}"},
    )
    assert response.status_code == 401
    assert response.json()["resourceType"] == "OperationOutcome"


def test_a_token_is_accepted_once(client):
    patient, prefetch = _prefetch("healthy-active.yaml")
    once = token()
    first = client.post(
        "/muscle-wasting-screen",
        json=_call(patient["id"], prefetch=prefetch),
        headers={"Authorization": f"Bearer {once}"},
    )
    again = client.post(
        "/muscle-wasting-screen",
        json=_call(patient["id"], prefetch=prefetch),
        headers={"Authorization": f"Bearer {once}"},
    )
    assert (first.status_code, again.status_code) == (200, 401)


def test_feedback_is_accepted_with_a_token(client):
    body = {
        "feedback": [
            {
                "card": str(uuid.uuid4()),
                "outcome": "accepted",
                "outcomeTimestamp": "2026-11-30T10:00:00Z",
                "acceptedSuggestions": [{"id": "x"}],
            }
        ]
    }
    assert client.post("/muscle-wasting-screen/feedback", json=body).status_code == 401
    response = client.post(
        "/muscle-wasting-screen/feedback",
        json=body,
        headers={"Authorization": f"Bearer {token(aud=SERVICE + '/feedback')}"},
    )
    assert response.status_code == 200


def test_cors_preflight_allows_the_configured_origin(client):
    response = client.options(
        "/muscle-wasting-screen",
        headers={
            "Origin": "https://ehr.example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization,content-type",
        },
    )
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "https://ehr.example.org"
    assert "authorization" in response.headers["access-control-allow-headers"].lower()


# The CDS Hooks specification's own example (HL7/cds-hooks, input/pagecontent/index.md, "Trusting CDS
# Clients"): an ES384 token from https://fhir-ehr.example.com/ for .../cds-services/some-service, with its
# published JWK set; exp 1422568860, so the clock is pinned before it.
SPEC_TOKEN = (
    "eyJhbGciOiJFUzM4NCIsInR5cCI6IkpXVCIsImtpZCI6ImV4YW1wbGUta2lkIiwiamt1IjoiaHR0cHM6Ly9maGlyLWVoci5leGFtcGxlLmNvbS9q"
    "d2tfdXJpIn0.eyJpc3MiOiJodHRwczovL2ZoaXItZWhyLmV4YW1wbGUuY29tLyIsImF1ZCI6Imh0dHBzOi8vY2RzLmV4YW1wbGUub3JnL2Nkcy1z"
    "ZXJ2aWNlcy9zb21lLXNlcnZpY2UiLCJleHAiOjE0MjI1Njg4NjAsImlhdCI6MTMxMTI4MDk3MCwianRpIjoiZWUyMmIwMjEtZTFiNy00NjExLWJh"
    "NWItOGVlYzZhMzNhYzFlIiwidGVuYW50IjoiMmRkZDZjM2EtOGU5YS00NGM2LWEzMDUtNTIxMTFhZDMwMmEyIn0.d1WfLjGRKlcWB94l9do4cM8R"
    "EXeYJLL6SGUBO8VHZhfM8mwKYP70EMxJ67War4TQblEpaQrp11wx5p7oPFm2ETYgCicS84vXWEIYTdjooZdooCSDf2L8-i4awdoUwiEb"
)
SPEC_JWKS = {
    "keys": [
        {
            "kty": "EC",
            "use": "sig",
            "crv": "P-384",
            "kid": "example-kid",
            "x": "46SDH7Znh821wblCBglA61sNE9ZrHYKKt3qRtRTmSXyOI_FIGBLWrWa0GPUkDCEk",
            "y": "XMcRuuoGW7CXjQdy-F5i3FeBE0x9hPLdeFdSoDd3ELmx404tLX0VRRcqzAsPhXcI",
            "alg": "ES384",
        }
    ]
}
SPEC_ISS = "https://fhir-ehr.example.com/"
SPEC_AUD = "https://cds.example.org/cds-services/some-service"


def _spec_verify(now, audience=SPEC_AUD, guard=None):
    return verify(
        SPEC_TOKEN,
        audiences=(audience,),
        issuers={SPEC_ISS: "https://fhir-ehr.example.com/jwk_uri"},
        keys=StaticKeys({SPEC_ISS: SPEC_JWKS}),
        replay=guard or ReplayGuard(),
        now=lambda: now,
    )


def test_spec_example_token_verifies_under_a_pinned_clock():
    claims = _spec_verify(1_400_000_000)
    assert claims["jti"] == "ee22b021-e1b7-4611-ba5b-8eec6a33ac1e"
    assert claims["tenant"] == "2ddd6c3a-8e9a-44c6-a305-52111ad302a2"


def test_spec_example_token_is_refused_after_expiry_elsewhere_or_twice():
    with pytest.raises(Refused, match="expired"):
        _spec_verify(time.time())
    with pytest.raises(Refused, match="aud"):
        _spec_verify(1_400_000_000, audience="https://cds.example.org/cds-services/other")
    guard = ReplayGuard()
    _spec_verify(1_400_000_000, guard=guard)
    with pytest.raises(Refused, match="replay"):
        _spec_verify(1_400_000_000, guard=guard)


class _Jwks(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        data = json.dumps({"keys": [PUBLIC]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def test_keys_come_from_the_issuers_jwks_url_and_jku_must_match_it():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Jwks)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    jwks_url = f"http://127.0.0.1:{server.server_address[1]}/jwks"
    try:
        app = create_app(CdsConfig(base_url=BASE, issuers={ISS: jwks_url}, clock=lambda: NOW))
        client = TestClient(app)
        patient, prefetch = _prefetch("healthy-active.yaml")
        ok = client.post(
            "/muscle-wasting-screen",
            json=_call(patient["id"], prefetch=prefetch),
            headers={"Authorization": f"Bearer {token()}"},
        )
        assert ok.status_code == 200, ok.text
        forged = jwt.encode(
            {"iss": ISS, "aud": SERVICE, "exp": NOW + 300, "iat": NOW, "jti": "j"},
            KEY,
            algorithm="ES384",
            headers={"kid": "ehr-1", "jku": "https://attacker.example/jwks"},
        )
        refused = client.post(
            "/muscle-wasting-screen",
            json=_call(patient["id"], prefetch=prefetch),
            headers={"Authorization": f"Bearer {forged}"},
        )
        assert refused.status_code == 401 and "jku" in refused.json()["issue"][0]["diagnostics"]
    finally:
        server.shutdown()
        server.server_close()


def test_a_prefetched_patient_other_than_the_context_is_refused(client):
    patient, prefetch = _prefetch("healthy-active.yaml")
    response = client.post(
        "/muscle-wasting-screen",
        json=_call("someone-else", prefetch=prefetch),
        headers={"Authorization": f"Bearer {token()}"},
    )
    assert response.status_code == 412


def test_a_plain_http_fhir_server_off_this_machine_is_refused(client):
    auth = {
        "access_token": "t",
        "token_type": "Bearer",
        "expires_in": 300,
        "scope": "patient/*.read",
        "subject": "cds-service",
    }
    response = client.post(
        "/muscle-wasting-screen",
        json=_call("p1", fhirServer="http://fhir.example.org/r4", fhirAuthorization=auth),
        headers={"Authorization": f"Bearer {token()}"},
    )
    assert response.status_code == 412 and "https" in response.json()["issue"][0]["diagnostics"]


def test_an_urgent_red_flag_is_a_critical_card_first(client):
    patient, prefetch = _prefetch("als-pattern-brother.yaml")
    cards = client.post(
        "/muscle-wasting-screen",
        json=_call(patient["id"], prefetch=prefetch),
        headers={"Authorization": f"Bearer {token()}"},
    ).json()["cards"]
    assert cards[0]["indicator"] == "critical"
    assert all("amyotrophic" not in c["summary"].lower() for c in cards)  # a pattern, never a diagnosis


def test_a_malformed_call_or_another_hook_is_400(client):
    headers = {"Authorization": f"Bearer {token()}"}
    assert client.post("/muscle-wasting-screen", json={"hook": "patient-view"}, headers=headers).status_code == 400
    other = _call("p1") | {"hook": "order-sign"}
    assert (
        client.post("/muscle-wasting-screen", json=other, headers={"Authorization": f"Bearer {token()}"}).status_code
        == 400
    )
    assert (
        client.post("/no-such-service", json=other, headers={"Authorization": f"Bearer {token()}"}).status_code == 404
    )
