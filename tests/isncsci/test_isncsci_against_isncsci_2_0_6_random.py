"""myoscope.isncsci against 500 random exams labelled by npm ``isncsci@2.0.6``.

Oracle: ``reference/isncsci/random_seed1.json`` (generator seed 1, NT and tag
overlays, labelled by the reference implementation ``isncsci`` 2.0.6 under
Node). Every one of the 25 output fields is compared as an exact value.
"""

from __future__ import annotations

from isncsci_cases import field_mismatches, load_cases, report

from myoscope.isncsci import classify_many


def test_isncsci_against_isncsci_2_0_6_random_seed1(reference_dir):
    cases = load_cases(reference_dir, "random_seed1.json")
    assert len(cases) == 500
    results = classify_many([case["exam"] for case in cases])
    mismatches = []
    for case, result in zip(cases, results, strict=True):
        mismatches += field_mismatches(f"case {case['id']} ({case['pattern']})", case["expected"], result.to_json())
    assert mismatches == [], report(mismatches)
