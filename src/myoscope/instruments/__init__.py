"""Validated instruments, one module each, behind a small public API.

``get(name)`` returns a registered instrument, ``names()`` lists them all. The
registry finds every :class:`Instrument` subclass instance published as a
module-level ``INSTRUMENT`` (or ``INSTRUMENTS`` tuple) in the packages
``myoscope.instruments`` and ``myoscope.criteria``.
"""

from myoscope.instruments._base import (
    CANNOT_TELL,
    Criterion,
    Example,
    Instrument,
    InstrumentInput,
    Score,
)
from myoscope.instruments._registry import get, names, registry

__all__ = ["CANNOT_TELL", "Criterion", "Example", "Instrument", "InstrumentInput", "Score", "get", "names", "registry"]
