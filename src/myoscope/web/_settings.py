"""What the web app is configured with; every field has a safe default for a laptop on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from myoscope.store import Throttle


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
    login_notice: str = ""
    """Shown on the sign-in page (the demo prints its account there)."""


SESSION_COOKIE = "myoscope_session"
LOGIN_CSRF_COOKIE = "myoscope_login_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
