"""Accounts: users and care teams, argon2 passwords, sign-in throttling, browser sessions, API tokens.

Passwords are hashed with argon2id (argon2-cffi's defaults, RFC 9106); browser session ids
and API tokens are random 256-bit values of which only the SHA-256 is stored. Nothing here
logs a password or a token.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from myoscope.errors import InputError, Problem
from myoscope.store._tables import ROLES, ApiToken, LoginFailure, Team, User, WebSession, utcnow

MIN_PASSWORD_LENGTH = 10
USERNAME_PATTERN = r"^[A-Za-z0-9_.@-]{2,60}$"

_HASHER = PasswordHasher()
_DUMMY_HASH = _HASHER.hash(secrets.token_urlsafe(16))
"""Verified against when the account does not exist, so that timing does not reveal it."""


@dataclass(frozen=True, slots=True)
class Throttle:
    """Sign-in limits: failures allowed per account and per client within ``window``."""

    per_account: int = 5
    per_client: int = 20
    window: dt.timedelta = dt.timedelta(minutes=15)


class LoginRefused(Exception):
    """Sign-in refused; ``locked`` when too many recent failures (the message never says which part failed)."""

    def __init__(self, locked: bool = False):
        self.locked = locked
        super().__init__("too many failed sign-ins; try again later" if locked else "wrong user name or password")


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InputError([Problem("password", None, "is too short",
                                  f"at least {MIN_PASSWORD_LENGTH} characters")])
    return _HASHER.hash(password)


def team(session: Session, name: str) -> Team:
    """The care team called ``name``, created if new."""
    found = session.scalar(select(Team).where(Team.name == name))
    if found is None:
        found = Team(name=name)
        session.add(found)
        session.flush()
    return found


def add_user(session: Session, username: str, password: str, role: str = "clinician",
             teams: tuple[str, ...] = ()) -> User:
    """Create an account (argon2id hash of ``password``), member of ``teams`` (created if new)."""
    problems = []
    if not re.match(USERNAME_PATTERN, username):
        problems.append(Problem("username", username, "is not a valid user name",
                                "2 to 60 letters, digits, or . _ @ -"))
    elif session.scalar(select(User).where(User.username == username)) is not None:
        problems.append(Problem("username", username, "is already taken"))
    if role not in ROLES:
        problems.append(Problem("role", role, "is not one of the accepted choices", ", ".join(ROLES)))
    if problems:
        raise InputError(problems)
    user = User(username=username, password_hash=hash_password(password), role=role)
    user.teams = [team(session, name) for name in teams]
    session.add(user)
    session.flush()
    return user


def set_password(session: Session, user: User, password: str) -> None:
    user.password_hash = hash_password(password)
    session.execute(delete(WebSession).where(WebSession.user_id == user.id))


def _recent_failures(session: Session, key: str, since: dt.datetime) -> int:
    return session.scalar(select(func.count()).select_from(LoginFailure)
                          .where(LoginFailure.key == key, LoginFailure.at >= since)) or 0


def authenticate(session: Session, username: str, password: str, client: str,
                 throttle: Throttle = Throttle()) -> User:
    """The active user with this name and password; otherwise :class:`LoginRefused` (failure recorded).

    An account or client over its limit of recent failures is refused without checking the password.
    """
    since = utcnow() - throttle.window
    account_key, client_key = f"user:{username.lower()}", f"client:{client}"
    if (_recent_failures(session, account_key, since) >= throttle.per_account
            or _recent_failures(session, client_key, since) >= throttle.per_client):
        raise LoginRefused(locked=True)
    user = session.scalar(select(User).where(User.username == username))
    ok = False
    try:
        ok = _HASHER.verify(user.password_hash if user else _DUMMY_HASH, password) and user is not None
    except (VerificationError, InvalidHashError):
        ok = False
    if not ok or not user.active:
        session.add_all([LoginFailure(key=account_key), LoginFailure(key=client_key)])
        session.flush()
        raise LoginRefused()
    session.execute(delete(LoginFailure).where(LoginFailure.key == account_key))
    if _HASHER.check_needs_rehash(user.password_hash):
        user.password_hash = _HASHER.hash(password)
    return user


def start_session(session: Session, user: User, ttl: dt.timedelta) -> str:
    """A new browser session; returns the cookie value (only its digest is stored)."""
    token = secrets.token_urlsafe(32)
    session.add(WebSession(id=digest(token), user_id=user.id, csrf=secrets.token_urlsafe(32),
                           expires_at=utcnow() + ttl))
    session.flush()
    return token


def find_session(session: Session, token: str | None) -> WebSession | None:
    """The live session for a cookie value (expired sessions are removed), or None."""
    if not token:
        return None
    found = session.get(WebSession, digest(token))
    if found is None:
        return None
    if aware(found.expires_at) <= utcnow() or not found.user.active:
        session.delete(found)
        session.flush()
        return None
    return found


def end_session(session: Session, token: str | None) -> None:
    if token:
        session.execute(delete(WebSession).where(WebSession.id == digest(token)))


def issue_token(session: Session, user: User, label: str = "") -> str:
    """A new API token for ``user``; shown once, stored as its SHA-256."""
    token = "myo_" + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, token_hash=digest(token), label=label))
    session.flush()
    return token


def token_user(session: Session, token: str | None) -> User | None:
    """The active user owning a live API token, or None."""
    if not token:
        return None
    found = session.scalar(select(ApiToken).where(ApiToken.token_hash == digest(token),
                                                  ApiToken.revoked_at.is_(None)))
    if found is None:
        return None
    user = session.get(User, found.user_id)
    if user is None or not user.active:
        return None
    found.last_used_at = utcnow()
    return user


def same(a: str | None, b: str | None) -> bool:
    """Constant-time comparison of two tokens (False when either is missing)."""
    return bool(a) and bool(b) and hmac.compare_digest(a.encode(), b.encode())


def aware(moment: dt.datetime) -> dt.datetime:
    """A stored datetime with its time zone (SQLite hands back naive datetimes; every stored datetime is UTC)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)
