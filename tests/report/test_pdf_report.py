"""The PDF report: a summary page first, numbered pages carrying the person's id, short enough to read."""

from __future__ import annotations

import io
import re

import pytest
from typer.testing import CliRunner

from _unavailable import unavailable
from myoscope.causes import assess
from myoscope.cli import app
from myoscope.record import load_record
from myoscope.report.pdf import render_pdf

try:
    import pypdf
except ImportError:  # pinned in the test extra
    pypdf = None


@pytest.fixture(autouse=True)
def _pypdf_present():
    if pypdf is None:
        unavailable("pypdf is not installed (pypdf==7.1.1 is in the test extra)")


def _pages(pdf: bytes) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def test_als_pattern_pdf_has_a_summary_page_and_at_most_six_pages(examples_dir):
    record = load_record(examples_dir / "als-pattern-brother.yaml")
    pages = _pages(render_pdf(assess(record), record.person))
    assert len(pages) <= 6
    first = pages[0]
    assert "ex-als-pattern, male, 58 years" in first and "2026-11-10" in first
    assert first.index("Red flags") < first.index("Summary") < first.index("Leading causes") < first.index("Next steps")
    assert "Progressive motor weakness pattern" in first and "Neurological evaluation" in first
    assert "Finding" not in first, "the evidence tables belong to the detail, after page 1"
    for number, text in enumerate(pages, start=1):
        assert "ex-als-pattern" in text, number
        assert f"page {number} of {len(pages)}" in text, number


def test_cli_writes_a_pdf_for_sci_t6(examples_dir, tmp_path):
    target = tmp_path / "r.pdf"
    result = CliRunner().invoke(
        app, ["assess", str(examples_dir / "sci-t6.yaml"), "--format", "pdf", "-o", str(target)]
    )
    assert result.exit_code == 0, result.stderr
    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = _pages(data)
    assert re.search(r"page 1 of \d+", pages[0]) and "Summary" in pages[0]


def test_pdf_charts_are_images_drawn_once_per_chart(examples_dir):
    """The PDF lays out PNG charts (no vector plot to lay out) and reuses what the patient page drew."""
    from myoscope.report import build_report
    from myoscope.report._charts import chart_png
    from myoscope.report.html import png_picture, render_html
    from myoscope.report.pdf import report_pdf

    record = load_record(examples_dir / "low-calorie-900.yaml")
    report = build_report(assess(record), record.person)
    chart_png.cache_clear()
    page = [png_picture(chart) for chart in report.charts]
    html = render_html(report, for_pdf=True)
    assert "<svg" not in html and html.count("data:image/png;base64,") == len(report.charts) == len(page) >= 3
    pdf = report_pdf(report)
    info = chart_png.cache_info()
    assert info.misses == len(report.charts) and info.hits == 2 * len(report.charts)
    images = {image.name: image for p in pypdf.PdfReader(io.BytesIO(pdf)).pages for image in p.images}
    assert len(images) == len(report.charts)
    assert all(image.image.mode == "RGB" for image in images.values()), "opaque charts carry no alpha mask"


def test_pdf_fetches_only_its_own_charts():
    """The layout engine is given the report's charts by name; any other address is refused, not fetched."""
    from myoscope.report.pdf import _fetcher

    fetch = _fetcher({"chart:0": b"png"})
    assert fetch("chart:0").read() == b"png"
    for url in ("chart:1", "file:///etc/hostname", "http://127.0.0.1:9/x.png"):
        with pytest.raises(ValueError):
            fetch(url)
