"""The compiled kernel, the same code run as plain Python, and the three entry points agree.

Oracle: the reference cases (``official_2019.json``, ``random_seed1.json``)
and synthetic exams, classified by ``classify_batch`` (compiled), by a
subprocess with ``NUMBA_DISABLE_JIT=1`` (plain Python), by ``classify`` (one
validated exam) and by ``classify_many``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from isncsci_cases import load_cases

from myoscope.isncsci import classify, classify_batch, classify_many, encode, synthetic_exams

_PLAIN_PYTHON = """
import json, sys
from myoscope.isncsci import classify_many
exams = json.load(sys.stdin)
json.dump([c.to_json() for c in classify_many(exams)], sys.stdout)
"""


def _exams(reference_dir):
    cases = load_cases(reference_dir, "official_2019.json") + load_cases(reference_dir, "random_seed1.json")
    return [c["exam"] for c in cases] + synthetic_exams(400, 99, nt_rate=0.5, star_rate=0.5, nonkey_rate=0.3)


def test_compiled_and_plain_python_agree(reference_dir):
    exams = _exams(reference_dir)
    compiled = classify_batch(encode(exams)).to_json()
    env = {**os.environ, "NUMBA_DISABLE_JIT": "1"}
    done = subprocess.run(
        [sys.executable, "-c", _PLAIN_PYTHON],
        input=json.dumps(exams),
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    plain = json.loads(done.stdout)
    different = [i for i, (a, b) in enumerate(zip(compiled, plain, strict=True)) if a != b]
    assert len(plain) == len(compiled)
    assert different == [], f"{len(different)} exams differ, first {different[:10]}"


def test_scalar_many_and_batch_agree(reference_dir):
    exams = _exams(reference_dir)
    batch = classify_batch(encode(exams))
    many = classify_many(exams)
    scalar = [classify(e) for e in exams]
    assert list(batch) == many == scalar
    assert batch.to_json() == [c.to_json() for c in scalar]
    assert batch[5] == scalar[5]
