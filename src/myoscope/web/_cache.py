"""Assessments and their charts, computed once per version of a patient's record.

The assessment is still computed from the record on request (the store never runs the causes);
what is kept is its result, keyed by the patient, the time the record last changed and the day
(the default date of an assessment can depend on today). Any change to the record gives a new
key (the store moves a patient's ``updated_at`` on every write to its rows: see
:mod:`myoscope.store`), so a stale result is never shown. The key is read from the database on
every request, so several server processes (``myoscope serve --workers N``) each keep their own
cache and none can show what another has changed since.

Scoping is not the cache's business: a result is looked up only after
:meth:`myoscope.store.Patients.open` has found the patient among the user's care teams, and what
is kept is derived from the record alone (nothing about who asked).

One computation per key at a time: requests asking for a key that is being computed wait for it
instead of repeating it (ten clinicians opening a patient just changed cost one assessment).
Bounded: the least recently used results are dropped.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, cast

from myoscope.causes import assess
from myoscope.store import aware

if TYPE_CHECKING:
    from myoscope.causes import Assessment
    from myoscope.record import Record
    from myoscope.store import Patient

SIZE = 1024
Key = tuple[Hashable, ...]
"""What a result is kept under (the day is added to it)."""


class _Pending:
    """A computation under way: its waiters block on ``done``."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.value: Any = None
        self.error: BaseException | None = None


class ResultCache:
    def __init__(self, size: int = SIZE) -> None:
        self._size = size
        self._items: OrderedDict[Key, Any] = OrderedDict()
        self._pending: dict[Key, _Pending] = {}
        self._lock = threading.Lock()
        self.computed = 0
        """How many values were computed (not found): for tests and the benchmark."""

    def __contains__(self, key: Key) -> bool:
        with self._lock:
            return (*key, dt.date.today()) in self._items

    def peek(self, key: Key) -> Any:
        """The value kept for ``key`` today, or None (nothing is computed)."""
        with self._lock:
            return self._items.get((*key, dt.date.today()))

    def get(self, key: Key, compute: Callable[[], Any]) -> Any:
        key = (*key, dt.date.today())
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
            pending = self._pending.get(key)
            owner = pending is None
            if owner:
                pending = self._pending[key] = _Pending()
        assert pending is not None
        if not owner:
            pending.done.wait()
            if pending.error is not None:
                raise pending.error
            return pending.value
        try:
            pending.value = compute()
        except BaseException as exc:
            pending.error = exc
            raise
        finally:
            with self._lock:
                del self._pending[key]
                if pending.error is None:
                    self.computed += 1
                    self._items[key] = pending.value
                    while len(self._items) > self._size:
                        self._items.popitem(last=False)
            pending.done.set()
        return pending.value


def version(patient: Patient) -> tuple[int, str]:
    """What identifies one version of a patient's record (the same text as the red-flag markers'
    version, :func:`myoscope.store.records_to_flag`, whichever database gave the time)."""
    return patient.id, aware(patient.person.updated_at).astimezone(dt.UTC).isoformat()


def cached_assessment(cache: ResultCache, key: tuple[int, str], record: Callable[[], Record]) -> Assessment:
    """The assessment (at its default date) of the record version ``key``: computed once, by whoever asks
    first (the patient page, the API or the red-flag marker), then shared."""
    return cast("Assessment", cache.get(("assessment", *key), lambda: assess(record())))
