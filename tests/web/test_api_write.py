"""PUT, PATCH and DELETE (withdraw) of record entries through the API: versions, history, scoping, problems."""

from __future__ import annotations

import pytest

PROBLEM = "application/problem+json"


def _girth(client, headers, key, side="left"):
    entries = client.get(f"/api/v1/patients/{key}/entries?section=measurements", headers=headers).json()
    return next(e for e in entries if e["data"]["kind"] == "forearm_circumference" and e["data"].get("side") == side)


@pytest.fixture
def cast(world):
    key = world.patients["bo-own"]
    return world.client(), world.api("bo"), key, f"/api/v1/patients/{key}/entries/measurements"


def test_patch_needs_if_match_and_keeps_the_earlier_version(cast):
    client, headers, key, base = cast
    entry = _girth(client, headers, key)
    url = f"{base}/{entry['id']}"
    got = client.get(url, headers=headers)
    assert got.headers["etag"] == '"1"'
    body = {"data": {"value": "24.2 cm"}, "reason": "typed the wrong arm"}
    missing = client.patch(url, headers=headers, json=body)
    assert missing.status_code == 428 and missing.headers["content-type"] == PROBLEM
    assert missing.json()["current"]["version"] == 1
    changed = client.patch(url, headers={**headers, "If-Match": '"1"'}, json=body)
    assert changed.status_code == 200, changed.text
    assert changed.headers["etag"] == '"2"' and changed.json()["data"]["value"] == pytest.approx(24.2)
    record = client.get(f"/api/v1/patients/{key}/record", headers=headers).json()
    assert 24.2 in [m["value"] for m in record["measurements"] if m["kind"] == "forearm_circumference"]
    history = client.get(f"{url}/history", headers=headers).json()
    assert [(v["version"], v["by"], v["reason"]) for v in history] == [
        (1, "import", ""),
        (2, "bo", "typed the wrong arm"),
    ]
    assert history[0]["data"]["value"] == pytest.approx(22.1)


def test_a_stale_version_is_refused_with_the_entry_as_it_is_now(cast):
    client, headers, key, base = cast
    entry = _girth(client, headers, key, "right")
    url = f"{base}/{entry['id']}"
    first = client.put(
        url,
        headers={**headers, "If-Match": '"1"'},
        json={"data": {**entry["data"], "value": 24.0}, "reason": "re-read"},
    )
    assert first.status_code == 200
    second = client.put(
        url, headers={**headers, "If-Match": '"1"'}, json={"data": {**entry["data"], "value": 23.0}, "reason": "mine"}
    )
    assert second.status_code == 412 and second.headers["content-type"] == PROBLEM
    problem = second.json()
    assert (
        problem["status"] == 412 and problem["instance"] == f"/api/v1/patients/{key}/entries/measurements/{entry['id']}"
    )
    assert problem["current"]["version"] == 2 and problem["current"]["data"]["value"] == pytest.approx(24.0)


def test_delete_withdraws_with_a_reason_and_the_entry_stays_in_its_history(cast):
    client, headers, key, base = cast
    entry = _girth(client, headers, key, "right")
    url = f"{base}/{entry['id']}"
    no_reason = client.delete(url, headers={**headers, "If-Match": '"1"'})
    assert no_reason.status_code == 422 and no_reason.json()["errors"][0]["field"] == "reason"
    gone = client.delete(url + "?reason=measured%20on%20the%20wrong%20patient", headers={**headers, "If-Match": '"1"'})
    assert gone.status_code == 200 and gone.json()["withdrawn"] is True
    record = client.get(f"/api/v1/patients/{key}/record", headers=headers).json()
    assert all(m.get("side") != "right" or m["kind"] != "forearm_circumference" for m in record["measurements"])
    again = client.patch(url, headers={**headers, "If-Match": '"2"'}, json={"data": {}, "reason": "undo"})
    assert again.status_code == 409 and again.json()["current"]["withdrawn"] is True
    history = client.get(f"{url}/history", headers=headers).json()
    assert [(v["version"], v["withdrawn"]) for v in history] == [(1, False), (2, True)]
    assert history[1]["reason"] == "measured on the wrong patient"


def test_an_invalid_edit_names_its_fields_in_words(cast):
    client, headers, key, base = cast
    entry = _girth(client, headers, key)
    refused = client.patch(
        f"{base}/{entry['id']}",
        headers={**headers, "If-Match": '"1"'},
        json={"data": {"value": "22 kg", "date": "1960-01-01"}, "reason": "check"},
    )
    assert refused.status_code == 422 and refused.headers["content-type"] == PROBLEM
    problem = refused.json()
    assert problem["type"].endswith("invalid-input") and problem["title"] and problem["detail"]
    fields = [e["field"] for e in problem["errors"]]
    assert fields and all("[" not in f for f in fields), fields
    assert client.get(f"{base}/{entry['id']}", headers=headers).headers["etag"] == '"1"'


def test_the_person_can_be_corrected_but_not_withdrawn(cast):
    client, headers, key, _ = cast
    url = f"/api/v1/patients/{key}/entries/person/{key}"
    person = client.get(url, headers=headers).json()
    changed = client.patch(
        url, headers={**headers, "If-Match": '"1"'}, json={"data": {"height": "166 cm"}, "reason": "re-measured"}
    )
    assert changed.status_code == 200 and changed.json()["data"]["height"] == pytest.approx(166)
    assert client.get(f"/api/v1/patients/{key}", headers=headers).json()["person"]["height"] == pytest.approx(166)
    refused = client.delete(url, headers={**headers, "If-Match": '"2"'}, params={"reason": "x"})
    assert refused.status_code == 422 and person["data"]["id"]


def test_other_teams_entries_are_not_found(world, cast):
    client, headers, key, base = cast
    entry = _girth(client, headers, key)
    for method in ("get", "put", "patch", "delete"):
        kwargs = {"json": {"data": {}, "reason": "x"}} if method in ("put", "patch") else {}
        answer = getattr(client, method)(
            f"{base}/{entry['id']}", headers={**world.api("ann"), "If-Match": '"1"'}, **kwargs
        )
        assert answer.status_code == 404 and answer.headers["content-type"] == PROBLEM, method
    own = world.patients["healthy-active"]
    elsewhere = client.get(f"/api/v1/patients/{own}/entries/measurements/{entry['id']}", headers=world.api("ann"))
    assert elsewhere.status_code == 404
