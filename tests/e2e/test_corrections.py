"""A clinician corrects a measurement with a reason and sees the finding change, withdraws an entry and
reads its history; the API documentation renders from this site's own files under the strict policy.

Screenshots of the correction pages (laptop and tablet width) are saved in ``artifacts/``.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from myoscope.web._demo import DEMO_PASSWORD, DEMO_USER


def _sign_in(page, base: str) -> None:
    page.goto(f"{base}/login")
    page.fill("#username", DEMO_USER)
    page.fill("#password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    expect(page).to_have_url(f"{base}/patients")


def _open_cast_patient(page) -> None:
    page.fill("input[name=q]", "ex-cast")
    expect(page.locator("#patient-table tbody tr")).to_have_count(1)
    page.click("text=ex-cast-forearm")


def test_correct_a_measurement_then_withdraw_one_and_read_the_history(page, live_server, artifacts):
    _sign_in(page, live_server)
    _open_cast_patient(page)
    finding = page.locator("#finding .status")
    before = finding.inner_text()

    page.click("#corrections")
    left = page.locator("tr", has_text="forearm circumference (left)")
    expect(left).to_contain_text("22.1 cm")
    page.screenshot(path=str(artifacts / "entries.png"), full_page=True)
    left.locator("text=edit").click()
    value = page.locator("[id='field.value']")
    expect(value).to_have_value("22.1 cm")
    page.screenshot(path=str(artifacts / "entry-edit.png"), full_page=True)

    page.fill("[id='field.value']", "24.2 kg")
    page.fill("#reason", "typed from the wrong arm's sheet")
    page.click("#edit-form button[type=submit]")
    expect(page.locator(".field-error").first).to_contain_text("value")
    expect(page.locator("[id='field.value']")).to_have_value("24.2 kg")

    page.fill("[id='field.value']", "24.2 cm")
    page.fill("#reason", "typed from the wrong arm's sheet")
    page.click("#edit-form button[type=submit]")
    expect(page).to_have_url(re.compile(r"/entries/measurements/\d+#history$"))
    newest = page.locator("#history article.version").first
    expect(newest).to_contain_text("Version 2")
    expect(newest).to_contain_text("typed from the wrong arm's sheet")
    expect(newest.locator("dd.changed")).to_contain_text("24.2 cm")
    expect(page.locator("#history article.version").nth(1)).to_contain_text("22.1 cm")

    page.click("text=ex-cast-forearm")
    expect(finding).not_to_have_text(before)

    page.click("#corrections")
    right = page.locator("tr", has_text="forearm circumference (right)")
    right.locator("input[name=reason]").fill("measured on another patient")
    right.locator("button", has_text="withdraw").click()
    expect(page.locator("#withdrawn-note")).to_be_visible()
    newest = page.locator("#history article.version").first
    expect(newest).to_contain_text("withdrawn")
    expect(newest).to_contain_text("measured on another patient")
    page.screenshot(path=str(artifacts / "entry-history.png"), full_page=True)
    page.set_viewport_size({"width": 820, "height": 1180})
    page.screenshot(path=str(artifacts / "entry-history-tablet.png"), full_page=True)

    page.click("text=all entries")
    expect(page.locator("tr.withdrawn", has_text="forearm circumference (right)")).to_have_count(1)


def test_a_stale_form_is_refused_and_shows_the_entry_now(browser, live_server):
    first, second = browser.new_context(), browser.new_context()
    try:
        pages = [first.new_page(), second.new_page()]
        for page in pages:
            _sign_in(page, live_server)
            _open_cast_patient(page)
            page.click("#corrections")
            page.locator("tr", has_text="body weight").first.locator("text=edit").click()
        pages[0].fill("[id='field.value']", "61.4 kg")
        pages[0].fill("#reason", "scale re-checked")
        pages[0].click("#edit-form button[type=submit]")
        expect(pages[0].locator("#history article.version").first).to_contain_text("scale re-checked")
        pages[1].fill("[id='field.value']", "60.0 kg")
        pages[1].fill("#reason", "my reading")
        pages[1].click("#edit-form button[type=submit]")
        expect(pages[1].locator("#notice")).to_contain_text("someone else")
        expect(pages[1].locator("[id='field.value']")).to_have_value("61.4 kg")
    finally:
        first.close()
        second.close()


def test_api_docs_render_from_local_files(page, live_server, artifacts):
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(live_server) else None)
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(f"{live_server}/api/docs")
    expect(page.locator(".opblock").first).to_be_visible(timeout=30_000)
    assert not outside, outside
    assert not violations, violations
    page.screenshot(path=str(artifacts / "api-docs.png"))
