"""NDJSON result lines written by one compiled pass into a byte buffer.

The reference's OUTPUT shape is a fixed sequence of literal pieces and values: the level
lists, completeness and AIS (dictionary-encoded texts, each distinct text held once) and
the totals (small integers, ``"ND"`` when negative). The literals and the texts are copied
and the integers formatted by a small compiled loop, so no string is made per exam. The
optional ``id`` and ``site`` head of each line is JSON-encoded column-wise beforehand.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from numba import njit
from numpy.typing import NDArray

_HEAD, _TEXT, _TOTAL, _END = 0, 1, 2, 3

_U8 = NDArray[np.uint8]
_I64 = NDArray[np.int64]
_W = NDArray[np.uint64]


def _words(data: _U8, spare: bool = False) -> _W:
    """``words[k, j]``: the 8 bytes from ``k + 8 j`` (one load or store each) of ``data``, padded.

    A word may start at any byte, so it may reach 7 bytes past the end, and row 7 of the view needs
    15: ``data`` is copied with 16 zero bytes after it, unless ``spare`` (it ends in 16 bytes of its
    own that nothing needs; the view is then of ``data`` itself, for writing).
    """
    from numpy.lib.stride_tricks import as_strided

    if not spare:
        data = np.concatenate((data, np.zeros(16, np.uint8)))
    m = max(0, (len(data) - 7) // 8)
    return as_strided(data[: 8 * m].view("<u8"), shape=(8, m), strides=(1, 8))


@njit(cache=True, nogil=True, inline="always")
def _copy(out: _W, pos: int, data: _W, start: int, stop: int) -> int:
    """Copy ``stop - start`` bytes 8 at a time (words at any position, see :func:`_words`).

    The last word may write up to 7 bytes past the copy: the next piece overwrites them, or they
    lie past the end of the output (which has room for them), and the source has room to read them.
    """
    for i in range(0, stop - start, 8):
        at, to = start + i, pos + i
        out[to & 7, to >> 3] = data[at & 7, at >> 3]
    return pos + stop - start


@njit(cache=True, nogil=True, inline="always")
def _integer(out: _U8, pos: int, value: int) -> int:
    if value < 0:  # not determinable
        out[pos], out[pos + 1], out[pos + 2], out[pos + 3] = 34, 78, 68, 34
        return pos + 4
    digits = 1
    rest = value // 10
    while rest > 0:
        digits += 1
        rest //= 10
    for d in range(digits - 1, -1, -1):
        out[pos + d] = 48 + value % 10
        value //= 10
    return pos + digits


@njit(cache=True, nogil=True)
def _fill(
    lit: _W,
    lit_off: _I64,
    kinds: _I64,
    columns: _I64,
    head: _W,
    head_off: _I64,
    texts: _W,
    text_off: _I64,
    index: NDArray[np.int32],
    totals: NDArray[np.int16],
    out: _U8,
    out_words: _W,
) -> int:
    """Write every line (pieces in order, then a newline) into ``out``; the number of bytes written."""
    pos = 0
    for r in range(index.shape[0]):
        for p in range(kinds.shape[0]):
            pos = _copy(out_words, pos, lit, lit_off[p], lit_off[p + 1])
            k, c = kinds[p], columns[p]
            if k == _HEAD:
                pos = _copy(out_words, pos, head, head_off[r], head_off[r + 1])
            elif k == _TEXT:
                t = index[r, c]
                out[pos] = 34
                pos = _copy(out_words, pos + 1, texts, text_off[t], text_off[t + 1])
                out[pos] = 34
                pos += 1
            elif k == _TOTAL:
                pos = _integer(out, pos, int(totals[r, c]))
        out[pos] = 10
        pos += 1
    return pos


def _side(s: str, text: dict[str, int], total: dict[str, int]) -> list[tuple[str, int, int]]:
    parts = [
        (f'"{s}": {{"sensory_level": ', _TEXT, text[f"{s}.sensory_level"]),
        (', "motor_level": ', _TEXT, text[f"{s}.motor_level"]),
        (', "sensory_zpp": ', _TEXT, text[f"{s}.sensory_zpp"]),
        (', "motor_zpp": ', _TEXT, text[f"{s}.motor_zpp"]),
    ]
    opening = ', "totals": {'
    for i, key in enumerate(("upper_motor", "lower_motor", "motor", "light_touch", "pin_prick")):
        parts.append((f'{opening if i == 0 else ", "}"{key}": ', _TOTAL, total[f"{s}.totals.{key}"]))
    return parts


def _pieces(text_names: Sequence[str], total_names: Sequence[str]) -> list[tuple[str, int, int]]:
    """(literal before, kind of value, its column) of one output line, in order."""
    text = {name: i for i, name in enumerate(text_names)}
    total = {name: i for i, name in enumerate(total_names)}
    parts = [("{", _HEAD, 0), *_side("right", text, total), ("}}, ", _END, 0)]
    parts += _side("left", text, total)
    parts += [
        ('}}, "nli": ', _TEXT, text["nli"]),
        (', "injury_complete": ', _TEXT, text["injury_complete"]),
        (', "ais": ', _TEXT, text["ais"]),
    ]
    opening = ', "totals": {'
    for i, key in enumerate(("upper_motor", "lower_motor", "light_touch", "pin_prick")):
        parts.append((f'{opening if i == 0 else ", "}"{key}": ', _TOTAL, total[f"totals.{key}"]))
    parts.append(("}}", _END, 0))
    return parts


def _string_buffers(array: Any) -> tuple[_U8, _I64]:
    """(bytes, int64 offsets) of an Arrow string array without nulls."""
    import pyarrow as pa

    array = array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array
    array = array.cast(pa.large_string())
    n = len(array)
    offsets = np.frombuffer(array.buffers()[1], dtype=np.int64)[array.offset : array.offset + n + 1]
    data_buffer = array.buffers()[2]
    data = np.zeros(0, np.uint8) if data_buffer is None else np.frombuffer(data_buffer, dtype=np.uint8)
    return data, offsets


def ndjson_bytes(
    columns: dict[str, Any], head: Any, text_names: Sequence[str], total_names: Sequence[str]
) -> memoryview:
    """NDJSON lines (each ending in a newline) of Arrow result ``columns``.

    ``head`` is an Arrow string array (no nulls) of each line's ``"id":..., "site":..., `` prefix,
    or None; ``text_names`` are dictionary-encoded columns, ``total_names`` integer columns.
    """
    import pyarrow as pa

    n = len(columns[total_names[0]])
    words: list[Any] = []
    index = np.empty((n, len(text_names)), dtype=np.int32)
    base = 0
    for j, name in enumerate(text_names):
        column = columns[name]
        column = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
        index[:, j] = column.indices.to_numpy(zero_copy_only=False) + base
        words.append(column.dictionary.cast(pa.large_string()))
        base += len(column.dictionary)
    texts, text_off = _string_buffers(pa.concat_arrays(words) if words else pa.array([], pa.large_string()))
    totals = np.empty((n, len(total_names)), dtype=np.int16)
    for j, name in enumerate(total_names):
        totals[:, j] = np.asarray(columns[name])
    if head is None:
        head_data, head_off = np.zeros(0, np.uint8), np.zeros(n + 1, np.int64)
    else:
        head_data, head_off = _string_buffers(head)
    pieces = _pieces(text_names, total_names)
    literal = [p[0].encode() for p in pieces]
    lit = np.frombuffer(b"".join(literal), dtype=np.uint8) if any(literal) else np.zeros(0, np.uint8)
    lit_off = np.zeros(len(pieces) + 1, np.int64)
    np.cumsum([len(b) for b in literal], out=lit_off[1:])
    kinds = np.array([p[1] for p in pieces], np.int64)
    where = np.array([p[2] for p in pieces], np.int64)
    longest = int(np.diff(text_off).max()) if len(text_off) > 1 else 0
    bound = n * (int(lit_off[-1]) + len(text_names) * (longest + 2) + 6 * len(total_names) + 1)
    bound += int(head_off[-1] - head_off[0])
    out = np.empty(bound + 16, dtype=np.uint8)  # the words of the last copy may reach past ``bound``
    size = _fill(
        _words(lit),
        lit_off,
        kinds,
        where,
        _words(head_data),
        head_off,
        _words(texts),
        text_off,
        index,
        totals,
        out,
        _words(out, spare=True),
    )
    return out[:size].data  # no copy: written to the file as is
