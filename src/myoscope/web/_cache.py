"""Assessments and their charts, computed once per version of a patient's record.

The assessment is still computed from the record on request (the store never runs the causes);
what is kept is its result, keyed by the patient, the time the record last changed and the day
(the default date of an assessment can depend on today). Any change to the record gives a new
key, so a stale result is never shown. Bounded: the least recently used results are dropped.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

SIZE = 256


class ResultCache:
    def __init__(self, size: int = SIZE):
        self._size = size
        self._items: OrderedDict[tuple, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple, compute: Callable[[], Any]) -> Any:
        key = (*key, dt.date.today())
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = compute()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return value


def version(patient) -> tuple:
    """What identifies one version of a patient's record."""
    return patient.id, patient.person.updated_at.isoformat()
