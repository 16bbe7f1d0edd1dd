"""Single-file HTML report with its plots inline; prints (and renders to PDF) as a clinical document.

Layout only: what is shown comes from the presentation model (:mod:`myoscope.report.model`). Page 1 is
the summary (person, date, red flags, finding, leading causes, next steps); the detail follows. The print
styles number the pages and repeat the person's id on each one.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

import jinja2
from markupsafe import Markup, escape

from myoscope.report.model import ChartData, Report

FAVICON_SVG = resources.files("myoscope.report").joinpath("templates/favicon.svg").read_text(encoding="utf-8").strip()
"""myoscope's icon (a small SVG): served by the web app, inlined in every standalone page."""
FAVICON_DATA_URI = "data:image/svg+xml;base64," + base64.b64encode(FAVICON_SVG.encode("utf-8")).decode("ascii")
"""The icon as a data URI: a standalone report fetches nothing."""


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("myoscope.report", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals["favicon"] = FAVICON_DATA_URI
    return environment


def template(name: str) -> jinja2.Template:
    """A page template of this package (every one escapes what it shows)."""
    return _environment().get_template(name)


def svg_picture(chart: ChartData) -> Markup:
    """The chart as inline SVG (sharp on screen, searchable)."""
    from myoscope.report._charts import chart_svg

    return Markup(chart_svg(chart))


def png_picture(chart: ChartData) -> Markup:
    """The chart as an embedded PNG image: what the PDF and the patient page show (drawn once for both;
    laid out as a vector plot it would cost the PDF's layout engine seconds)."""
    from myoscope.report._charts import chart_png

    data = base64.b64encode(chart_png(chart)).decode("ascii")
    return Markup(f'<img class="chart" alt="{escape(chart.title)}" src="data:image/png;base64,{data}">')


def render_html(report: Report, *, for_pdf: bool = False, picture: Callable[[ChartData], Markup] | None = None) -> str:
    """The report page; ``for_pdf`` embeds the charts as PNG images (a page that prints as the PDF does);
    ``picture`` draws each chart instead (the PDF's images by reference, :mod:`myoscope.report.pdf`)."""
    chosen = picture or (png_picture if for_pdf else svg_picture)
    return template("report.html.j2").render(r=report, picture=chosen)
