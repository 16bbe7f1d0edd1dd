"""The compiled NDJSON exam decoder gives the same kernel arrays and texts as Arrow's JSON reader and the
column encoder, and declines (leaving the block to them) every line it cannot decode exactly."""

from __future__ import annotations

import json

import numpy as np
import pytest

from myoscope.isncsci import synthetic_exams
from myoscope.isncsci._ndjson import decode_block
from myoscope.isncsci._stream import _flat_arrow, _read_ndjson, encode_frame


def _general(block: bytes):
    table = _flat_arrow(_read_ndjson(block, "test"))
    encoded, problems = encode_frame(table, 1)
    return encoded, table, problems


def _same(block: bytes) -> None:
    fast = decode_block(block)
    assert fast is not None
    encoded, extra = fast
    want, table, problems = _general(block)
    assert not problems
    for name in ("sens", "motor", "anal", "nkm"):
        assert np.array_equal(getattr(encoded, name), getattr(want, name)), name
    for name in ("id", "site"):
        expected = table.column(name).to_pylist()
        got = extra.column(name).to_pylist() if name in extra.column_names else [None] * len(expected)
        assert got == expected, name


def _lines(exams, extra=None, dumps=json.dumps) -> bytes:
    return "".join(dumps({**(extra(i) if extra else {}), **e}) + "\n" for i, e in enumerate(exams)).encode()


def test_fast_path_matches_the_general_path_on_random_exams():
    exams = synthetic_exams(400, 11)
    ids = lambda i: {"id": None if i % 7 == 0 else f"p-{i}", **({"site": f"site {i % 3}"} if i % 5 else {})}  # noqa: E731
    _same(_lines(exams, ids))
    _same(_lines(exams))  # no id, no site


def test_fast_path_reads_any_json_spacing_and_key_order():
    exams = synthetic_exams(30, 12)
    _same(_lines(exams, lambda i: {"id": f"x{i}"}, lambda o: json.dumps(o, separators=(",", ":"))))
    _same(_lines(exams, None, lambda o: json.dumps(o, indent=None, separators=(" , ", " : ")) + "  \r"))
    reordered = [{k: e[k] for k in reversed(list(e))} for e in exams]
    _same(_lines(reordered, lambda i: {"site": "north"}))


def _declined(block: bytes) -> None:
    assert decode_block(block) is None


@pytest.mark.parametrize(
    "change",
    [
        lambda e: {**e, "id": 17},  # a number where text is expected
        lambda e: {**e, "id": 'a "quoted" id'},  # escapes
        lambda e: {**e, "site": "Zürich"},  # outside printable ASCII
        lambda e: {**e, "extra_field": "1"},
        lambda e: {**e, "vac": "maybe"},
        lambda e: {**e, "dap": None},
        lambda e: {**e, "right": {**e["right"], "motor": {**e["right"]["motor"], "C5": 3}}},
        lambda e: {k: v for k, v in e.items() if k != "left"},
    ],
)
def test_fast_path_declines_what_it_cannot_decode_exactly(change):
    exams = synthetic_exams(3, 13)
    exams[1] = change(exams[1])
    _declined(_lines(exams, None, lambda o: json.dumps(o, ensure_ascii=False)))


def test_fast_path_declines_repeated_keys_and_malformed_lines():
    good = _lines(synthetic_exams(2, 14))
    first = good.split(b"\n")[0]
    _declined(first[:-1] + b', "vac": "Yes"}\n')  # vac twice
    _declined(first[:-1] + b"\n")  # object not closed
    _declined(b"[1, 2]\n")
    _declined(first + b" trailing\n")


def _random_line(rng, exam, i: int) -> str:
    """One exam as a JSON line in one of several layouts, sometimes changed so that it must be declined."""
    extra = {"id": f"p{i}" * int(rng.integers(0, 4)) or None, "site": ["a", "site b", None][i % 3]}
    obj = {**extra, **exam}
    layout = int(rng.integers(0, 4))
    if layout == 1:
        obj = {k: obj[k] for k in reversed(list(obj))}
    separators = [(", ", ": "), (",", ":"), (" ,", " : "), (", ", ": ")][layout]
    change = int(rng.integers(0, 12))
    side = ("right", "left")[i % 2]
    if change == 0:
        obj[side] = {**obj[side], "motor": {**obj[side]["motor"], "C7": ["6", "5**", "", "x" * 9, 'a"b'][i % 5]}}
    elif change == 1:
        obj[side] = {**obj[side], "lowest_non_key_muscle": ["C5", "T2", "X9", None, "S4_5"][i % 5]}
    elif change == 2:
        obj["id"] = ['q"uote', "tab\there", "Zürich", 7][i % 4]
    return json.dumps(obj, separators=separators, ensure_ascii=False)


