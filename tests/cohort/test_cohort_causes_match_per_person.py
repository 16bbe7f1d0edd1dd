"""One truth for the cause statuses: what the tables decide in the cohort is what the per-person
cause analysis (myoscope.causes.analysis.assess on the person's Record) gives.

Random people (of either sex, or sex not recorded) get random measurement rows, with extra body
weights over about 7 months (the weight trend that decides the calorie-deficit cause), girths of both
sides on a few days near the tape's error and the calf-swelling bound (asymmetries, stable
differences, trends) and grip of each hand on a few days near the cut-offs and the meaningful fall
(the atrophy finding, and through it the ALS pattern), and a conditions list drawn from: not
recorded, asked with none, or any mix of spinal cord injury, multiple sclerosis, ALS, a peripheral
nerve injury (a site code mapped in the mapping file) and other conditions (known to the table or not,
explaining motor signs or not). Activity rows (moderate and vigorous minutes, sessions of 20 minutes
or more) near the WHO 2020 and 3 x 20 minute goals fall on days of the last weeks; the rows of one day
are one weekly summary of the record (``activity``, ``week_of`` that day). The latest answer "acutely
ill with no intake for more than 5 days", when yes, is an ongoing acute illness with 6 days without
intake on record (what the per-person nutrition screens read it from); a birth year is a birth date
on the day the kernel takes for it (``BIRTHDAY_OF_A_YEAR``, mid-year), so both sides see the same age.
The records hold what tables carry: no symptoms, bed rest, immobilisation, diet days or answered
questionnaires, so the statuses that need those are "cannot tell" on both sides.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from per_person import EPOCH, collapse, person_arrays, record_of
from test_cohort_matches_per_person import row

from myoscope.causes.analysis import assess
from myoscope.cohort import KIND_CODE, KINDS, screen_arrays
from myoscope.cohort._body_causes import CAUSE_COLUMNS as BODY_CAUSES
from myoscope.cohort._causes import CAUSE_COLUMNS as MEASURED_CAUSES
from myoscope.cohort._conditions import ASKED, CONDITION_SNOMED, STATUS_CODE, bits_frame
from myoscope.cohort._kinds import GIRTHS
from myoscope.cohort._muscle_causes import CAUSE_COLUMNS as MUSCLE_CAUSES
from myoscope.cohort.kernel import BIRTHDAY_OF_A_YEAR
from myoscope.record import ActivityWeek, Condition, Episode, Person, Record

NERVE_CODE = "site-nerve-17"
_CONDITIONS = {
    "90584004": Condition(kind="spinal_cord_injury", snomed="90584004"),
    "24700007": Condition(kind="multiple_sclerosis", snomed="24700007"),
    "426373005": Condition(kind="multiple_sclerosis", snomed="426373005"),
    "86044005": Condition(kind="als", snomed="86044005"),
    NERVE_CODE: Condition(kind="peripheral_nerve_injury", nerve="ulnar"),
    "230690007": Condition(kind="other", snomed="230690007", name="stroke"),
    "73211009": Condition(kind="other", snomed="73211009", name="diabetes mellitus"),
    "84114007": Condition(kind="other", snomed="84114007", name="heart failure"),
}
_CAUSE = {
    "cause_spinal_cord_injury": "spinal_cord_injury",
    "cause_multiple_sclerosis": "multiple_sclerosis",
    "cause_nerve_injury": "nerve_injury",
    **MEASURED_CAUSES,
    **BODY_CAUSES,
    **MUSCLE_CAUSES,
}
SEXES = {"male": 1, "female": 2, None: 0}
_RED_FLAGS = {
    "red_flag_rapid_weight_loss": "rapid-weight-loss",
    "red_flag_calf_swelling": "calf-swelling",
    "red_flag_refeeding_risk": "refeeding-risk",
}
"""The cohort's red flag columns and the per-person red flag each one is."""

weights = st.lists(
    st.tuples(
        st.just(KIND_CODE["body_weight"]),
        st.just(0),
        st.integers(20000, 20220),
        st.integers(400, 1200).map(lambda v: v / 10),
    ),
    max_size=4,
)
_DAYS = st.sampled_from([20000, 20010, 20030, 20100, 20200])


@st.composite
def girth_pairs(draw):
    """Both sides of one girth site on one day (or one side only), the difference near the tape's error."""
    kind = KINDS[KIND_CODE[draw(st.sampled_from(GIRTHS))]]
    code, low, high = kind.code, kind.low + 5, kind.high - 5
    day, base = draw(_DAYS), draw(st.integers(int(10 * low), int(min(10 * high, 10 * low + 250)))) / 10
    other = round(base + draw(st.sampled_from([-4.0, -3.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 3.0, 3.1])), 1)
    left, right = draw(st.sampled_from([(base, other), (other, base)]))
    pair = [(code, 1, day, left), (code, 2, day, right)]
    return pair if draw(st.booleans()) else pair[: draw(st.integers(1, 2))][-1:]


