"""Accounts: argon2id passwords, throttled sign-in, expiring sessions, hashed API tokens."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from myoscope.errors import InputError
from myoscope.store import (
    AuditEntry,
    LoginRefused,
    Throttle,
    User,
    WebSession,
    add_user,
    authenticate,
    end_session,
    find_session,
    issue_token,
    revoke_token,
    set_password,
    start_session,
    token_user,
    tokens_of,
)
from myoscope.store._tables import ApiToken


def test_password_is_stored_as_an_argon2id_hash_only(sessions, users):
    with sessions() as session:
        stored = session.scalar(select(User.password_hash).where(User.username == "ann"))
    assert stored.startswith("$argon2id$") and "ann-password-1" not in stored


def test_short_passwords_bad_names_and_duplicates_are_refused(sessions, users):
    with sessions() as session:
        with pytest.raises(InputError, match="too short"):
            add_user(session, "newbie", "short")
        with pytest.raises(InputError, match="not a valid user name"):
            add_user(session, "no spaces", "long-enough-pw")
        with pytest.raises(InputError, match="already taken"):
            add_user(session, "ann", "long-enough-pw")
        with pytest.raises(InputError, match="accepted choices"):
            add_user(session, "x1", "long-enough-pw", role="superuser")


def test_sign_in_checks_the_password(sessions, users):
    with sessions() as session:
        assert authenticate(session, "ann", "ann-password-1", "c").username == "ann"
        for name, password in (("ann", "wrong-password"), ("nobody", "ann-password-1")):
            with pytest.raises(LoginRefused, match="wrong user name or password"):
                authenticate(session, name, password, "c")


def test_failures_slow_that_account_from_that_client_with_growing_delays(sessions, users):
    throttle = Throttle(free=2, first_delay=dt.timedelta(minutes=1), longest=dt.timedelta(minutes=30))
    with sessions() as session:
        for _ in range(2):
            with pytest.raises(LoginRefused):
                authenticate(session, "ann", "nope-nope-nope", "c1", throttle)
        with pytest.raises(LoginRefused) as caught:
            authenticate(session, "ann", "ann-password-1", "c1", throttle)
        assert caught.value.locked and 55 <= caught.value.retry_after <= 60
    assert throttle.delay(2, 2) == dt.timedelta(minutes=1)
    assert throttle.delay(3, 2) == dt.timedelta(minutes=2) and throttle.delay(9, 2) == dt.timedelta(minutes=30)


def test_finding_5_failures_never_lock_out_the_right_password_from_another_client(sessions, users):
    throttle = Throttle(free=3, client_free=20)
    with sessions() as session:
        for _ in range(30):  # an attacker at one address guessing a named account
            with pytest.raises(LoginRefused):
                authenticate(session, "ann", "nope-nope-nope", "10.6.6.6", throttle)
        assert authenticate(session, "ann", "ann-password-1", "10.0.0.7", throttle).username == "ann"
        for name in [f"user{i}" for i in range(25)]:  # spraying many accounts from one address
            with pytest.raises(LoginRefused):
                authenticate(session, name, "nope-nope-nope", "10.6.6.7", throttle)
        assert authenticate(session, "cy", "cy-password-12", "10.0.0.8", throttle).username == "cy"


def test_finding_12_failed_sign_ins_are_audited(sessions, users):
    with sessions() as session:
        with pytest.raises(LoginRefused):
            authenticate(session, "ann", "nope-nope-nope", "10.1.2.3")
        rows = session.execute(select(AuditEntry.action, AuditEntry.username, AuditEntry.client)).all()
    assert ("sign_in_failed", "ann", "10.1.2.3") in [tuple(r) for r in rows]


def test_sessions_expire_and_end(sessions, users):
    with sessions() as session, session.begin():
        user = session.get(User, users["ann"])
        live = start_session(session, user, dt.timedelta(hours=1))
        stale = start_session(session, user, dt.timedelta(seconds=-1))
        assert find_session(session, live).user.username == "ann"
        assert find_session(session, stale) is None
        assert find_session(session, "forged") is None
        assert live not in {s.id for s in session.scalars(select(WebSession))}
        end_session(session, live)
        assert find_session(session, live) is None


def test_api_tokens_are_stored_hashed_and_can_be_revoked(sessions, users):
    with sessions() as session, session.begin():
        bo = session.get(User, users["bo"])
        token = issue_token(session, bo, "lab")
        assert token_user(session, token).username == "bo"
        row = session.scalar(select(ApiToken))
        assert token not in row.token_hash and len(row.token_hash) == 64
        assert [t.label for t in tokens_of(session, bo)] == ["lab"]
        assert revoke_token(session, bo, row.id) and not revoke_token(session, bo, row.id)
        assert token_user(session, token) is None
        assert token_user(session, "myo_guess") is None


def test_finding_9_tokens_expire_after_90_days_by_default(sessions, users):
    with sessions() as session, session.begin():
        bo = session.get(User, users["bo"])
        token = issue_token(session, bo)
        row = session.scalar(select(ApiToken))
        lifetime = row.expires_at.replace(tzinfo=None) - row.created_at.replace(tzinfo=None)
        assert abs(lifetime - dt.timedelta(days=90)) < dt.timedelta(minutes=1)
        stale = issue_token(session, bo, lifetime=dt.timedelta(seconds=-1))
        assert token_user(session, token).username == "bo" and token_user(session, stale) is None


def test_finding_9_a_password_change_revokes_every_token(sessions, users):
    with sessions() as session, session.begin():
        bo = session.get(User, users["bo"])
        tokens = [issue_token(session, bo, label) for label in ("a", "b")]
        set_password(session, bo, "a-new-password-9")
        assert [token_user(session, t) for t in tokens] == [None, None]


def test_the_unknown_account_stand_in_has_the_hashers_parameters_and_matches_no_password():
    import argon2

    from myoscope.store import _accounts

    stand_in = _accounts._DUMMY_HASH
    assert argon2.extract_parameters(stand_in) == argon2.extract_parameters(_accounts._HASHER.hash("any-password"))
    assert not _accounts._HASHER.check_needs_rehash(stand_in)
    with pytest.raises(argon2.exceptions.VerifyMismatchError):
        _accounts._HASHER.verify(stand_in, "any-password")
    assert _accounts._unmatchable_hash(_accounts._HASHER) != stand_in  # random salt each time


def test_the_demo_hash_verifies_the_demo_password_and_is_used_only_for_it(sessions):
    from myoscope.store._accounts import _HASHER
    from myoscope.web._demo import DEMO_PASSWORD, DEMO_PASSWORD_HASH

    assert _HASHER.verify(DEMO_PASSWORD_HASH, DEMO_PASSWORD)
    assert not _HASHER.check_needs_rehash(DEMO_PASSWORD_HASH)
    with sessions() as session, session.begin():
        demo = add_user(session, "demo1", DEMO_PASSWORD, published_hash=DEMO_PASSWORD_HASH)
        own = add_user(session, "own1", DEMO_PASSWORD)
        outdated = DEMO_PASSWORD_HASH.replace("t=3", "t=1")
        other = add_user(session, "old1", DEMO_PASSWORD, published_hash=outdated)
        assert demo.password_hash == DEMO_PASSWORD_HASH
        assert own.password_hash != DEMO_PASSWORD_HASH  # a fresh salt for a password of its own
        assert other.password_hash != outdated and _HASHER.verify(other.password_hash, DEMO_PASSWORD)
        assert authenticate(session, "demo1", DEMO_PASSWORD, "c").username == "demo1"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("t\x1b[2J", "is not a valid team name"),  # an escape sequence would reach every listing of the team
        ("ward\u202e7", "is not a valid team name"),  # a bidi override reorders what a reader sees
        ("x" * 101, "is not a valid team name"),
        ("   ", "is not a valid team name"),
    ],
)
def test_a_team_name_with_control_characters_or_too_long_is_refused(sessions, users, name, message):
    with sessions() as session, pytest.raises(InputError) as exc:
        add_user(session, "newbie", "a-long-enough-password", teams=(name,))
    (problem,) = exc.value.problems
    assert (problem.field, problem.message) == ("team", message)
    assert problem.accepted == "1 to 100 characters, no control characters"


def test_team_names_given_with_extra_spaces_join_the_same_team(sessions, users):
    """'neuro ' was a team of its own, so its member silently saw none of neuro's patients."""
    with sessions() as session, session.begin():
        user = add_user(session, "newbie", "a-long-enough-password", teams=("neuro ", "  neuro"))
        assert [t.name for t in user.teams] == ["neuro"]
