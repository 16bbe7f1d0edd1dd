"""A section recorded as "asked: none" through the visit screen and the API: saved, shown, withdrawn, refused
beside entries of the same section with the problem in words (screen) or as problem details (API)."""

from __future__ import annotations

import html
import re

PROBLEM = "application/problem+json"


def _errors(page: str) -> list[str]:
    return [html.unescape(m) for m in re.findall(r'<p class="field-error[^"]*" role="alert"[^>]*>([^<]+)</p>', page)]


def _visit(world, browser, key, **fields):
    token = world.csrf(browser.get(f"/patients/{key}/visits/new").text)
    return browser.post(
        f"/patients/{key}/visits", data={"csrf_token": token, "date": "2026-11-23", "action": "save", **fields}
    )


def test_the_visit_screen_records_none_reported_and_the_export_says_asked_none(world):
    key = world.patients["healthy-active"]
    browser = world.signed_in("ann")
    page = browser.get(f"/patients/{key}/visits/new").text
    assert 'id="asked_none.symptoms"' in page and "None reported (asked)" in page
    before = browser.get(f"/patients/{key}/export", params={"format": "json"}).json()
    assert "symptoms" not in before
    saved = _visit(world, browser, key, **{"asked_none.symptoms": "yes", "asked_none.family_history": "yes"})
    assert saved.status_code == 303, _errors(saved.text)
    export = browser.get(f"/patients/{key}/export", params={"format": "json"}).json()
    assert export["symptoms"] == [] and export["family_history"] == [] and "conditions" not in export
    entries = browser.get(f"/patients/{key}/entries").text
    assert "Symptoms: none reported (asked)" in entries and "Family history: none reported (asked)" in entries


def test_none_reported_beside_an_entry_of_the_section_is_refused_in_words_and_kept_ticked(world):
    key = world.patients["healthy-active"]
    browser = world.signed_in("ann")
    refused = _visit(world, browser, key, **{"asked_none.symptoms": "yes", "symptoms[0].kind": "cramps"})
    assert refused.status_code == 422
    (message,) = _errors(refused.text)
    assert message.startswith("Symptoms, none reported (asked): cannot be recorded as none reported")
    assert "this visit also enters 1 of its entries" in message
    assert re.search(r'id="asked_none\.symptoms" name="asked_none\.symptoms" value="yes"\s+checked', refused.text)
    export = browser.get(f"/patients/{key}/export", params={"format": "json"}).json()
    assert "symptoms" not in export


def test_the_api_accepts_none_returns_it_as_an_entry_and_withdraws_it_with_history(world):
    client, headers, key = world.client(), world.api("ann"), world.patients["healthy-active"]
    before = client.get(f"/api/v1/patients/{key}/assessment", headers=headers).json()
    added = client.post(
        f"/api/v1/patients/{key}/visits", headers=headers, json={"date": "2026-11-23", "asked_none": ["symptoms"]}
    )
    assert added.status_code == 201, added.text
    (entry,) = client.get(f"/api/v1/patients/{key}/entries?section=asked_none", headers=headers).json()
    assert entry["data"] == {"section": "symptoms"} and entry["version"] == 1 and not entry["withdrawn"]
    assert client.get(f"/api/v1/patients/{key}/assessment", headers=headers).json() != before
    url = f"/api/v1/patients/{key}/entries/asked_none/{entry['id']}"
    gone = client.delete(url, headers={**headers, "If-Match": '"1"'}, params={"reason": "not asked after all"})
    assert gone.status_code == 200, gone.text
    assert gone.json()["withdrawn"] is True
    history = client.get(f"{url}/history", headers=headers).json()
    assert [(v["version"], v["withdrawn"], v["by"], v["reason"]) for v in history] == [
        (1, False, "ann", ""),
        (2, True, "ann", "not asked after all"),
    ]
    assert client.get(f"/api/v1/patients/{key}/assessment", headers=headers).json() == before


def test_the_api_refuses_none_beside_entries_or_for_no_section_as_problem_details(world):
    client, headers, key = world.client(), world.api("ann"), world.patients["healthy-active"]
    url = f"/api/v1/patients/{key}/visits"
    both = client.post(
        url,
        headers=headers,
        json={"date": "2026-11-23", "asked_none": ["activity"], "activity": [{"date": "2026-11-20", "steps": 5000}]},
    )
    assert both.status_code == 422 and both.headers["content-type"] == PROBLEM
    (error,) = both.json()["errors"]
    assert error["value"] == "activity" and "cannot be recorded as none reported" in error["message"]
    stored = client.post(url, headers=headers, json={"date": "2026-11-23", "asked_none": ["measurements"]})
    assert stored.status_code == 422 and "already holds" in stored.json()["errors"][0]["message"]
    unknown = client.post(url, headers=headers, json={"date": "2026-11-23", "asked_none": ["hobbies"]})
    assert unknown.status_code == 422 and unknown.headers["content-type"] == PROBLEM
    edit = client.put(
        f"{url.removesuffix('/visits')}/entries/asked_none/1",
        headers={**headers, "If-Match": '"1"'},
        json={"data": {"section": "symptoms"}, "reason": "x"},
    )
    assert edit.status_code == 404 and edit.headers["content-type"] == PROBLEM


def test_none_ticked_by_two_at_once_is_saved_once_and_the_second_is_told_as_for_an_edit(world, monkeypatch):
    from myoscope.store import _asked

    key = world.patients["healthy-active"]
    client, headers = world.client(), world.api("ann")
    url = f"/api/v1/patients/{key}/visits"
    first = client.post(url, headers=headers, json={"date": "2026-11-23", "asked_none": ["symptoms"]})
    assert first.status_code == 201, first.text
    # the others read the record before the first saved: they saw no answer in force
    monkeypatch.setattr(_asked, "asked_sections", lambda _session, _person_id: frozenset())
    api = client.post(url, headers=headers, json={"date": "2026-11-23", "asked_none": ["symptoms"]})
    assert api.status_code == 409 and api.headers["content-type"].startswith(PROBLEM)
    assert api.json()["detail"].startswith("not saved: someone else recorded none reported meanwhile for symptoms")
    screen = _visit(world, world.signed_in("ann"), key, **{"asked_none.symptoms": "yes", "note": "second"})
    assert screen.status_code == 409
    (message,) = _errors(screen.text)
    assert message.startswith("Symptoms, none reported (asked): not saved: someone else recorded this section")
    monkeypatch.undo()
    entries = client.get(f"/api/v1/patients/{key}/entries?section=asked_none", headers=headers).json()
    assert len(entries) == 1
    visits = client.get(f"/api/v1/patients/{key}/visits", headers=headers).json()
    assert "second" not in [v.get("note") for v in visits]


def test_a_visit_holding_only_none_lists_what_it_holds_on_the_patient_page(world):
    key = world.patients["healthy-active"]
    browser = world.signed_in("ann")
    saved = _visit(world, browser, key, **{"asked_none.family_history": "yes", "note": "asked only"})
    assert saved.status_code == 303, _errors(saved.text)
    page = browser.get(f"/patients/{key}").text
    (row,) = re.findall(r"<tr><td>2026-11-23</td>\s*<td>([^<]*)</td>", page)
    assert html.unescape(row) == "family history: none reported (asked)"
