"""A visit note or a correction's reason holds no hidden character, as no record text does: a NUL, an escape
that starts a terminal command, or a right-to-left override that shows "dose 5\u202e01 mg" reversed were
accepted in notes and reasons and shown on the patient page and the history page."""

from __future__ import annotations

import pytest
from test_api_write import _girth

HIDDEN = ["dose 5\u202e01 mg", "a\x00b", "clear\x1b[2J"]


@pytest.mark.parametrize("note", HIDDEN)
def test_a_visit_note_with_a_hidden_character_is_refused_and_nothing_is_saved(world, note):
    client, headers = world.client(), world.api("bo")
    key = world.patients["bo-own"]
    before = client.get(f"/api/v1/patients/{key}/visits", headers=headers).json()
    visit = client.post(
        f"/api/v1/patients/{key}/visits",
        headers=headers,
        json={"date": "2026-11-20", "note": note, "measurements": [{"kind": "body_weight", "value": "80 kg"}]},
    )
    assert visit.status_code == 422, visit.text
    assert "contains a hidden control character" in visit.text and "note" in visit.text
    assert client.get(f"/api/v1/patients/{key}/visits", headers=headers).json() == before


def test_a_visit_note_with_line_breaks_is_kept(world):
    client, headers = world.client(), world.api("bo")
    key = world.patients["bo-own"]
    visit = client.post(
        f"/api/v1/patients/{key}/visits",
        headers=headers,
        json={"date": "2026-11-20", "note": "line one\nline two\ttabbed"},
    )
    assert visit.status_code == 201, visit.text


@pytest.mark.parametrize("reason", HIDDEN)
def test_a_reason_with_a_hidden_character_is_refused(world, reason):
    client, headers = world.client(), world.api("bo")
    key = world.patients["bo-own"]
    entry = _girth(client, headers, key)
    url = f"/api/v1/patients/{key}/entries/measurements/{entry['id']}"
    changed = client.patch(
        url, headers={**headers, "If-Match": '"1"'}, json={"data": {"value": "24.2 cm"}, "reason": reason}
    )
    assert changed.status_code == 422, changed.text
    assert "contains a hidden control character" in changed.text
    assert client.get(url, headers=headers).headers["etag"] == '"1"'
