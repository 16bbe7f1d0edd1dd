"""Every form post needs the CSRF token: missing or wrong is refused (403) and changes nothing."""

from __future__ import annotations

import pytest


def form_posts(world) -> list[str]:
    return sorted({r.path for r in world.endpoints() if "POST" in r.methods and not r.path.startswith("/api/")})


def test_every_form_post_is_covered(world):
    assert {
        "/login",
        "/logout",
        "/patients",
        "/patients/import",
        "/patients/{patient_id}/visits",
        "/patients/{patient_id}/entries/{section}/{entry_id}",
        "/patients/{patient_id}/entries/{section}/{entry_id}/withdraw",
    } <= set(form_posts(world))


@pytest.mark.parametrize("token", [None, "wrong-token"])
def test_signed_in_posts_without_the_right_token_are_refused(world, token):
    browser = world.signed_in("ann")
    data = {"csrf_token": token} if token else {}
    for path in form_posts(world):
        url = world.url_of(path, world.patients["healthy-active"])
        response = browser.post(url, data={**data, "date": "2026-11-20", "person.id": "sneaky"})
        assert response.status_code == 403, (url, response.status_code)
    assert browser.get("/patients").status_code == 200  # logout was refused too
    assert "sneaky" not in browser.get("/patients").text


def test_the_token_of_another_session_is_refused(world):
    ann, bo = world.signed_in("ann"), world.signed_in("bo")
    bo_token = world.csrf(bo.get("/patients").text)
    response = ann.post("/patients", data={"csrf_token": bo_token, "person.id": "x1"})
    assert response.status_code == 403


def test_a_header_token_is_accepted_for_htmx_posts(world):
    browser = world.signed_in("ann")
    token = world.csrf(browser.get("/patients/new").text)
    response = browser.post("/patients", data={"person.id": "via-header"}, headers={"X-CSRF-Token": token})
    assert response.status_code == 303


def test_sign_in_needs_the_login_form_token(world):
    client = world.client()
    good = {"username": "ann", "password": world.passwords["ann"]}
    assert client.post("/login", data=good).status_code == 403
    token = world.csrf(client.get("/login").text)
    assert client.post("/login", data={**good, "csrf_token": "x" + token}).status_code == 403
    fresh = world.client()  # the form token without its cookie (another browser) is refused too
    assert fresh.post("/login", data={**good, "csrf_token": token}).status_code == 403
    assert client.post("/login", data={**good, "csrf_token": token}).status_code == 303
