"""The kernel's single pass over a batch: its refusals are those of ``validate``, and a batch's flags stay
as they were when the same thread screens the next batch (the kernel keeps its working arrays)."""

from __future__ import annotations

import numpy as np

from myoscope.cohort import generate, screen_arrays
from myoscope.cohort.kernel import FLAG_COLUMNS, validate


def _messy_rows(seed: int, n: int = 20_000) -> dict[str, np.ndarray]:
    """Rows with every kind of problem: unknown kinds and sides, no value or date, values out of range or
    not whole, missing sides; persons out of order."""
    rng = np.random.default_rng(seed)
    return {
        "person": rng.integers(0, 400, n),
        "day": rng.choice(np.array([17000, 17001, 17010, 17100, np.iinfo(np.int32).max], np.int32), n),
        "kind": rng.integers(-1, 20, n).astype(np.int8),
        "side": rng.integers(-1, 4, n).astype(np.int8),
        "value": np.where(rng.random(n) < 0.05, np.nan, rng.uniform(0, 200, n).round(1)),
    }


def test_refused_rows_and_reasons_are_those_of_validate():
    rows = _messy_rows(3)
    _, refused, reason = screen_arrays(rows)
    expected = validate(rows["day"], rows["kind"], rows["side"], rows["value"])
    assert set(np.unique(expected)) == set(range(8))  # every reason occurs
    assert np.array_equal(np.sort(refused), np.flatnonzero(expected))
    assert np.array_equal(reason, expected[refused])


def test_flags_of_a_batch_survive_the_next_batch():
    first, second = generate(500, 30, seed=4), generate(300, 20, seed=5)  # the second fits where the first was
    flags, _, _ = screen_arrays(first.rows, first.persons)
    kept = {c: np.array(flags[c], copy=True) for c in FLAG_COLUMNS}
    screen_arrays(second.rows, second.persons)
    screen_arrays(_messy_rows(6))
    for c in FLAG_COLUMNS:
        assert np.array_equal(flags[c], kept[c], equal_nan=flags[c].dtype.kind == "f"), c
