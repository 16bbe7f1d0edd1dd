"""Validated instruments, one module each, behind a small public API.

The names an instrument is built on are in :mod:`myoscope.instruments.api`; every instrument and
definition is found by name through :mod:`myoscope.scores` (``get``, ``names``, ``registry``).
"""

from myoscope.instruments.api import (
    CANNOT_TELL,
    Criterion,
    Example,
    Instrument,
    InstrumentInput,
    Score,
)

__all__ = ["CANNOT_TELL", "Criterion", "Example", "Instrument", "InstrumentInput", "Score"]
