"""Administration: accounts (create, disable, role), care teams and membership, every API token, the audit log.

These functions do not check who calls them: the web app lets only admins reach them (one
check, :func:`myoscope.web._deps.admin_user`). Each change writes an audit entry naming the
admin, in the same transaction. None of them shows patients' data: the audit log names
patients by their database id only.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import ColumnElement, CursorResult, and_, delete, func, or_, select, update
from sqlalchemy.orm import Session

from myoscope.errors import InputError, Problem, safe_cell
from myoscope.store._accounts import add_user, aware, team, team_name
from myoscope.store._tables import ROLES, ApiToken, AuditEntry, Membership, Team, User, WebSession, utcnow

AUDIT_PAGE = 100
CSV_LIMIT = 100_000
"""At most this many entries in one CSV export (newest first); narrow the filters for more."""
CSV_COLUMNS = ("at", "user_id", "username", "action", "person_id", "detail", "client")


class Admin:
    """Administration done by ``admin`` (the caller checked the role); ``client`` goes into the audit log."""

    def __init__(self, session: Session, admin: User, client: str = ""):
        self.session = session
        self.admin = admin
        self.client = client[:100]

    def _audit(self, action: str, detail: str) -> None:
        self.session.add(
            AuditEntry(
                user_id=self.admin.id,
                username=self.admin.username,
                action=action,
                detail=detail[:500],
                client=self.client,
            )
        )

    def users(self) -> list[User]:
        return list(self.session.scalars(select(User).order_by(User.username)))

    def teams(self) -> list[Team]:
        return list(self.session.scalars(select(Team).order_by(Team.name)))

    def _user(self, user_id: int) -> User:
        user = self.session.get(User, user_id)
        if user is None:
            raise InputError([Problem("user", user_id, "is not an account")])
        return user

    def _not_self(self, user: User, what: str) -> None:
        if user.id == self.admin.id:
            raise InputError([Problem("user", user.username, f"is you: another admin must {what} your own account")])

    def create_user(self, username: str, password: str, role: str, team_ids: list[int]) -> User:
        names = tuple(t.name for t in self.teams() if t.id in set(team_ids))
        user = add_user(self.session, username.strip(), password, role, names)
        self._audit("admin_create_user", f"account {user.username} ({user.role}); teams: {', '.join(names) or 'none'}")
        return user

    def set_role(self, user_id: int, role: str) -> User:
        user = self._user(user_id)
        if role not in ROLES:
            raise InputError([Problem("role", role, "is not one of the accepted choices", ", ".join(ROLES))])
        self._not_self(user, "change the role of")
        if user.role != role:
            self._audit("admin_role", f"account {user.username}: {user.role} -> {role}")
            user.role = role
        return user

    def set_active(self, user_id: int, active: bool) -> User:
        """Disable (sessions end at once; tokens are refused while disabled) or enable again."""
        user = self._user(user_id)
        self._not_self(user, "disable or enable")
        if user.active != active:
            user.active = active
            if not active:
                self.session.execute(delete(WebSession).where(WebSession.user_id == user.id))
            self._audit("admin_enable" if active else "admin_disable", f"account {user.username}")
        return user

    def create_team(self, name: str) -> Team:
        name = team_name(name)
        if self.session.scalar(select(Team).where(Team.name == name)) is not None:
            raise InputError([Problem("team", name, "already exists")])
        made = team(self.session, name)
        self._audit("admin_create_team", f"team {name}")
        return made

    def set_teams(self, user_id: int, team_ids: list[int]) -> User:
        user = self._user(user_id)
        known = {t.id: t for t in self.teams()}
        unknown = [i for i in team_ids if i not in known]
        if unknown:
            raise InputError([Problem("teams", unknown, "are not care teams")])
        wanted = sorted({known[i] for i in team_ids}, key=lambda t: t.name)
        before = ", ".join(t.name for t in user.teams) or "none"
        self.session.execute(delete(Membership).where(Membership.user_id == user.id))
        self.session.add_all(Membership(team_id=t.id, user_id=user.id) for t in wanted)
        self.session.flush()
        self.session.expire(user, ["teams"])
        after = ", ".join(t.name for t in wanted) or "none"
        if before != after:
            self._audit("admin_teams", f"account {user.username}: {before} -> {after}")
        return user

    def tokens(self) -> list[tuple[ApiToken, str]]:
        """Every API token with its owner's name, newest first (only hashes are stored: no token is shown)."""
        query = select(ApiToken, User.username).join(User, User.id == ApiToken.user_id).order_by(ApiToken.id.desc())
        return [(token, name) for token, name in self.session.execute(query)]

    def revoke(self, token_id: int) -> bool:
        """Revoke any live token; refused by the API from the next request on. False if none was live."""
        owner = self.session.scalar(
            select(User.username).join(ApiToken, ApiToken.user_id == User.id).where(ApiToken.id == token_id)
        )
        result = cast(
            "CursorResult[Any]",
            self.session.execute(
                update(ApiToken)
                .where(ApiToken.id == token_id, ApiToken.revoked_at.is_(None))
                .values(revoked_at=utcnow())
            ),
        )
        if result.rowcount != 1:
            return False
        self._audit("admin_revoke_token", f"token {token_id} of {owner}")
        return True


