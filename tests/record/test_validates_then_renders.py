"""Finding 6: a record that validates always assesses and renders (text, JSON, HTML, Markdown).

Records are drawn from plausible shapes, dates from 1900 to today in any order, ages at the edges,
episodes long and short, so that validation, not the assessment, is what refuses the impossible.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from myoscope.causes import assess
from myoscope.errors import InputError
from myoscope.record import parse_record
from myoscope.report import render

TODAY = dt.date.today()
days = st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY).map(dt.date.isoformat)
near = st.dates(min_value=TODAY - dt.timedelta(days=800), max_value=TODAY).map(dt.date.isoformat)
any_day = st.one_of(days, near, near)
side = st.sampled_from(["left", "right"])

measurement = st.one_of(
    st.fixed_dictionaries(
        {"kind": st.just("body_weight"), "date": any_day, "value": st.floats(20, 350).map(lambda v: f"{v:.1f} kg")}
    ),
    st.fixed_dictionaries(
        {
            "kind": st.sampled_from(["calf_circumference", "forearm_circumference", "mid_thigh_circumference"]),
            "side": side,
            "date": any_day,
            "value": st.floats(20, 45).map(lambda v: f"{v:.1f} cm"),
        }
    ),
    st.fixed_dictionaries(
        {"kind": st.just("grip_strength"), "side": side, "date": any_day, "value": st.floats(0, 100)}
    ),
    st.fixed_dictionaries({"kind": st.just("gait_speed"), "date": any_day, "value": st.floats(0.05, 3.0)}),
    st.fixed_dictionaries({"kind": st.just("chair_stand_time"), "date": any_day, "value": st.floats(2, 120)}),
)
episode = st.one_of(
    st.fixed_dictionaries({"kind": st.just("bed_rest"), "start": any_day}, optional={"end": any_day}),
    st.fixed_dictionaries(
        {
            "kind": st.just("immobilisation"),
            "start": any_day,
            "side": side,
            "limb": st.sampled_from(["forearm", "lower_leg", "whole_arm"]),
            "device": st.just("cast"),
        },
        optional={"end": any_day},
    ),
    st.fixed_dictionaries({"kind": st.just("acute_illness"), "start": any_day, "no_intake_days": st.integers(0, 365)}),
)
person = st.fixed_dictionaries(
    {"id": st.text(min_size=1, max_size=20).filter(str.strip)},
    optional={
        "sex": st.sampled_from(["male", "female"]),
        "birth_date": any_day,
        "age": st.integers(18, 120),
        "height": st.floats(100, 230).map(lambda v: f"{v:.0f} cm"),
        "activity_level": st.sampled_from(["sedentary", "moderate", "vigorous"]),
    },
)
records = st.fixed_dictionaries(
    {"person": person},
    optional={
        "measurements": st.lists(measurement, max_size=6),
        "episodes": st.lists(episode, max_size=2),
        "diet_days": st.lists(
            st.fixed_dictionaries({"date": any_day, "energy": st.integers(0, 6000), "protein": st.integers(0, 300)}),
            max_size=2,
        ),
        "activity": st.lists(
            st.fixed_dictionaries(
                {"week_of": any_day, "moderate_minutes": st.integers(0, 900), "vigorous_minutes": st.integers(0, 300)}
            ),
            max_size=2,
        ),
        "symptoms": st.lists(
            st.fixed_dictionaries(
                {
                    "kind": st.sampled_from(["weakness", "falls", "fatigue"]),
                    "onset": any_day,
                    "progressive": st.booleans(),
                }
            ),
            max_size=2,
        ),
    },
)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(records)
def test_finding_6_a_record_that_validates_always_assesses_and_renders(data):
    try:
        record = parse_record(data)
    except InputError:
        return
    assessment = assess(record)
    json.loads(render(assessment, "json"), parse_constant=lambda token: pytest.fail(f"JSON holds {token}"))
    for fmt in ("text", "json", "html", "markdown"):
        assert render(assessment, fmt)


def test_finding_6_the_reported_records_are_refused_or_shown():
    for data in (
        {"person": {"id": "a", "birth_date": TODAY.isoformat()}},
        {"person": {"id": "b", "birth_date": "1900-01-01"}},
        {"person": {"id": "c", "age": 40}, "episodes": [{"kind": "bed_rest", "start": "1900-01-01"}]},
    ):
        try:
            record = parse_record(data)
        except InputError as exc:
            assert exc.problems[0].field
            continue
        for fmt in ("text", "json", "html"):
            assert render(assess(record), fmt)
