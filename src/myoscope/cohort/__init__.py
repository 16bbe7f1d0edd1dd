"""Cohort screening: the per-person rules over whole tables, on one machine or a Dask cluster.

>>> from myoscope.cohort import generate, screen_arrays      # doctest: +SKIP
>>> cohort = generate(1000, seed=1)                           # doctest: +SKIP
>>> flags, refused, reasons = screen_arrays(cohort.rows, cohort.persons)  # doctest: +SKIP
"""

from __future__ import annotations

import importlib
from typing import Any

_HOME: dict[str, str] = {
    "KINDS": "_kinds", "KIND_CODE": "_kinds",
    "Cohort": "_generate", "generate": "_generate", "write_long": "_generate",
    "FLAG_COLUMNS": "kernel", "REASONS": "kernel", "RULE_VERSION": "kernel", "screen_arrays": "kernel",
    "screen_record_batch": "kernel",
    "wilson_interval": "_prevalence", "prevalence": "_prevalence",
    "write_omop": "_omop", "read_omop": "_omop",
    "Mapping": "_inputs", "load_mapping": "_inputs", "read_long": "_inputs",
    "ScreenResult": "_run", "screen": "_run",
    "spark_screen": "_spark",
}

__all__ = sorted(_HOME)


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'myoscope.cohort' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"myoscope.cohort.{module}"), name)
    globals()[name] = value
    return value
