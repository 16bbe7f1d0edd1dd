"""Two visits saved at the same moment are checked one after the other: a visit recording "episodes: none
reported" and another adding a bed rest, sent together, both saved before (in about 2 of 5 pairs), leaving the
record with a bed rest and a live "none reported" for the same section. Now the second waits for the first and
is refused, or supersedes it, as when they are sent one after the other."""

from __future__ import annotations

import threading


def test_a_none_reported_and_a_new_entry_sent_together_never_both_stand(world):
    headers = world.api("ann")
    client = world.client()
    bodies = [
        {"date": "2026-11-20", "asked_none": ["episodes"]},
        {"date": "2026-11-20", "episodes": [{"kind": "bed_rest", "start": "2026-10-01", "end": "2026-10-05"}]},
    ]
    for trial in range(12):
        made = client.post(
            "/api/v1/patients", headers=headers, json={"record": {"person": {"id": f"race-{trial}", "sex": "female"}}}
        )
        key = made.json()["id"]
        barrier, codes = threading.Barrier(2), [0, 0]

        def send(i: int, key: str = key, barrier: threading.Barrier = barrier, codes: list[int] = codes) -> None:
            own = world.client()
            barrier.wait()
            codes[i] = own.post(f"/api/v1/patients/{key}/visits", headers=headers, json=bodies[i]).status_code

        threads = [threading.Thread(target=send, args=(i,)) for i in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        entries = client.get(f"/api/v1/patients/{key}/entries", headers=headers).json()
        live = {e["section"] for e in entries if not e["withdrawn"]}
        assert not {"asked_none", "episodes"} <= live, (trial, codes, entries)
