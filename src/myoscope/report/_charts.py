"""Draw a :class:`~myoscope.causes.Chart` with matplotlib, as inline SVG.

Axes are made to read: dates as days or months (never hours), and a value axis that spans at least
a tenth of the values' size, so that a change within measurement error does not fill the plot.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import TYPE_CHECKING

import matplotlib.dates as mdates
import matplotlib.pyplot as plt

from myoscope.report._figures import FONT_PT, STYLE, new_figure, svg

if TYPE_CHECKING:
    from myoscope.causes import Chart

_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b")
WIDTH_IN, HEIGHT_IN = 3.5, 2.4
"""Chart size: two side by side fill an A4 page's text width with labels at 9.5 pt."""
TITLE_CHARACTERS = 44
"""Longer titles wrap, so that the figure keeps its size (and its labels their 9.5 pt)."""
_LABEL_BOX = {"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1}
BAR_DAYS = 4
"""Width of a bar on a date axis (a weekly summary), in days."""
MIN_SPAN_FRACTION = 0.1
"""The value axis spans at least this fraction of the largest absolute value shown."""


def chart_svg(chart: Chart) -> str:
    with plt.rc_context(STYLE):
        fig, ax = new_figure(WIDTH_IN, HEIGHT_IN)
        _draw(ax, chart)
        ax.set_title(textwrap.fill(chart.title, TITLE_CHARACTERS))
        ax.set_ylabel(chart.y_label)
        ax.set_xlabel(chart.x_label)
        if len(chart.series) > 1 or chart.series and chart.series[0].style == "band":
            _legend(ax, len(chart.series))
        _value_axis(ax)
        _date_axis(ax, chart)
        return svg(fig)


LEGEND_INSIDE_UP_TO = 2
"""With more series than this, the legend goes below the plot so that it hides no data."""


def _legend(ax, count: int) -> None:
    if count <= LEGEND_INSIDE_UP_TO:
        ax.legend(frameon=True, framealpha=0.85, edgecolor="none", loc="best")
    else:
        ax.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.28), ncol=1)


def _draw(ax, chart: Chart) -> None:
    for i, series in enumerate(chart.series):
        colour = _COLOURS[i % len(_COLOURS)]
        x = list(series.x)
        if series.style == "band":
            ax.fill_between(x, series.low, series.high, color=colour, alpha=0.25, label=series.label)
            if series.y:
                ax.plot(x, series.y, color=colour, linewidth=1.5)
        elif series.style == "bar":
            width = BAR_DAYS if x and isinstance(x[0], dt.date) else 0.8
            offset = (i - (len(chart.series) - 1) / 2) * width / max(1, len(chart.series))
            xs = [v + dt.timedelta(days=offset) if isinstance(v, dt.date) else v + offset for v in x]
            ax.bar(
                xs,
                [0 if v is None else v for v in series.y],
                width=width / max(1, len(chart.series)),
                color=colour,
                label=series.label,
            )
        elif series.style == "points":
            ax.plot(x, series.y, "o", color=colour, label=series.label)
        else:
            ax.plot(x, series.y, "o-", color=colour, label=series.label, markersize=4)
    for value, label in chart.reference_lines:
        ax.axhline(value, color="#555555", linestyle="--", linewidth=1)
        ax.annotate(
            label,
            xy=(1.0, value),
            xycoords=("axes fraction", "data"),
            fontsize=FONT_PT,
            ha="right",
            va="bottom",
            color="#555555",
            bbox=_LABEL_BOX,
        )
    for x, label in chart.markers:
        ax.axvline(x, color="#999999", linestyle=":", linewidth=1)
        ax.annotate(
            label,
            xy=(x, 1.0),
            xycoords=("data", "axes fraction"),
            fontsize=FONT_PT,
            rotation=90,
            va="top",
            ha="right",
            color="#555555",
            bbox=_LABEL_BOX,
        )


def _value_axis(ax) -> None:
    low, high = ax.get_ylim()
    size = max(abs(low), abs(high))
    span = MIN_SPAN_FRACTION * size
    if 0 < high - low < span:
        middle = (low + high) / 2
        low, high = middle - span / 2, middle + span / 2
        ax.set_ylim(max(0.0, low) if (ax.get_ylim()[0] >= 0) else low, high)


def _date_axis(ax, chart: Chart) -> None:
    dates = [v for s in chart.series for v in s.x if isinstance(v, dt.date)]
    if not dates:
        return
    days = (max(dates) - min(dates)).days
    locator = (
        mdates.DayLocator(interval=max(1, days // 7 + 1))
        if days <= 21
        else mdates.AutoDateLocator(minticks=3, maxticks=8)
    )
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, show_offset=True))
    if days <= 21:
        bars = any(s.style == "bar" for s in chart.series)
        pad = dt.timedelta(days=BAR_DAYS if bars else 1)
        ax.set_xlim(min(dates) - pad, max(dates) + pad)
