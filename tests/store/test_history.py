"""Corrections with history on SQLite and PostgreSQL: edit, withdraw, every version kept, stale versions refused."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from myoscope.causes import assess
from myoscope.errors import InputError
from myoscope.record import load_record
from myoscope.store import PERSON, Conflict, NotFound, Patients, User
from myoscope.store._tables import EntryVersion, MeasurementRow


def _patients(session, user_id) -> Patients:
    return Patients(session, session.get(User, user_id), via="test")


@pytest.fixture
def cast(sessions, users, examples_dir):
    """The forearm-cast example as a patient of ann's team; its id."""
    with sessions() as session, session.begin():
        return _patients(session, users["ann"]).create(load_record(examples_dir / "forearm-cast.yaml")).id


def _girth(corrections, side):
    return next(
        e
        for e in corrections.entries("measurements")
        if e.data["kind"] == "forearm_circumference" and e.data.get("side") == side
    )


def test_an_edit_keeps_the_earlier_version_with_who_when_and_why(sessions, users, cast):
    with sessions() as session, session.begin():
        patient = _patients(session, users["ann"]).open(cast)
        before = assess(patient.record()).atrophy
        left = _girth(patient.corrections, "left")
        changed = patient.corrections.patch(
            "measurements", left.id, {"value": "24.2 cm"}, version=left.version, reason="typed the wrong arm"
        )
        assert changed.version == 2 and changed.data["value"] == pytest.approx(24.2)
        assert [m.best for m in patient.record().measurements if m.kind == "forearm_circumference"] == [24.2, 24.3]
        after = assess(patient.record()).atrophy
    assert before.status != after.status, (before.status, after.status)
    with sessions() as session:
        history = _patients(session, users["cy"]).open(cast).corrections.versions("measurements", left.id)
    assert [v.version for v in history] == [1, 2]
    assert history[0].data["value"] == pytest.approx(22.1) and history[0].by == "import" and history[0].reason == ""
    assert history[1].by == "ann" and history[1].reason == "typed the wrong arm" and history[1].at is not None


def test_every_version_is_in_the_history_and_a_withdrawn_entry_leaves_the_record(sessions, users, cast):
    with sessions() as session, session.begin():
        patient = _patients(session, users["ann"]).open(cast)
        entry = _girth(patient.corrections, "right")
        for number, value in enumerate(("24.0 cm", "240 mm", "24.5 cm"), start=1):
            entry = patient.corrections.replace(
                "measurements", entry.id, {**entry.data, "value": value}, version=number, reason=f"fix {number}"
            )
        count = len(patient.record().measurements)
        gone = patient.corrections.withdraw("measurements", entry.id, version=4, reason="wrong patient")
        assert gone.withdrawn and gone.version == 5
        assert len(patient.record().measurements) == count - 1
        assert all(m.side != "right" or m.kind != "forearm_circumference" for m in patient.record().measurements)
        assert all(
            v.kind != "forearm_circumference" or v.side != "right"
            for view in patient.visits()
            for v in view.measurements
        )
    with sessions() as session:
        patient = _patients(session, users["ann"]).open(cast)
        history = patient.corrections.versions("measurements", entry.id)
        assert [(v.version, v.withdrawn, v.reason) for v in history] == [
            (1, False, ""),
            (2, False, "fix 1"),
            (3, False, "fix 2"),
            (4, False, "fix 3"),
            (5, True, "wrong patient"),
        ]
        assert [v.data["value"] for v in history] == pytest.approx([24.3, 24.0, 24.0, 24.5, 24.5])
        assert (
            session.scalar(select(func.count()).select_from(MeasurementRow).where(MeasurementRow.id == entry.id)) == 1
        )
        with pytest.raises(Conflict) as refused:
            patient.corrections.replace("measurements", entry.id, entry.data, version=5, reason="again")
        assert refused.value.current.withdrawn


def test_an_edit_is_validated_as_a_new_entry_with_problems_named_by_field(sessions, users, cast):
    with sessions() as session, session.begin():
        patient = _patients(session, users["ann"]).open(cast)
        entry = _girth(patient.corrections, "left")
        cases = {
            "value": {"value": "22 kg"},
            "date": {"date": "1960-01-01"},
        }
        for field, change in cases.items():
            with pytest.raises(InputError) as refused:
                patient.corrections.patch("measurements", entry.id, change, version=1, reason="check")
            assert any(p.field.startswith(field) or "birth" in p.message for p in refused.value.problems), refused.value
        with pytest.raises(InputError) as future:
            patient.corrections.patch("measurements", entry.id, {"date": "2999-01-01"}, version=1, reason="check")
        assert future.value.problems[0].field == "date"
        for reason in ("", "   ", None, "x" * 501):
            with pytest.raises(InputError) as no_reason:
                patient.corrections.patch("measurements", entry.id, {"value": "22.5 cm"}, version=1, reason=reason)
            assert no_reason.value.problems[0].field == "reason"
        assert patient.corrections.entry("measurements", entry.id).version == 1


