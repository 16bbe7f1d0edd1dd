"""The report as PDF: WeasyPrint lays out the HTML report with its paged-media styles.

Page 1 is the summary; every page carries the person's id, the date and "page n of N". The charts go in
as PNG images, drawn once (:func:`myoscope.report._charts.chart_png`): laid out as vector graphics they
would cost the layout engine most of its time. Only ``data:`` URLs may be fetched, so rendering never
reaches the network or the file system.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from myoscope.report.escape import escape_text

if TYPE_CHECKING:
    from myoscope.causes import Assessment
    from myoscope.report.model import Report


def html_to_pdf(html: str) -> bytes:
    """PDF bytes of an HTML document (its ``@page`` and print styles apply)."""
    from weasyprint import HTML, URLFetcher

    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=("data",))).write_pdf()


def report_pdf(report: Report) -> bytes:
    """The PDF of a built report."""
    from myoscope.report.html import render_html

    return html_to_pdf(escape_text(render_html(report, for_pdf=True)))


def render_pdf(assessment: Assessment, person: Any = None) -> bytes:
    """The assessment's report as PDF; ``person`` (the record's) adds age and sex to page 1."""
    from myoscope.report.model import build_report

    return report_pdf(build_report(assessment, person))
