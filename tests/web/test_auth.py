"""Sign-in over the web: cookie flags, throttling, sign-out, and passwords never stored or logged in clear."""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import create_engine, inspect, text

from myoscope.store import Throttle
from myoscope.web._settings import SESSION_COOKIE


def _post_login(world, client, username, password=None, next="/patients"):
    token = world.csrf(client.get("/login").text)
    password = world.passwords[username] if password is None else password
    return client.post("/login", data={"username": username, "password": password, "csrf_token": token, "next": next})


def test_session_cookie_is_httponly_lax_with_expiry(world):
    response = _post_login(world, world.client(), "ann")
    cookie = response.headers["set-cookie"]
    assert "myoscope_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Max-Age=28800" in cookie


def test_finding_10_cookies_are_secure_by_default(world):
    client = world.client()
    assert "Secure" in client.get("/login").headers["set-cookie"]
    assert "Secure" in _post_login(world, client, "ann").headers["set-cookie"]


def test_plain_http_cookies_only_when_asked_for(world_with):
    world = world_with(secure_cookies=False)
    assert "Secure" not in _post_login(world, world.client(), "ann").headers["set-cookie"]


def test_expired_sessions_send_back_to_sign_in(world_with):
    world = world_with(session_ttl=dt.timedelta(seconds=-1))
    client = world.client()
    assert _post_login(world, client, "ann").status_code == 303
    assert client.get("/patients").headers["location"] == "/login?next=/patients"


def test_wrong_password_then_a_growing_delay_for_that_client(world_with):
    world = world_with(throttle=Throttle(free=3, first_delay=dt.timedelta(minutes=1)))
    client = world.client()
    for _ in range(3):
        refused = _post_login(world, client, "ann", "not-the-password")
        assert refused.status_code == 401 and "wrong user name or password" in refused.text
    slowed = _post_login(world, client, "ann")
    assert slowed.status_code == 429 and "too many failed sign-ins" in slowed.text
    assert 1 <= int(slowed.headers["retry-after"]) <= 60
    assert _post_login(world, world.client(), "bo").status_code == 303


def test_sign_out_ends_the_session(world):
    client = world.signed_in("ann")
    cookie = client.cookies.get(SESSION_COOKIE)
    token = world.csrf(client.get("/patients").text)
    assert client.post("/logout", data={"csrf_token": token}).headers["location"] == "/login"
    replay = world.client()
    replay.cookies.set(SESSION_COOKIE, cookie)
    assert replay.get("/patients").status_code == 303


def test_next_only_goes_to_this_site(world):
    for target in ("https://evil.example/", "//evil.example/x", "/\\evil"):
        response = _post_login(world, world.client(), "ann", next=target)
        assert response.headers["location"] == "/patients"
    assert _post_login(world, world.client(), "ann", next="/patients/1").headers["location"] == "/patients/1"


def test_passwords_are_never_stored_or_logged_in_clear(world, caplog):
    caplog.set_level(logging.DEBUG)
    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)
    try:
        _post_login(world, world.client(), "ann")
        _post_login(world, world.client(), "bo", "a-wrong-password-typed")
    finally:
        logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)
    assert any(r.name.startswith("sqlalchemy.engine") for r in caplog.records)  # the SQL log was on
    for secret in (*world.passwords.values(), "a-wrong-password-typed"):
        assert secret not in caplog.text
    engine = create_engine(world.url)
    with engine.connect() as connection:
        for table in inspect(engine).get_table_names():
            dump = repr(connection.execute(text(f'SELECT * FROM "{table}"')).all())
            for secret in (*world.passwords.values(), "a-wrong-password-typed", *world.tokens.values()):
                assert secret not in dump, table
    engine.dispose()


def test_pages_are_not_cached_and_not_framed(world):
    page = world.signed_in("ann").get(f"/patients/{world.patients['healthy-active']}")
    assert page.headers["cache-control"] == "no-store" and page.headers["x-frame-options"] == "DENY"
    assert page.headers["x-content-type-options"] == "nosniff"
