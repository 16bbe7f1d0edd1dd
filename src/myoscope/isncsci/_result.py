"""Classification results: the reference's OUTPUT strings, built from the kernel's masks."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

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
        return _build(*_columns(self, slice(i, i + 1)), 0)

    def __iter__(self) -> Iterator[Classification]:
        columns = _columns(self, slice(None))
        for i in range(len(self)):
            yield _build(*columns, i)

    def to_json(self) -> list[dict[str, Any]]:
        """Every exam's OUTPUT object, in order (built column-wise, without intermediate objects)."""
        levels, complete, ais, totals = _columns(self, slice(None))
        out = []
        for i in range(len(complete)):
            t = totals[i]
            out.append(
                {
                    "right": {
                        "sensory_level": levels[0][i],
                        "motor_level": levels[2][i],
                        "sensory_zpp": levels[4][i],
                        "motor_zpp": levels[6][i],
                        "totals": {
                            "upper_motor": t[0],
                            "lower_motor": t[1],
                            "motor": t[2],
                            "light_touch": t[3],
                            "pin_prick": t[4],
                        },
                    },
                    "left": {
                        "sensory_level": levels[1][i],
                        "motor_level": levels[3][i],
                        "sensory_zpp": levels[5][i],
                        "motor_zpp": levels[7][i],
                        "totals": {
                            "upper_motor": t[5],
                            "lower_motor": t[6],
                            "motor": t[7],
                            "light_touch": t[8],
                            "pin_prick": t[9],
                        },
                    },
                    "nli": levels[8][i],
                    "injury_complete": complete[i],
                    "ais": ais[i],
                    "totals": {"upper_motor": t[10], "lower_motor": t[11], "light_touch": t[12], "pin_prick": t[13]},
                }
            )
        return out


def _column_strings(masks: np.ndarray, stars: np.ndarray) -> list[str]:
    """Format a column of (mask, star) pairs, each distinct pair once."""
    keys = (masks.astype(np.int64) << 30) | stars.astype(np.int64)
    unique, inverse = np.unique(keys, return_inverse=True)
    texts = np.array([format_levels(int(k) >> 30, int(k) & ((1 << 30) - 1)) for k in unique.tolist()], dtype=object)
    strings: list[str] = texts[inverse.reshape(-1)].tolist()
    return strings


def _columns(result: BatchResult, rows: slice) -> tuple[list[list[str]], list[str], list[str], list[list[Any]]]:
    lists = result.lists[rows]
    levels = [_column_strings(lists[:, f, 0], lists[:, f, 1]) for f in range(lists.shape[1])]
    complete = [COMPLETENESS[c] for c in result.complete[rows].tolist()]
    ais = [_AIS_TEXT[a] for a in result.ais[rows].tolist()]
    totals = result.totals[rows].astype(object)
    totals[totals == ND] = "ND"
    return levels, complete, ais, totals.tolist()


def _build(
    levels: list[list[str]], complete: list[str], ais: list[str], totals: list[list[Any]], i: int
) -> Classification:
    t = totals[i]
    return Classification(
        right=SideClassification(
            levels[0][i], levels[2][i], levels[4][i], levels[6][i], dict(zip(_TOTAL_KEYS, t[0:5], strict=True))
        ),
        left=SideClassification(
            levels[1][i], levels[3][i], levels[5][i], levels[7][i], dict(zip(_TOTAL_KEYS, t[5:10], strict=True))
        ),
        nli=levels[8][i],
        injury_complete=complete[i],
        ais=ais[i],
        totals=dict(zip(_BOTH_KEYS, t[10:14], strict=True)),
    )