def token_state(token: ApiToken, now: dt.datetime | None = None) -> str:
    """``revoked``, ``expired`` or ``live``."""
    now = now or utcnow()
    if token.revoked_at is not None:
        return "revoked"
    if token.expires_at is None or aware(token.expires_at) <= now:
        return "expired"
    return "live"


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """Entries of one patient (database id), one user name, one action, from ``since`` to ``until`` (days, inclusive).

    A patient filter also finds the lists that showed the patient (their detail names every id shown)."""

    patient: int | None = None
    username: str | None = None
    action: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    def where(self) -> list[ColumnElement[bool]]:
        clauses = []
        if self.patient is not None:
            # a list names the ids it showed in its detail: "(3 patients: 4, 12, 7)"
            shown = [AuditEntry.detail.like(f"%{a} {self.patient}{b}%") for a in (":", ",") for b in (",", ")")]
            clauses.append(or_(AuditEntry.person_id == self.patient, and_(AuditEntry.action == "list", or_(*shown))))
        if self.username:
            clauses.append(AuditEntry.username == self.username)
        if self.action:
            clauses.append(AuditEntry.action == self.action)
        if self.since is not None:
            clauses.append(AuditEntry.at >= dt.datetime.combine(self.since, dt.time(), dt.UTC))
        if self.until is not None:
            clauses.append(AuditEntry.at < dt.datetime.combine(self.until + dt.timedelta(days=1), dt.time(), dt.UTC))
        return clauses


def audit_entries(
    session: Session, chosen: AuditFilter, page: int = 1, per_page: int = AUDIT_PAGE
) -> tuple[list[AuditEntry], int]:
    """One page of matching entries, newest first, and how many match."""
    total = session.scalar(select(func.count()).select_from(AuditEntry).where(*chosen.where())) or 0
    query = (
        select(AuditEntry)
        .where(*chosen.where())
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .offset((max(1, page) - 1) * per_page)
        .limit(per_page)
    )
    return list(session.scalars(query)), total


def audit_actions(session: Session) -> list[str]:
    return list(session.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action)))


def audit_csv(session: Session, chosen: AuditFilter, limit: int = CSV_LIMIT) -> Iterator[str]:
    """The matching entries as CSV lines (header first, newest first), every cell made safe for spreadsheets."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def line(cells: Iterable[object]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([safe_cell(c) for c in cells])
        return buffer.getvalue()

    yield line(CSV_COLUMNS)
    query = (
        select(AuditEntry)
        .where(*chosen.where())
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(limit)
        .execution_options(yield_per=1000)
    )
    for entry in session.scalars(query):
        yield line(
            (
                aware(entry.at).isoformat(),
                entry.user_id,
                entry.username,
                entry.action,
                entry.person_id,
                entry.detail,
                entry.client,
            )
        )
