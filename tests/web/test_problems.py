"""Every API refusal is RFC 9457 problem details; /api/docs runs from this site's own files."""

from __future__ import annotations

import re

import pytest
from fastapi import APIRouter

from myoscope.errors import Problem
from myoscope.web._problems import field_error, field_words

PROBLEM = "application/problem+json"


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("measurements[1].value", "value of measurement 2"),
        ("person.birth_date", "birth date"),
        ("instruments[0].answers.strength", "answer strength of questionnaire 1"),
        ("measurements[0].trials[2]", "trial 3 of measurement 1"),
        ("reason", "reason"),
        ("", ""),
    ],
)
def test_fields_are_named_in_words(path, words):
    assert field_words(path) == words


def test_a_long_value_is_shortened():
    error = field_error(Problem("person.id", "x" * 5000, "is too long"))
    assert len(error.value) <= 80


def _assert_problem(response, status, path):
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert {"type", "title", "status", "detail", "instance", "errors"} <= set(body)
    assert body["status"] == status and body["instance"] == path and body["title"]
    return body


def test_every_kind_of_refusal_has_the_one_shape(world):
    client, headers = world.client(), world.api("ann")
    _assert_problem(client.get("/api/v1/patients"), 401, "/api/v1/patients")
    _assert_problem(client.get("/api/v1/patients/999999", headers=headers), 404, "/api/v1/patients/999999")
    _assert_problem(client.delete("/api/v1/patients", headers=headers), 405, "/api/v1/patients")
    body = _assert_problem(
        client.post(
            f"/api/v1/patients/{world.patients['healthy-active']}/visits",
            headers=headers,
            json={
                "date": "2026-11-20",
                "measurements": [{"kind": "calf_circumference", "side": "left", "value": "600 cm"}],
            },
        ),
        422,
        f"/api/v1/patients/{world.patients['healthy-active']}/visits",
    )
    assert body["errors"][0]["field"] == "value of measurement 1"
    assert body["errors"][0]["accepted"] == "15 to 70 cm for a calf circumference"
    bad_query = _assert_problem(client.get("/api/v1/patients/abc", headers=headers), 422, "/api/v1/patients/abc")
    assert bad_query["errors"]


def test_a_server_error_is_a_problem_too(world):
    from fastapi.testclient import TestClient

    router = APIRouter()

    @router.get("/api/v1/broken")
    def broken():
        raise RuntimeError("boom")

    world.app.include_router(router)
    client = TestClient(world.app, base_url="https://testserver", raise_server_exceptions=False)
    body = _assert_problem(client.get("/api/v1/broken"), 500, "/api/v1/broken")
    assert "boom" not in body["detail"]


def test_the_openapi_document_publishes_problem_details_for_errors(world):
    schema = world.client().get("/api/openapi.json").json()
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            for code, response in operation["responses"].items():
                if code.isdigit() and int(code) >= 400:
                    assert list(response["content"]) == [PROBLEM], (path, code)


def test_api_docs_use_only_this_sites_files(world):
    client = world.client()
    page = client.get("/api/docs")
    assert page.status_code == 200
    scripts = re.findall(r"<script[^>]*>", page.text)
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert scripts and all('src="/' in s for s in scripts), scripts
    assert "<script>" not in page.text  # no inline script
    assert sources and all(s.startswith("/") and not s.startswith("//") for s in sources), sources
    for source in sources:
        assert client.get(source).status_code == 200, source
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "http" not in policy and "unsafe-inline" not in policy


def test_a_lone_surrogate_in_refused_text_is_refused_not_a_server_error(world):
    """``"\\ud800"`` has no UTF-8 form: writing the refusal that quotes it failed with 500."""
    client, headers = world.client(), world.api("ann")
    body = '{"record": {"schema_version": 1, "person": {"id": "\\ud800"}}}'
    response = client.post(
        "/api/v1/patients", headers={**headers, "content-type": "application/json"}, content=body.encode()
    )
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == PROBLEM and response.json()["status"] == 422
