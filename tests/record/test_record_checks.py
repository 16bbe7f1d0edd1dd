"""Checks registered by the layers above run inside parse_record: invalid instrument answers never load."""

import pytest

import myoscope.measures.answers  # noqa: F401 - registers the instrument-answer check, as every entry point does
from myoscope.errors import InputError, Problem
from myoscope.record import _checks, canonical_answers, parse_record, register_check

PERSON = {"id": "p1", "sex": "female", "birth_date": "1950-01-01", "height": "160 cm"}


def _with_answers(answers):
    return {"person": PERSON, "instruments": [{"name": "sarc-f", "date": "2026-01-05", "answers": answers}]}


def test_parse_record_refuses_an_invalid_answer_naming_its_field():
    with pytest.raises(InputError) as caught:
        parse_record(_with_answers({"strength": 7}))
    assert [p.field for p in caught.value.problems] == ["instruments[0].answers.strength"]


def test_parse_record_refuses_an_unknown_instrument():
    data = {"person": PERSON, "instruments": [{"name": "no-such-score", "date": "2026-01-05", "answers": {}}]}
    with pytest.raises(InputError) as caught:
        parse_record(data)
    assert caught.value.problems[0].field == "instruments[0].name"


def test_checks_can_be_left_for_the_whole_record():
    record = parse_record(_with_answers({"strength": 7}), checks=False)
    assert record.instruments[0].answers == {"strength": 7}


def test_valid_answers_load_and_have_a_canonical_form():
    record = parse_record(_with_answers({"strength": "1", "falls": "0"}))
    assert canonical_answers(record.instruments[0]).answers == {"strength": 1, "falls": 0}


def test_a_registered_check_runs_on_every_parse(monkeypatch):
    monkeypatch.setattr(_checks, "_CHECKS", dict(_checks._CHECKS))

    class NoFalls:
        name = "no falls"

        def problems(self, record):
            return [Problem("person.id", record.person.id, "is refused by the test check")]

        def canonical(self, entry):
            return entry

    register_check(NoFalls())
    with pytest.raises(InputError) as caught:
        parse_record({"person": PERSON})
    assert caught.value.problems[0].message == "is refused by the test check"