def test_every_section_and_the_person_can_be_corrected(sessions, users, examples_dir):
    with sessions() as session, session.begin():
        scope = _patients(session, users["ann"])
        patient = scope.create(load_record(examples_dir / "mixed-older-after-illness.yaml"))
        seen = set()
        for entry in patient.corrections.entries():
            if entry.section in seen:
                continue
            seen.add(entry.section)
            edited = patient.corrections.replace(entry.section, entry.id, entry.data, version=1, reason="reviewed")
            assert edited.version == 2
            if entry.section != PERSON:
                assert patient.corrections.withdraw(entry.section, entry.id, version=2, reason="duplicate").withdrawn
        assert PERSON in seen and len(seen) >= 5
        born = patient.corrections.entry(PERSON, patient.id)
        with pytest.raises(InputError) as late:
            patient.corrections.patch(
                PERSON, patient.id, {"birth_date": "2026-11-30"}, version=born.version, reason="x"
            )
        assert late.value.problems
        with pytest.raises(InputError):
            patient.corrections.withdraw(PERSON, patient.id, version=born.version, reason="x")


def test_entries_of_other_patients_and_teams_are_not_found(sessions, users, cast, examples_dir):
    with sessions() as session, session.begin():
        other = _patients(session, users["ann"]).create(load_record(examples_dir / "healthy-active.yaml"))
        entry = _patients(session, users["ann"]).open(cast).corrections.entries("measurements")[0]
        with pytest.raises(NotFound):
            other.corrections.entry("measurements", entry.id)
        with pytest.raises(NotFound):
            other.corrections.patch("measurements", entry.id, {"value": "1 kg"}, version=1, reason="x")
        with pytest.raises(NotFound):
            other.corrections.entry(PERSON, cast)
    with sessions() as session, pytest.raises(NotFound):
        _patients(session, users["bo"]).open(cast)


def test_two_clinicians_editing_one_entry_the_second_is_refused_and_shown_the_change(sessions, users, cast):
    with sessions() as ann_session, sessions() as cy_session:
        ann = _patients(ann_session, users["ann"]).open(cast)
        entry = _girth(ann.corrections, "left")
        ann_session.commit()
        cy = _patients(cy_session, users["cy"]).open(cast)
        seen_by_cy = cy.corrections.entry("measurements", entry.id)
        cy_session.commit()
        ann.corrections.patch("measurements", entry.id, {"value": "22.6 cm"}, version=entry.version, reason="re-read")
        ann_session.commit()
        with pytest.raises(Conflict) as refused:
            cy.corrections.patch(
                "measurements", entry.id, {"value": "21.0 cm"}, version=seen_by_cy.version, reason="re-measured"
            )
        cy_session.rollback()
        assert refused.value.current.version == 2 and refused.value.current.data["value"] == pytest.approx(22.6)
        assert refused.value.sent == 1
    with sessions() as session:
        versions = session.scalars(select(EntryVersion.username).where(EntryVersion.entry_id == entry.id)).all()
        assert sorted(versions) == ["ann", "import"]


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)  # SQLite serialises writers: no such race
def test_two_threads_editing_at_once_exactly_one_wins_on_postgresql(sessions, users, cast, db_url):
    with sessions() as session:
        entry = _girth(_patients(session, users["ann"]).open(cast).corrections, "left")
    barrier = threading.Barrier(2, timeout=30)
    results: dict[str, str] = {}

    def edit(name: str, value: str) -> None:
        with sessions() as session:
            patient = _patients(session, users[name]).open(cast)
            patient.corrections.entry("measurements", entry.id)
            session.commit()
            barrier.wait()
            try:
                patient.corrections.patch("measurements", entry.id, {"value": value}, version=1, reason=f"by {name}")
                session.commit()
                results[name] = "won"
            except Conflict as exc:
                session.rollback()
                results[name] = f"refused at {exc.current.version}"

    threads = [threading.Thread(target=edit, args=(n, v)) for n, v in (("ann", "22.4 cm"), ("cy", "22.8 cm"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(results.values()) == ["refused at 2", "won"], results
    with sessions() as session:
        history = _patients(session, users["ann"]).open(cast).corrections.versions("measurements", entry.id)
    assert [v.version for v in history] == [1, 2]
