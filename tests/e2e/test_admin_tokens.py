"""An admin in a real browser: finds a clinician's API token, revokes it, and the API refuses it at once (401).

Screenshots of the administration pages at laptop and tablet width are saved in ``artifacts/``.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request

import pytest
from _server import serving
from playwright.sync_api import expect

from myoscope.store import add_user, issue_token, make_engine, session_factory, upgrade
from myoscope.web import Settings, create_app

ADMIN, ADMIN_PASSWORD = "chief", "chief-password-1"


@pytest.fixture(scope="module")
def admin_server(tmp_path_factory):
    """A server over a fresh database with an admin, and a clinician holding one API token."""
    url = f"sqlite:///{tmp_path_factory.mktemp('e2e-admin') / 'admin.sqlite'}"
    engine = make_engine(url)
    upgrade(engine)
    with session_factory(engine)() as session, session.begin():
        add_user(session, ADMIN, ADMIN_PASSWORD, "admin", ())
        clinician = add_user(session, "nurse", "nurse-password-1", "clinician", ("ward",))
        token = issue_token(session, clinician, "ward tablet")
    engine.dispose()
    with serving(create_app(Settings(database_url=url))) as base:
        yield base, token


def _api_status(base: str, token: str) -> tuple[int, str]:
    """(status, WWW-Authenticate) of listing patients with ``token``, asked afresh outside the browser."""
    request = urllib.request.Request(f"{base}/api/v1/patients", headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("www-authenticate", "")
    except urllib.error.HTTPError as refused:
        return refused.code, refused.headers.get("www-authenticate", "")


def _sign_in(page, base: str) -> None:
    page.goto(f"{base}/admin/tokens")
    expect(page).to_have_url(re.compile(r"/login\?next="))
    page.fill("#username", ADMIN)
    page.fill("#password", ADMIN_PASSWORD)
    page.click("button[type=submit]")
    expect(page).to_have_url(f"{base}/admin/tokens")


def test_an_admin_revokes_a_token_in_the_browser_and_the_api_refuses_it_at_once(page, admin_server, artifacts):
    base, token = admin_server
    assert _api_status(base, token) == (200, "")
    _sign_in(page, base)
    row = page.locator("#tokens tbody tr", has_text="nurse")
    expect(row.locator(".state")).to_have_text("live")
    expect(row).to_contain_text("ward tablet")
    page.screenshot(path=str(artifacts / "admin-tokens.png"), full_page=True)
    row.get_by_role("button", name="Revoke").click()
    expect(page.locator(".alert.notice")).to_contain_text("revoked")
    expect(row.locator(".state")).to_contain_text("revoked")
    assert _api_status(base, token) == (401, "Bearer")

    page.click("text=Audit log")
    page.select_option("#action", "admin_revoke_token")
    page.click("button:text('Filter')")
    expect(page.locator("#audit tbody tr")).to_have_count(1)
    expect(page.locator("#audit tbody")).to_contain_text("of nurse")
    page.screenshot(path=str(artifacts / "admin-audit.png"), full_page=True)


def test_accounts_page_at_tablet_width(browser, admin_server, artifacts):
    base, _ = admin_server
    context = browser.new_context(viewport={"width": 820, "height": 1180}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(f"{base}/login?next=/admin/accounts")
        page.fill("#username", ADMIN)
        page.fill("#password", ADMIN_PASSWORD)
        page.click("button[type=submit]")
        expect(page.locator("#accounts tbody tr")).to_have_count(2)
        page.screenshot(path=str(artifacts / "admin-accounts-tablet.png"), full_page=True)
    finally:
        context.close()
