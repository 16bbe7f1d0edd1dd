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
