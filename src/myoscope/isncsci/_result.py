"""Classification results: the reference's OUTPUT strings, built from the kernel's masks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

import numpy as np

from myoscope.isncsci._codes import AIS_GRADES, COMPLETENESS, NA_BIT, TOKENS
from myoscope.isncsci._kernel import ND

_TOTAL_KEYS = ("upper_motor", "lower_motor", "motor", "light_touch", "pin_prick")
_BOTH_KEYS = ("upper_motor", "lower_motor", "light_touch", "pin_prick")
_LIST_CACHE: dict[tuple[int, int], str] = {}
_CACHE_LIMIT = 200_000


def format_levels(mask: int, star: int) -> str:
    """``NA`` first, then the levels cranial to caudal, each with ``*`` when starred."""
    key = (mask, star)
    text = _LIST_CACHE.get(key)
    if text is None:
        parts = ["NA"] if (mask >> NA_BIT) & 1 else []
        for bit in range(NA_BIT):
            if (mask >> bit) & 1:
                parts.append(TOKENS[bit] + ("*" if (star >> bit) & 1 else ""))
        text = ",".join(parts)
        if len(_LIST_CACHE) >= _CACHE_LIMIT:
            _LIST_CACHE.clear()
        _LIST_CACHE[key] = text
    return text


_AIS_TEXT = [
    ",".join(g + ("*" if (bits >> (i + 5)) & 1 else "") for i, g in enumerate(AIS_GRADES) if (bits >> i) & 1)
    for bits in range(1 << 10)
]


def format_ais(bits: int) -> str:
    """Grades A..E present in ``bits``, each starred where its star bit is set."""
    return _AIS_TEXT[bits]


def _total(value: int) -> int | str:
    return "ND" if value == ND else value


@dataclass(frozen=True, slots=True)
class SideClassification:
    """Levels, zones of partial preservation and totals of one side."""

    sensory_level: str
    motor_level: str
    sensory_zpp: str
    motor_zpp: str
    totals: dict[str, int | str]

    def to_json(self) -> dict[str, Any]:
        return {
            "sensory_level": self.sensory_level,
            "motor_level": self.motor_level,
            "sensory_zpp": self.sensory_zpp,
            "motor_zpp": self.motor_zpp,
            "totals": dict(self.totals),
        }


@dataclass(frozen=True, slots=True)
class Classification:
    """The 25 output fields of the reference, as its strings (``"C5,C6*"``, ``"ND"``...).

    Level lists hold every level the exam allows; several items mean "not
    determinable from this exam", a ``*`` marks an option that depends on a
    tagged score (praxis_isncsci_2_0_6; rules.md §2).
    """

    right: SideClassification
    left: SideClassification
    nli: str
    injury_complete: str
    ais: str
    totals: dict[str, int | str]

    def to_json(self) -> dict[str, Any]:
        """The reference's OUTPUT object (``expected`` of ``isncsci-cases/1``)."""
        return {
            "right": self.right.to_json(),
            "left": self.left.to_json(),
            "nli": self.nli,
            "injury_complete": self.injury_complete,
            "ais": self.ais,
            "totals": dict(self.totals),
        }

    @property
    def motor_total(self) -> int | str:
        """Both-side motor total (UEMS + LEMS); the reference gives none of its own."""
        upper, lower = self.totals["upper_motor"], self.totals["lower_motor"]
        return "ND" if "ND" in (upper, lower) else int(upper) + int(lower)


@dataclass(frozen=True)
class BatchResult:
    """Kernel output for a batch; strings are built only when asked for."""

    lists: np.ndarray
    complete: np.ndarray
    ais: np.ndarray
    totals: np.ndarray

    def __len__(self) -> int:
        return int(self.complete.shape[0])

    def __getitem__(self, i: int) -> Classification:
        return _build(self.lists[i].tolist(), int(self.complete[i]), int(self.ais[i]), self.totals[i].tolist())

    def __iter__(self) -> Iterator[Classification]:
        lists = self.lists.tolist()
        complete = self.complete.tolist()
        ais = self.ais.tolist()
        totals = self.totals.tolist()
        for i in range(len(complete)):
            yield _build(lists[i], complete[i], ais[i], totals[i])

    def to_json(self) -> list[dict[str, Any]]:
        """Every exam's OUTPUT object, in order."""
        return [c.to_json() for c in self]


def _side(lists: list[list[int]], side: int, totals: list[int]) -> SideClassification:
    base = 5 * side
    return SideClassification(
        sensory_level=format_levels(*lists[side]),
        motor_level=format_levels(*lists[2 + side]),
        sensory_zpp=format_levels(*lists[4 + side]),
        motor_zpp=format_levels(*lists[6 + side]),
        totals={key: _total(totals[base + j]) for j, key in enumerate(_TOTAL_KEYS)},
    )


def _build(lists: list[list[int]], complete: int, ais: int, totals: list[int]) -> Classification:
    return Classification(
        right=_side(lists, 0, totals),
        left=_side(lists, 1, totals),
        nli=format_levels(*lists[8]),
        injury_complete=COMPLETENESS[complete],
        ais=format_ais(ais),
        totals={key: _total(totals[10 + j]) for j, key in enumerate(_BOTH_KEYS)},
    )
