"""The report as PDF: WeasyPrint lays out the HTML report with its paged-media styles.

Page 1 is the summary; every page carries the person's id, the date and "page n of N". Only
``data:`` URLs may be fetched, so rendering never reaches the network or the file system.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from myoscope.causes import Assessment


def html_to_pdf(html: str) -> bytes:
    """PDF bytes of an HTML document (its ``@page`` and print styles apply)."""
    from weasyprint import HTML, URLFetcher

    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=("data",))).write_pdf()


def render_pdf(assessment: Assessment, person: Any = None) -> bytes:
    """The assessment's report as PDF; ``person`` (the record's) adds age and sex to page 1."""
    from myoscope.report import render

    return html_to_pdf(render(assessment, "html", person=person))
