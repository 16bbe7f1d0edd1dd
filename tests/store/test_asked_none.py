"""Sections recorded as empty ("asked: none") survive the store on SQLite and PostgreSQL, with history.

Every example imported and read back assesses exactly as the file does; an absent section stays absent
and an empty one stays empty; withdrawing a "none" returns the section to "not asked", and an entry
added to the section supersedes it, each change kept in the entry's history.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from myoscope.causes import assess
from myoscope.errors import InputError
from myoscope.record import load_record, parse_record, parse_text
from myoscope.report import build_report
from myoscope.store import NoneConflict, Patients, User, _asked
from myoscope.store._asked import ASKED_NONE, SUPERSEDED, AskedNoneRow, data_of

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))
PERSON = {"id": "asked-none", "sex": "female", "birth_date": "1950-03-04", "height": "160 cm"}
GIRTHS = [
    {"kind": "calf_circumference", "side": "left", "value": "31 cm", "date": "2026-06-01"},
    {"kind": "calf_circumference", "side": "right", "value": "31.4 cm", "date": "2026-06-01"},
]


def _patients(session, user_id) -> Patients:
    return Patients(session, session.get(User, user_id), via="test")


def _report_json(record) -> str:
    return build_report(assess(record), record.person).json_text()


def _create(sessions, user_id, data) -> int:
    with sessions() as session, session.begin():
        return _patients(session, user_id).create(parse_record(data)).id


def _record(sessions, user_id, key):
    with sessions() as session:
        return _patients(session, user_id).open(key).record()


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_example_read_back_from_the_store_assesses_as_the_file(sessions, users, path):
    record = load_record(path)
    with sessions() as session, session.begin():
        key = _patients(session, users["ann"]).import_text(path.read_text(encoding="utf-8"), path.suffix).id
    with sessions() as session:
        patient = _patients(session, users["cy"]).open(key)
        stored = patient.record()
        exported = parse_record(parse_text(patient.export("json"), ".json"))
    assert _report_json(stored) == _report_json(record)
    assert _report_json(exported) == _report_json(record)
    empty = {name for name in record.model_fields_set if getattr(record, name) == ()}
    assert {name for name in stored.model_fields_set if getattr(stored, name) == ()} == empty


def test_an_empty_section_stays_empty_and_an_absent_one_stays_absent(sessions, users):
    key = _create(sessions, users["ann"], {"person": PERSON, "measurements": GIRTHS, "symptoms": [], "conditions": []})
    stored = _record(sessions, users["ann"], key)
    assert {"symptoms", "conditions"} <= stored.model_fields_set
    assert "family_history" not in stored.model_fields_set and "episodes" not in stored.model_fields_set
    with sessions() as session:
        text = _patients(session, users["ann"]).open(key).export("yaml")
    assert "symptoms: []" in text and "conditions: []" in text and "family_history" not in text
    absent = _create(sessions, users["ann"], {"person": {**PERSON, "id": "absent"}, "measurements": GIRTHS})
    # the assessment tells the two apart: that is what keeping the difference is for
    assert _report_json(stored) != _report_json(_record(sessions, users["ann"], absent))


def test_none_recorded_at_a_visit_then_withdrawn_returns_the_section_to_not_asked(sessions, users):
    key = _create(sessions, users["ann"], {"person": PERSON, "measurements": GIRTHS})
    before = _report_json(_record(sessions, users["ann"], key))
    with sessions() as session, session.begin():
        patient = _patients(session, users["ann"]).open(key)
        patient.add_visit(dt.date(2026, 6, 2), {}, "asked", asked_none=["symptoms", "family_history"])
    assert {"symptoms", "family_history"} <= _record(sessions, users["ann"], key).model_fields_set
    assert _report_json(_record(sessions, users["ann"], key)) != before
    with sessions() as session, session.begin():
        corrections = _patients(session, users["cy"]).open(key).corrections
        entry = next(e for e in corrections.entries(ASKED_NONE) if e.data == {"section": "symptoms"})
        corrections.withdraw(ASKED_NONE, entry.id, version=entry.version, reason="symptoms were not asked after all")
    after = _record(sessions, users["ann"], key)
    assert "symptoms" not in after.model_fields_set and "family_history" in after.model_fields_set
    with sessions() as session:
        history = _patients(session, users["ann"]).open(key).corrections.versions(ASKED_NONE, entry.id)
    assert [(v.version, v.withdrawn, v.by) for v in history] == [(1, False, "ann"), (2, True, "cy")]
    assert history[1].reason == "symptoms were not asked after all"


def test_an_entry_added_to_the_section_supersedes_none_with_history(sessions, users):
    key = _create(sessions, users["ann"], {"person": PERSON, "measurements": GIRTHS, "symptoms": []})
    with sessions() as session, session.begin():
        patient = _patients(session, users["cy"]).open(key)
        patient.add_visit(dt.date(2026, 6, 3), {"symptoms": [{"kind": "fasciculations"}]})
    record = _record(sessions, users["ann"], key)
    assert [s.kind for s in record.symptoms] == ["fasciculations"]
    with sessions() as session, session.begin():
        corrections = _patients(session, users["ann"]).open(key).corrections
        (entry,) = corrections.entries(ASKED_NONE)
        assert entry.withdrawn
        history = corrections.versions(ASKED_NONE, entry.id)
        assert [(v.withdrawn, v.by, v.reason) for v in history] == [(False, "ann", ""), (True, "cy", SUPERSEDED)]
        # the symptom withdrawn in turn: the section has no entries and no "none", so it is not asked
        symptom = corrections.entries("symptoms")[0]
        corrections.withdraw("symptoms", symptom.id, version=symptom.version, reason="entered for the wrong patient")
    assert "symptoms" not in _record(sessions, users["ann"], key).model_fields_set


def test_none_is_refused_beside_entries_of_the_section_with_the_problem_named(sessions, users):
    key = _create(sessions, users["ann"], {"person": PERSON, "measurements": GIRTHS})
    with sessions() as session, session.begin():
        patient = _patients(session, users["ann"]).open(key)
        with pytest.raises(InputError) as same_visit:
            patient.add_visit(dt.date(2026, 6, 2), {"symptoms": [{"kind": "cramps"}]}, asked_none=["symptoms"])
        with pytest.raises(InputError) as stored:
            patient.add_visit(dt.date(2026, 6, 2), {}, asked_none=["measurements"])
        with pytest.raises(InputError) as unknown:
            patient.add_visit(dt.date(2026, 6, 2), {}, asked_none=["hobbies"])
    assert [(p.field, p.value) for p in same_visit.value.problems] == [("asked_none", "symptoms")]
    assert "this visit also enters 1" in same_visit.value.problems[0].message
    assert "already holds 2" in stored.value.problems[0].message
    assert unknown.value.problems[0].message == "is not a record section"
    assert "symptoms" not in _record(sessions, users["ann"], key).model_fields_set


def test_a_none_answer_cannot_be_edited_and_a_repeat_adds_no_second_entry(sessions, users):
    key = _create(sessions, users["ann"], {"person": PERSON, "measurements": GIRTHS, "episodes": []})
    with sessions() as session, session.begin():
        patient = _patients(session, users["ann"]).open(key)
        patient.add_visit(dt.date(2026, 6, 2), {}, asked_none=["episodes"])
        (entry,) = patient.corrections.entries(ASKED_NONE)
        with pytest.raises(InputError) as refused:
            patient.corrections.replace(
                ASKED_NONE, entry.id, {"section": "symptoms"}, version=entry.version, reason="other section"
            )
    assert refused.value.problems[0].message.startswith("cannot be edited")


def test_the_database_keeps_one_none_in_force_per_patient_and_section(sessions, users):
    key = _create(sessions, users["ann"], {"person": PERSON, "measurements": GIRTHS, "symptoms": []})
    with sessions() as session, pytest.raises(IntegrityError):
        session.add(AskedNoneRow(person_id=key, section="symptoms", data=data_of("symptoms")))
        session.flush()
    with sessions() as session, session.begin():
        patient = _patients(session, users["ann"]).open(key)
        (entry,) = patient.corrections.entries(ASKED_NONE)
        patient.corrections.withdraw(ASKED_NONE, entry.id, version=entry.version, reason="not asked after all")
    with sessions() as session, session.begin():  # a withdrawn answer leaves room for a new one
        session.add(AskedNoneRow(person_id=key, section="symptoms", data=data_of("symptoms")))
    with sessions() as session:
        rows = session.scalars(select(AskedNoneRow).where(AskedNoneRow.person_id == key)).all()
    assert [row.withdrawn_at is None for row in rows] == [False, True]


def test_two_clinicians_ticking_none_at_once_save_one_and_the_second_is_told(sessions, users, monkeypatch):
    key = _create(sessions, users["ann"], {"person": PERSON, "measurements": GIRTHS})
    with sessions() as session, session.begin():
        _patients(session, users["ann"]).open(key).add_visit(dt.date(2026, 6, 2), {}, asked_none=["symptoms"])
    # the second read the record before the first saved: it saw no answer in force
    monkeypatch.setattr(_asked, "asked_sections", lambda _session, _person_id: frozenset())
    with sessions() as session:
        patient = _patients(session, users["cy"]).open(key)
        with pytest.raises(NoneConflict) as told:
            patient.add_visit(dt.date(2026, 6, 2), {}, "second", asked_none=["symptoms"])
        assert told.value.sections == ("symptoms",)
        session.commit()
    monkeypatch.undo()
    with sessions() as session:
        patient = _patients(session, users["ann"]).open(key)
        assert "second" not in [v.visit.note for v in patient.visits()]
        assert len(patient.corrections.entries(ASKED_NONE)) == 1
        assert patient.record().symptoms == ()
