"""Exams to integer arrays (the batch input of the kernel), fast.

Well-formed mappings are encoded by table look-ups only; a mapping that does
not encode cleanly is validated by the pydantic model, which either accepts
it (e.g. integer scores) or names every problem.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

import numpy as np

from myoscope.errors import InputError, Problem
from myoscope.isncsci._codes import (
    ANAL_CODE,
    DERMATOMES,
    KEY_SEGMENT,
    MOTOR_CODE,
    MOTOR_LEVELS,
    S_2,
    SEGMENT_INDEX,
    SENSORY_CODE,
)
from myoscope.record.spinal import Exam, parse_exam

_DERMATOMES = itemgetter(*DERMATOMES)
_MOTOR = itemgetter(*MOTOR_LEVELS)
_S = SENSORY_CODE.__getitem__
_M = MOTOR_CODE.__getitem__
_KEY_SEGMENTS = frozenset(KEY_SEGMENT)
_N_SENSORY = 2 * 2 * len(DERMATOMES)
_N_MOTOR = 2 * len(MOTOR_LEVELS)


@dataclass(frozen=True)
class EncodedExams:
    """A batch of exams as arrays (layout: see :mod:`myoscope.isncsci._kernel`)."""

    sens: np.ndarray
    motor: np.ndarray
    anal: np.ndarray
    nkm: np.ndarray

    def __len__(self) -> int:
        return int(self.sens.shape[0])


def _non_key_segment(level: str | None) -> int:
    """Segment of a non-key muscle level, or -1 when absent or not at a key muscle.

    The reference only matches C5-T1 and L2-S1 and ignores other levels
    (official cases 77-79), so they encode as -1.
    """
    if level is None:
        return -1
    seg = SEGMENT_INDEX[level]
    return seg if seg in _KEY_SEGMENTS else -1


def _encode_one(exam: Mapping[str, Any], sens: list[int], motor: list[int], anal: list[int], nkm: list[int]) -> None:
    """Append one exam's codes; raises KeyError/TypeError/ValueError when it is not clean."""
    if len(exam) != 4:
        raise ValueError("keys")
    right = exam["right"]
    left = exam["left"]
    codes_s: list[int] = []
    codes_m: list[int] = []
    levels = []
    for side in (right, left):
        if len(side) != (4 if "lowest_non_key_muscle" in side else 3):
            raise ValueError("keys")
        lt = side["light_touch"]
        pp = side["pin_prick"]
        mo = side["motor"]
        if len(lt) != 28 or len(pp) != 28 or len(mo) != 10:
            raise ValueError("keys")
        codes_s.extend(map(_S, _DERMATOMES(lt)))
        codes_s.extend(map(_S, _DERMATOMES(pp)))
        codes_m.extend(map(_M, _MOTOR(mo)))
        levels.append(_non_key_segment(side.get("lowest_non_key_muscle")))
    codes_a = [ANAL_CODE[exam["vac"]], ANAL_CODE[exam["dap"]]]
    sens.extend(codes_s)
    motor.extend(codes_m)
    anal.extend(codes_a)
    nkm.extend(levels)


def encode(exams: Sequence[Exam | Mapping[str, Any]], prefix: str = "") -> EncodedExams:
    """Encode exams (models or mappings); refuse the batch listing every problem (``[i].field``)."""
    sens: list[int] = []
    motor: list[int] = []
    anal: list[int] = []
    nkm: list[int] = []
    problems: list[Problem] = []
    for i, exam in enumerate(exams):
        if isinstance(exam, Exam):
            exam = exam.model_dump()
        try:
            _encode_one(exam, sens, motor, anal, nkm)
            continue
        except (KeyError, TypeError, ValueError, AttributeError):
            pass
        try:
            model = parse_exam(exam, f"{prefix}[{i}]")
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        _encode_one(model.model_dump(), sens, motor, anal, nkm)
    if problems:
        raise InputError(problems)
    n = len(anal) // 2
    batch = EncodedExams(
        sens=np.full((n, 2, 2, 29), S_2, dtype=np.uint8),
        motor=np.array(motor, dtype=np.uint8).reshape(n, 2, 10),
        anal=np.array(anal, dtype=np.uint8).reshape(n, 2),
        nkm=np.array(nkm, dtype=np.int8).reshape(n, 2),
    )
    batch.sens[:, :, :, 1:] = np.array(sens, dtype=np.uint8).reshape(n, 2, 2, 28)
    return batch
