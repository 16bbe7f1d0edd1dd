"""Quantitative physiology: energy equations, body-composition, disuse and muscle-projection models.

Public entry point of the joined projection (loaded on first use, so that importing a single
model stays cheap):

* :func:`project_record` -- ``project_record(record, on, scenarios=..., horizon_weeks=12)`` returns a
  :class:`Projection`: whole-body fat / lean bands per scenario and regional muscle courses;
* :class:`NumericalFailure` -- raised when the model leaves the physical range.
"""

from __future__ import annotations

from typing import Any

_LAZY = {"project_record", "Projection", "NumericalFailure", "ScenarioResult", "Band"}
__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from myoscope.physiology import projection

        return getattr(projection, name)
    raise AttributeError(f"module 'myoscope.physiology' has no attribute {name!r}")
