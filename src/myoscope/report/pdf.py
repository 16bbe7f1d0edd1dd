"""The report as PDF: WeasyPrint lays out the HTML report with its paged-media styles.

Page 1 is the summary; every page carries the person's id, the date and "page n of N". The charts go in
as PNG images, drawn once (:func:`myoscope.report._charts.chart_png`): laid out as vector graphics they
would cost the layout engine most of its time. The HTML refers to each image by a ``chart:`` URL that
:func:`html_to_pdf` answers from memory (written into the page as base64 text, the images would
make most of what its HTML parser reads). Only those URLs and ``data:`` URLs may be fetched, so
rendering never reaches the network or the file system.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from myoscope.report.escape import escape_text

if TYPE_CHECKING:
    from markupsafe import Markup

    from myoscope.causes import Assessment
    from myoscope.report.model import ChartData, Report

CHART_SCHEME = "chart"
"""URL scheme of the images :func:`html_to_pdf` is given with the page (``chart:0``, ``chart:1``...)."""


def html_to_pdf(html: str, images: Mapping[str, bytes] | None = None) -> bytes:
    """PDF bytes of an HTML document (its ``@page`` and print styles apply); ``images`` maps the
    ``chart:`` URLs it refers to onto PNG bytes."""
    from weasyprint import HTML

    pdf: bytes = HTML(string=html, url_fetcher=_fetcher(dict(images or {}))).write_pdf()
    return pdf


def _fetcher(images: dict[str, bytes]) -> object:
    """A WeasyPrint URL fetcher that answers ``images`` from memory and ``data:`` URLs, and refuses the rest."""
    from weasyprint import URLFetcher
    from weasyprint.urls import URLFetcherResponse

    class _Images(URLFetcher):  # type: ignore[misc]  # weasyprint ships no type information
        def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
            if url.startswith(f"{CHART_SCHEME}:"):
                if url not in images:
                    raise ValueError(f"no such chart: {url}")
                return URLFetcherResponse(url, images[url], {"Content-Type": "image/png"})
            return super().fetch(url, headers)

    return _Images(allowed_protocols=("data",))


def report_pdf(report: Report) -> bytes:
    """The PDF of a built report."""
    from myoscope.report.html import render_html

    images: dict[str, bytes] = {}

    def picture(chart: ChartData) -> Markup:
        from markupsafe import Markup, escape

        from myoscope.report._charts import chart_png

        url = f"{CHART_SCHEME}:{len(images)}"
        images[url] = chart_png(chart)
        return Markup(f'<img class="chart" alt="{escape(chart.title)}" src="{url}">')

    return html_to_pdf(escape_text(render_html(report, picture=picture)), images)


def render_pdf(assessment: Assessment, person: Any = None) -> bytes:
    """The assessment's report as PDF; ``person`` (the record's) adds age and sex to page 1."""
    from myoscope.report.model import build_report

    return report_pdf(build_report(assessment, person))
