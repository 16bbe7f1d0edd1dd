"""One truth for the cause statuses: what a conditions table decides in the cohort is what the per-person
cause analysis (myoscope.causes.analysis.assess on the person's Record) gives.

Random people get random measurement rows (with extra body weights over about 7 months, so that the
weight trend that decides the calorie-deficit cause is often there) and a conditions list drawn from:
not recorded, asked with none, or any mix of spinal cord injury, multiple sclerosis, ALS, a peripheral
nerve injury (a site code mapped in the mapping file) and other conditions (known to the table or not).
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from per_person import EPOCH, record_of
from test_cohort_matches_per_person import row

from myoscope.causes.analysis import assess
from myoscope.cohort import KIND_CODE, screen_arrays
from myoscope.cohort._causes import CAUSE_COLUMNS as MEASURED_CAUSES
from myoscope.cohort._conditions import ASKED, CONDITION_SNOMED, STATUS_CODE, bits_frame
from myoscope.record import Condition, Record

NERVE_CODE = "site-nerve-17"
_CONDITIONS = {
    "90584004": Condition(kind="spinal_cord_injury", snomed="90584004"),
    "24700007": Condition(kind="multiple_sclerosis", snomed="24700007"),
    "426373005": Condition(kind="multiple_sclerosis", snomed="426373005"),
    "86044005": Condition(kind="als", snomed="86044005"),
    NERVE_CODE: Condition(kind="peripheral_nerve_injury", nerve="ulnar"),
    "230690007": Condition(kind="other", snomed="230690007", name="stroke"),
    "73211009": Condition(kind="other", snomed="73211009", name="diabetes mellitus"),
}
_CAUSE = {
    "cause_spinal_cord_injury": "spinal_cord_injury",
    "cause_multiple_sclerosis": "multiple_sclerosis",
    "cause_nerve_injury": "nerve_injury",
    **MEASURED_CAUSES,
}

weights = st.lists(
    st.tuples(
        st.just(KIND_CODE["body_weight"]),
        st.just(0),
        st.integers(20000, 20220),
        st.integers(400, 1200).map(lambda v: v / 10),
    ),
    max_size=4,
)
conditions = st.one_of(st.none(), st.lists(st.sampled_from(sorted(_CONDITIONS)), max_size=3, unique=True))


def _cohort(rows, codes):
    arrays = {
        "person": np.full(len(rows), 7, dtype=np.int64),
        "kind": np.array([r[0] for r in rows], dtype=np.int8),
        "side": np.array([r[1] for r in rows], dtype=np.int8),
        "day": np.array([r[2] for r in rows], dtype=np.int32),
        "value": np.array([r[3] for r in rows]),
    }
    bits = 0
    if codes is not None:  # a table with rows for this cohort: the site records conditions
        table = pl.DataFrame({"person": [7] * len(codes), "code": codes}, schema={"person": pl.Int64, "code": pl.Utf8})
        found = bits_frame(table, {NERVE_CODE: "peripheral_nerve_injury"})["bits"].to_list()
        bits = (found[0] if found else 0) | ASKED
    persons = {
        "person": np.array([7]),
        "sex": np.array([1], dtype=np.int8),
        "population": np.array([2], dtype=np.int8),
        "birth_year": np.array([1950], dtype=np.int16),
        "conditions": np.array([bits], dtype=np.int8),
    }
    flags, _, _ = screen_arrays(arrays, persons)
    return {k: int(flags[k][0]) for k in _CAUSE}


def _per_person(rows, codes):
    base = record_of(rows, "male", "other")
    section = {} if codes is None else {"conditions": [_CONDITIONS[c] for c in codes]}  # given: asked
    record = Record(person=base.person, measurements=base.measurements, **section)
    on = EPOCH + dt.timedelta(days=max(r[2] for r in rows))
    statuses = {c.cause: c.status.value for c in assess(record, on).causes}
    return {column: STATUS_CODE[statuses[cause]] for column, cause in _CAUSE.items()}


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(row(), min_size=1, max_size=10), weights, conditions)
def test_cause_statuses_match_per_person_analysis(rows, extra_weights, codes):
    rows = rows + extra_weights
    got, expected = _cohort(rows, codes), _per_person(rows, codes)
    assert got == expected, (codes, got, expected)


def test_condition_codes_are_the_fhir_terminology_codes():
    from myoscope.interop.codes import CONDITION_CODES, MS_COURSE_CODES

    fhir = {c.code: kind for kind, c in CONDITION_CODES.items() if c is not None}
    fhir |= {c.code: "multiple_sclerosis" for c in MS_COURSE_CODES.values()}
    assert fhir == CONDITION_SNOMED


def test_each_decidable_status_is_reached():
    """Not a vacuous comparison: the three outcomes a table can give all occur."""
    weight = [(0, 0, 20000, 70.0)]
    assert _cohort(weight, ["90584004"])["cause_spinal_cord_injury"] == STATUS_CODE["likely"]
    assert _cohort(weight, [])["cause_spinal_cord_injury"] == STATUS_CODE["not supported"]
    assert _cohort(weight, None)["cause_spinal_cord_injury"] == STATUS_CODE["cannot tell"]
    assert _cohort(weight, [NERVE_CODE])["cause_nerve_injury"] == STATUS_CODE["likely"]
    assert _cohort(weight, ["426373005"])["cause_multiple_sclerosis"] == STATUS_CODE["likely"]
    assert _cohort(weight, None)["cause_calorie_deficit"] == STATUS_CODE["cannot tell"]
    falling = [(0, 0, 20000, 80.0), (0, 0, 20150, 74.0)]  # -7.5 % in 5 months
    assert _cohort(falling, None)["cause_calorie_deficit"] == STATUS_CODE["likely"]
    steady = [(0, 0, 20000, 80.0), (0, 0, 20150, 79.0)]
    assert _cohort(steady, None)["cause_calorie_deficit"] == STATUS_CODE["not supported"]
