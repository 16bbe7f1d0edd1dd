"""Accounts: users and care teams, argon2 passwords, sign-in throttling, browser sessions, API tokens.

Passwords are hashed with argon2id (argon2-cffi's defaults, RFC 9106); browser session ids
and API tokens are random 256-bit values of which only the SHA-256 is stored. Nothing here
logs a password or a token.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from argon2.low_level import ARGON2_VERSION
from sqlalchemy import CursorResult, delete, func, select, update
from sqlalchemy.orm import Session, joinedload, lazyload

from myoscope.errors import InputError, Problem
from myoscope.store._tables import ROLES, ApiToken, AuditEntry, LoginFailure, Team, User, WebSession, utcnow

MIN_PASSWORD_LENGTH = 10
USERNAME_PATTERN = r"^[A-Za-z0-9_.@-]{2,60}$"

_HASHER = PasswordHasher()


def _unmatchable_hash(hasher: PasswordHasher) -> str:
    """An argon2 hash string with ``hasher``'s parameters whose salt and digest are random bytes: verifying any
    password against it costs what verifying a real hash costs and fails (no password is known to give it).
    Made without hashing, so that importing the store does not spend a password hash's time."""
    parameters = f"m={hasher.memory_cost},t={hasher.time_cost},p={hasher.parallelism}"
    salt, digest_bytes = (
        base64.b64encode(secrets.token_bytes(n)).decode().rstrip("=") for n in (hasher.salt_len, hasher.hash_len)
    )
    return f"$argon2{hasher.type.name.lower()}$v={ARGON2_VERSION}${parameters}${salt}${digest_bytes}"


_DUMMY_HASH = _unmatchable_hash(_HASHER)
"""Verified against when the account does not exist, so that timing does not reveal it."""


@dataclass(frozen=True, slots=True)
class Throttle:
    """Sign-in throttling by growing delays, never a lock.

    Failures of one account from one client (``free`` of them pass freely) make that pair wait
    ``first_delay``, then twice as long after each further failure, up to ``longest``. A client
    failing across many accounts (more than ``client_free``) is slowed the same way. The right
    password from another client is never held back, so nobody can lock a colleague out.
    Failures older than ``window`` are forgotten.
    """

    free: int = 3
    client_free: int = 30
    first_delay: dt.timedelta = dt.timedelta(seconds=1)
    longest: dt.timedelta = dt.timedelta(minutes=15)
    window: dt.timedelta = dt.timedelta(hours=1)

    def delay(self, failures: int, free: int) -> dt.timedelta:
        if failures < free:
            return dt.timedelta(0)
        return min(self.longest, self.first_delay * (1 << min(failures - free, 30)))  # doubles per failure


class LoginRefused(Exception):
    """Sign-in refused; ``retry_after`` (seconds) when asked again too soon after failures.

    The message never says which part was wrong."""

    def __init__(self, retry_after: int = 0):
        self.retry_after = retry_after
        self.locked = retry_after > 0
        super().__init__(
            f"too many failed sign-ins: try again in {retry_after} s" if retry_after else "wrong user name or password"
        )


TOKEN_LIFETIME = dt.timedelta(days=90)
"""Default lifetime of an API token."""
TOUCH_EVERY = dt.timedelta(minutes=1)
"""A token's last-used time is written at most this often."""


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InputError([Problem("password", None, "is too short", f"at least {MIN_PASSWORD_LENGTH} characters")])
    return _HASHER.hash(password)


MAX_TEAM_NAME = 100
"""Characters of a care team's name (our limit, the width of its column)."""


def team_name(name: str) -> str:
    """A care team's name as stored: spaces trimmed and runs of them made one (so 'neuro ' is the team
    'neuro'); refused when empty, longer than :data:`MAX_TEAM_NAME` or holding a control or format character
    (an escape sequence would reach every terminal and page that lists the team)."""
    import unicodedata

    from myoscope.errors import shorten

    text = " ".join(name.split())
    if not 1 <= len(text) <= MAX_TEAM_NAME or any(unicodedata.category(ch) in ("Cc", "Cf") for ch in text):
        accepted = f"1 to {MAX_TEAM_NAME} characters, no control characters"
        raise InputError([Problem("team", shorten(name), "is not a valid team name", accepted)])
    return text


