"""A clinician in a real browser: sign in, a visit refused for a wrong unit, fixed, the assessment changes, PDF.

Screenshots of the patient page and of the report are saved in ``artifacts/``.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from myoscope.web._demo import DEMO_PASSWORD, DEMO_USER


def _sign_in(page, base: str) -> None:
    page.goto(f"{base}/patients")
    expect(page).to_have_url(re.compile(r"/login\?next="))
    page.fill("#username", DEMO_USER)
    page.fill("#password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    expect(page).to_have_url(f"{base}/patients")


def test_visit_with_a_wrong_unit_then_fixed_changes_the_assessment(page, live_server, artifacts):
    _sign_in(page, live_server)
    page.fill("input[name=q]", "healthy")  # htmx search narrows the list as one types
    expect(page.locator("#patient-table tbody tr")).to_have_count(1)
    page.click("text=ex-healthy")
    finding = page.locator("#finding .status")
    expect(finding).to_have_text("not supported")

    page.click("text=Add a visit")
    page.fill("#date", "2026-11-23")
    page.select_option("[id='measurements[0].kind']", "calf_circumference")
    page.select_option("[id='measurements[0].side']", "left")
    page.fill("[id='measurements[0].value']", "33 kg")
    page.select_option("[id='instruments[0].name']", "sarc-f")  # htmx loads the instrument's fields
    page.check("[name='instruments[0].answers.strength'][value='1']")
    page.click("button[value=save]")

    error = page.locator("#measurements-0 .field-error")
    expect(error).to_contain_text("measurement 1, value:")
    expect(page.locator("[id='measurements[0].value']")).to_have_value("33 kg")
    expect(page.locator("[name='instruments[0].answers.strength'][value='1']")).to_be_checked()
    page.screenshot(path=str(artifacts / "visit-form-error.png"), full_page=True)

    page.fill("[id='measurements[0].value']", "33 cm")
    page.click("button[value=save]")
    expect(page).to_have_url(re.compile(r"/patients/\d+#assessment$"))
    expect(finding).to_have_text("likely")
    expect(page.locator("#visits")).to_contain_text("calf circumference (left): 33 cm")
    page.screenshot(path=str(artifacts / "patient-page.png"), full_page=True)

    with page.expect_download(timeout=90_000) as download:  # a PDF takes seconds on a busy 2-core machine
        page.click("text=PDF")
    pdf = download.value.path().read_bytes()
    assert pdf.startswith(b"%PDF")
    (artifacts / "report.pdf").write_bytes(pdf)

    page.click("text=Report")
    expect(page.locator("body")).to_contain_text("ex-healthy")
    page.screenshot(path=str(artifacts / "report.png"), full_page=True)


def test_patient_page_on_a_tablet_shows_red_flags_first(browser, live_server, artifacts):
    context = browser.new_context(viewport={"width": 820, "height": 1180}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        _sign_in(page, live_server)
        page.click("text=ex-als-pattern")
        first = page.locator("#assessment > *").nth(1)
        expect(first).to_have_class("flag")
        page.screenshot(path=str(artifacts / "patient-page-tablet.png"), full_page=False)
    finally:
        context.close()