grips = st.lists(
    st.tuples(
        st.just(KIND_CODE["grip_strength"]),
        st.sampled_from([0, 1, 2]),
        _DAYS,
        st.sampled_from([14.0, 15.9, 16.0, 17.9, 20.0, 25.9, 26.0, 27.0, 28.0, 32.5, 34.5, 40.0]),
    ),
    max_size=4,
)
_ACTIVITY = ("moderate_minutes", "vigorous_minutes", "sessions_20min")
_ACTIVITY_VALUES = {
    "moderate_minutes": [0.0, 40.0, 90.0, 100.0, 149.9, 150.0, 300.0],
    "vigorous_minutes": [0.0, 20.0, 25.0, 37.5, 75.0],
    "sessions_20min": [0.0, 1.0, 2.0, 3.0, 5.0],
}
activity = st.lists(
    st.sampled_from(_ACTIVITY).flatmap(
        lambda name: st.tuples(
            st.just(KIND_CODE[name]),
            st.just(0),
            st.sampled_from([20170, 20176, 20180, 20185, 20190, 20193, 20196, 20200, 20205]),
            st.sampled_from(_ACTIVITY_VALUES[name]),
        )
    ),
    max_size=6,
)
acute = st.lists(
    st.tuples(st.just(KIND_CODE["acute_disease_no_intake"]), st.just(0), _DAYS, st.sampled_from([0.0, 1.0])),
    max_size=2,
)
birth_years = st.sampled_from([0, 1950, 1954, 1955, 1990])
conditions = st.one_of(st.none(), st.lists(st.sampled_from(sorted(_CONDITIONS)), max_size=3, unique=True))


def _cohort(rows, codes, sex="male", birth_year=1950):
    arrays = person_arrays(rows)
    bits = 0
    if codes is not None:  # a table with rows for this cohort: the site records conditions
        table = pl.DataFrame({"person": [7] * len(codes), "code": codes}, schema={"person": pl.Int64, "code": pl.Utf8})
        found = bits_frame(table, {NERVE_CODE: "peripheral_nerve_injury"})["bits"].to_list()
        bits = (found[0] if found else 0) | ASKED
    persons = {
        "person": np.array([7]),
        "sex": np.array([SEXES[sex]], dtype=np.int8),
        "population": np.array([2], dtype=np.int8),
        "birth_year": np.array([birth_year], dtype=np.int16),
        "conditions": np.array([bits], dtype=np.int16),
    }
    flags, _, _ = screen_arrays(arrays, persons)
    raised = {code for column, code in _RED_FLAGS.items() if flags[column][0] == 1}
    return {**{k: int(flags[k][0]) for k in _CAUSE}, "red flags": raised}


def _activity_weeks(rows) -> list[ActivityWeek]:
    """The activity rows of each day as one weekly summary of the record, in date order."""
    days: dict[int, dict[str, float]] = {}
    for (kind, _, day), value in collapse(rows).items():
        if KINDS[kind].name in _ACTIVITY:
            days.setdefault(day, {})[KINDS[kind].name] = value
    return [ActivityWeek(week_of=EPOCH + dt.timedelta(days=d), **days[d]) for d in sorted(days)]


def _illness(rows) -> list[Episode]:
    """The latest answer 'acutely ill with no intake', when yes, as an ongoing acute illness."""
    cells = {(d, v) for (k, _, d), v in collapse(rows).items() if k == KIND_CODE["acute_disease_no_intake"]}
    if not cells:
        return []
    last = max(d for d, _ in cells)
    if max(v for d, v in cells if d == last) != 1:
        return []
    return [Episode(kind="acute_illness", start=EPOCH + dt.timedelta(days=last), no_intake_days=6)]


def _per_person(rows, codes, sex="male", birth_year=1950):
    base = record_of(rows, sex, "other")
    section = {} if codes is None else {"conditions": [_CONDITIONS[c] for c in codes]}  # given: asked
    born = {"birth_date": dt.date(birth_year, *BIRTHDAY_OF_A_YEAR)} if birth_year else {}
    person = Person(id="p", sex=sex, population="other", **born)
    illness = _illness(rows)
    weeks = _activity_weeks(rows)  # a table without activity rows did not say "asked: none"
    fields = {"person": person, "measurements": base.measurements, **({"activity": weeks} if weeks else {}), **section}
    on = EPOCH + dt.timedelta(days=max(r[2] for r in rows))
    statuses, raised = _statuses(Record(**fields, **({"episodes": illness} if illness else {})), on)
    if illness:
        # a record's episodes section also says immobilisation was asked; a table's illness answer does not
        statuses["inactivity_limb"] = _statuses(Record(**fields), on)[0]["inactivity_limb"]
    return {
        **{column: STATUS_CODE[statuses[cause]] for column, cause in _CAUSE.items()},
        "red flags": raised & set(_RED_FLAGS.values()),
    }


