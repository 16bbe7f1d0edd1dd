"""One truth: the vectorised cohort kernel gives the flags and categories of the per-person path.

Oracle: ``per_person.py`` builds each random person's Record and scores it with
myoscope.instruments, myoscope.criteria and myoscope.measures (the functions one person's
assessment uses). Random values sit mostly on or next to the published cut-offs, where a
difference in a comparison would show.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from per_person import per_person, person_arrays

from myoscope.cohort import KINDS, screen_arrays
from myoscope.cohort.kernel import BIRTHDAY_OF_A_YEAR
from myoscope.instruments import must
from myoscope.instruments import sarcopenia_cutoffs as cut
from myoscope.units import months_before

_EDGES: dict[str, list[float]] = {
    "grip_strength": [
        cut.EWGSOP2_GRIP.male,
        cut.EWGSOP2_GRIP.female,
        cut.AWGS2019_GRIP.male,
        cut.AWGS2019_GRIP.female,
        cut.FNIH_GRIP.male,
    ],
    "gait_speed": [cut.EWGSOP2_GAIT.male, cut.AWGS2019_GAIT.male],
    "chair_stand_time": [cut.EWGSOP2_CHAIR_STAND.male, cut.AWGS2019_CHAIR_STAND.male],
    "sppb": [cut.EWGSOP2_SPPB.male, cut.AWGS2019_SPPB.male],
    "appendicular_lean_mass": [cut.EWGSOP2_ASM.male, cut.EWGSOP2_ASM.female, 19.725],
    "height": [150.0, 160.0, 170.0, 175.0],
    "body_weight": [50.0, 60.0, 70.0, 80.0],
    "calf_circumference": [33.0, 34.0, 35.0, 37.0],
    "moderate_minutes": [0.0, 100.0, 150.0],
    "vigorous_minutes": [0.0, 25.0, 75.0],
}


@st.composite
def value_of(draw, kind):
    if kind.name in ("sppb", "sarc_f", "sessions_20min", "acute_disease_no_intake"):
        return float(draw(st.integers(int(kind.low), int(kind.high))))
    edges = _EDGES.get(kind.name)
    if edges and draw(st.booleans()):
        value = draw(st.sampled_from(edges)) + draw(st.sampled_from([-0.1, -0.01, 0.0, 0.01, 0.1]))
        return min(max(round(value, 2), kind.low), kind.high)
    return round(draw(st.floats(kind.low, kind.high)), 1)


@st.composite
def row(draw):
    kind = draw(st.sampled_from(KINDS))
    side = (
        draw(st.sampled_from([1, 2]))
        if kind.sided
        else draw(st.sampled_from([0, 0, 1, 2]))
        if kind.name == "grip_strength"
        else 0
    )
    day = 20000 + draw(st.sampled_from([0, 1, 14, 15, 91, 92, 183, 184, 200]))
    if kind.name == "body_weight":  # windows of 3, 6 and 12 calendar months (day 20000 is 4 October 1984)
        day = 20000 + draw(st.one_of(st.integers(0, 400), st.sampled_from([89, 90, 91, 92, 181, 182, 183, 184, 365])))
    return kind.code, side, day, draw(value_of(kind))


people = st.tuples(
    st.lists(row(), min_size=1, max_size=14),
    st.sampled_from(["male", "female", None]),
    st.sampled_from(["asian", "other", None]),
    st.sampled_from([1950, 1954, 1955, 1990, 2008, 0]),  # ages about 74, 70, 69, 34, 16, unknown
)

_SEX = {"male": 1, "female": 2, None: 0}
_POPULATION = {"asian": 1, "other": 2, None: 0}


def _cohort(rows, sex, population, birth_year=1950):
    arrays = person_arrays(rows)
    persons = {
        "person": np.array([7]),
        "sex": np.array([_SEX[sex]], dtype=np.int8),
        "population": np.array([_POPULATION[population]], dtype=np.int8),
        "birth_year": np.array([birth_year], dtype=np.int16),
    }
    flags, refused, _ = screen_arrays(arrays, persons)
    assert refused.size == 0
    return {k: v[0] for k, v in flags.items()}


def _same(a, b) -> bool:
    if b is None:
        return isinstance(a, float) and math.isnan(a)
    return a == b


@settings(max_examples=1200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(people)
def test_cohort_kernel_matches_per_person_path(person):
    rows, sex, population, birth_year = person
    got = _cohort(rows, sex, population, birth_year)
    last = dt.date(1970, 1, 1) + dt.timedelta(days=max(r[2] for r in rows))
    age = last.year - birth_year - (last < dt.date(last.year, *BIRTHDAY_OF_A_YEAR))
    expected = per_person(rows, sex, population, age if birth_year else None)
    wrong = {k: (got[k], v) for k, v in expected.items() if not _same(got[k], v)}
    assert not wrong, f"cohort vs per-person differ: {wrong}"


@pytest.mark.parametrize(
    "last",
    [
        dt.date(2026, 11, 1),
        dt.date(2026, 11, 15),
        dt.date(2026, 3, 1),
        dt.date(2026, 8, 31),
        dt.date(2024, 2, 29),
        dt.date(2025, 2, 28),
    ],
)
def test_weight_window_edges_match_measures_body(last):
    """The windows (3, 6 and 12 calendar months) and the two-week minimum agree with measures.body at the
    edges, in short and long months and across a 29 February."""
    code, height, acute = (
        next(k.code for k in KINDS if k.name == n) for n in ("body_weight", "height", "acute_disease_no_intake")
    )
    end = (last - dt.date(1970, 1, 1)).days
    for months in (3, 6, 12):
        start = (months_before(last, months) - dt.date(1970, 1, 1)).days
        for gap in (end - start - 1, end - start, end - start + 1, 14, 13):
            rows = [(code, 0, end - gap, 80.0), (code, 0, end, 71.0), (height, 0, end, 175.0), (acute, 0, end, 1.0)]
            expected = per_person(rows, "male", None)
            got = _cohort(rows, "male", None)
            for key in ("weight_change_3m_pct", "weight_change_6m_pct", "must", "glim_weight_loss", "glim"):
                assert _same(got[key], expected[key]), (gap, key, got[key], expected[key])
    assert must.WEIGHT_LOSS_LOW_BELOW < must.WEIGHT_LOSS_HIGH_ABOVE


def test_glim_decided_cases_match_per_person():
    """Cases the random draw reaches only sometimes: each GLIM outcome the tables can decide, and cannot tell."""
    weight, height, acute = (
        next(k.code for k in KINDS if k.name == n) for n in ("body_weight", "height", "acute_disease_no_intake")
    )
    cases = {
        2: [(weight, 0, 20000, 80.0), (weight, 0, 20100, 70.0), (height, 0, 20100, 175.0), (acute, 0, 20100, 1.0)],
        1: [(weight, 0, 20000, 80.0), (weight, 0, 20100, 75.0), (height, 0, 20100, 175.0), (acute, 0, 20100, 1.0)],
        -1: [(weight, 0, 20000, 80.0), (weight, 0, 20100, 70.0), (height, 0, 20100, 175.0), (acute, 0, 20100, 0.0)],
    }
    for want, rows in cases.items():
        last = dt.date(1970, 1, 1) + dt.timedelta(days=max(r[2] for r in rows))
        got = _cohort(rows, "male", "other", 1950)
        assert got["glim"] == per_person(rows, "male", "other", last.year - 1950)["glim"] == want
    low_bmi_asian = [(weight, 0, 20100, 52.0), (height, 0, 20100, 170.0), (acute, 0, 20100, 1.0)]  # BMI 18.0
    assert (
        _cohort(low_bmi_asian, "female", "asian", 1950)["glim"]
        == per_person(low_bmi_asian, "female", "asian", 75)["glim"]
        == 3
    )


def test_glim_category_words_are_the_instruments():
    from myoscope import scores
    from myoscope.cohort._run import GLIM_CATEGORIES

    glim = scores.get("glim")
    base = {"age": 60, "weight": 70.0, "height": 175.0, "inflammation": True}
    assert glim.score({**base, "weight_loss_within_6_months": 7}).category == GLIM_CATEGORIES[1]
    assert glim.score({**base, "weight_loss_within_6_months": 12}).category == GLIM_CATEGORIES[2]
    assert (
        glim.score(
            {
                **base,
                "weight_loss_within_6_months": 0,
                "weight_loss_beyond_6_months": 0,
                "reduced_muscle_mass": "none",
                "bmi": 25,
            }
        ).category
        == GLIM_CATEGORIES[0]
    )
    assert glim.score({**base, "bmi": 18.0, "population": "asian"}).category == GLIM_CATEGORIES[3]


@pytest.mark.parametrize(
    ("day", "age"), [(dt.date(2025, 3, 1), 69), (dt.date(2025, 8, 1), 70), (dt.date(2025, 12, 31), 70)]
)
def test_an_age_from_a_year_of_birth_is_not_a_year_high_before_mid_year(day, age):
    """Born in 1955 (year only, as OMOP gives it): 69 on 1 March 2025, when the year difference says 70
    (which put people across GLIM's age 70 cut-off and into the next age band half a year early)."""
    code = next(k.code for k in KINDS if k.name == "body_weight")
    days = (day - dt.date(1970, 1, 1)).days
    assert _cohort([(code, 0, days, 70.0)], "female", None, 1955)["age"] == age
