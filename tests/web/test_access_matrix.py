"""A clinician of another care team gets 404 on every patient URL and API path (routes enumerated from the app)."""

from __future__ import annotations

import pytest


def test_the_app_has_patient_routes_in_pages_and_api(world):
    paths = {path for _, path in world.patient_routes()}
    assert any(p.startswith("/api/v1/") for p in paths) and any(p.startswith("/patients/") for p in paths)
    assert len(paths) >= 10


@pytest.mark.parametrize("outsider", ["bo", "root"])
def test_other_team_and_admin_outside_get_404_everywhere(world, outsider):
    target = world.patients["healthy-active"]
    browser = world.signed_in(outsider)
    token = world.csrf(browser.get("/patients").text)
    checked = 0
    for method, path in world.patient_routes():
        url = world.url_of(path, target)
        if path.startswith("/api/"):
            body = {
                "POST": {"date": "2026-11-20"},
                "PUT": {"data": {}, "reason": "x"},
                "PATCH": {"data": {}, "reason": "x"},
            }
            response = browser.request(method, url, headers=world.api(outsider), json=body.get(method))
        else:
            response = browser.request(method, url, data={"csrf_token": token} if method == "POST" else None)
        assert response.status_code == 404, (method, url, response.status_code)
        assert "healthy" not in response.text and "ex-healthy" not in response.text
        checked += 1
    assert checked == len(world.patient_routes())


def test_a_missing_patient_looks_exactly_like_a_foreign_one(world):
    browser = world.signed_in("bo")
    foreign = browser.get(f"/patients/{world.patients['healthy-active']}")
    missing = browser.get("/patients/987654")
    assert (foreign.status_code, foreign.text) == (missing.status_code, missing.text)
    api_foreign = browser.get(f"/api/v1/patients/{world.patients['healthy-active']}", headers=world.api("bo"))
    api_missing = browser.get("/api/v1/patients/987654", headers=world.api("bo"))
    same = [{k: v for k, v in r.json().items() if k != "instance"} for r in (api_foreign, api_missing)]
    assert (api_foreign.status_code, same[0]) == (api_missing.status_code, same[1])
    assert api_missing.json()["instance"] == "/api/v1/patients/987654"  # the path asked for, nothing more


def test_the_owner_team_reaches_every_patient_read_route(world):
    target = world.patients["healthy-active"]
    browser = world.signed_in("ann")
    for method, path in world.patient_routes():
        if method != "GET":
            continue
        url = world.url_of(path, target)
        headers = world.api("ann") if path.startswith("/api/") else None
        assert browser.get(url, headers=headers).status_code == 200, url


def test_lists_show_only_the_team_patients(world):
    browser = world.signed_in("bo")
    assert "ex-cast-forearm" in browser.get("/patients").text
    assert "ex-healthy" not in browser.get("/patients").text
    listed = browser.get("/api/v1/patients", headers=world.api("bo")).json()
    assert [p["person_id"] for p in listed] == ["ex-cast-forearm"]


def test_without_credentials_pages_redirect_to_sign_in_and_the_api_says_401(world):
    client = world.client()
    for method, path in world.patient_routes():
        url = world.url_of(path, world.patients["healthy-active"])
        response = client.request(method, url)
        if path.startswith("/api/"):
            assert response.status_code == 401, url
        elif method == "GET":
            assert response.status_code == 303 and response.headers["location"].startswith("/login?next="), url
        else:
            assert response.status_code in (303, 403), url
    assert client.get("/api/v1/patients", headers={"Authorization": "Bearer nope"}).status_code == 401
    forged = world.client()
    forged.cookies.set("myoscope_session", "forged")
    assert forged.get("/api/v1/patients").status_code == 401
    assert forged.get("/patients").status_code == 303
