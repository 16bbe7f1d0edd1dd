"""``myoscope user``: accounts of the web app (add, list, token, password)."""

from __future__ import annotations

import sys
from enum import Enum
from typing import TYPE_CHECKING

import typer

from myoscope.cli._common import fail, stdout
from myoscope.errors import InputError
from myoscope.report.escape import escape_text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from myoscope.store import User


class Role(str, Enum):
    clinician = "clinician"
    admin = "admin"


users = typer.Typer(help="Accounts of the web app: add, list, token, password.", no_args_is_help=True)
DATABASE = typer.Option(None, "--database", help="Database URL (default: MYOSCOPE_DATABASE_URL, else the SQLite file).")


def _session(database: str | None) -> Session:
    """A session on the database, brought to the current schema; a URL that names no usable database (an
    unknown driver, a file that is not a database, a server that does not answer) exits 2 naming it, its
    password hidden."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    from myoscope.errors import Problem
    from myoscope.store import database_url, make_engine, session_factory, upgrade

    url = database_url(database)
    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        given = "(not shown: it may hold a password)" if "@" in url else url
        fail([Problem("--database", given, "is not a database URL", "e.g. sqlite:///myoscope.db or postgresql://...")])
    try:
        engine = make_engine(url)
        upgrade(engine)
    except (SQLAlchemyError, OSError) as exc:
        reason = exc.__class__.__name__
        fail(
            [Problem("--database", shown, f"cannot be opened ({reason})", "a reachable SQLite or PostgreSQL database")]
        )
    return session_factory(engine)()


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    return password


def _find(session: Session, username: str) -> User:
    from sqlalchemy import select

    from myoscope.store import User

    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        fail(f"no user called {username!r}")
    return user


@users.command("add")
def add(
    username: str = typer.Argument(..., help="The new user's sign-in name."),
    role: Role = typer.Option(Role.clinician, "--role", help="clinician, or admin (manages accounts)."),
    team: list[str] = typer.Option([], "--team", help="A care team to join (created if new); repeatable."),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from standard input."),
    database: str = DATABASE,
) -> None:
    """Add a user (the password is asked for, hidden, and stored only as an argon2id hash)."""
    from myoscope.store import add_user

    password = _password(password_stdin)
    with _session(database) as session, session.begin():
        try:
            user = add_user(session, username, password, role.value, tuple(team))
        except InputError as exc:
            fail(exc)
        teams = escape_text(", ".join(t.name for t in user.teams)) or "none"
        stdout.print(f"added {user.username} ({user.role}); teams: {teams}", markup=False)


@users.command("list")
def list_users(database: str = DATABASE) -> None:
    """List users, their roles and care teams."""
    from sqlalchemy import select

    from myoscope.store import User

    with _session(database) as session:
        for user in session.scalars(select(User).order_by(User.username)):
            state = "" if user.active else " (disabled)"
            stdout.print(
                f"{user.username:20} {user.role:10} {escape_text(', '.join(t.name for t in user.teams))}{state}",
                markup=False,
            )


@users.command("token")
def token(
    username: str = typer.Argument(...),
    label: str = typer.Option("", "--label", help="What it is for."),
    days: int = typer.Option(90, "--days", min=1, max=3650, help="Days until the token expires."),
    list_: bool = typer.Option(False, "--list", help="List the user's tokens instead of issuing one."),
    revoke: int = typer.Option(None, "--revoke", min=1, help="Revoke the token with this id (from --list)."),
    database: str = DATABASE,
) -> None:
    """Issue an API token (printed once; only its hash is kept), or list or revoke the user's tokens.

    A token expires after --days (90 by default) and ends with a password change."""
    import datetime as dt

    from myoscope.store import issue_token, revoke_token

    with _session(database) as session, session.begin():
        user = _find(session, username)
        if list_:
            _print_tokens(session, user)
            return
        if revoke is not None:
            if not revoke_token(session, user, revoke):
                fail(f"{username} has no live token with id {revoke}")
            stdout.print(f"token {revoke} of {username} revoked", markup=False)
            return
        value = issue_token(session, user, label, dt.timedelta(days=days))
    sys.stdout.write(value + "\n")


def _print_tokens(session: Session, user: User) -> None:
    import datetime as dt

    from myoscope.store import aware, tokens_of

    now = dt.datetime.now(dt.UTC)
    for row in tokens_of(session, user):
        if row.revoked_at is not None:
            state = f"revoked {aware(row.revoked_at):%Y-%m-%d}"
        elif row.expires_at is None or aware(row.expires_at) <= now:
            state = "expired"
        else:
            state = f"live until {aware(row.expires_at):%Y-%m-%d}"
        used = f"last used {aware(row.last_used_at):%Y-%m-%d %H:%M}" if row.last_used_at else "never used"
        stdout.print(f"{row.id:6}  {state:24} {used:28} {escape_text(row.label)}", markup=False)


@users.command("password")
def password(
    username: str = typer.Argument(...),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read it from standard input."),
    database: str = DATABASE,
) -> None:
    """Set a new password (ends the user's browser sessions and revokes the user's API tokens)."""
    from myoscope.store import set_password

    new = _password(password_stdin)
    with _session(database) as session, session.begin():
        try:
            set_password(session, _find(session, username), new)
        except InputError as exc:
            fail(exc)
    stdout.print(f"password changed for {username}")


def register(app: typer.Typer) -> None:
    app.add_typer(users, name="user")
