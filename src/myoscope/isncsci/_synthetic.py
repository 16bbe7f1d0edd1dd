"""Synthetic exams for tests and benchmarks (not clinical data).

A seeded numpy generator draws a lesion level per side and a pattern
(complete, sensory incomplete, motor incomplete, intact, or arbitrary values),
then overlays NT scores, tagged (``*``/``**``) scores and a lowest non-key
muscle at given rates. Drawn in integer codes; :func:`synthetic_exams` turns
them into EXAM mappings.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from myoscope.isncsci._codes import (
    ANAL_VALUES,
    DERMATOMES,
    KEY_SEGMENT,
    MOTOR_CODE,
    MOTOR_LEVELS,
    MOTOR_VALUES,
    SEGMENTS,
    SENSORY_CODE,
    SENSORY_VALUES,
)
from myoscope.isncsci._encode import EncodedExams

PATTERNS = ("complete", "sensory_incomplete", "motor_incomplete", "intact", "arbitrary")
PATTERN_P = (0.30, 0.15, 0.32, 0.05, 0.18)


def _tag_table(values: tuple[str, ...], codes: dict[str, int], suffix: str) -> np.ndarray:
    table = np.arange(len(values), dtype=np.uint8)
    for i, v in enumerate(values):
        if "*" not in v and v + suffix in codes:
            table[i] = codes[v + suffix]
    return table


_S_TAG = (_tag_table(SENSORY_VALUES, SENSORY_CODE, "*"), _tag_table(SENSORY_VALUES, SENSORY_CODE, "**"))
_M_TAG = (_tag_table(MOTOR_VALUES, MOTOR_CODE, "*"), _tag_table(MOTOR_VALUES, MOTOR_CODE, "**"))


def synthetic_codes(
    n: int, seed: int, *, nt_rate: float = 0.15, star_rate: float = 0.15, nonkey_rate: float = 0.1
) -> tuple[EncodedExams, np.ndarray]:
    """``n`` encoded exams and the non-key muscle level drawn per side (segment index, -1 none)."""
    rng = np.random.default_rng(seed)
    pattern = rng.choice(len(PATTERNS), size=n, p=PATTERN_P)
    complete = pattern == 0
    sens_inc = pattern == 1
    motor_inc = pattern == 2
    intact = pattern == 3
    arbitrary = pattern == 4

    level = rng.integers(0, 28, n)
    side_level = np.clip(level[:, None] + rng.integers(-1, 2, (n, 2)), 0, 27)  # last normal segment
    seg = np.arange(29)
    below = seg[None, None, :] > side_level[:, :, None]
    near = below & (seg[None, None, :] <= side_level[:, :, None] + 3)

    u = rng.random((n, 2, 2, 29))
    spared = np.where(u < 0.4, 0, np.where(u < 0.8, 1, 2))
    zpp = np.where(u < 0.6, 0, 1)
    low = np.where(complete[:, None, None, None], np.where(near[:, :, None, :], zpp, 0), spared)
    sens = np.where(below[:, :, None, :], low, 2)
    sacral = rng.integers(1, 3, (n, 2, 2))
    sens[:, :, :, 28] = np.where(sens_inc[:, None, None], sacral, sens[:, :, :, 28])
    sens[:, :, :, 28] = np.where(complete[:, None, None], 0, sens[:, :, :, 28])
    sens[intact] = 2
    sens[:, :, :, 0] = 2

    key = np.array(KEY_SEGMENT)
    m_below = key[None, None, :] > side_level[:, :, None]
    m_at = key[None, None, :] == side_level[:, :, None] + 1
    strength = rng.random((n, 1, 1))
    graded = rng.binomial(5, strength, (n, 2, 10))
    weak = np.where(near[:, :, key], rng.integers(0, 3, (n, 2, 10)), 0)
    motor = np.where(motor_inc[:, None, None], graded, np.where(complete[:, None, None], weak, 0))
    motor = np.where(m_at, np.maximum(motor, rng.integers(1, 5, (n, 2, 10))), motor)
    motor = np.where(m_below | m_at, motor, 5)
    motor[intact] = 5

    vac = np.where(motor_inc, np.where(rng.random(n) < 0.6, 1, 0), 0)
    vac[intact] = 1
    dap = np.where(complete, 0, np.where(rng.random(n) < 0.6, 1, 0))
    dap[intact] = 1

    sens = sens.astype(np.uint8)
    motor = motor.astype(np.uint8)
    # arbitrary values anywhere
    sens[arbitrary] = rng.integers(0, len(SENSORY_VALUES), (int(arbitrary.sum()), 2, 2, 29))
    motor[arbitrary] = rng.integers(0, len(MOTOR_VALUES), (int(arbitrary.sum()), 2, 10))
    vac[arbitrary] = rng.integers(0, 3, int(arbitrary.sum()))
    dap[arbitrary] = rng.integers(0, 3, int(arbitrary.sum()))
    sens[:, :, :, 0] = SENSORY_CODE["2"]
    sens = np.ascontiguousarray(sens)

    _overlay(rng, sens, motor, vac, dap, nt_rate, star_rate)

    nkm_level = np.full((n, 2), -1, dtype=np.int8)
    has_nkm = rng.random((n, 2)) < nonkey_rate
    nkm_level[has_nkm] = np.where(
        rng.random(int(has_nkm.sum())) < 0.85,
        rng.choice(key, int(has_nkm.sum())),
        rng.integers(0, 29, int(has_nkm.sum())),
    )
    nkm_code = np.where(np.isin(nkm_level, key), nkm_level, -1).astype(np.int8)
    anal = np.stack([vac, dap], axis=1).astype(np.uint8)
    return EncodedExams(sens=sens, motor=motor, anal=anal, nkm=nkm_code), nkm_level


def _overlay(
    rng: np.random.Generator,
    sens: np.ndarray,
    motor: np.ndarray,
    vac: np.ndarray,
    dap: np.ndarray,
    nt_rate: float,
    star_rate: float,
) -> None:
    n = int(sens.shape[0])
    flat_s = sens[:, :, :, 1:].reshape(n, -1).copy()
    flat_m = motor.reshape(n, -1)
    nt_exam = rng.random(n) < nt_rate
    cells_s = (rng.random(flat_s.shape) < 2.5 / flat_s.shape[1]) & nt_exam[:, None]
    cells_m = (rng.random(flat_m.shape) < 1.0 / flat_m.shape[1]) & nt_exam[:, None]
    flat_s[cells_s] = SENSORY_CODE["NT"]
    flat_m[cells_m] = MOTOR_CODE["NT"]
    vac[nt_exam & (rng.random(n) < 0.15)] = 2
    dap[nt_exam & (rng.random(n) < 0.15)] = 2

    star_exam = rng.random(n) < star_rate
    for flat, tables, values in ((flat_s, _S_TAG, SENSORY_VALUES), (flat_m, _M_TAG, MOTOR_VALUES)):
        cells = (rng.random(flat.shape) < 3.0 / flat.shape[1]) & star_exam[:, None]
        double = rng.random(flat.shape) < 0.5
        tagged = np.where(double, tables[1][flat], tables[0][flat])
        untouched = cells & (tagged == flat)  # a normal score: put an arbitrary tagged value there
        tagged_codes = np.array([i for i, v in enumerate(values) if "*" in v], dtype=np.uint8)
        tagged[untouched] = rng.choice(tagged_codes, int(untouched.sum()))
        flat[cells] = tagged[cells]
    sens[:, :, :, 1:] = flat_s.reshape(n, 2, 2, 28)


def decode(batch: EncodedExams, nkm_level: np.ndarray | None = None) -> list[dict[str, Any]]:
    """EXAM mappings of an encoded batch (``nkm_level`` keeps non-key levels the codes drop)."""
    s_text = np.array(SENSORY_VALUES, dtype=object)[batch.sens[:, :, :, 1:]].tolist()
    m_text = np.array(MOTOR_VALUES, dtype=object)[batch.motor].tolist()
    anal = batch.anal.tolist()
    levels = (batch.nkm if nkm_level is None else nkm_level).tolist()
    exams = []
    for i in range(len(anal)):
        sides = []
        for side in range(2):
            lvl = levels[i][side]
            sides.append(
                {
                    "lowest_non_key_muscle": SEGMENTS[lvl] if lvl >= 0 else None,
                    "motor": dict(zip(MOTOR_LEVELS, m_text[i][side], strict=True)),
                    "light_touch": dict(zip(DERMATOMES, s_text[i][side][0], strict=True)),
                    "pin_prick": dict(zip(DERMATOMES, s_text[i][side][1], strict=True)),
                }
            )
        exams.append(
            {"vac": ANAL_VALUES[anal[i][0]], "dap": ANAL_VALUES[anal[i][1]], "right": sides[0], "left": sides[1]}
        )
    return exams


def synthetic_exams(n: int, seed: int, **rates: float) -> list[dict[str, Any]]:
    """``n`` random EXAM mappings (seeded): realistic lesions plus NT, tags and arbitrary values."""
    batch, nkm_level = synthetic_codes(n, seed, **rates)
    return decode(batch, nkm_level)
