"""The patient list's red-flag markers, computed off the request path.

A list request never assesses: it reads stored markers (:func:`myoscope.store.overview`) and
hands the ones that are missing or out of date (a new visit, an edit, a new day) to
:class:`FlagWorker`, whose thread stores each record version's marker. The assessment behind a
marker is the app's one for that version (:func:`myoscope.web._cache.cached_assessment`): the
marker and the patient page share it, whichever asks first computes it. Until then the row says
"checking" and the list asks again shortly.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from myoscope.causes import Urgency, assess
from myoscope.record import Record
from myoscope.store import Flags, records_to_flag, save_flags
from myoscope.web._cache import ResultCache, cached_assessment

if TYPE_CHECKING:
    from myoscope.causes import Assessment

Assess = Callable[[Record], "Assessment"]

log = logging.getLogger(__name__)
BATCH = 20


def flags_of(record: Record | None, assessment: Assess = assess) -> Flags:
    """The marker of one record: how many red flags, whether any is urgent, their codes."""
    if record is None:
        return Flags(None, False, ())
    try:
        found = assessment(record).red_flags
    except Exception:  # noqa: BLE001 - a record that cannot be assessed is marked so, not hidden
        log.exception("red flags of a stored record could not be computed")
        return Flags(None, False, ())
    return Flags(len(found), any(f.urgency is Urgency.urgent for f in found), tuple(f.code for f in found))


class FlagWorker:
    """Pending (patient, version) pairs for one engine, computed by a daemon thread in small batches."""

    def __init__(
        self,
        engine: Engine,
        compute: Callable[[Record | None, Assess], Flags] = flags_of,
        background: bool = True,
        results: ResultCache | None = None,
    ):
        """``background=False``: no thread; markers are computed only by :meth:`drain` (tests).
        ``results``: the app's cache, whose assessment of a version the marker reuses (or fills)."""
        self._engine = engine
        self._results = results
        self._background = background
        self._compute = compute
        self._pending: dict[int, str] = {}
        self._lock = threading.Lock()
        self._work_lock = threading.Lock()
        self._wake = threading.Event()
        self._closed = False
        self._thread: threading.Thread | None = None

    def want(self, stale: Iterable[tuple[int, str]]) -> None:
        wanted = dict(stale)
        if not wanted:  # nothing to do: the worker is not woken (a list with every marker current)
            return
        with self._lock:
            self._pending.update(wanted)
            if self._background and self._pending and self._thread is None and not self._closed:
                self._thread = threading.Thread(target=self._run, name="myoscope-flags", daemon=True)
                self._thread.start()
        self._wake.set()

    def _run(self) -> None:
        while not self._closed:
            self._wake.wait()
            self._wake.clear()
            try:
                while self.run_batch():
                    pass
            except Exception:  # noqa: BLE001 - retried when the list next asks
                log.exception("red-flag markers not computed yet")

    def run_batch(self) -> int:
        """Compute up to :data:`BATCH` pending markers now; returns how many were done."""
        with self._work_lock:
            with self._lock:
                batch = list(self._pending.items())[:BATCH]
                for person_id, _ in batch:
                    del self._pending[person_id]
            for person_id, version, record in records_to_flag(self._engine, batch):
                save_flags(self._engine, person_id, version, self._compute(record, self._assessor(person_id, version)))
            return len(batch)

    def _assessor(self, person_id: int, version: str) -> Assess:
        results = self._results
        if results is None:
            return assess
        return lambda record: cached_assessment(results, (person_id, version), lambda: record)

    def drain(self) -> None:
        """Compute everything pending now (tests, shutdown)."""
        while self.run_batch():
            pass

    def close(self) -> None:
        self._closed = True
        self._wake.set()
        if self._thread is not None:
            self._thread.join(5)
