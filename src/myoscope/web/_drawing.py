"""Chart images drawn in a separate process, off the server's interpreter lock.

Drawing a chart is tens of milliseconds of pure-Python plotting: in the server process it would
hold the interpreter lock, and every other request (a page, an API read) would wait behind it.
:class:`ChartDrawer` hands the drawing to one worker process (started with ``spawn``: a fork of a
server that runs threads could inherit a held lock) and waits for the bytes, which lets the lock go.
The worker loads the plotting library once; it is asked to at start-up (:meth:`ChartDrawer.warm`)
so that the first chart after a visit save does not pay for it.

Only the chart's numbers (:class:`~myoscope.report.model.ChartData`) go to the worker: no database
object, no user. Scoping, auditing and the per-version cache stay with the request that asks.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

from myoscope.report import screen_chart_png, warm_chart_drawing

if TYPE_CHECKING:
    from myoscope.report.model import ChartData

log = logging.getLogger(__name__)
WORKERS = 1
"""Drawing processes: one keeps the server's cores for requests; charts are drawn once per record version."""
TIMEOUT_S = 60.0
"""A drawing that takes longer is abandoned (the request fails; the worker is replaced)."""


class ChartDrawer:
    """A lazily started pool of drawing processes, shared by the requests of one app."""

    def __init__(self, workers: int = WORKERS) -> None:
        self._workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(self._workers, mp_context=multiprocessing.get_context("spawn"))
            return self._pool

    def _submit(self, chart: ChartData) -> Future[bytes]:
        return self._executor().submit(screen_chart_png, chart)

    def png(self, chart: ChartData) -> bytes:
        """``chart`` as the page's PNG image, drawn by a worker process (this thread waits without the lock)."""
        try:
            return self._submit(chart).result(TIMEOUT_S)
        except BrokenProcessPool:  # a worker died (killed, out of memory): start afresh once
            log.warning("the chart drawing process stopped; starting a new one")
            self._reset()
            return self._submit(chart).result(TIMEOUT_S)
        except TimeoutError:
            self._reset()
            raise

    def warm(self) -> None:
        """Start the worker and have it load the plotting library now (returns at once)."""
        self._executor().submit(warm_chart_drawing)

    def _reset(self, wait: bool = False) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=wait, cancel_futures=True)

    def close(self) -> None:
        """Stop the worker (at server shutdown: waits for it to exit, so that nothing of it is left behind)."""
        self._reset(wait=True)
