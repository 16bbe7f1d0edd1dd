"""A mistyped value in an address is refused with 422 naming it, never silently replaced or ignored: a
measurement kind spelled wrong answered an empty list, ``export?format=jsn`` sent YAML and ``order=up`` sorted
by the default."""

from __future__ import annotations


def test_a_mistyped_measurement_kind_is_refused(world):
    client, headers = world.client(), world.api("bo")
    key = world.patients["bo-own"]
    response = client.get(f"/api/v1/patients/{key}/measurements", headers=headers, params={"kind": "body_wieght"})
    assert response.status_code == 422
    assert "body_wieght" in response.text and "is not a measurement kind" in response.text
    good = client.get(f"/api/v1/patients/{key}/measurements", headers=headers, params={"kind": "body_weight"})
    assert good.status_code == 200


def test_a_mistyped_export_format_is_refused(world):
    browser = world.signed_in("ann")
    key = world.patients["healthy-active"]
    assert browser.get(f"/patients/{key}/export", params={"format": "jsn"}).status_code == 422
    assert browser.get(f"/patients/{key}/export", params={"format": "json"}).status_code == 200


def test_a_mistyped_sort_order_is_refused(world):
    browser = world.signed_in("ann")
    assert browser.get("/patients", params={"order": "up"}).status_code == 422
    assert browser.get("/patients", params={"order": "desc"}).status_code == 200
