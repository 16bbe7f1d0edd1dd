"""What the web app is configured with; every field has a safe default for a laptop on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field

from myoscope.store import Throttle


def default_sign_in_checks() -> int:
    """Half the cores (argon2id works on several lanes of its own), at least one, at most four."""
    return min(4, max(1, (os.cpu_count() or 2) // 2))


@dataclass(frozen=True)
class Settings:
    database_url: str | None = None
    """None: ``MYOSCOPE_DATABASE_URL`` or the default SQLite file (see :func:`myoscope.store.database_url`)."""
    secure_cookies: bool = True
    """Cookies are Secure (sent over https only, and to http://127.0.0.1 by browsers); only the loopback
    demo turns this off, and says so when it starts."""
    session_ttl: dt.timedelta = dt.timedelta(hours=8)
    """A browser session ends this long after sign-in."""
    throttle: Throttle = field(default_factory=Throttle)
    sign_in_checks: int = field(default_factory=default_sign_in_checks)
    """How many sign-ins check their password (argon2id) at the same time; the others wait their
    turn, so that a crowd signing in cannot take every thread and core from the pages."""
    login_notice: str = ""
    """Shown on the sign-in page (the demo prints its account there)."""


SESSION_COOKIE = "myoscope_session"
LOGIN_CSRF_COOKIE = "myoscope_login_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
