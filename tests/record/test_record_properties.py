"""Property-based: any input gives either a record or structured problems, never a crash."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from myoscope.errors import InputError, Problem
from myoscope.record import MEASUREMENT_KINDS, Record, parse_record

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.sampled_from(
        ["72 kg", "158 lb", "5 ft 9 in", "600 cm", "2026-01-01", "2099-01-01", "left", "right", "nan kg", "-3 cm"]
    ),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=8,
)
measurement = st.fixed_dictionaries(
    {"kind": st.sampled_from(sorted(MEASUREMENT_KINDS) + ["bogus"]), "date": scalars, "value": scalars},
    optional={"side": scalars, "trials": st.lists(scalars, max_size=3), "distance": scalars},
)
documents = st.one_of(
    values,
    st.fixed_dictionaries(
        {
            "person": st.one_of(
                values,
                st.fixed_dictionaries(
                    {"id": scalars}, optional={"sex": scalars, "age": scalars, "height": scalars, "birth_date": scalars}
                ),
            )
        },
        optional={
            "measurements": st.lists(measurement, max_size=4),
            "diet_days": st.lists(values, max_size=2),
            "activity": st.lists(values, max_size=2),
            "episodes": st.lists(values, max_size=2),
        },
    ),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_any_input_yields_a_record_or_named_problems(data):
    try:
        result = parse_record(data)
    except InputError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert isinstance(problem, Problem)
            assert problem.message
            assert str(problem)
    else:
        assert isinstance(result, Record)
