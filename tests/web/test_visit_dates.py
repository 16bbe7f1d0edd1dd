"""A visit's date is read as a record's dates are: a date written YYYY-MM-DD, not in the future; a number is not
read as seconds since 1970 (``1764547200`` is a typing slip, not 2025-12-01)."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.mark.parametrize("date", [1764547200, "1764547200", (dt.date.today() + dt.timedelta(days=3)).isoformat()])
def test_a_visit_date_that_is_not_a_past_date_is_refused_naming_the_field(world, date):
    client, headers, key = world.client(), world.api("ann"), world.patients["healthy-active"]
    before = client.get(f"/api/v1/patients/{key}/visits", headers=headers).json()
    refused = client.post(
        f"/api/v1/patients/{key}/visits",
        headers=headers,
        json={"date": date, "measurements": [{"kind": "body_weight", "value": "80 kg"}]},
    )
    assert refused.status_code == 422, refused.text
    assert refused.json()["errors"][0]["field"] == "date"
    assert client.get(f"/api/v1/patients/{key}/visits", headers=headers).json() == before  # nothing saved
