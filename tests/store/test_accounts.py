"""Accounts: argon2id passwords, throttled sign-in, expiring sessions, hashed API tokens."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from myoscope.errors import InputError
from myoscope.store import (
    LoginRefused,
    Throttle,
    User,
    WebSession,
    add_user,
    authenticate,
    end_session,
    find_session,
    issue_token,
    start_session,
    token_user,
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


def test_account_is_locked_after_repeated_failures_even_with_the_right_password(sessions, users):
    throttle = Throttle(per_account=3, per_client=100)
    with sessions() as session:
        for _ in range(3):
            with pytest.raises(LoginRefused):
                authenticate(session, "ann", "nope-nope-nope", "c1", throttle)
        with pytest.raises(LoginRefused) as caught:
            authenticate(session, "ann", "ann-password-1", "c2", throttle)
        assert caught.value.locked
        assert authenticate(session, "cy", "cy-password-12", "c1", throttle).username == "cy"
        assert authenticate(session, "ann", "ann-password-1", "c1", Throttle(3, 100, dt.timedelta(0))).username == "ann"


def test_client_is_locked_after_failures_across_accounts(sessions, users):
    throttle = Throttle(per_account=100, per_client=2)
    with sessions() as session:
        for name in ("ann", "cy"):
            with pytest.raises(LoginRefused):
                authenticate(session, name, "nope-nope-nope", "10.9.9.9", throttle)
        with pytest.raises(LoginRefused) as caught:
            authenticate(session, "bo", "bo-password-12", "10.9.9.9", throttle)
        assert caught.value.locked
        assert authenticate(session, "bo", "bo-password-12", "other", throttle).username == "bo"


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
        token = issue_token(session, session.get(User, users["bo"]), "lab")
        assert token_user(session, token).username == "bo"
        row = session.scalar(select(ApiToken))
        assert token not in row.token_hash and len(row.token_hash) == 64
        row.revoked_at = dt.datetime.now(dt.timezone.utc)
        session.flush()
        assert token_user(session, token) is None
        assert token_user(session, "myo_guess") is None
