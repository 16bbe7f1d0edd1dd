"""Imported by every Dask worker of a local cluster as it starts (``preload``).

The worker loads the dataframe libraries and the compiled kernel from numba's cache while
the main process still prepares the inputs and plans the partitions, so the first task
does not pay for them.
"""

from __future__ import annotations

from typing import Any


def dask_setup(worker: Any) -> None:
    """Dask's preload hook: warm the imports and the kernel (the worker itself is not used)."""
    import dask.dataframe  # noqa: F401  # imported for its side effect: loaded before the first task
    import polars  # noqa: F401

    from myoscope.cohort._engines import warm_kernel

    warm_kernel()
