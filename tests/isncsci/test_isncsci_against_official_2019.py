"""myoscope.isncsci against the official ISNCSCI 2019 test cases.

Oracle: ``reference/isncsci/official_2019.json``, the 128 cases of
``specs/2019.json`` of praxis-isncsci/algorithm (file identical at tag 2.0.6,
the source of npm ``isncsci@2.0.6``), normalized. Every one of the 25 output
fields is compared as an exact value.
"""

from __future__ import annotations

from isncsci_cases import field_mismatches, flatten, load_cases, report

from myoscope.isncsci import classify, classify_many

N_FIELDS = 25


def test_isncsci_against_official_2019_all_fields(reference_dir):
    cases = load_cases(reference_dir, "official_2019.json")
    assert len(cases) == 128
    results = classify_many([case["exam"] for case in cases])
    mismatches = []
    for case, result in zip(cases, results, strict=True):
        got = result.to_json()
        assert len(flatten(got)) == N_FIELDS
        mismatches += field_mismatches(f"case {case['id']}", case["expected"], got)
    assert mismatches == [], report(mismatches)


def test_isncsci_scalar_path_against_official_2019(reference_dir):
    """``classify`` (one validated exam at a time) gives the same 25 fields."""
    cases = load_cases(reference_dir, "official_2019.json")
    mismatches = []
    for case in cases:
        mismatches += field_mismatches(f"case {case['id']}", case["expected"], classify(case["exam"]).to_json())
    assert mismatches == [], report(mismatches)


def test_invalid_non_key_levels_are_ignored_as_the_reference_does(reference_dir):
    """Cases 77-79 name T5 / L1 as lowest non-key muscle; the reference ignores such levels."""
    cases = {case["id"]: case for case in load_cases(reference_dir, "official_2019.json")}
    for case_id in (77, 78, 79):
        exam = cases[case_id]["exam"]
        levels = {exam["right"]["lowest_non_key_muscle"], exam["left"]["lowest_non_key_muscle"]}
        assert levels & {"T5", "L1"}
        without = {
            **exam,
            "right": {**exam["right"], "lowest_non_key_muscle": None},
            "left": {**exam["left"], "lowest_non_key_muscle": None},
        }
        assert classify(exam).to_json() == classify(without).to_json() == cases[case_id]["expected"]