def team(session: Session, name: str) -> Team:
    """The care team called ``name``, created if new."""
    found = session.scalar(select(Team).where(Team.name == name))
    if found is None:
        found = Team(name=name)
        session.add(found)
        session.flush()
    return found


def add_user(
    session: Session,
    username: str,
    password: str,
    role: str = "clinician",
    teams: tuple[str, ...] = (),
    *,
    published_hash: str | None = None,
) -> User:
    """Create an account (argon2id hash of ``password``), member of ``teams`` (created if new).

    ``published_hash`` is for an account whose password is published (the demo's): a hash of ``password``
    made beforehand, stored instead of hashing anew when it has the hasher's current parameters (else the
    password is hashed as for any account). Accounts with a password of their own never pass it.
    """
    problems = []
    if not re.match(USERNAME_PATTERN, username):
        problems.append(
            Problem("username", username, "is not a valid user name", "2 to 60 letters, digits, or . _ @ -")
        )
    elif session.scalar(select(User).where(User.username == username)) is not None:
        problems.append(Problem("username", username, "is already taken"))
    if role not in ROLES:
        problems.append(Problem("role", role, "is not one of the accepted choices", ", ".join(ROLES)))
    names = []
    for name in teams:
        try:
            names.append(team_name(name))
        except InputError as exc:
            problems += exc.problems
    if problems:
        raise InputError(problems)
    reuse = published_hash is not None and not _HASHER.check_needs_rehash(published_hash)
    password_hash = published_hash if reuse and published_hash is not None else hash_password(password)
    user = User(username=username, password_hash=password_hash, role=role)
    user.teams = [team(session, name) for name in dict.fromkeys(names)]
    session.add(user)
    session.flush()
    return user


def set_password(session: Session, user: User, password: str) -> None:
    """A new password ends the user's browser sessions and revokes every API token."""
    user.password_hash = hash_password(password)
    session.execute(delete(WebSession).where(WebSession.user_id == user.id))
    session.execute(
        update(ApiToken).where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None)).values(revoked_at=utcnow())
    )


def _failures(session: Session, key: str, since: dt.datetime) -> tuple[int, dt.datetime | None]:
    count, last = session.execute(
        select(func.count(), func.max(LoginFailure.at)).where(LoginFailure.key == key, LoginFailure.at >= since)
    ).one()
    return count or 0, aware(last) if last is not None else None


def _wait(session: Session, key: str, free: int, throttle: Throttle, now: dt.datetime) -> tuple[int, int]:
    """(seconds still to wait before ``key`` may try again, recent failures)."""
    count, last = _failures(session, key, now - throttle.window)
    if last is None:
        return 0, count
    left = (last + throttle.delay(count, free) - now).total_seconds()
    return max(0, int(left + 0.999)), count


def _audit_sign_in(
    session: Session, action: str, username: str, client: str, detail: str, user: User | None = None
) -> None:
    session.add(
        AuditEntry(
            user_id=user.id if user else None, username=username[:60], action=action, detail=detail, client=client[:100]
        )
    )


