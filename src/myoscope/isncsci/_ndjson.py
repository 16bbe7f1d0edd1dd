"""NDJSON exams decoded straight into the kernel's code arrays, one compiled pass over the bytes.

The fast path of :func:`myoscope.isncsci._stream.stream` for NDJSON: each line's object is
walked by a small compiled scanner that knows the exam's shape (``vac``, ``dap``, ``right`` and
``left`` with ``motor``, ``light_touch``, ``pin_prick`` and ``lowest_non_key_muscle``, plus
``id`` and ``site``), and each score text is turned into its code by a look-up in a sorted
table of the accepted words. No JSON objects or Arrow strings are built per exam.

Registry files repeat one layout line after line (the same keys in the same order, the same
spacing), so the bytes between the values of a line decoded in full are kept as a template:
the next line is compared with it 8 bytes at a time and only its values are read (a score by a
branch-free look-up of its quoted word in a hash table). A line that differs anywhere is
decoded in full and becomes the template; what it accepts is what the full decoder accepts.

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
_Small = NDArray[np.int8]
_Words = NDArray[np.uint64]

_OBJECT, _SCORE, _NKM, _TEXT = 0, 1, 2, 3
_MAX_KEY = 24
_TABLES = (ANAL_CODE, MOTOR_CODE, SENSORY_CODE)


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
def _value(T: _Ints, buf: _Bytes, pos: int, e: int, row: int, codes: _Bytes, nkm: _Small, spans: _Ints) -> int:
    """Read the value of entry ``e`` (not an object) at ``pos``; the position after it or -1."""
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
        spans[row, 2 * target], spans[row, 2 * target + 1] = pos + 1, end
        return end + 1
    code = _word(T, buf, pos + 1, end, T[_HEAD + 5 * e + 4])
    if code < 0:
        return -1
    if k == _SCORE:
        codes[row, target] = code
    else:
        nkm[row, target] = code - 1
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
def _line(
    T: _Ints, buf: _Bytes, pos: int, row: int, codes: _Bytes, nkm: _Small, spans: _Ints, seen: _Ints, rec: _Ints
) -> int:
    """Decode one line's exam object starting at ``pos``; returns the position after its newline or -1.

    Any key order and JSON spacing. ``rec`` receives the number of values, the position after the
    object's closing brace and (entry, start, stop) of every value, for :func:`_learn`.
    """
    stack = rec[-4:]  # the object entered at each depth
    stack[0] = 0
    depth, hint, first, n_values = 0, 0, True, 0
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
        start = pos
        pos = _value(T, buf, pos, e, row, codes, nkm, spans)
        if pos < 0:
            return -1
        rec[2 + 3 * n_values], rec[3 + 3 * n_values], rec[4 + 3 * n_values] = e, start, pos
        n_values += 1
        first = False
    rec[0], rec[1] = n_values, pos
    return _newline(buf, pos)


@njit(cache=True, nogil=True, inline="always")
def _newline(buf: _Bytes, pos: int) -> int:
    """The position after the newline that ends a line at ``pos`` (white space may come first), or -1."""
    pos = _skip(buf, pos)
    if pos < buf.shape[0] and buf[pos] != 10:
        return -1
    return pos + 1


@njit(cache=True, nogil=True, inline="always")
def _learn(buf: _Bytes, start: int, rec: _Ints, lit: _Bytes, off: _Ints, ents: _Ints) -> int:
    """Keep the line decoded from ``start`` (as ``rec`` describes it) as the template; its number of values.

    The template is the line's bytes between its values: the literal before each value (its key and
    the JSON around it) and the tail after the last, each from a multiple of 8 in ``lit`` (read as
    whole words by :func:`_match`), with its length; -1 (no template) when they do not fit ``lit``.
    """
    n, at, prev = rec[0], 0, start
    for i in range(n + 1):
        stop = rec[3 + 3 * i] if i < n else rec[1]
        if at + stop - prev + 8 > lit.shape[0]:
            return -1
        off[2 * i], off[2 * i + 1] = at, stop - prev
        for b in range(prev, stop):
            lit[at] = buf[b]
            at += 1
        at = (at + 7) & ~7
        if i < n:
            ents[i], prev = rec[2 + 3 * i], rec[4 + 3 * i]
    return int(n)


_QUOTES = np.uint64(0x2222222222222222)
_ONES = np.uint64(0x0101010101010101)
_HIGHS = np.uint64(0x8080808080808080)
_BYTE_INDEX = np.uint64(0x0001020304050607)  # times 2 ** (8 i): i in the top byte
_MASKS = np.array([(1 << (8 * i)) - 1 for i in range(8)], dtype=np.uint64)
_HASH_BITS = 8
_TEMPLATE_WORDS = 1 << 13


@lru_cache(maxsize=1)
def _hashed_words() -> _Words:
    """The accepted words of every word table in hash tables of ``2 ** _HASH_BITS`` slots (one array).

    ``[0]`` is the multiplier; slot ``h`` of table ``t`` holds (key, code) from ``1 + 2 (t 2 ** bits + h)``;
    a key is a word's bytes (little-endian) with its length in the top byte, as :func:`_fast_word`
    reads it. The multiplier is the first of a seeded sequence that leaves no two words of a table
    in one slot.
    """
    from myoscope.isncsci._stream import _NKM as NKM_LEVEL

    tables = [{w.encode(): code for w, code in table.items()} for table in _TABLES]
    tables.append({w.encode(): level + 1 for w, level in NKM_LEVEL.items()})  # 0 = valid, not a key muscle
    keys = [{int.from_bytes(w, "little") | (len(w) << 56): code for w, code in t.items()} for t in tables]
    if max(len(w) for t in tables for w in t) > 5:
        raise ValueError("accepted words of more than 5 bytes")
    size = 1 << _HASH_BITS
    rng = np.random.default_rng(0)
    while True:
        multiplier = int(rng.integers(0, 1 << 63, dtype=np.int64)) * 2 + 1
        slots = [{(k * multiplier % (1 << 64)) >> (64 - _HASH_BITS): (k, c) for k, c in t.items()} for t in keys]
        if all(len(s) == len(t) for s, t in zip(slots, keys, strict=True)):
            break
    table = np.zeros(1 + 2 * size * len(keys), dtype=np.uint64)
    table[1::2] = np.uint64(2**64 - 1)  # an empty slot: no key (its top byte is a length of at most 6) is this
    table[0] = multiplier
    for t, slot in enumerate(slots):
        for h, (key, code) in slot.items():
            table[1 + 2 * (t * size + h)], table[2 + 2 * (t * size + h)] = key, code
    return table


@njit(cache=True, nogil=True, inline="always")
def _fast_word(H: _Words, w: np.uint64, table: int) -> tuple[int, int]:
    """(code, bytes taken) of the quoted word at the start of the 8 bytes ``w``, or (-1, 0).

    No branch depends on the word: its closing quote is found by a zero-byte test on the word, and
    the word (with its length) is looked up in the hash table of the accepted words of ``table``.
    """
    x = (w ^ _QUOTES) | np.uint64(0xFF)  # zero bytes where the quotes are, the opening one left out
    found = (x - _ONES) & ~x & _HIGHS  # its lowest bit marks the first quote after the opening one
    if (w & np.uint64(0xFF)) != np.uint64(34) or found == np.uint64(0):
        return -1, 0
    n = np.int64((((found & (~found + np.uint64(1))) >> np.uint64(7)) * _BYTE_INDEX) >> np.uint64(56)) - 1
    key = ((w >> np.uint64(8)) & _MASKS[n]) | (np.uint64(n) << np.uint64(56))
    slot = 1 + 2 * ((table << _HASH_BITS) + np.int64((key * H[0]) >> np.uint64(64 - _HASH_BITS)))
    if H[slot] != key:
        return -1, 0
    return int(H[slot + 1]), int(n) + 2


@njit(cache=True, nogil=True, inline="always")
def _match(
    T: _Ints,
    H: _Words,
    buf: _Bytes,
    words: _Words,
    pos: int,
    row: int,
    codes: _Bytes,
    nkm: _Small,
    spans: _Ints,
    template: tuple[_Words, _Ints, _Ints],
    n: int,
) -> int:
    """Decode a line laid out exactly as the template (same bytes between the values); as :func:`_line`.

    A line whose bytes around its values equal those of a line that :func:`_line` decoded has the same
    keys in the same order, so only its values need reading; -1 where it differs, or near the end of
    the block (then :func:`_line` reads it). ``words[k, j]`` is the 8 bytes of the block from
    ``k + 8 j``: a word at any position in one load, for the literals and the scores.
    """
    lit64, off, ents = template
    last = 8 * words.shape[1] - 16
    for p in range(n + 1):
        at, size = off[2 * p] >> 3, off[2 * p + 1]
        if pos + size >= last:
            return -1
        while size >= 8:
            if words[pos & 7, pos >> 3] != lit64[at]:
                return -1
            pos, at, size = pos + 8, at + 1, size - 8
        if ((words[pos & 7, pos >> 3] ^ lit64[at]) & _MASKS[size]) != np.uint64(0):
            return -1
        pos += size
        if p == n:
            break
        e = ents[p]
        kind = T[_HEAD + 5 * e + 2]
        if kind == _TEXT or buf[pos] == 110:  # a text, or null
            pos = _value(T, buf, pos, e, row, codes, nkm, spans)
            if pos < 0:
                return -1
            continue
        code, taken = _fast_word(H, words[pos & 7, pos >> 3], T[_HEAD + 5 * e + 4])
        if code < 0:
            return -1
        if kind == _SCORE:
            codes[row, T[_HEAD + 5 * e + 3]] = code
        else:
            nkm[row, T[_HEAD + 5 * e + 3]] = code - 1
        pos += taken
    return _newline(buf, pos)


@njit(cache=True, nogil=True)
def _decode(
    T: _Ints, H: _Words, buf: _Bytes, words: _Words, codes: _Bytes, nkm: _Small, spans: _Ints
) -> tuple[int, int]:
    """(lines decoded, the position after the last of them; -1 when a line is declined).

    Stops after ``len(codes)`` lines. Each line is first matched against the template of the last
    line decoded in full; a line that differs is decoded in full (any key order and spacing) and
    becomes the template. Fills the scores, non-key muscles and id and site spans of every line decoded.
    """
    seen = np.zeros(T[0], dtype=np.bool_)
    rec = np.zeros(3 * T[0] + 6, dtype=np.int64)
    lit64 = np.zeros(_TEMPLATE_WORDS, dtype=np.uint64)
    off = np.zeros(2 * T[0] + 2, dtype=np.int64)
    ents = np.zeros(T[0] + 1, dtype=np.int64)
    template = (lit64, off, ents)
    n_scores, n_pieces, pos, row = 0, -1, 0, 0
    for e in range(T[0]):
        n_scores += T[_HEAD + 5 * e + 2] == _SCORE
    while pos < buf.shape[0]:
        if row == codes.shape[0]:
            break
        if n_pieces >= 0:
            after = _match(T, H, buf, words, pos, row, codes, nkm, spans, template, n_pieces)
            if after >= 0:
                pos, row = after, row + 1
                continue
            nkm[row, :], spans[row, :] = -1, -1  # what the partial match wrote
        seen[:] = False
        start = pos
        pos = _line(T, buf, pos, row, codes, nkm, spans, seen, rec)
        if pos < 0:
            return row, -1
        got = 0
        for e in range(T[0]):
            got += seen[e] and T[_HEAD + 5 * e + 2] == _SCORE
        if got != n_scores:
            return row, -1
        n_pieces = _learn(buf, start, rec, lit64.view(np.uint8), off, ents)
        row += 1
    return row, pos


def _words(buf: _Bytes) -> _Words:
    """``words[k, j]``: the 8 bytes of ``buf`` from ``k + 8 j`` as one little-endian word (a view)."""
    from numpy.lib.stride_tricks import as_strided

    m = max(0, (len(buf) - 7) // 8)  # the last word of row 7 ends at byte 8 m + 6
    if m == 0:
        return np.zeros((8, 0), dtype="<u8")
    return as_strided(buf[: 8 * m].view("<u8"), shape=(8, m), strides=(1, 8), writeable=False)


def _texts(data: _Bytes, spans: np.ndarray) -> Any:
    """An Arrow string array of the spans of ``data`` (start < 0: absent), or None if no row has one."""
    import pyarrow as pa

    present = spans[:, 0] >= 0
    if not present.any():
        return None
    lengths = np.where(present, spans[:, 1] - spans[:, 0], 0)
    offsets = np.zeros(spans.shape[0] + 1, dtype=np.int32)
    np.cumsum(lengths, out=offsets[1:])
    take = np.repeat(spans[:, 0] - offsets[:-1], lengths) + np.arange(int(offsets[-1]))
    values = data[take] if take.size else np.zeros(0, np.uint8)
    validity = pa.py_buffer(np.packbits(present, bitorder="little"))
    return pa.Array.from_buffers(
        pa.string(), spans.shape[0], [validity, pa.py_buffer(offsets), pa.py_buffer(values.tobytes())]
    )


@lru_cache(maxsize=1)
def _shortest_line() -> int:
    """A lower bound on the bytes of a line that decodes: each score as ``"key":"x"`` and a separator."""
    table, _ = _layout()
    meta = table[_HEAD : _HEAD + 5 * int(table[0])].reshape(-1, 5)
    return int(sum(int(length) + 7 for _, length, kind, _, _ in meta if kind == _SCORE))


def decode_lines(block: Any, limit: int) -> tuple[Any, Any, int] | None:
    """(encoded exams, Arrow table of ``id`` and ``site``, bytes used) of the first lines of ``block``.

    ``block`` (bytes-like) holds whole lines; at most ``limit`` are decoded, and ``bytes used`` ends
    at the newline of the last. None (declined) when a line among them cannot be decoded exactly.
    """
    import pyarrow as pa

    from myoscope.isncsci._stream import batch_by_row

    table, n_slots = _layout()
    buf = np.frombuffer(block, dtype=np.uint8)
    room = min(limit, len(buf) // _shortest_line() + 1)  # more lines than this cannot all decode
    codes = np.empty((room, n_slots), dtype=np.uint8)  # every score is present in a decoded line
    nkm = np.full((room, 2), -1, dtype=np.int8)
    spans = np.full((room, 4), -1, dtype=np.int64)
    n_lines, used = _decode(table, _hashed_words(), buf, _words(buf), codes, nkm, spans)
    if used < 0:
        return None
    extra = {}
    for j, name in enumerate(("id", "site")):
        texts = _texts(buf, spans[:n_lines, 2 * j : 2 * j + 2])
        if texts is not None:
            extra[name] = texts
    table = pa.table(extra) if extra else pa.table({"id": pa.nulls(n_lines, pa.string())})
    return batch_by_row(codes[:n_lines], nkm[:n_lines]), table, used


def decode_block(block: Any) -> tuple[Any, Any] | None:
    """(encoded exams, Arrow table of ``id`` and ``site``) of every line of ``block``, or None (declined)."""
    decoded = decode_lines(block, len(block) + 1)
    if decoded is None or decoded[2] != len(block):
        return None
    return decoded[0], decoded[1]
