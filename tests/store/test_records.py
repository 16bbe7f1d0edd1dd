"""The store saves and loads records through :mod:`myoscope.record` (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from myoscope.causes import assess
from myoscope.errors import InputError
from myoscope.record import load_record, parse_record, parse_text
from myoscope.store import AuditEntry, Patients, User
from myoscope.store._tables import InstrumentRow, MeasurementRow, Visit


def _patients(session, user_id) -> Patients:
    return Patients(session, session.get(User, user_id), via="test")


def test_every_example_round_trips(sessions, users, examples_dir):
    paths = sorted(examples_dir.glob("*.yaml"))
    assert paths
    with sessions() as session, session.begin():
        scope = _patients(session, users["ann"])
        ids = {path: scope.create(load_record(path)).id for path in paths}
    with sessions() as session:
        scope = _patients(session, users["ann"])
        for path, key in ids.items():
            patient = scope.open(key)
            original = load_record(path)
            assert patient.record() == original, path.name
            for fmt, suffix in (("yaml", ".yaml"), ("json", ".json")):
                assert parse_record(parse_text(patient.export(fmt), suffix)) == original, (path.name, fmt)


def test_import_makes_one_visit_per_date(sessions, users, examples_dir):
    record = load_record(examples_dir / "als-diagnosed.yaml")
    with sessions() as session, session.begin():
        patient = _patients(session, users["ann"]).create(record)
        dates = [v.visit.date for v in patient.visits()]
    assert dates == sorted({m.date for m in record.measurements} | {i.date for i in record.instruments}, reverse=True)


def test_add_visit_saves_items_with_the_visit_date_and_canonical_answers(sessions, users, examples_dir):
    day = dt.date(2026, 11, 23)
    with sessions() as session, session.begin():
        patient = _patients(session, users["ann"]).create(load_record(examples_dir / "healthy-active.yaml"))
        before = assess(patient.record()).atrophy.status.value
        patient.add_visit(
            day,
            {
                "measurements": [{"kind": "calf_circumference", "side": "left", "value": "330 mm"}],
                "instruments": [{"name": "sarc-f", "answers": {"strength": "1", "falls": "0"}}],
            },
            note="follow-up",
        )
        key = patient.id
    with sessions() as session:
        patient = _patients(session, users["ann"]).open(key)
        record = patient.record()
        calf = record.series("calf_circumference", "left")[-1]
        assert (calf.date, calf.value) == (day, 33.0)
        assert record.instruments[-1].answers == {"strength": 1, "falls": 0}
        assert before == "not supported" and assess(patient.record()).atrophy.status.value == "likely"
        row = session.scalar(select(MeasurementRow).where(MeasurementRow.date == day))
        assert (row.kind, row.side, row.value) == ("calf_circumference", "left", 33.0)
        assert session.scalar(select(Visit).where(Visit.id == row.visit_id)).note == "follow-up"


def test_add_visit_refuses_with_every_problem_numbered_by_the_new_items(sessions, users, examples_dir):
    with sessions() as session, session.begin():
        patient = _patients(session, users["ann"]).create(load_record(examples_dir / "healthy-active.yaml"))
        with pytest.raises(InputError) as caught:
            patient.add_visit(
                dt.date(2026, 11, 23),
                {
                    "measurements": [
                        {"kind": "body_weight", "value": "60 kg"},
                        {"kind": "body_weight", "value": "60 kgg"},
                    ],
                    "instruments": [{"name": "sarc-f", "answers": {"strength": "7"}}],
                },
            )
        fields = [p.field for p in caught.value.problems]
        assert fields == ["measurements[1].value", "instruments[0].answers.strength"]
        assert "unknown unit 'kgg'" in str(caught.value)
        with pytest.raises(InputError, match="is not a known instrument"):
            patient.add_visit(dt.date(2026, 11, 23), {"instruments": [{"name": "no-such-test", "answers": {}}]})
        assert session.scalar(select(func.count()).select_from(InstrumentRow)) == 0


def test_future_visit_date_is_refused(sessions, users):
    with sessions() as session, session.begin():
        patient = _patients(session, users["ann"]).create(parse_record({"person": {"id": "p1"}}))
        with pytest.raises(InputError, match="in the future"):
            patient.add_visit(
                dt.date.today() + dt.timedelta(days=2), {"measurements": [{"kind": "body_weight", "value": "60 kg"}]}
            )


def test_duplicate_person_id_in_a_team_is_refused(sessions, users):
    with sessions() as session, session.begin():
        scope = _patients(session, users["ann"])
        scope.create(parse_record({"person": {"id": "p1"}}))
        with pytest.raises(InputError) as caught:
            scope.create(parse_record({"person": {"id": "p1"}}))
        assert caught.value.problems[0].field == "person.id"


def test_reads_and_writes_are_audited_in_the_same_transaction(sessions, users):
    with sessions() as session, session.begin():
        key = _patients(session, users["ann"]).create(parse_record({"person": {"id": "p1"}})).id
    with sessions() as session:
        with session.begin():
            scope = _patients(session, users["cy"])
            scope.open(key).add_visit(dt.date(2026, 11, 1), {"measurements": [{"kind": "body_weight", "value": "70"}]})
        with session.begin():
            _patients(session, users["cy"]).open(key).add_visit(
                dt.date(2026, 11, 2), {"measurements": [{"kind": "body_weight", "value": "70"}]}
            )
            session.rollback()
        entries = session.execute(
            select(AuditEntry.username, AuditEntry.action, AuditEntry.person_id).order_by(AuditEntry.id)
        ).all()
    assert [tuple(e) for e in entries] == [("ann", "create", key), ("cy", "read", key), ("cy", "add_visit", key)]
