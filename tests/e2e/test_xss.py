"""Finding 1: stored and reflected script injection, tried in a real browser through every field and parameter.

A patient whose every free-text field holds a payload is stored (as a clinic's import would);
then every page of the app (enumerated from its routes) is opened with payloads in every query
parameter, and every form on those pages is filled with payloads and sent. A payload that ran
would open a dialog: the count must be 0, and the pages carry a Content-Security-Policy that
would stop an inline script even if one got through.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import quote

import pytest
from _server import serving
from fastapi.routing import APIRoute

from myoscope.record import parse_record
from myoscope.store import Patients, add_user, make_engine, session_factory, upgrade
from myoscope.web import Settings, create_app

PAYLOADS = (
    "<img src=x onerror=alert(1)>",
    '"><script>alert(2)</script>',
    "'><svg onload=alert(3)>",
    "javascript:alert(4)",
    "</textarea><iframe srcdoc='<script>alert(5)</script>'>",
)
USER, PASSWORD = "xss", "xss-password-1"


def _hostile_record(payload: str, n: int) -> dict:
    return {
        "person": {"id": f"{payload}{n}"[:100], "sex": "female", "age": 70},
        "conditions": [
            {"kind": "other", "name": payload, "onset": "2025-01-01"},
            {"kind": "peripheral_nerve_injury", "nerve": payload[:60], "side": "left"},
        ],
        "symptoms": [{"kind": "weakness", "site": payload[:60], "progressive": True}],
        "measurements": [
            {
                "kind": "body_weight",
                "date": "2026-01-05",
                "value": "70 kg",
                "method": payload[:60],
                "observer": payload[:60],
            },
            {"kind": "body_weight", "date": "2026-03-05", "value": "66 kg"},
        ],
    }


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('xss') / 'xss.sqlite'}"
    engine = make_engine(url)
    upgrade(engine)
    with session_factory(engine)() as session, session.begin():
        user = add_user(session, USER, PASSWORD, "clinician", (PAYLOADS[0][:100],))
        patients = Patients(session, user)
        ids = [patients.create(parse_record(_hostile_record(p, n))).id for n, p in enumerate(PAYLOADS)]
        for key, payload in zip(ids, PAYLOADS, strict=True):
            patients.open(key).add_visit(dt.date(2026, 4, 1), {}, note=payload)
    engine.dispose()
    app = create_app(Settings(database_url=url))
    with serving(app) as base:
        yield base, app, ids


def _page_routes(app) -> list[str]:
    """Every GET page of the app (not the API, not static files), from its routes."""

    def walk(routes):
        for route in routes:
            inner = getattr(route, "original_router", None)
            if inner is not None:
                yield from walk(inner.routes)
            elif isinstance(route, APIRoute) and "GET" in route.methods and not route.path.startswith("/api"):
                yield route.path

    downloads = ("/export", ".pdf")  # attachments, never rendered by the browser
    return sorted(p for p in set(walk(app.routes)) if not p.endswith(downloads))


def _query_names(app, path: str) -> list[str]:
    for route in app.routes:
        if isinstance(route, APIRoute) and route.path == path:
            return [p.alias for p in route.dependant.query_params]
    return []


def _fill_and_send_every_form(page, payload: str) -> int:
    """Fill every text field of every form on the page with ``payload`` and send it; returns forms sent."""
    count = page.locator("form").count()
    sent = 0
    for index in range(count):
        form = page.locator("form").nth(index)
        if form.get_attribute("action") in ("/logout",):
            continue
        if form.locator("input[type=file]").count():
            form.locator("input[type=file]").set_input_files(
                {
                    "name": "hostile.yaml",
                    "mimeType": "application/yaml",
                    "buffer": f"person: {{id: '{payload}', sex: '{payload}'}}\n{payload}: 1\n".encode(),
                }
            )
        form.evaluate(
            """(form, payload) => {
            form.noValidate = true;
            for (const el of form.querySelectorAll('input, textarea')) {
                if (['hidden', 'submit', 'button', 'file', 'checkbox', 'radio'].includes(el.type)) continue;
                el.type = 'text'; el.value = payload;
            }
        }""",
            payload,
        )
        with page.expect_navigation():
            form.evaluate("form => form.requestSubmit()")
        sent += 1
        page.go_back()
    return sent


def test_finding_1_no_payload_runs_in_any_page_field_or_parameter(browser, hostile_server):
    base, app, ids = hostile_server
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(15000)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for payload in PAYLOADS:  # reflected on the sign-in page before signing in
        page.goto(f"{base}/login?next={quote(payload)}")
        page.goto(f"{base}/patients?q={quote(payload)}")
    page.goto(f"{base}/login")
    page.fill("#username", USER)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/patients"))

    visited, forms = 0, 0
    for path in _page_routes(app):
        keys = ids if "{patient_id}" in path else ids[:1]
        for n, key in enumerate(keys):
            url = base + path.replace("{patient_id}", str(key))
            payload = PAYLOADS[n % len(PAYLOADS)]
            params = "&".join(f"{quote(name)}={quote(payload)}" for name in _query_names(app, path))
            response = page.goto(url + (f"?{params}" if params else ""))
            visited += 1
            if "text/html" in response.headers.get("content-type", ""):
                policy = response.headers.get("content-security-policy", "")
                assert (
                    "'unsafe-inline'" not in policy.split("script-src")[-1].split(";")[0]
                    if "script-src" in policy
                    else "default-src 'none'" in policy
                )
                if path in ("/patients", "/patients/new", "/patients/{patient_id}/visits/new") and n < 2:
                    forms += _fill_and_send_every_form(page, payload)
    context.close()
    assert visited >= 20 and forms >= 5
    assert dialogs == []
