"""ISNCSCI 2019 classification of a spinal cord injury exam.

Levels, neurological level of injury, completeness, ASIA Impairment Scale,
zones of partial preservation and totals, exactly as the official algorithm
of the Praxis Spinal Cord Institute (npm ``isncsci`` 2.0.6) gives them,
quirks included. Sources: rupp2021_isncsci (the standard), schuld2012_isncsci
(NT handling), schuld2024_zpp (ZPP applicability), kirshblum2021_challenges,
praxis_isncsci_2_0_6 (the reference implementation).

>>> from myoscope.isncsci import classify
>>> result = classify(exam)            # doctest: +SKIP
>>> result.ais, result.nli             # doctest: +SKIP
('A', 'C5')
"""

from __future__ import annotations

import importlib
from typing import Any

from myoscope.record.spinal import Exam
from myoscope.references import cite

CITATIONS: tuple[str, ...] = cite(
    "rupp2021_isncsci", "schuld2012_isncsci", "schuld2024_zpp", "kirshblum2021_challenges", "praxis_isncsci_2_0_6"
)
"""Reference keys behind the classification (the standard, NT handling, ZPP, rulings, reference code)."""

_HOME: dict[str, str] = {
    "classify": "_classify",
    "classify_batch": "_classify",
    "classify_many": "_classify",
    "KEY_MUSCLES": "_codes",
    "SEGMENTS": "_codes",
    "level_index": "_codes",
    "EncodedExams": "_encode",
    "encode": "_encode",
    "FollowUpPoint": "_followup",
    "compare": "_followup",
    "WeakMuscle": "_muscles",
    "weak_key_muscles": "_muscles",
    "BatchResult": "_result",
    "Classification": "_result",
    "SideClassification": "_result",
    "synthetic_exams": "_synthetic",
    "stream": "_stream",
    "Summary": "_stream",
}
"""Where each public name lives. Loaded on first use, so that importing the package costs no numba
or numpy start-up; the compiled kernels load (or compile, then cache) on the first classification.
The exam model itself is :class:`myoscope.record.spinal.Exam` (re-exported here as ``Exam``)."""


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'myoscope.isncsci' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"myoscope.isncsci.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOME))


__all__ = [
    "BatchResult",
    "CITATIONS",
    "Classification",
    "EncodedExams",
    "Exam",
    "FollowUpPoint",
    "KEY_MUSCLES",
    "SEGMENTS",
    "SideClassification",
    "Summary",
    "WeakMuscle",
    "classify",
    "classify_batch",
    "classify_many",
    "compare",
    "stream",
    "encode",
    "level_index",
    "synthetic_exams",
    "weak_key_muscles",
]
