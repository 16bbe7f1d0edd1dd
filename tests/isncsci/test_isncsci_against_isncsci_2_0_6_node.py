"""Differential test: myoscope.isncsci against npm ``isncsci@2.0.6`` run under Node.

Oracle: the reference implementation itself (praxis-isncsci/algorithm,
published on npm as ``isncsci`` version 2.0.6), installed with npm into
``.cache/isncsci-node`` when missing and driven by ``isncsci_node_driver.js``.
Exams: drawn with our own seeded generator (``myoscope.isncsci.synthetic_exams``):
realistic lesions, arbitrary values, NT, ``*``/``**`` tags and non-key muscles.
Without node/npm the test skips (fails under ``CI=true``).
"""

from __future__ import annotations

import isncsci_node_oracle as oracle
import pytest
from isncsci_cases import field_mismatches, report

from _unavailable import unavailable
from myoscope.isncsci import classify_many, synthetic_exams

DRAWS = (
    # (seed, n, rates)
    (20240601, 4000, {}),
    (20240602, 2000, {"nt_rate": 0.6, "star_rate": 0.6, "nonkey_rate": 0.4}),
)


@pytest.fixture(scope="module")
def node_package():
    missing = oracle.missing_tools()
    if missing:
        unavailable(f"{' and '.join(missing)} not found: cannot run the reference isncsci@{oracle.VERSION}")
    return oracle.ensure_package()


@pytest.mark.parametrize("seed,n,rates", DRAWS, ids=[f"seed{s}" for s, _, _ in DRAWS])
def test_isncsci_against_isncsci_2_0_6_node(node_package, seed, n, rates):
    exams = synthetic_exams(n, seed, **rates)
    reference = oracle.classify_with_node(exams)
    assert len(reference) == n
    errors = [i for i, r in enumerate(reference) if "error" in r]
    assert errors == [], f"the reference threw on exams {errors[:10]}"
    mismatches = []
    for i, (want, got) in enumerate(zip(reference, classify_many(exams), strict=True)):
        mismatches += field_mismatches(f"exam {i}", want, got.to_json())
    assert mismatches == [], report(mismatches)
