"""Administration in the store: accounts, roles, teams, any token revoked, audit filters and CSV cells."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from myoscope.errors import InputError
from myoscope.store import (
    Admin,
    AuditEntry,
    AuditFilter,
    User,
    WebSession,
    audit_csv,
    audit_entries,
    issue_token,
    safe_cell,
    start_session,
    token_user,
)


def _admin(session, users) -> Admin:
    return Admin(session, session.get(User, users["root"]), "127.0.0.1")


def test_disable_ends_sessions_refuses_tokens_and_enable_restores_them(sessions, users):
    with sessions() as session, session.begin():
        ann = session.get(User, users["ann"])
        token = issue_token(session, ann)
        start_session(session, ann, dt.timedelta(hours=1))
        _admin(session, users).set_active(users["ann"], False)
    with sessions() as session, session.begin():
        assert token_user(session, token) is None
        assert session.scalars(select(WebSession).where(WebSession.user_id == users["ann"])).all() == []
        _admin(session, users).set_active(users["ann"], True)
    with sessions() as session:
        assert token_user(session, token).username == "ann"
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.username == "root")).all()
        assert actions == ["admin_disable", "admin_enable"]


def test_roles_teams_and_the_admin_own_account(sessions, users):
    with sessions() as session, session.begin():
        admin = _admin(session, users)
        rehab = admin.create_team("  rehab   unit ")
        assert rehab.name == "rehab unit"
        with pytest.raises(InputError, match="already exists"):
            admin.create_team("rehab unit")
        made = admin.create_user("dee", "dee-password-1", "clinician", [rehab.id])
        assert [t.name for t in made.teams] == ["rehab unit"]
        admin.set_teams(users["bo"], [rehab.id, session.get(User, users["ann"]).teams[0].id])
        assert [t.name for t in session.get(User, users["bo"]).teams] == ["neuro", "rehab unit"]
        assert admin.set_role(users["bo"], "admin").role == "admin"
        with pytest.raises(InputError, match="not one of the accepted choices"):
            admin.set_role(users["bo"], "owner")
        with pytest.raises(InputError, match="is you"):
            admin.set_role(users["root"], "clinician")
        with pytest.raises(InputError, match="is you"):
            admin.set_active(users["root"], False)
        with pytest.raises(InputError, match="not care teams"):
            admin.set_teams(users["bo"], [987654])


def test_any_token_is_revoked_once(sessions, users):
    with sessions() as session, session.begin():
        token = issue_token(session, session.get(User, users["bo"]), "lab")
        admin = _admin(session, users)
        [(row, owner)] = admin.tokens()
        assert (owner, row.label) == ("bo", "lab")
        assert admin.revoke(row.id) is True and admin.revoke(row.id) is False
        assert token_user(session, token) is None


def test_audit_filters_match_patient_rows_and_lists_that_showed_them(sessions, users):
    now = dt.datetime.now(dt.UTC)
    with sessions() as session, session.begin():
        session.add_all(
            [
                AuditEntry(username="ann", user_id=users["ann"], action="read", person_id=12, at=now),
                AuditEntry(username="ann", action="list", detail="GET /patients (3 patients: 4, 12, 7)", at=now),
                AuditEntry(username="ann", action="list", detail="GET /patients (2 patients: 120, 7)", at=now),
                AuditEntry(username="bo", action="list", detail="GET /patients (1 patients: 12)", at=now),
                AuditEntry(username="bo", action="read", person_id=120, at=now - dt.timedelta(days=3)),
            ]
        )
    with sessions() as session:

        def count(**kwargs) -> int:
            return audit_entries(session, AuditFilter(**kwargs))[1]

        assert count(patient=12) == 3
        assert count(patient=120) == 2
        assert count(patient=12, username="bo") == 1
        assert count(action="read") == 2
        assert count(since=now.date()) == 4
        assert count(until=now.date() - dt.timedelta(days=1)) == 1
        entries, total = audit_entries(session, AuditFilter(), page=2, per_page=2)
        assert total == 5 and len(entries) == 2
        lines = list(audit_csv(session, AuditFilter(action="read")))
        assert lines[0].startswith("at,user_id,username,action,person_id") and len(lines) == 3


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+4", "'+4"),
        ("-2", "'-2"),
        ("@A1", "'@A1"),
        ("\tx", "'\tx"),
        ("a=b", "a=b"),
        (None, ""),
        (7, "7"),
    ],
)
def test_cells_that_look_like_formulas_are_made_text(value, cell):
    assert safe_cell(value) == cell
