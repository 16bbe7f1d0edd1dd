"""Patients are found only through the user's care teams: anything else does not exist for them."""

from __future__ import annotations

import pytest

from myoscope.errors import InputError
from myoscope.record import parse_record
from myoscope.store import NotFound, Patients, User


def _scope(session, user_id) -> Patients:
    return Patients(session, session.get(User, user_id))


@pytest.fixture
def neuro_patient(sessions, users):
    with sessions() as session, session.begin():
        return _scope(session, users["ann"]).create(parse_record({"person": {"id": "n-1"}})).id


@pytest.mark.parametrize("who", ["bo", "root"])
def test_others_and_admins_outside_the_team_find_nothing(sessions, users, neuro_patient, who):
    with sessions() as session:
        scope = _scope(session, users[who])
        assert scope.list() == []
        assert scope.list("n-1") == []
        with pytest.raises(NotFound):
            scope.open(neuro_patient)


def test_team_members_share_their_patients(sessions, users, neuro_patient):
    with sessions() as session:
        scope = _scope(session, users["cy"])
        assert [p.external_id for p in scope.list("n-")] == ["n-1"]
        assert scope.open(neuro_patient).record().person.id == "n-1"


def test_unknown_and_malformed_ids_are_not_found(sessions, users):
    with sessions() as session:
        scope = _scope(session, users["ann"])
        for key in (999999, "abc", None):
            with pytest.raises(NotFound):
                scope.open(key)


def test_search_treats_wildcards_literally(sessions, users):
    with sessions() as session, session.begin():
        scope = _scope(session, users["ann"])
        for pid in ("a_1", "ab1", "c%2"):
            scope.create(parse_record({"person": {"id": pid}}))
        assert [p.external_id for p in scope.list("a_")] == ["a_1"]
        assert [p.external_id for p in scope.list("%")] == ["c%2"]


def test_a_patient_cannot_be_put_in_a_team_the_user_is_not_in(sessions, users, neuro_patient):
    with sessions() as session, session.begin():
        foreign = session.get(User, users["bo"]).teams[0].id
        with pytest.raises(InputError, match="not one of your care teams"):
            _scope(session, users["ann"]).create(parse_record({"person": {"id": "x"}}), foreign)
        with pytest.raises(InputError, match="not one of your care teams"):
            _scope(session, users["root"]).create(parse_record({"person": {"id": "x"}}))
