"""NDJSON exams decoded straight into the kernel's code arrays, one compiled pass over the bytes.

The fast path of :func:`myoscope.isncsci._stream.stream` for NDJSON: each line's object is
walked by a small compiled scanner that knows the exam's shape (``vac``, ``dap``, ``right`` and
``left`` with ``motor``, ``light_touch``, ``pin_prick`` and ``lowest_non_key_muscle``, plus
``id`` and ``site``), and each score text is turned into its code by a look-up in a sorted
table of the accepted words. No JSON objects or Arrow strings are built per exam.

It takes only what it can decode exactly: a block with anything else (an unknown or repeated
field, a missing or invalid score, a number where text is expected, an escape sequence, a
character outside printable ASCII in ``id`` or ``site``, malformed JSON) is declined
(``None``), and the general path (Arrow's JSON reader, then the column encoder) reads that
block and names every problem by line and field, exactly as without the fast path.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np
from numba import njit
from numpy.typing import NDArray

from myoscope.isncsci._codes import ANAL_CODE, DERMATOMES, MOTOR_CODE, MOTOR_LEVELS, SENSORY_CODE

_Bytes = NDArray[np.uint8]
_Ints = NDArray[np.int64]
_Out = NDArray[np.int32]

_OBJECT, _SCORE, _NKM, _TEXT = 0, 1, 2, 3
_MAX_KEY = 24
_TABLES = (ANAL_CODE, MOTOR_CODE, SENSORY_CODE)
_DECLINE = -1


def _key(word: bytes) -> int:
    """A word of 3 to 5 bytes packed with its length into one integer."""
    return (len(word) << 40) | int.from_bytes(word.ljust(5, b"\0"), "big")


_HEAD = 8
"""Header of the table array: entries, offset of keys, of short words, of long words, number of long words."""


@lru_cache(maxsize=1)
def _layout() -> tuple[NDArray[np.int64], int]:
    """(one int64 array holding the exam's shape and the accepted words, number of score slots).

    Entries (parent node, key length, kind, target, word table) come first, then each entry's
    key bytes, then the codes of the words of one or two bytes (table, byte, byte), then the
    longer words (table, packed word, code). One array, so that the compiled scanner's helpers
    take two arrays (the bytes and this) and cost nothing to call.
    """
    from myoscope.isncsci._stream import _NKM as NKM_LEVEL
    from myoscope.isncsci._stream import SIDES, fields

    slot = {name: j for j, (name, _, _) in enumerate(fields())}
    entries: list[tuple[int, str, int, int, int]] = []  # parent, key, kind, target, table
    entries += [(0, "id", _TEXT, 0, 0), (0, "site", _TEXT, 1, 0)]
    entries += [(0, "vac", _SCORE, slot["vac"], 0), (0, "dap", _SCORE, slot["dap"], 0)]
    node = 1
    for s, side in enumerate(SIDES):
        side_node = node
        entries.append((0, side, _OBJECT, side_node, 0))
        entries.append((side_node, "lowest_non_key_muscle", _NKM, s, 3))
        for part, names, table in (
            ("motor", MOTOR_LEVELS, 1),
            ("light_touch", DERMATOMES, 2),
            ("pin_prick", DERMATOMES, 2),
        ):
            node += 1
            entries.append((side_node, part, _OBJECT, node, 0))
            entries += [(node, n, _SCORE, slot[f"{side}.{part}.{n}"], table) for n in names]
        node += 1
    words = [(t, w.encode(), code) for t, table in enumerate(_TABLES) for w, code in table.items()]
    words += [(3, w.encode(), level + 1) for w, level in NKM_LEVEL.items()]  # 0 = valid, not a key muscle
    short = np.full((4, 128, 128), -1, dtype=np.int64)
    long = [(t, _key(w), code) for t, w, code in words if len(w) > 2]
    for t, w, code in words:
        if len(w) <= 2:
            short[t, w[0], w[1] if len(w) == 2 else 0] = code
    meta = np.array([(p, len(k), kind, target, table) for p, k, kind, target, table in entries], dtype=np.int64)
    keys = np.zeros((len(entries), _MAX_KEY), dtype=np.int64)
    for i, (_, key, _, _, _) in enumerate(entries):
        keys[i, : len(key)] = np.frombuffer(key.encode(), dtype=np.uint8)
    head = np.zeros(_HEAD, dtype=np.int64)
    head[0], head[1] = len(entries), _HEAD + meta.size
    head[2] = head[1] + keys.size
    head[3], head[4] = head[2] + short.size, len(long)
    layout = np.concatenate((head, meta.ravel(), keys.ravel(), short.ravel(), np.array(long, np.int64).ravel()))
    return layout, len(slot)


@njit(cache=True, nogil=True, inline="always")
def _skip(buf: _Bytes, pos: int) -> int:
    while pos < buf.shape[0] and (buf[pos] == 32 or buf[pos] == 9 or buf[pos] == 13):
        pos += 1
    return pos


@njit(cache=True, nogil=True, inline="always")
def _string_end(buf: _Bytes, pos: int, ascii_only: bool) -> int:
    """Index of the closing quote of a string starting after ``pos``; -1 for escapes or control bytes."""
    while pos < buf.shape[0]:
        c = buf[pos]
        if c == 34:
            return pos
        if c == 92 or c < 32 or (ascii_only and c > 126):
            return -1
        pos += 1
    return -1


@njit(cache=True, nogil=True, inline="always")
def _entry(T: _Ints, node: int, buf: _Bytes, start: int, stop: int, hint: int) -> int:
    """The schema entry of key ``buf[start:stop]`` under ``node`` (trying ``hint`` first), or -1."""
    n_entries, keys = T[0], T[1]
    n = stop - start
    for step in range(n_entries + 1):
        e = hint if step == 0 else step - 1
        if e >= n_entries or T[_HEAD + 5 * e] != node or T[_HEAD + 5 * e + 1] != n:
            continue
        same = True
        for i in range(n):
            if T[keys + _MAX_KEY * e + i] != buf[start + i]:
                same = False
                break
        if same:
            return e
    return -1


@njit(cache=True, nogil=True, inline="always")
def _word(T: _Ints, buf: _Bytes, start: int, stop: int, table: int) -> int:
    """Code of the word ``buf[start:stop]`` in word table ``table``, or -1."""
    n = stop - start
    if n == 0 or n > 5:
        return -1
    if n <= 2:  # most scores: one look-up
        b0 = np.int64(buf[start])
        b1 = np.int64(buf[start + 1]) if n == 2 else np.int64(0)
        if b0 >= 128 or b1 >= 128:
            return -1
        return int(T[T[2] + (table * 128 + b0) * 128 + b1])
    packed = np.int64(n) << 40
    for i in range(5):
        packed |= (np.int64(buf[start + i]) if i < n else np.int64(0)) << (8 * (4 - i))
    for w in range(T[4]):
        at = T[3] + 3 * w
        if T[at] == table and T[at + 1] == packed:
            return int(T[at + 2])
    return -1


@njit(cache=True, nogil=True, inline="always")
def _value(T: _Ints, buf: _Bytes, pos: int, e: int, row: int, out: _Out, n_slots: int) -> int:
    """Read the value of entry ``e`` (not an object) at ``pos`` into ``out``; the position after it or -1."""
    k, target = T[_HEAD + 5 * e + 2], T[_HEAD + 5 * e + 3]
    if buf[pos] == 110:  # null: only the non-key muscle and the extra texts may be absent
        if pos + 4 > buf.shape[0] or buf[pos + 1] != 117 or buf[pos + 2] != 108 or buf[pos + 3] != 108:
            return -1
        return -1 if k == _SCORE else pos + 4
    if buf[pos] != 34:
        return -1
    end = _string_end(buf, pos + 1, k == _TEXT)
    if end < 0:
        return -1
    if k == _TEXT:
        out[row, n_slots + 2 + 2 * target], out[row, n_slots + 3 + 2 * target] = pos + 1, end
        return end + 1
    code = _word(T, buf, pos + 1, end, T[_HEAD + 5 * e + 4])
    if code < 0:
        return -1
    if k == _SCORE:
        out[row, target] = code
    else:
        out[row, n_slots + target] = code - 1
    return end + 1


@njit(cache=True, nogil=True, inline="always")
def _key_at(T: _Ints, buf: _Bytes, pos: int, node: int, hint: int) -> Any:
    """(entry, position after its colon) of the key at ``pos`` under ``node``, or (-1, -1)."""
    if pos >= buf.shape[0] or buf[pos] != 34:
        return -1, -1
    end = _string_end(buf, pos + 1, True)
    if end < 0:
        return -1, -1
    e = _entry(T, node, buf, pos + 1, end, hint)
    pos = _skip(buf, end + 1)
    if e < 0 or pos >= buf.shape[0] or buf[pos] != 58:
        return -1, -1
    return e, _skip(buf, pos + 1)


@njit(cache=True, nogil=True, inline="always")
def _line(T: _Ints, buf: _Bytes, pos: int, row: int, out: _Out, n_slots: int, seen: _Ints, stack: _Ints) -> int:
    """Decode one line's exam object starting at ``pos``; returns the position after its newline or -1."""
    stack[0] = 0
    depth, hint, first = 0, 0, True
    pos = _skip(buf, pos)
    if pos >= buf.shape[0] or buf[pos] != 123:
        return -1
    pos += 1
    while True:
        pos = _skip(buf, pos)
        if pos >= buf.shape[0]:
            return -1
        if buf[pos] == 125:  # end of an object
            pos += 1
            if depth == 0:
                break
            depth, first = depth - 1, False
            continue
        if not first:
            if buf[pos] != 44:
                return -1
            pos = _skip(buf, pos + 1)
        e, pos = _key_at(T, buf, pos, stack[depth], hint)
        if e < 0 or pos >= buf.shape[0] or seen[e]:
            return -1
        seen[e], hint = True, e + 1
        if T[_HEAD + 5 * e + 2] == _OBJECT:
            if buf[pos] != 123 or depth == 3:
                return -1
            depth += 1
            stack[depth], pos, first = T[_HEAD + 5 * e + 3], pos + 1, True
            continue
        pos = _value(T, buf, pos, e, row, out, n_slots)
        if pos < 0:
            return -1
        first = False
    pos = _skip(buf, pos)
    if pos < buf.shape[0] and buf[pos] != 10:
        return -1
    return pos + 1


@njit(cache=True, nogil=True)
def _decode(T: _Ints, buf: _Bytes, out: _Out, n_slots: int) -> tuple[_Out, int]:
    """(codes per line: scores, non-key muscles, id and site spans; -1 or the first line declined)."""
    n_lines = out.shape[0]
    seen = np.zeros(T[0], dtype=np.bool_)
    stack = np.zeros(4, dtype=np.int64)
    n_scores = 0
    for e in range(T[0]):
        n_scores += T[_HEAD + 5 * e + 2] == _SCORE
    pos = 0
    for row in range(n_lines):
        for e in range(seen.shape[0]):
            seen[e] = False
        pos = _line(T, buf, pos, row, out, n_slots, seen, stack)
        if pos < 0:
            return out, row
        got = 0
        for e in range(T[0]):
            got += seen[e] and T[_HEAD + 5 * e + 2] == _SCORE
        if got != n_scores:
            return out, row
    return out, (-1 if pos == buf.shape[0] else n_lines)


def _texts(block: bytes, spans: np.ndarray) -> Any:
    """An Arrow string array of the spans (start < 0: absent), or None if no row has one."""
    import pyarrow as pa

    present = spans[:, 0] >= 0
    if not present.any():
        return None
    data = np.frombuffer(block, dtype=np.uint8)
    lengths = np.where(present, spans[:, 1] - spans[:, 0], 0)
    offsets = np.zeros(spans.shape[0] + 1, dtype=np.int32)
    np.cumsum(lengths, out=offsets[1:])
    take = np.repeat(spans[:, 0] - offsets[:-1], lengths) + np.arange(int(offsets[-1]))
    values = data[take] if take.size else np.zeros(0, np.uint8)
    validity = pa.py_buffer(np.packbits(present, bitorder="little"))
    return pa.Array.from_buffers(
        pa.string(), spans.shape[0], [validity, pa.py_buffer(offsets), pa.py_buffer(values.tobytes())]
    )


def decode_block(block: bytes) -> tuple[Any, Any] | None:
    """(encoded exams, Arrow table of ``id`` and ``site``) of a block of whole lines, or None (declined)."""
    import pyarrow as pa

    from myoscope.isncsci._stream import _batch

    table, n_slots = _layout()
    buf = np.frombuffer(block, dtype=np.uint8)
    n_lines = int(np.count_nonzero(buf == 10))
    out = np.full((n_lines, n_slots + 6), -1, dtype=np.int32)
    out, failed = _decode(table, buf, out, n_slots)
    if failed != _DECLINE:
        return None
    codes = np.ascontiguousarray(out[:, :n_slots].T, dtype=np.uint8)
    nkm = out[:, n_slots : n_slots + 2].astype(np.int8)
    extra = {}
    for j, name in enumerate(("id", "site")):
        texts = _texts(block, out[:, n_slots + 2 + 2 * j : n_slots + 4 + 2 * j].astype(np.int64))
        if texts is not None:
            extra[name] = texts
    table = pa.table(extra) if extra else pa.table({"id": pa.nulls(n_lines, pa.string())})
    return _batch(codes, nkm), table
