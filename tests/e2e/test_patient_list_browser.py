"""The demo clinic's patient list in a real browser: red-flag markers fill in without a reload, sort by a column.

Screenshots of the list at laptop and tablet width are saved in ``artifacts/``.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from myoscope.web._demo import DEMO_PASSWORD, DEMO_USER


def _sign_in(page, base: str) -> None:
    page.goto(f"{base}/patients")
    page.fill("#username", DEMO_USER)
    page.fill("#password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    expect(page).to_have_url(f"{base}/patients")


def test_markers_arrive_by_themselves_and_the_list_sorts_by_red_flags(page, live_server, artifacts):
    _sign_in(page, live_server)
    rows = page.locator("#patient-table tbody tr")
    expect(rows.first).to_be_visible()
    als = page.locator("#patient-table tbody tr", has_text="ex-als-pattern")
    # no reload: htmx asks again while markers are "checking…" (the first assessments compile kernels: slow when busy)
    expect(als.locator(".flags")).to_contain_text(re.compile(r"⚑ \d+ red flag"), timeout=180_000)
    page.click("#patient-table th >> text=Red flags")
    expect(page).to_have_url(re.compile(r"sort=flags&order=desc"))
    expect(rows.first.locator(".flags .marker")).to_be_visible()
    page.screenshot(path=str(artifacts / "patient-list.png"), full_page=True)
    page.set_viewport_size({"width": 820, "height": 1180})
    page.screenshot(path=str(artifacts / "patient-list-tablet.png"), full_page=True)
