"""One conformance suite that every registered instrument and definition must pass.

Modelled on scikit-learn's ``check_estimator``: citation, declared units and ranges,
refusal of out-of-range input, "cannot tell" on missing items, and its published examples.
"""

from __future__ import annotations

import math
import types
import typing

import annotated_types
import pytest

from myoscope import references, scores
from myoscope.errors import InputError
from myoscope.instruments import CANNOT_TELL
from myoscope.units import bounds

ALL = scores.registry()
NAMES = sorted(ALL)


def _members(annotation):
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            yield from _members(arg)
    else:
        yield annotation


def _numeric_bounds(field):
    """(unit, low, high) for a numeric field, or None for non-numeric fields; raises if undeclared."""
    for member in _members(field.annotation):
        declared = bounds(member)
        if declared:
            return declared
        base = typing.get_args(member)[0] if typing.get_origin(member) is typing.Annotated else member
        if base in (int, float):
            low = high = None
            metas = list(field.metadata) + list(getattr(member, "__metadata__", ()))
            metas += [m for meta in metas for m in getattr(meta, "metadata", ())]
            for meta in metas:
                if isinstance(meta, (annotated_types.Ge, annotated_types.Gt)):
                    low = getattr(meta, "ge", getattr(meta, "gt", None))
                if isinstance(meta, (annotated_types.Le, annotated_types.Lt)):
                    high = getattr(meta, "le", getattr(meta, "lt", None))
            if low is None or high is None:
                raise AssertionError("numeric field without a declared range")
            return (None, low, high)
    return None


def test_registry_is_not_empty():
    assert NAMES


def test_each_instrument_is_found_in_its_own_module_without_loading_them_all():
    from myoscope.scores import _from_home

    for name in NAMES:
        assert _from_home(name) is ALL[name], name
    assert _from_home("not-an-instrument") is None and _from_home("grip.x") is None


@pytest.mark.parametrize("name", NAMES)
def test_has_citations_that_resolve(name):
    instrument = ALL[name]
    assert instrument.citations, "no citation"
    for key in instrument.citations:
        ref = references.get(key)
        assert ref.doi or ref.url, f"{key} has neither DOI nor URL"


@pytest.mark.parametrize("name", NAMES)
def test_declares_kind_domain_and_version(name):
    instrument = ALL[name]
    assert instrument.kind in ("instrument", "definition")
    assert instrument.domain in ("muscle", "nutrition", "energy", "activity", "sci", "nerve", "als", "ms")
    assert instrument.version and instrument.title


@pytest.mark.parametrize("name", NAMES)
def test_numeric_inputs_declare_units_or_ranges(name):
    for field_name, field in ALL[name].Input.model_fields.items():
        try:
            _numeric_bounds(field)
        except AssertionError as exc:
            pytest.fail(f"{name}.{field_name}: {exc}")


@pytest.mark.parametrize("name", NAMES)
def test_refuses_out_of_range_input_naming_the_field(name):
    instrument = ALL[name]
    assert instrument.examples, "no published example"
    base = dict(instrument.examples[0].inputs)
    checked = 0
    for field_name, field in instrument.Input.model_fields.items():
        declared = _numeric_bounds(field)
        if not declared or declared[2] is None or not math.isfinite(declared[2]):
            continue
        unit, _, high = declared
        too_high = high * 10 + 1000
        bad = {**base, field_name: f"{too_high} {unit}" if unit else too_high}
        with pytest.raises(InputError) as exc:
            instrument.score(bad)
        assert any(p.field.split(".")[0].split("[")[0] == field_name for p in exc.value.problems), (
            f"{field_name}: {[str(p) for p in exc.value.problems]}"
        )
        checked += 1
    unknown = {**base, "no_such_field": 1}
    with pytest.raises(InputError):
        instrument.score(unknown)


@pytest.mark.parametrize("name", NAMES)
def test_refuses_nan(name):
    instrument = ALL[name]
    base = dict(instrument.examples[0].inputs)
    for field_name, field in instrument.Input.model_fields.items():
        declared = _numeric_bounds(field)
        if declared:
            with pytest.raises(InputError):
                instrument.score({**base, field_name: float("nan")})
            break


@pytest.mark.parametrize("name", NAMES)
def test_refuses_true_or_false_for_a_number(name):
    """``true`` for a numeric item was scored as 1 (ALSFRS-R speech: true gave the same total as 1)."""
    instrument = ALL[name]
    base = dict(instrument.examples[0].inputs)
    for field_name, field in instrument.Input.model_fields.items():
        if _numeric_bounds(field) and field_name in base and not isinstance(base[field_name], bool):
            with pytest.raises(InputError) as exc:
                instrument.score({**base, field_name: True})
            (problem,) = exc.value.problems
            assert problem.field == field_name and problem.message == "expected a number, not a true/false value"
            break


@pytest.mark.parametrize("name", NAMES)
def test_missing_everything_gives_cannot_tell_with_what_to_measure(name):
    result = ALL[name].score({})
    assert result.category == CANNOT_TELL
    assert result.value is None
    assert result.missing, "a 'cannot tell' result must say what to measure or ask"
    assert result.positive is None


@pytest.mark.parametrize("name", NAMES)
def test_published_examples_reproduce(name):
    instrument = ALL[name]
    for example in instrument.examples:
        references.get(example.source)
        result = instrument.score(dict(example.inputs))
        if isinstance(example.value, float):
            assert result.value == pytest.approx(example.value, abs=1e-6), example.source
        else:
            assert result.value == example.value, example.source
        assert result.category == example.category, example.source


@pytest.mark.parametrize("name", NAMES)
def test_json_contract(name):
    instrument = ALL[name]
    payload = instrument.score(dict(instrument.examples[0].inputs)).to_json()
    for key in ("instrument", "version", "value", "category", "criteria", "missing", "citations"):
        assert key in payload
    assert payload["instrument"] == name
    assert instrument.schema()["type"] == "object"
