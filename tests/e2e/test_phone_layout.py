"""On a phone (390 px wide) no page scrolls sideways, whatever was typed.

Long names wrap and wide tables scroll in their own box.

A patient is created through the form with a name of one long word; the patient list, the patient
page and its entries are then opened at phone width and the document must be no wider than the
screen (before the fix a 100-character word made the patient page 1048 px wide, and the list's
table 452 px).
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from myoscope.web._demo import DEMO_PASSWORD, DEMO_USER

PHONE = {"width": 390, "height": 844}
LONG_WORD = "Wolfeschlegelsteinhausenbergerdorff" * 3
LINES_OF_FIRST_TEXT = (
    "e => { const r = document.createRange(); r.selectNodeContents(e.firstChild); return r.getClientRects().length; }"
)


def _width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_no_page_is_wider_than_a_phone_with_a_long_name(browser, live_server, artifacts):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(30000)
    page.goto(f"{live_server}/login")
    page.fill("#username", DEMO_USER)
    page.fill("#password", DEMO_PASSWORD)
    page.click("main button[type=submit]")
    expect(page).to_have_url(re.compile(r"/patients"))
    page.goto(f"{live_server}/patients/new")
    page.fill("[id='person.id']", "phone-wide-1")
    page.select_option("[id='person.sex']", "female")
    page.fill("[id='person.age']", "70")
    page.fill("[id='details.name']", LONG_WORD)
    page.click("main button[type=submit]")
    expect(page).to_have_url(re.compile(r"/patients/\d+"))
    patient = page.url.split("#")[0]
    expect(page.locator("main")).to_contain_text(LONG_WORD)
    assert _width(page) <= PHONE["width"], "patient page"
    page.screenshot(path=str(artifacts / "phone-patient.png"), full_page=True)
    page.goto(f"{patient}/entries")
    assert _width(page) <= PHONE["width"], "entries"
    page.goto(f"{live_server}/patients?q=phone-wide")
    expect(page.locator("#patient-table tbody tr")).to_have_count(1)
    assert _width(page) <= PHONE["width"], "patient list"
    ages = page.locator("#patient-table tbody td:nth-child(3)")
    lines = ages.evaluate(LINES_OF_FIRST_TEXT)
    assert lines == 1, "an age is not split over lines"
    table = page.locator("#patient-table")
    assert table.evaluate("e => e.scrollWidth > e.clientWidth"), "the wide table scrolls inside its own box"
    context.close()