def test_fast_path_on_mixed_layouts_and_changes_agrees_with_the_general_path():
    """Blocks whose lines switch layout (the decoder's line template) and sometimes carry a value that
    is wrong or not decodable: decoded exactly as the general path reads them, or declined."""
    rng = np.random.default_rng(21)
    exams = synthetic_exams(600, 22)
    accepted = declined = 0
    for start in range(0, len(exams), 6):
        block = "".join(_random_line(rng, e, start + j) + "\n" for j, e in enumerate(exams[start : start + 6]))
        data = block.encode()
        fast = decode_block(data)
        try:
            want, table, problems = _general(data)
        except Exception:  # the general path refuses the block (not NDJSON of exams)
            assert fast is None
            declined += 1
            continue
        if fast is None:
            declined += 1
            continue
        assert not problems, problems
        accepted += 1
        encoded, extra = fast
        for name in ("sens", "motor", "anal", "nkm"):
            assert np.array_equal(getattr(encoded, name), getattr(want, name)), name
        for name in ("id", "site"):
            expected = table.column(name).to_pylist()
            got = extra.column(name).to_pylist() if name in extra.column_names else [None] * len(expected)
            assert got == expected, name
    assert accepted > 10 and declined > 10  # both paths exercised


def test_fast_path_reads_the_last_lines_of_a_block_and_stops_at_the_limit():
    """The template is not read past the end of the block (the last lines take the full decoder), and
    ``decode_lines`` stops after ``limit`` lines at the end of the last."""
    from myoscope.isncsci._ndjson import decode_lines

    exams = synthetic_exams(9, 23)
    data = _lines(exams, lambda i: {"id": f"e{i}"})
    for cut in (1, 2, 8, 9):
        block = b"".join(line + b"\n" for line in data.split(b"\n")[:cut])
        _same(block)
    encoded, extra, used = decode_lines(data, 4)
    assert len(encoded) == 4 and extra.column("id").to_pylist() == ["e0", "e1", "e2", "e3"]
    assert used == len(b"".join(line + b"\n" for line in data.split(b"\n")[:4]))


def test_every_one_byte_change_of_a_line_is_read_as_the_general_path_reads_it_or_declined():
    """After a line that sets the template, the same line with any one byte changed (in a key, the JSON
    around it or a value), and another line (the last lines of a block are read in full, not by the
    template): the fast path gives the general path's codes, or declines."""
    exams = synthetic_exams(2, 24)
    first, second = _lines(exams, lambda i: {"id": f"e{i}", "site": "s"}).split(b"\n")[:2]
    accepted = 0
    for at in range(len(second)):
        for byte in {ord("X"), ord("0"), ord(" "), ord('"'), second[at] ^ 1} - {second[at]}:
            line = second[:at] + bytes([byte]) + second[at + 1 :]
            block = first + b"\n" + line + b"\n" + first + b"\n"
            fast = decode_block(block)
            if fast is None:
                continue
            want, table, problems = _general(block)
            assert not problems, (at, line)
            for name in ("sens", "motor", "anal", "nkm"):
                assert np.array_equal(getattr(fast[0], name), getattr(want, name)), (at, line)
            assert fast[1].column("id").to_pylist() == table.column("id").to_pylist()
            accepted += 1
    assert accepted > 100  # changed scores and ids are decoded, not only declined


def test_the_word_look_up_gives_the_table_code_of_every_short_word():
    """The hashed word look-up of the template path against the tables, on every word of 1 or 2
    printable bytes and on the accepted words with a byte changed or added."""
    from myoscope.isncsci._codes import ANAL_CODE, MOTOR_CODE, SENSORY_CODE
    from myoscope.isncsci._ndjson import _fast_word, _hashed_words
    from myoscope.isncsci._stream import _NKM

    hashed = _hashed_words()
    tables = [ANAL_CODE, MOTOR_CODE, SENSORY_CODE, {k: v + 1 for k, v in _NKM.items()}]
    printable = [chr(c) for c in range(32, 127)]
    words = {a + b for a in printable for b in ["", *printable]}
    for table in tables:
        for w in table:
            words |= {w[:i] + c + w[i + 1 :] for i in range(len(w)) for c in "0*TX"} | {w + "*", w + "5", "N" + w}
    for t, table in enumerate(tables):
        for w in sorted(words):
            raw = ('"' + w + '"').encode()
            if len(raw) > 8 or '"' in w:  # a quote ends the word: not one JSON string
                continue
            word = np.frombuffer(raw.ljust(8, b","), dtype="<u8")[0]
            code, taken = _fast_word(hashed, word, t)
            assert (code, taken) == ((table[w], len(raw)) if w in table else (-1, 0)), (t, w)