def authenticate(session: Session, username: str, password: str, client: str, throttle: Throttle = Throttle()) -> User:
    """The active user with this name and password; otherwise :class:`LoginRefused`, recorded and audited.

    A (account, client) pair or a client asking again sooner than its delay is refused without
    checking the password; no other client is affected.
    """
    now = utcnow()
    pair_key, client_key = f"pair:{username.lower()[:100]}|{client[:90]}", f"client:{client[:90]}"
    pair_wait, pair_failures = _wait(session, pair_key, throttle.free, throttle, now)
    wait = max(pair_wait, _wait(session, client_key, throttle.client_free, throttle, now)[0])
    if wait:
        _audit_sign_in(session, "sign_in_throttled", username, client, f"asked again {wait} s too soon")
        raise LoginRefused(retry_after=wait)
    user = session.scalar(select(User).where(User.username == username))
    ok = False
    try:
        ok = _HASHER.verify(user.password_hash if user else _DUMMY_HASH, password) and user is not None
    except (VerificationError, InvalidHashError):
        ok = False
    if not ok or user is None or not user.active:
        session.add_all([LoginFailure(key=pair_key, at=now), LoginFailure(key=client_key, at=now)])
        _audit_sign_in(session, "sign_in_failed", username, client, "wrong user name or password", None)
        session.flush()
        raise LoginRefused()
    if pair_failures:
        session.execute(delete(LoginFailure).where(LoginFailure.key == pair_key))
    if _HASHER.check_needs_rehash(user.password_hash):
        user.password_hash = _HASHER.hash(password)
    _audit_sign_in(session, "sign_in", username, client, "signed in", user)
    return user


def start_session(session: Session, user: User, ttl: dt.timedelta) -> str:
    """A new browser session; returns the cookie value (only its digest is stored)."""
    token = secrets.token_urlsafe(32)
    session.add(
        WebSession(id=digest(token), user_id=user.id, csrf=secrets.token_urlsafe(32), expires_at=utcnow() + ttl)
    )
    session.flush()
    return token


_WITH_USER = (joinedload(WebSession.user).joinedload(User.teams),)
"""A browser's session, its user and the user's teams (pages offer them) in one query. Scoping does not
rely on these: it reads the memberships in the patients' own queries (:class:`myoscope.store.Patients`)."""


def find_session(session: Session, token: str | None) -> WebSession | None:
    """The live session for a cookie value (expired sessions are removed), or None."""
    if not token:
        return None
    found = session.get(WebSession, digest(token), options=_WITH_USER)
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


def issue_token(session: Session, user: User, label: str = "", lifetime: dt.timedelta = TOKEN_LIFETIME) -> str:
    """A new API token for ``user``, valid for ``lifetime``; shown once, stored as its SHA-256."""
    token = "myo_" + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, token_hash=digest(token), label=label[:100], expires_at=utcnow() + lifetime))
    session.flush()
    return token


def tokens_of(session: Session, user: User) -> list[ApiToken]:
    """The user's tokens (live, expired and revoked), oldest first."""
    return list(session.scalars(select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.id)))


def revoke_token(session: Session, user: User, token_id: int) -> bool:
    """Revoke one of the user's tokens; False when the user has no such live token."""
    result = session.execute(
        update(ApiToken)
        .where(ApiToken.id == token_id, ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
    if not isinstance(result, CursorResult):  # an UPDATE always answers with a cursor result
        raise TypeError(f"unexpected result of an UPDATE: {type(result).__name__}")
    return result.rowcount == 1


def token_user(session: Session, token: str | None, touch: Callable[[int], None] | None = None) -> User | None:
    """The active user owning a live (unrevoked, unexpired) API token, or None.

    The last-used time is refreshed at most once a minute: through ``touch(token_id)`` when given
    (the web app writes it off the request path), else in this session.
    """
    if not token or len(token) > 200:
        return None
    row = session.execute(
        select(ApiToken, User)
        .join(User, User.id == ApiToken.user_id)
        .where(ApiToken.token_hash == digest(token), ApiToken.revoked_at.is_(None))
        .options(lazyload(User.teams))
    ).first()
    now = utcnow()
    if row is None:
        return None
    found, user = row
    if found.expires_at is None or aware(found.expires_at) <= now or not user.active:
        return None
    if found.last_used_at is None or aware(found.last_used_at) <= now - TOUCH_EVERY:
        if touch is not None:
            touch(found.id)
        else:
            found.last_used_at = now
    return user


def same(a: str | None, b: str | None) -> bool:
    """Constant-time comparison of two tokens (False when either is missing)."""
    if not a or not b:
        return False
    return hmac.compare_digest(a.encode(), b.encode())


def aware(moment: dt.datetime) -> dt.datetime:
    """A stored datetime with its time zone (SQLite hands back naive datetimes; every stored datetime is UTC)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
