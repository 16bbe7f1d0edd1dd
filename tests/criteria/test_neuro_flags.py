"""Neurological red flags: ALS (NICE NG42, Byrne 2011) and MS presentations (NICE NG220).

Expected flags follow the reference note §1.7 (NICE NG42 recognition section and the MND
Association red-flag tool) and NICE NG220 §1.1; the familial share 5-10 % is Byrne 2011
(5.1 % in population registries) against the often-quoted 10 %.
"""

from __future__ import annotations

import re

import pytest

from myoscope.criteria.neuro_flags import (
    als_family_history_flags,
    als_monitoring_flags,
    als_red_flags,
    ms_pattern_flags,
    sort_flags,
)
from myoscope.references import get as reference

DISEASE_WORDS = re.compile(r"\b(ALS|MND|motor neurone disease|amyotrophic|multiple sclerosis)\b", re.I)


def codes(flags):
    return [f.code for f in flags]


def test_progressive_painless_weakness_is_urgent():
    flags = als_red_flags(progressive_weakness=True, weakness_painful=False, sensory_loss=False)
    assert codes(flags) == ["progressive_painless_weakness"] and flags[0].urgency == "urgent"
    assert "needs neurological evaluation" in flags[0].message


def test_progressive_weakness_with_numbness_is_still_flagged_but_less_urgent():
    flags = als_red_flags(progressive_weakness=True, sensory_loss=True)
    assert codes(flags) == ["progressive_weakness"] and flags[0].urgency == "soon"


def test_speech_or_swallowing_change_is_urgent():
    flags = als_red_flags(swallowing_change=True)
    assert codes(flags) == ["bulbar_change"] and flags[0].urgency == "urgent"
    assert flags[0].evidence == ("swallowing change",)


def test_fasciculations_with_weakness_vs_alone():
    assert "fasciculations_with_weakness" in codes(als_red_flags(fasciculations=True, wasting=True))
    alone = als_red_flags(fasciculations=True)
    assert codes(alone) == ["fasciculations_alone"] and alone[0].urgency == "routine"


def test_breathing_with_weakness_and_ordering_most_urgent_first():
    flags = als_red_flags(progressive_weakness=True, sensory_loss=True, breathing_symptoms=True)
    assert codes(flags) == ["breathing_with_weakness", "progressive_weakness"]


def test_nothing_reported_gives_no_flag():
    assert als_red_flags() == [] and ms_pattern_flags() == [] and als_family_history_flags([]) == []


@pytest.mark.parametrize(
    "relation, code",
    [("brother", "family_history_als"), ("Mother", "family_history_als"), ("cousin", "family_history_als_distant")],
)
def test_family_history_first_degree_prompts_genetic_counselling(relation, code):
    flags = als_family_history_flags([relation])
    assert codes(flags) == [code]
    if code == "family_history_als":
        assert "5% to 10%" in flags[0].message and "genetic counselling" in flags[0].message
        assert flags[0].citation == "byrne2011"


# Boundary of the reference note's escalation rule: ΔFS > 1.0 (our design rule).
@pytest.mark.parametrize("delta_fs, flagged", [(0.99, False), (1.0, False), (1.01, True)])
def test_als_monitoring_fast_progression_boundary(delta_fs, flagged):
    assert ("als_fast_progression" in codes(als_monitoring_flags(delta_fs=delta_fs))) == flagged


def test_als_monitoring_breathing_items_below_4():
    assert codes(als_monitoring_flags(orthopnoea=4)) == []
    assert codes(als_monitoring_flags(orthopnoea=3)) == ["als_breathing_items_reduced"]


def test_ms_pattern_for_a_person_without_ms_says_needs_evaluation():
    flags = ms_pattern_flags(double_vision=True, lasted_over_24_hours=True)
    assert codes(flags) == ["ms_pattern"] and "needs neurological evaluation" in flags[0].message


def test_ms_possible_relapse_for_a_person_with_ms():
    flags = ms_pattern_flags(
        ascending_numbness_or_weakness=True, lasted_over_24_hours=True, fever_or_infection=False, has_ms=True
    )
    assert codes(flags) == ["ms_possible_relapse"]
    assert codes(ms_pattern_flags(balance_problems=True, fever_or_infection=True, has_ms=True)) == ["ms_new_symptoms"]


def test_messages_for_undiagnosed_people_never_name_a_disease():
    flags = als_red_flags(
        progressive_weakness=True, speech_change=True, fasciculations=True, breathing_symptoms=True
    ) + ms_pattern_flags(vision_loss_one_eye_painful=True, lhermitte=True)
    assert flags
    for flag in flags:
        assert not DISEASE_WORDS.search(flag.message), flag.message


def test_every_flag_cites_a_catalogued_source_and_serialises():
    flags = (
        als_red_flags(progressive_weakness=True)
        + als_family_history_flags(["sister"])
        + als_monitoring_flags(delta_fs=2.0)
        + ms_pattern_flags(double_vision=True)
    )
    for flag in sort_flags(flags):
        assert reference(flag.citation)
        assert set(flag.to_json()) == {"code", "message", "evidence", "citation", "urgency"}
