"""Shared helpers of the benchmarks: repeated timing with min / median / max."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Timing:
    seconds: tuple[float, ...]

    @property
    def min(self) -> float:
        return min(self.seconds)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def max(self) -> float:
        return max(self.seconds)


def repeat(fn, times: int, warm: bool = True) -> Timing:
    """Time ``fn`` ``times`` times (after one untimed warm-up call when ``warm``)."""
    if warm:
        fn()
    out = []
    for _ in range(times):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return Timing(tuple(out))


def row(label: str, timing: Timing, person_days: int, reference: Timing | None) -> str:
    """One line: rate at the median, min / median / max seconds, and the speed-up over ``reference``.

    The speed-up is the ratio of medians (reference / this), to three significant figures, so that a
    ratio far below 1 (slower than the reference) is not shown as 0.0.
    """
    ratio = "" if reference is None else f"{reference.median / timing.median:.3g}x"
    return (
        f"{label:<34} {person_days / timing.median:>12.3e} {timing.min:>9.4f} {timing.median:>9.4f} "
        f"{timing.max:>9.4f} {ratio:>9}"
    )


HEADER = f"{'':<34} {'person-days/s':>12} {'min s':>9} {'median s':>9} {'max s':>9} {'speed-up':>9}"
