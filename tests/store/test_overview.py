"""Person details beside the record, and the patient list: search, sort, pages, audit, red-flag markers by version."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from myoscope.errors import InputError
from myoscope.record import parse_record
from myoscope.store import (
    AuditEntry,
    Details,
    Flags,
    Patients,
    Sort,
    User,
    details_of,
    overview,
    parse_details,
    records_to_flag,
    save_details,
    save_flags,
)

TODAY = dt.date(2026, 11, 30)


def _scope(session, user_id) -> Patients:
    return Patients(session, session.get(User, user_id), via="test")


@pytest.fixture
def clinic(sessions, users):
    """Four patients of 'neuro' with names, ages, visits; one of 'geriatrics'."""
    people = {
        "n-1": ({"birth_date": "1950-06-01"}, "Ada Lovelace", [("hospital number", "H-100")], "2026-11-20"),
        "n-2": ({"birth_date": "1990-01-15"}, "Bo Ng", [], "2026-10-01"),
        "n-3": ({"age": 40}, "", [("hospital number", "H-300")], None),
        "n-4": ({"birth_date": "1970-12-31"}, "ada byron", [], "2026-11-25"),
    }
    ids = {}
    with sessions() as session, session.begin():
        scope = _scope(session, users["ann"])
        for key, (person, name, identifiers, visit) in people.items():
            patient = scope.create(parse_record({"person": {"id": key, **person}}))
            save_details(patient, Details(name, tuple(identifiers)))
            if visit:
                patient.add_visit(dt.date.fromisoformat(visit), {})
            ids[key] = patient.id
        other = _scope(session, users["bo"]).create(parse_record({"person": {"id": "g-1"}}))
        save_details(other, Details("Ada Other", ()))
        ids["g-1"] = other.id
    return ids


def _ids(page) -> list[str]:
    return [row.external_id for row in page.rows]


def test_search_by_name_identifier_or_id_within_the_team_only(sessions, users, clinic):
    with sessions() as session:
        scope = _scope(session, users["ann"])
        assert sorted(_ids(overview(scope, "ADA", today=TODAY))) == ["n-1", "n-4"]
        assert _ids(overview(scope, "h-300", today=TODAY)) == ["n-3"]
        assert _ids(overview(scope, "n-2", today=TODAY)) == ["n-2"]
        assert _ids(overview(scope, "%", today=TODAY)) == []
        assert _ids(overview(_scope(session, users["bo"]), "ada", today=TODAY)) == ["g-1"]
        assert _ids(overview(_scope(session, users["root"]), today=TODAY)) == []


def test_each_column_sorts_and_missing_values_come_last(sessions, users, clinic):
    with sessions() as session:
        scope = _scope(session, users["ann"])

        def order(sort, descending):
            return _ids(overview(scope, sort=sort, descending=descending, today=TODAY))

        assert order(Sort.id, False) == ["n-1", "n-2", "n-3", "n-4"]
        assert order(Sort.id, True) == ["n-4", "n-3", "n-2", "n-1"]
        assert order(Sort.name, False) == ["n-4", "n-1", "n-2", "n-3"]  # ada byron, Ada Lovelace, Bo Ng; no name last
        assert order(Sort.age, False) == ["n-2", "n-3", "n-4", "n-1"]  # 36, 40 (stated), 55, 76
        assert order(Sort.last_visit, True) == ["n-4", "n-1", "n-2", "n-3"]
        assert order(Sort.last_visit, False) == ["n-2", "n-1", "n-4", "n-3"]
        row = next(r for r in overview(scope, "n-3", today=TODAY).rows)
        assert (row.age, row.age_stated, row.last_visit, row.name) == (40, True, None, "")
        assert overview(scope, "n-1", today=TODAY).rows[0].age == 76


def test_pages_and_the_audit_names_only_the_ids_shown(sessions, users, clinic):
    with sessions() as session, session.begin():
        scope = _scope(session, users["ann"])
        second = overview(scope, sort=Sort.id, descending=False, page=2, per_page=3, today=TODAY)
        assert (_ids(second), second.total, second.pages, second.page) == (["n-4"], 4, 2, 2)
        assert overview(scope, page=99, per_page=3, today=TODAY).page == 2
        session.flush()
        detail = session.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "list").order_by(AuditEntry.id)
        ).all()
        assert detail[0] == f"test (1 patients: {clinic['n-4']})"


def test_a_marker_counts_only_for_the_version_and_day_it_was_computed_for(engine, sessions, users, clinic):
    with sessions() as session:
        page = overview(_scope(session, users["ann"]), "n-1", today=TODAY)
    assert page.rows[0].flags is None and page.stale[0][0] == clinic["n-1"]
    [(person_id, version, record)] = records_to_flag(engine, page.stale)
    assert record is not None and record.person.id == "n-1"
    save_flags(engine, person_id, version, Flags(2, True, ("a", "b")), TODAY)
    with sessions() as session:
        scope = _scope(session, users["ann"])
        shown = overview(scope, "n-1", today=TODAY)
        assert shown.rows[0].flags == Flags(2, True, ("a", "b")) and shown.stale == ()
        assert overview(scope, "n-1", today=TODAY + dt.timedelta(days=1)).rows[0].flags is None
    with sessions() as session, session.begin():
        _scope(session, users["ann"]).open(clinic["n-1"]).add_visit(dt.date(2026, 11, 28), {})
    with sessions() as session:
        after = overview(_scope(session, users["ann"]), "n-1", today=TODAY)
    assert after.rows[0].flags is None and after.rows[0].last_visit == dt.date(2026, 11, 28)
    save_flags(engine, person_id, version, Flags(5, False, ()), TODAY)  # a late result for the old version
    with sessions() as session:
        assert overview(_scope(session, users["ann"]), "n-1", today=TODAY).rows[0].flags is None


def test_details_are_checked_kept_apart_and_replaced(sessions, users, clinic):
    with pytest.raises(InputError) as caught:
        parse_details("x" * 201, [("", "123"), ("mrn", "1"), ("MRN", "2"), ("bad\x00", "v")])
    fields = [p.field for p in caught.value.problems]
    assert fields == [
        "details.name",
        "details.identifiers[0].system",
        "details.identifiers[2].system",
        "details.identifiers[3]",
    ]
    assert parse_details("  Ann   Lee ", [("", ""), ("mrn", " 7 ")]) == Details("Ann Lee", (("mrn", "7"),))
    with sessions() as session, session.begin():
        patient = _scope(session, users["ann"]).open(clinic["n-1"])
        assert details_of(patient) == Details("Ada Lovelace", (("hospital number", "H-100"),))
        save_details(patient, Details("Ada King", ()))
        assert details_of(patient) == Details("Ada King", ())
        assert "Ada" not in patient.export("json") and "H-100" not in patient.export("yaml")


def test_a_visit_whose_every_entry_was_withdrawn_is_no_longer_the_last_visit(sessions, users, clinic):
    weight = {"measurements": [{"kind": "body_weight", "value": "61 kg"}]}
    with sessions() as session, session.begin():
        patient = _scope(session, users["ann"]).open(clinic["n-2"])
        patient.add_visit(dt.date(2026, 11, 28), weight)
    with sessions() as session:
        assert overview(_scope(session, users["ann"]), "n-2", today=TODAY).rows[0].last_visit == dt.date(2026, 11, 28)
    with sessions() as session, session.begin():
        patient = _scope(session, users["ann"]).open(clinic["n-2"])
        [entry] = patient.corrections.entries("measurements")
        patient.corrections.withdraw("measurements", entry.id, version=entry.version, reason="wrong patient")
    with sessions() as session:  # the empty visit of 2026-10-01 still counts: it was saved, not withdrawn
        assert overview(_scope(session, users["ann"]), "n-2", today=TODAY).rows[0].last_visit == dt.date(2026, 10, 1)


@pytest.mark.parametrize(
    "name",
    ["\u05d3\u05e0\u05d4 \u200f\u05db\u05d4\u05df", "\u0645\u0631\u06cc\u0645 \u0641\u0631\u200c\u0632\u0627\u062f"],
    ids=["hebrew-with-right-to-left-mark", "persian-with-zero-width-non-joiner"],
)
def test_a_name_may_carry_the_invisible_marks_its_script_needs(name):
    assert parse_details(name, []).name == name


@pytest.mark.parametrize("mark", ["\u202e", "\u202d", "\u2066", "\u2069", "\x1b", "\ufeff"])
def test_a_name_with_a_bidirectional_override_or_control_character_is_refused(mark):
    with pytest.raises(InputError, match="details.name"):
        parse_details(f"Ann{mark} Lee", [])
