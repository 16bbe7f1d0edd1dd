"""Entry points: one exam, many exams, or an encoded batch."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from myoscope.isncsci._encode import EncodedExams, encode
from myoscope.isncsci._kernel import classify_arrays
from myoscope.isncsci._result import BatchResult, Classification
from myoscope.record.spinal import Exam, parse_exam


def classify(exam: Exam | Mapping[str, Any]) -> Classification:
    """Classify one exam (a mapping in the EXAM shape, or an :class:`Exam`).

    Refuses invalid input with an :class:`~myoscope.errors.InputError` naming
    each field (``right.motor.C5``), its value and the accepted set.
    """
    model = parse_exam(exam)
    return classify_batch(encode([model]))[0]


def classify_many(exams: Iterable[Exam | Mapping[str, Any]]) -> list[Classification]:
    """Classify exams in order; problems are reported as ``[i].field``."""
    return list(classify_batch(encode(list(exams))))


def classify_batch(batch: EncodedExams) -> BatchResult:
    """Classify an encoded batch with the compiled kernel (no strings built)."""
    return BatchResult(*classify_arrays(batch.sens, batch.motor, batch.anal, batch.nkm))
