"""Renderers of an assessment: text (rich), JSON, Markdown, HTML with plots, and PDF (report.pdf).

Every renderer lays out the same presentation model (:mod:`myoscope.report.model`, built once by
:func:`build_report`); the JSON output is that model. Importing this package is cheap: each renderer,
and the plotting library, loads when first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from myoscope.report.escape import escape_json, escape_text

if TYPE_CHECKING:
    from myoscope.causes import Assessment
    from myoscope.report.model import ChartData, Report

FORMATS = ("text", "json", "markdown", "html")
__all__ = [
    "FORMATS",
    "build_report",
    "chart_png",
    "chart_svg",
    "escape_text",
    "screen_chart_png",
    "warm_chart_drawing",
    "render",
    "render_report",
]


def build_report(assessment: Assessment, person: Any = None) -> Report:
    """The presentation model of ``assessment`` (see :func:`myoscope.report.model.build_report`)."""
    from myoscope.report.model import build_report as build

    return build(assessment, person)


def render(
    assessment: Assessment, fmt: str = "text", *, color: bool = False, width: int | None = None, person: Any = None
) -> str:
    """The assessment in one of :data:`FORMATS`.

    ``person`` (the record's :class:`~myoscope.record.Person`) adds age and sex to the summary; text is
    drawn ``width`` columns wide (default: the terminal's, or ``COLUMNS``).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; accepted: {', '.join(FORMATS)}")
    return render_report(build_report(assessment, person), fmt, color=color, width=width)


def render_report(report: Report, fmt: str = "text", *, color: bool = False, width: int | None = None) -> str:
    """A built report in one of :data:`FORMATS`."""
    if fmt == "json":
        return escape_json(report.json_text().rstrip("\n"))
    if fmt == "markdown":
        from myoscope.report.markdown import render_markdown

        return escape_text(render_markdown(report))
    if fmt == "html":
        from myoscope.report.html import render_html

        return escape_text(render_html(report))
    if fmt == "text":
        from myoscope.report.text import render_text

        return render_text(report, width=width, color=color)
    raise ValueError(f"unknown format {fmt!r}; accepted: {', '.join(FORMATS)}")


def screen_chart_png(chart: ChartData) -> bytes:
    """The chart as a web page's PNG image (at the screen's resolution, not the PDF's print one).

    A plain function of this light module, so that a drawing process can be handed it by name
    without its caller loading the plotting library."""
    from myoscope.report._charts import SCREEN_DPI, chart_png

    return chart_png(chart, SCREEN_DPI)


def warm_chart_drawing() -> None:
    """Load the plotting library and draw one empty figure (its fonts and renderer), so that the
    process's first real chart costs only its own drawing."""
    from myoscope.report._charts import SCREEN_DPI
    from myoscope.report._figures import new_figure, png

    png(new_figure(1, 1)[0], SCREEN_DPI)


def __getattr__(name: str) -> Any:
    if name in ("chart_svg", "chart_png"):  # the plotting library loads only when a chart is drawn
        from myoscope.report import _charts

        return getattr(_charts, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
