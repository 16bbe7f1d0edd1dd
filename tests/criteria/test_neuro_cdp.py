"""Confirmed disability progression against the reference vectors T-CDP-1..6.

Oracle: ``reference/clinical/instruments_neuro.md`` §6.3 (compiled 2026-11-24), rows derived
from the three-tier, 24-week, next-visit definition (Lublin 2014; Kappos 2018; thresholds as in
the Stata ``setools`` ``cdp`` help and its references). T-CDP-6's 90-day RAW window is
UNVERIFIED and configurable.
"""

from __future__ import annotations

import pytest

from myoscope.errors import InputError
from myoscope.instruments import CANNOT_TELL
from myoscope.scores import get

CONFIRMED, NOT_CONFIRMED = "confirmed disability progression", "no confirmed progression"


def visits(*pairs):
    return [{"time": week, "edss": value} for week, value in pairs]


@pytest.mark.parametrize(
    "vector, series, week",
    [
        ("T-CDP-1", ((0, 0.0), (12, 1.0), (36, 1.5), (60, 1.5)), 36.0),
        ("T-CDP-2", ((0, 3.0), (12, 4.0), (24, 3.5)), None),
        ("T-CDP-3", ((0, 3.0), (12, 4.0), (40, 4.0)), 12.0),
        ("T-CDP-4", ((0, 6.0), (12, 6.5), (36, 6.5)), 12.0),
        ("T-CDP-5", ((0, 5.5), (12, 6.0), (36, 6.0)), None),
    ],
)
def test_cdp_against_reference_vectors(vector, series, week):
    score = get("cdp").score({"visits": visits(*series)})
    assert score.value == week, vector
    assert score.category == (CONFIRMED if week is not None else NOT_CONFIRMED), vector


def test_t_cdp_2_says_what_would_confirm_the_pending_worsening():
    score = get("cdp").score({"visits": visits((0, 3.0), (12, 4.0), (24, 3.5))})
    assert score.details["unconfirmed_worsening_weeks"] == [12.0]
    assert "24 weeks after week 12" in score.missing[0]


def test_t_cdp_6_relapse_four_weeks_before_is_raw():
    score = get("cdp").score({"visits": visits((0, 3.0), (12, 4.0), (40, 4.0)), "relapses": [8]})
    assert score.value == 12.0 and score.details["event_type"].startswith("relapse-associated")
    assert any("90 days" in u for u in score.details["unverified"])


def test_no_relapses_recorded_vs_none_occurred():
    series = visits((0, 3.0), (12, 4.0), (40, 4.0))
    assert get("cdp").score({"visits": series}).details["event_type"].startswith("unknown")
    assert get("cdp").score({"visits": series, "relapses": []}).details["event_type"].startswith("progression ind")


# Boundaries of the three tiers (Lublin 2014 / Kappos 2018): baseline 0 -> +1.5, 1.0-5.5 -> +1.0, >= 6.0 -> +0.5.
@pytest.mark.parametrize(
    "baseline, rise, confirmed",
    [
        (0.0, 1.0, False),
        (0.0, 1.5, True),
        (0.0, 2.0, True),
        (1.0, 0.5, False),
        (1.0, 1.0, True),
        (5.5, 0.5, False),
        (5.5, 1.0, True),
        (6.0, 0.0, False),
        (6.0, 0.5, True),
        (6.5, 0.5, True),
    ],
)
def test_three_tier_threshold_boundaries(baseline, rise, confirmed):
    series = visits((0, baseline), (12, baseline + rise), (36, baseline + rise))
    assert (get("cdp").score({"visits": series}).category == CONFIRMED) == confirmed


# Boundary of the confirmation interval: 24 weeks exactly counts; 23 weeks does not.
@pytest.mark.parametrize("confirm_week, confirmed", [(35, False), (36, True), (37, True)])
def test_confirmation_interval_boundary(confirm_week, confirmed):
    series = visits((0, 3.0), (12, 4.0), (confirm_week, 4.0))
    assert (get("cdp").score({"visits": series}).category == CONFIRMED) == confirmed


def test_two_tier_option_and_twelve_week_confirmation():
    series = visits((0, 0.0), (12, 1.0), (26, 1.0))
    assert get("cdp").score({"visits": series}).category == NOT_CONFIRMED
    assert get("cdp").score({"visits": series, "tiers": "two", "confirmation": "12 weeks"}).value == 12.0


def test_sustained_rule_needs_every_later_visit():
    series = visits((0, 3.0), (12, 4.0), (36, 4.0), (48, 3.5))
    assert get("cdp").score({"visits": series}).category == CONFIRMED
    assert get("cdp").score({"visits": series, "rule": "sustained"}).category == NOT_CONFIRMED


def test_confirming_visit_soon_after_a_relapse_is_skipped():
    series = visits((0, 3.0), (12, 4.0), (36, 4.0))
    score = get("cdp").score({"visits": series, "relapses": [34]})
    assert score.category == NOT_CONFIRMED


def test_dates_work_and_mixing_clocks_is_refused():
    dated = [
        {"date": "2024-01-01", "edss": 3.0},
        {"date": "2024-03-25", "edss": 4.0},
        {"date": "2024-10-07", "edss": 4.0},
    ]
    score = get("cdp").score({"visits": dated})
    assert score.value == 12.0 and score.details["event_date"] == "2024-03-25"
    with pytest.raises(InputError):
        get("cdp").score({"visits": [dated[0], {"time": 12, "edss": 4.0}]})


def test_one_visit_is_cannot_tell():
    assert get("cdp").score({"visits": visits((0, 3.0))}).category == CANNOT_TELL


def test_invalid_edss_in_a_visit_is_refused():
    with pytest.raises(InputError):
        get("cdp").score({"visits": visits((0, 0.5), (12, 2.0))})


def test_two_different_edss_values_at_one_visit_are_refused():
    """Two values on one date read as a worsening in no time (2 then 4 'rose at week 0'): refused, naming the
    date; the same value twice is one visit written twice."""
    dated = [{"date": "2020-01-01", "edss": 4}, {"date": "2020-01-01", "edss": 2}, {"date": "2021-01-01", "edss": 4}]
    with pytest.raises(InputError) as exc:
        get("cdp").score({"visits": dated})
    (problem,) = exc.value.problems
    assert problem.field == "visits"
    assert problem.message == (
        "two visits at 2020-01-01 give different EDSS values (4 and 2); keep the one that was scored"
    )
    same = get("cdp").score({"visits": visits((0, 3.0), (0, 3.0), (12, 4.0), (40, 4.0))})
    assert same.category == CONFIRMED


def test_a_dated_worsening_is_told_by_its_date_and_whole_week():
    """Dates gave 'rose from 2 to 4 at week 21.71'; now the date with the week rounded."""
    dated = [{"date": "2020-01-01", "edss": 2}, {"date": "2020-06-02", "edss": 4}, {"date": "2021-01-01", "edss": 4}]
    score = get("cdp").score({"visits": dated})
    assert "EDSS rose from 2 to 4 on 2020-06-02 (week 22)" in score.interpretation
