"""No redirect is built from a request's Host header: "/patients/" redirected to http://<Host>/patients, so a
forged Host sent a browser elsewhere, and behind a TLS proxy to plain http. An address with a trailing slash is
not found; the CDS Hooks discovery address answers at /cds-services directly."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("path", ["/patients/", "/login/", "/api/v1/patients/"])
def test_a_trailing_slash_is_not_redirected_to_the_host_header(world, path):
    response = world.client().get(path, headers={"Host": "evil.example"}, follow_redirects=False)
    assert response.status_code == 404
    assert "evil.example" not in response.headers.get("location", "")


def test_cds_hooks_discovery_answers_without_a_redirect(world):
    response = world.client().get("/cds-services", headers={"Host": "evil.example"}, follow_redirects=False)
    assert response.status_code == 200
    assert response.json()["services"][0]["id"] == "muscle-wasting-screen"