def _statuses(record: Record, on: dt.date) -> tuple[dict[str, str], set[str]]:
    """Each cause's status, and the red flags raised."""
    result = assess(record, on)
    causes = (result.atrophy, *result.causes)
    return {c.cause: c.status.value for c in causes}, {f.code for f in result.red_flags}


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(row(), min_size=1, max_size=10),
    weights,
    st.lists(girth_pairs(), max_size=4),
    grips,
    activity,
    acute,
    conditions,
    st.sampled_from(["male", "female", None]),
    birth_years,
)
def test_cause_statuses_match_per_person_analysis(
    rows, extra_weights, pairs, grip_rows, activity_rows, acute_rows, codes, sex, birth_year
):
    rows = rows + extra_weights + [r for pair in pairs for r in pair] + grip_rows + activity_rows + acute_rows
    got, expected = _cohort(rows, codes, sex, birth_year), _per_person(rows, codes, sex, birth_year)
    assert got == expected, (rows, codes, sex, birth_year, got, expected)


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


def test_each_muscle_status_is_reached():
    """The atrophy finding's and the ALS pattern's outcomes all occur, each as the per-person path gives it."""
    calf = KIND_CODE["calf_circumference"]
    grip = KIND_CODE["grip_strength"]
    cases = {
        "girth fell": ([(calf, 1, 20000, 38.0), (calf, 1, 20100, 35.0)], None, "likely", "cannot tell"),
        "within error": ([(calf, 1, 20000, 38.0), (calf, 2, 20000, 38.2)], None, "not supported", "not supported"),
        "stable difference": (
            [(calf, 1, 20000, 36.0), (calf, 2, 20000, 38.0), (calf, 1, 20100, 36.1), (calf, 2, 20100, 38.1)],
            None,
            "not supported",
            "not supported",
        ),
        "swelling": ([(calf, 1, 20000, 35.0), (calf, 2, 20000, 38.5)], None, "cannot tell", "cannot tell"),
        "grip fell": ([(grip, 1, 20000, 40.0), (grip, 1, 20100, 33.0)], None, "possible", "cannot tell"),
        "low grip, ALS on record": ([(grip, 2, 20000, 20.0)], ["86044005"], "possible", "likely"),
        # a stroke explains only symptoms the record holds, and tables hold none: nothing decides the pattern
        "stroke, no symptoms": ([(grip, 2, 20000, 20.0)], ["230690007"], "possible", "cannot tell"),
    }
    for name, (rows, codes, atrophy, als) in cases.items():
        got = _cohort(rows, codes)
        assert got == _per_person(rows, codes), name
        assert (got["cause_atrophy"], got["cause_als"]) == (STATUS_CODE[atrophy], STATUS_CODE[als]), name
        assert got["cause_inactivity_limb"] == STATUS_CODE["cannot tell"]
        assert got["red flags"] == ({"calf-swelling"} if name == "swelling" else set()), name


def test_a_calf_larger_by_the_swelling_bound_is_a_red_flag_counted_and_shown(tmp_path):
    """One calf 3.5 cm larger than the other (Wells 1997: 3 cm or more) raises the per-person path's calf-swelling
    red flag; the cohort raises it too, counts it in ``red_flags`` and names it where the run reports."""
    from myoscope.cohort import screen

    calf = KIND_CODE["calf_circumference"]
    rows = [(calf, 1, 20000, 35.0), (calf, 2, 20000, 38.5)]
    assert _per_person(rows, None)["red flags"] == {"calf-swelling"}
    table = pl.DataFrame(
        {
            "person": [7, 7, 8, 8],
            "day": [20000] * 4,
            "kind": [calf] * 4,
            "side": [1, 2, 1, 2],
            "value": [35.0, 38.5, 36.0, 36.5],
        },
        schema={"person": pl.Int64, "day": pl.Int32, "kind": pl.Int8, "side": pl.Int8, "value": pl.Float64},
    )
    table.write_parquet(tmp_path / "rows.parquet")
    result = screen(tmp_path / "rows.parquet", tmp_path / "out")
    flags = pl.read_parquet(tmp_path / "out" / "flags.parquet")
    assert flags["red_flag_calf_swelling"].to_list() == [1, 0] and flags["red_flags"].to_list() == [1, 0]
    assert result.red_flags == 1 and result.red_flags_by_kind["red_flag_calf_swelling"] == 1
    summary = (tmp_path / "out" / "summary.html").read_text(encoding="utf-8")
    sentence = "1 person has a red flag (one calf larger than the other, possibly swollen: 1): each should see a"
    assert sentence in summary


