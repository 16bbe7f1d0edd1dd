"""Draw a chart of the presentation model (:class:`~myoscope.report.model.ChartData`) with matplotlib.

Axes are made to read: dates as days or months (never hours), and a value axis that spans at least
a tenth of the values' size, so that a change within measurement error does not fill the plot. Each
chart is drawn once per process and format (:func:`chart_svg` for inline figures, :func:`chart_png` for the
PDF and, at the screen's resolution, the web pages' images).
"""

from __future__ import annotations

import datetime as dt
import math
import textwrap
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import matplotlib
import matplotlib.dates as mdates

from myoscope.report._figures import FONT_PT, STYLE, fit, new_figure, png, svg

# _DATES: dates go to matplotlib as they are (its date converter reads them); its type stubs declare floats only,
# so the calls that pass dates carry a `type: ignore[arg-type]` naming this note. The locators and formatters of
# matplotlib.dates are unannotated (`no-untyped-call`).

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.legend import Legend

    from myoscope.report.model import ChartData

_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b")
WIDTH_IN, HEIGHT_IN = 3.5, 2.4
"""Chart size: two side by side fill an A4 page's text width with labels at 9.5 pt."""
TITLE_CHARACTERS = 44
"""Longer titles wrap (and shorter ones too where they would not fit): the figure keeps its size, and its
labels their 9.5 pt."""
_LABEL_BOX = {"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1}
BAR_DAYS = 4
"""Width of a bar on a date axis (a weekly summary), in days."""
MIN_SPAN_FRACTION = 0.1
"""The value axis spans at least this fraction of the largest absolute value shown."""


CACHED_CHARTS = 128
"""Charts kept drawn (a patient page, its report and its PDF draw each chart once)."""
PNG_DPI = 200
"""Resolution of the PDF's charts: sharp in print at their 8-9 cm width."""
SCREEN_DPI = 96
"""Resolution of the web pages' chart images: CSS's 96 pixels to the inch, so that a chart shown at its
natural size keeps its 3.5 inches and its labels their 9.5 pt (about 13 pixels)."""


@lru_cache(maxsize=CACHED_CHARTS)
def chart_svg(chart: ChartData) -> str:
    """The chart as an inline ``<svg>`` element."""
    return svg(_figure(chart))


@lru_cache(maxsize=CACHED_CHARTS)
def chart_png(chart: ChartData, dpi: int = PNG_DPI) -> bytes:
    """The chart as PNG bytes: at :data:`PNG_DPI` what the PDF embeds (an image costs its layout engine
    nothing to draw), at :data:`SCREEN_DPI` what a web page shows."""
    return png(_figure(chart), dpi)


def _figure(chart: ChartData) -> Figure:
    with matplotlib.rc_context(STYLE):
        fig, ax = new_figure(WIDTH_IN, HEIGHT_IN)
        _draw(ax, chart)
        ax.set_title(textwrap.fill(chart.title, TITLE_CHARACTERS))
        ax.set_ylabel(chart.y_label)
        ax.set_xlabel(chart.x_label)
        below = None
        if len(chart.series) > 1 or chart.series and chart.series[0].style == "band":
            below = _legend(fig, ax, len(chart.series))
        _value_axis(ax)
        _date_axis(ax, chart)
        fit(fig, ax, below)
    return fig


def _values(values: Iterable[float | None]) -> list[float]:
    return [math.nan if v is None else v for v in values]


LEGEND_INSIDE_UP_TO = 2
"""With more series than this, the legend goes below the plot so that it hides no data."""


def _legend(fig: Figure, ax: Axes, count: int) -> Legend | None:
    """A legend inside the plot, or (for more than :data:`LEGEND_INSIDE_UP_TO` series) the figure legend
    below it, which is returned so that the layout makes room for it."""
    if count <= LEGEND_INSIDE_UP_TO:
        ax.legend(frameon=True, framealpha=0.85, edgecolor="none", loc="best")
        return None
    return fig.legend(*ax.get_legend_handles_labels(), frameon=False, loc="lower center", ncol=1)


def _draw(ax: Axes, chart: ChartData) -> None:
    for i, series in enumerate(chart.series):
        colour = _COLOURS[i % len(_COLOURS)]
        x = list(series.x)
        if series.style == "band":
            low, high = _values(series.low), _values(series.high)
            ax.fill_between(x, low, high, color=colour, alpha=0.25, label=series.label)  # type: ignore[arg-type]  # dates: see _DATES
            if series.y:
                ax.plot(x, _values(series.y), color=colour, linewidth=1.5)  # type: ignore[arg-type]  # dates: see _DATES
        elif series.style == "bar":
            width = BAR_DAYS if x and isinstance(x[0], dt.date) else 0.8
            offset = (i - (len(chart.series) - 1) / 2) * width / max(1, len(chart.series))
            xs = [v + dt.timedelta(days=offset) if isinstance(v, dt.date) else v + offset for v in x]
            ax.bar(
                xs,  # type: ignore[arg-type]  # as above
                [0 if v is None else v for v in series.y],
                width=width / max(1, len(chart.series)),
                color=colour,
                label=series.label,
            )
        elif series.style == "points":
            ax.plot(x, _values(series.y), "o", color=colour, label=series.label)  # type: ignore[arg-type]  # dates: see _DATES
        else:
            ax.plot(x, _values(series.y), "o-", color=colour, label=series.label, markersize=4)  # type: ignore[arg-type]  # dates: see _DATES
    for line in chart.reference_lines:
        ax.axhline(line.value, color="#555555", linestyle="--", linewidth=1)
        _label(ax, line.label, (1.0, line.value), ("axes fraction", "data"), ha="right", va="bottom")
    for marker in chart.markers:
        ax.axvline(marker.x, color="#999999", linestyle=":", linewidth=1)  # type: ignore[arg-type]  # dates: see _DATES
        _label(ax, marker.label, (marker.x, 1.0), ("data", "axes fraction"), rotation=90, va="top", ha="right")


def _label(ax: Axes, text: str, xy: tuple[Any, float], coords: tuple[str, str], **placement: Any) -> None:
    ax.annotate(text, xy=xy, xycoords=coords, fontsize=FONT_PT, color="#555555", bbox=_LABEL_BOX, **placement)


def _value_axis(ax: Axes) -> None:
    low, high = ax.get_ylim()
    size = max(abs(low), abs(high))
    span = MIN_SPAN_FRACTION * size
    if 0 < high - low < span:
        middle = (low + high) / 2
        low, high = middle - span / 2, middle + span / 2
        ax.set_ylim(max(0.0, low) if (ax.get_ylim()[0] >= 0) else low, high)


def _date_axis(ax: Axes, chart: ChartData) -> None:
    dates = [v for s in chart.series for v in s.x if isinstance(v, dt.date)]
    if not dates:
        return
    days = (max(dates) - min(dates)).days
    locator = (
        mdates.DayLocator(interval=max(1, days // 7 + 1))  # type: ignore[no-untyped-call]  # untyped
        if days <= 21
        else mdates.AutoDateLocator(minticks=3, maxticks=8)  # type: ignore[no-untyped-call]  # untyped
    )
    ax.xaxis.set_major_locator(locator)
    formatter = mdates.ConciseDateFormatter(locator, show_offset=True)  # type: ignore[no-untyped-call]  # as above
    ax.xaxis.set_major_formatter(formatter)
    if days <= 21:
        bars = any(s.style == "bar" for s in chart.series)
        pad = dt.timedelta(days=BAR_DAYS if bars else 1)
        ax.set_xlim(min(dates) - pad, max(dates) + pad)  # type: ignore[arg-type]  # dates: see _DATES
