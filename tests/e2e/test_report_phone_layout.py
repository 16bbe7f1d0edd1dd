"""The standalone HTML report fits a phone (390 px): tables scroll in their own box, pictures scale,
long words wrap; the page itself never scrolls sideways (before the fix it was 578 px wide)."""

from __future__ import annotations

import pytest

from myoscope.causes import assess
from myoscope.record import load_record
from myoscope.report import render

PHONE = {"width": 390, "height": 844}
EXAMPLES = ("forearm-cast.yaml", "als-diagnosed.yaml", "older-low-protein-vitamin-a.yaml", "sci-t6.yaml")


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_html_report_is_no_wider_than_a_phone(name, browser, examples_dir, tmp_path, artifacts):
    report = tmp_path / "report.html"
    report.write_text(render(assess(load_record(examples_dir / name)), "html"), encoding="utf-8")
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(report.as_uri())
    page.screenshot(path=str(artifacts / f"phone-report-{name.split('.')[0]}.png"), full_page=False)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{name}: the report is {width} px wide on a {PHONE['width']} px screen"
    boxes = page.locator("table").evaluate_all(
        "ts => ts.map(t => t.closest('.table-scroll') !== null && t.closest('.table-scroll').clientWidth <= 390)"
    )
    assert boxes and all(boxes), "every table sits in a box that scrolls on its own, within the screen"
    figures = page.locator("figure svg, figure img").evaluate_all("es => es.map(e => e.getBoundingClientRect().right)")
    assert all(right <= PHONE["width"] for right in figures), "pictures scale to the screen"
    context.close()
