"""Audit entries of reads, and tokens' last-used times, written off the request path in short batches.

A request that only reads must not hold the database's write lock while it works (on SQLite
one writer at a time serves every user). Its audit entries go to an :class:`AuditQueue`; a
background thread writes whatever is pending in one short transaction every ``interval``
seconds. :meth:`AuditQueue.flush` writes everything now (used at shutdown and by tests).
Changes (a new patient, a visit) keep their audit entry in their own transaction.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from sqlalchemy import Engine, insert, update

from myoscope.store._tables import ApiToken, AuditEntry, utcnow

log = logging.getLogger(__name__)


class AuditQueue:
    """Pending audit rows and token touches for one engine, written in batches by a daemon thread."""

    def __init__(self, engine: Engine, interval: float = 0.2):
        self._engine = engine
        self._interval = interval
        self._entries: list[dict[str, Any]] = []
        self._touches: dict[int, Any] = {}
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._wake = threading.Event()
        self._closed = False
        self._thread: threading.Thread | None = None

    def add(self, **entry: Any) -> None:
        """Queue one audit row (the columns of :class:`AuditEntry`); its time is taken now."""
        entry.setdefault("at", utcnow())
        with self._lock:
            self._entries.append(entry)
            self._start()
        self._wake.set()

    def touch_token(self, token_id: int) -> None:
        with self._lock:
            self._touches[token_id] = utcnow()
            self._start()
        self._wake.set()

    def _start(self) -> None:
        if self._thread is None and not self._closed:
            self._thread = threading.Thread(target=self._run, name="myoscope-audit", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while not self._closed:
            self._wake.wait()
            self._wake.clear()
            if not self._closed:
                time.sleep(self._interval)  # gather a batch
            try:
                self.flush()
            except Exception:  # noqa: BLE001 - kept and retried at the next batch
                log.exception("audit entries not written yet; will retry")
                time.sleep(self._interval)
                self._wake.set()

    def flush(self) -> int:
        """Write everything pending now, in one transaction; returns how many audit rows were written."""
        with self._write_lock:
            with self._lock:
                entries, self._entries = self._entries, []
                touches, self._touches = self._touches, {}
            if not entries and not touches:
                return 0
            try:
                with self._engine.begin() as connection:
                    if entries:
                        connection.execute(insert(AuditEntry), entries)
                    for token_id, moment in touches.items():
                        connection.execute(update(ApiToken).where(ApiToken.id == token_id).values(last_used_at=moment))
            except Exception:
                with self._lock:
                    self._entries[:0] = entries
                    for token_id, moment in touches.items():
                        self._touches.setdefault(token_id, moment)
                raise
            return len(entries)

    def close(self) -> None:
        """Write what is pending and stop the thread."""
        self._closed = True
        self._wake.set()
        if self._thread is not None:
            self._thread.join(5)
        self.flush()