def test_each_body_status_is_reached():
    """Whole-body inactivity and malnutrition reach each outcome a table can give, as the per-person path does."""
    moderate, vigorous, sessions = (KIND_CODE[k] for k in _ACTIVITY)
    acute, weight, height = KIND_CODE["acute_disease_no_intake"], KIND_CODE["body_weight"], KIND_CODE["height"]
    monday = 20094
    assert (EPOCH + dt.timedelta(days=monday)).weekday() == 0

    def week(day, minutes, count):
        return [(moderate, 0, day, minutes), (vigorous, 0, day, 0.0), (sessions, 0, day, count)]

    inactivity = {
        "meets both": (week(monday, 200.0, 4.0), "not supported"),
        "below both": (week(monday, 60.0, 1.0), "likely"),
        "below one": (week(monday, 200.0, 1.0), "possible"),
        "later summary of the same week replaces": (
            week(monday, 60.0, 1.0) + week(monday + 2, 200.0, 4.0),
            "not supported",
        ),
        "weeks add up": (week(monday, 60.0, 1.0) + week(monday + 7, 200.0, 4.0), "likely"),
        "older than four weeks": (week(monday, 60.0, 1.0) + [(weight, 0, monday + 35, 70.0)], "cannot tell"),
        "none": ([(weight, 0, monday, 70.0)], "cannot tell"),
    }
    for name, (rows, status) in inactivity.items():
        got = _cohort(rows, None)
        assert got == _per_person(rows, None), name
        assert got["cause_inactivity_body"] == STATUS_CODE[status], name
    malnutrition = {
        "low BMI": ([(weight, 0, 20000, 45.0), (height, 0, 20000, 170.0)], "likely"),
        "normal BMI, illness not on record": ([(weight, 0, 20000, 70.0), (height, 0, 20000, 170.0)], "cannot tell"),
        "acutely ill, no intake": (
            [(weight, 0, 20000, 70.0), (height, 0, 20000, 170.0), (acute, 0, 20000, 1.0)],
            "likely",
        ),
        "answered not acutely ill": (
            [(weight, 0, 20000, 70.0), (height, 0, 20000, 170.0), (acute, 0, 20000, 0.0)],
            "cannot tell",
        ),
        "GLIM through loss in obesity": (
            [(weight, 0, 20000, 110.0), (weight, 0, 20150, 100.0), (height, 0, 20000, 170.0), (acute, 0, 20150, 1.0)],
            "possible",
        ),
    }
    for name, (rows, status) in malnutrition.items():
        got = _cohort(rows, None)
        assert got == _per_person(rows, None), name
        assert got["cause_malnutrition"] == STATUS_CODE[status], name


def test_weeks_weighed_are_the_per_person_causes():
    from myoscope.causes import inactivity_body
    from myoscope.cohort import _body_causes

    assert _body_causes.WEEKS == inactivity_body.WEEKS


def test_refeeding_risk_is_raised_as_the_per_person_path_raises_it():
    """NICE CG32: BMI 14.2 (below 16) is one major criterion; BMI 17 with 11 % loss in 5 months two minor ones;
    BMI 17 alone one minor criterion, which the tables cannot complete (history, days of little intake)."""
    weight, height = KIND_CODE["body_weight"], KIND_CODE["height"]
    cases = {
        "BMI below 16": ([(height, 0, 20000, 150.0), (weight, 0, 20000, 36.0), (weight, 0, 20150, 32.0)], 1),
        "two minor": ([(height, 0, 20000, 170.0), (weight, 0, 20000, 55.0), (weight, 0, 20150, 49.0)], 1),
        "one minor": ([(height, 0, 20000, 170.0), (weight, 0, 20000, 49.5), (weight, 0, 20150, 49.0)], -1),
        "none": ([(height, 0, 20000, 170.0), (weight, 0, 20000, 70.0), (weight, 0, 20150, 69.0)], 0),
    }
    for name, (rows, flag) in cases.items():
        raised = "refeeding-risk" in _per_person(rows, None)["red flags"]
        assert raised == (flag == 1), name
        flags, _, _ = screen_arrays(person_arrays(rows))
        assert int(flags["red_flag_refeeding_risk"][0]) == flag, name
        assert int(flags["red_flags"][0]) == (flag == 1) + int(flags["red_flag_rapid_weight_loss"][0] == 1), name
