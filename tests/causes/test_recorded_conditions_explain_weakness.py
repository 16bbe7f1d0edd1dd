"""Weakness that a recorded condition causes is not read as a new motor neurone pattern (NICE NG42).

Before, only conditions of kind "other" in the cited table explained a symptom, and the table lacked some
common ones: steadily worsening leg weakness in secondary progressive multiple sclerosis (Lublin et al. 2014),
weakness with an underactive thyroid (Duyff et al. 2000), distal wasting in Charcot-Marie-Tooth disease
(Pareyson & Marchesi 2009), and breathlessness after COVID-19 (NICE NG188) each raised the urgent
neurological red flag, led with the motor neurone pattern, and held the rehabilitation advice."""

from __future__ import annotations

import pytest

from myoscope.causes import assess
from myoscope.causes._condition_table import match
from myoscope.record import parse_record

URGENT_MOTOR = {"progressive_painless_weakness", "breathing_with_weakness", "bulbar_change"}


def _assess(condition: dict, symptoms: list[dict]):
    return assess(
        parse_record(
            {
                "schema_version": 1,
                "person": {"id": "explained", "sex": "female", "birth_date": "1968-11-11", "height": "163 cm"},
                "conditions": [condition],
                "symptoms": symptoms,
                "measurements": [
                    {"kind": "mid_thigh_circumference", "side": "left", "value": "44 cm", "date": "2026-04-01"},
                    {"kind": "mid_thigh_circumference", "side": "right", "value": "44.5 cm", "date": "2026-04-01"},
                    {"kind": "mid_thigh_circumference", "side": "left", "value": "41 cm", "date": "2026-10-20"},
                    {"kind": "mid_thigh_circumference", "side": "right", "value": "41.5 cm", "date": "2026-10-20"},
                ],
            }
        )
    )


WORSENING_WEAKNESS = {"kind": "weakness", "onset": "2026-01-01", "progressive": True, "painless": True}


def test_progressive_weakness_in_secondary_progressive_ms_is_the_ms():
    ms = {"kind": "multiple_sclerosis", "onset": "2001-04-01", "course": "secondary_progressive"}
    result = _assess(ms, [WORSENING_WEAKNESS])
    assert not {f.code for f in result.red_flags} & URGENT_MOTOR
    assert result.leading is not None and result.leading.cause == "multiple_sclerosis"


def test_a_swallowing_change_in_ms_is_still_flagged():
    ms = {"kind": "multiple_sclerosis", "onset": "2001-04-01", "course": "secondary_progressive"}
    result = _assess(ms, [WORSENING_WEAKNESS, {"kind": "swallowing_difficulty", "onset": "2026-09-01"}])
    assert "bulbar_change" in {f.code for f in result.red_flags}


@pytest.mark.parametrize(
    ("name", "onset"),
    [
        ("primary hypothyroidism (underactive thyroid)", "2026-09-15"),  # diagnosed after the weakness began
        ("Charcot-Marie-Tooth disease type 1A", "2026-09-15"),
        ("on steroids for RA", "2025-06-01"),  # a drug: started before the weakness
    ],
)
def test_weakness_of_a_recorded_condition_is_not_the_motor_neurone_pattern(name, onset):
    result = _assess({"kind": "other", "name": name, "onset": onset}, [WORSENING_WEAKNESS])
    assert not {f.code for f in result.red_flags} & URGENT_MOTOR
    assert result.leading is not None and result.leading.cause == "other_conditions"


@pytest.mark.parametrize("name", ["anabolic steroids at the gym", "asthma, uses a steroid inhaler"])
def test_steroids_that_cause_no_myopathy_are_not_read_as_corticosteroid_treatment(name):
    entry = match(None, name)
    assert entry is None or entry.key != "corticosteroids"


def test_breathlessness_after_covid_is_not_the_breathing_red_flag():
    covid = {"kind": "other", "name": "long COVID (post-COVID-19 condition)", "onset": "2026-03-01"}
    result = _assess(covid, [{"kind": "breathlessness", "onset": "2026-03-01"}])
    assert "breathing_with_weakness" not in {f.code for f in result.red_flags}
