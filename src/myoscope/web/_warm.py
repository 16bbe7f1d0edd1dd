"""Warm-up at start-up: the first assessment in a process loads its modules and compiled kernels.

That first assessment takes seconds (the causes, the body-composition model and its compiled
numerical kernels load on first use); the patient who happens to be opened first would wait for
it, and every request meanwhile would share the cores with it. :func:`start_warm_up` assesses a
made-up record once, in a daemon thread started a moment after the server starts: it does not hold up the
server's readiness, and no stored record, user or cache is involved (its result is dropped).
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

log = logging.getLogger(__name__)

WARM_UP_RECORD: dict[str, Any] = {
    "schema_version": 1,
    "person": {"id": "warm-up", "sex": "female", "birth_date": "1950-03-01", "height": "160 cm"},
    "episodes": [{"kind": "bed_rest", "start": "2020-01-06", "end": "2020-01-14"}],
    "measurements": [
        {"kind": "body_weight", "value": "60 kg", "date": "2020-01-01"},
        {"kind": "body_weight", "value": "57 kg", "date": "2020-02-01"},
        {"kind": "calf_circumference", "side": "left", "value": "31 cm", "date": "2020-02-01"},
        {"kind": "grip_strength", "side": "right", "trials": ["15 kg", "16 kg"], "date": "2020-02-01"},
        {"kind": "gait_speed", "value": "0.7 m/s", "date": "2020-02-01"},
    ],
    "diet_days": [{"date": "2020-01-30", "energy": "1000 kcal", "protein": "35 g"}],
}
"""A record that goes through the causes' costly paths (a weight loss to project, low intake, bed rest)."""


def warm_up() -> float:
    """Assess and lay out :data:`WARM_UP_RECORD` once; returns the seconds it took."""
    from myoscope.causes import assess
    from myoscope.record import parse_record
    from myoscope.report import build_report

    started = time.perf_counter()
    record = parse_record(WARM_UP_RECORD)
    build_report(assess(record), record.person)
    return time.perf_counter() - started


def _run() -> None:
    try:
        log.info("assessment path warmed up in %.1f s", warm_up())
    except Exception:  # noqa: BLE001 - a failed warm-up costs only the first request's time
        log.exception("the assessment warm-up failed")


def start_warm_up() -> threading.Thread:
    """Run :func:`warm_up` in a daemon thread (returns at once)."""
    thread = threading.Thread(target=_run, name="myoscope-warm-up", daemon=True)
    thread.start()
    return thread
