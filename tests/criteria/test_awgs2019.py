"""AWGS 2019 community and hospital pathways and boundaries.

Oracle: Chen LK, et al. Asian Working Group for Sarcopenia: 2019 consensus update. J Am Med Dir
Assoc 2020;21(3):300-307.e2. doi:10.1016/j.jamda.2019.12.012, with the reference note's boundary
vectors (§F: chair 11.99/12.0, gait 0.99/1.0, SPPB 9/10, woman DXA 5.39, BIA 5.69).
"""

import pytest

from myoscope.instruments import CANNOT_TELL
from myoscope.scores import get

AWGS = get("awgs2019")
HOSPITAL_WOMAN = {"pathway": "hospital", "population": "asian", "sex": "female"}
COMMUNITY_MAN = {"pathway": "community", "population": "asian", "sex": "male"}


@pytest.mark.parametrize(
    "raw, category",
    [
        ({"grip": 27.9}, "possible sarcopenia"),
        ({"grip": 28.0}, "no sarcopenia"),
        ({"chair_stand": 12.0}, "possible sarcopenia"),
        ({"chair_stand": 11.99}, "no sarcopenia"),
        ({"grip": 30, "chair_stand_unable": True}, "possible sarcopenia"),
    ],
)
def test_community_pathway_edges(raw, category):
    assert AWGS.score({**COMMUNITY_MAN, **raw}).category == category


def test_community_ignores_missing_mass_and_reports_case_finding():
    score = AWGS.score({**COMMUNITY_MAN, "calf": 33.9, "sarc_f": 1, "grip": 25})
    assert score.category == "possible sarcopenia" and score.value == 1 and not score.missing
    assert score.details["sarc_calf"] == 11 and score.details["case_finding_positive"] is True


@pytest.mark.parametrize(
    "perf, category",
    [
        ({"gait_speed": 0.99}, "sarcopenia"),
        ({"gait_speed": 1.0}, "no sarcopenia"),
        ({"chair_stand": 12.0}, "sarcopenia"),
        ({"chair_stand": 11.99}, "no sarcopenia"),
        ({"sppb": 9}, "sarcopenia"),
        ({"sppb": 10}, "no sarcopenia"),
    ],
)
def test_hospital_low_performance_alone_with_low_mass_diagnoses(perf, category):
    raw = {**HOSPITAL_WOMAN, "grip": 18.0, "asm_height2": 5.39, "mass_method": "dxa", **perf}
    assert AWGS.score(raw).category == category


@pytest.mark.parametrize(
    "asmi, method, category",
    [
        (5.39, "dxa", "severe sarcopenia"),
        (5.4, "dxa", "no sarcopenia"),
        (5.69, "bia", "severe sarcopenia"),
        (5.7, "bia", "no sarcopenia"),
    ],
)
def test_hospital_mass_edges_by_method(asmi, method, category):
    raw = {**HOSPITAL_WOMAN, "grip": 17.9, "gait_speed": 0.8, "asm_height2": asmi, "mass_method": method}
    assert AWGS.score(raw).category == category


def test_hospital_possible_when_mass_unknown_or_method_needed():
    no_mass = AWGS.score({**HOSPITAL_WOMAN, "grip": 15})
    assert no_mass.category == "possible sarcopenia" and "DXA or BIA" in no_mass.missing[0]
    no_method = AWGS.score({**HOSPITAL_WOMAN, "grip": 15, "asm_height2": 5.5})
    assert no_method.category == "possible sarcopenia" and "how the muscle mass was measured" in no_method.missing[0]
    decided = AWGS.score({**HOSPITAL_WOMAN, "grip": 15, "gait_speed": 1.2, "asm_height2": 5.2})
    assert decided.category == "sarcopenia" and decided.missing == ()


def test_hospital_sarcopenia_names_missing_severity_test():
    score = AWGS.score({**HOSPITAL_WOMAN, "grip": 15, "asm_height2": 5.0, "mass_method": "bia"})
    assert score.category == "sarcopenia" and "performance" in score.missing[0]


def test_hospital_low_mass_alone_is_not_sarcopenia():
    raw = {**HOSPITAL_WOMAN, "grip": 25, "gait_speed": 1.2, "asm_height2": 5.0, "mass_method": "dxa"}
    assert AWGS.score(raw).category == "no sarcopenia"


@pytest.mark.parametrize(
    "drop, text",
    [("pathway", "the setting"), ("population", "whether the person is of Asian ancestry"), ("sex", "sex")],
)
def test_explicit_choices_are_required(drop, text):
    raw = {**COMMUNITY_MAN, "grip": 20}
    del raw[drop]
    score = AWGS.score(raw)
    assert score.category == CANNOT_TELL and any(m.startswith(text) for m in score.missing)


def test_non_asian_population_carries_caution():
    score = AWGS.score({**COMMUNITY_MAN, "population": "non_asian", "grip": 20})
    assert score.category == "possible sarcopenia" and "Asian" in score.details["caution"]
