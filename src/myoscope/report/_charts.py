"""Draw a :class:`~myoscope.causes.Chart` with matplotlib, as inline SVG."""

from __future__ import annotations

import datetime as dt

from myoscope.causes import Chart
from myoscope.report._figures import new_figure, svg

_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b")


def chart_svg(chart: Chart) -> str:
    fig, ax = new_figure()
    for i, series in enumerate(chart.series):
        colour = _COLOURS[i % len(_COLOURS)]
        x = list(series.x)
        if series.style == "band":
            ax.fill_between(x, series.low, series.high, color=colour, alpha=0.25, label=series.label)
            if series.y:
                ax.plot(x, series.y, color=colour, linewidth=1.5)
        elif series.style == "bar":
            width = 4 if x and isinstance(x[0], dt.date) else 0.8
            offset = (i - (len(chart.series) - 1) / 2) * width / max(1, len(chart.series))
            xs = [v + dt.timedelta(days=offset) if isinstance(v, dt.date) else v + offset for v in x]
            ax.bar(xs, [0 if v is None else v for v in series.y], width=width / max(1, len(chart.series)),
                   color=colour, label=series.label)
        elif series.style == "points":
            ax.plot(x, series.y, "o", color=colour, label=series.label)
        else:
            ax.plot(x, series.y, "o-", color=colour, label=series.label, markersize=4)
    for value, label in chart.reference_lines:
        ax.axhline(value, color="#555555", linestyle="--", linewidth=1)
        ax.annotate(label, xy=(1.0, value), xycoords=("axes fraction", "data"), fontsize=8, ha="right",
                    va="bottom", color="#555555")
    for x, label in chart.markers:
        ax.axvline(x, color="#999999", linestyle=":", linewidth=1)
        ax.annotate(label, xy=(x, 1.0), xycoords=("data", "axes fraction"), fontsize=8, rotation=90,
                    va="top", ha="right", color="#555555")
    ax.set_title(chart.title, fontsize=11)
    ax.set_ylabel(chart.y_label)
    ax.set_xlabel(chart.x_label)
    if len(chart.series) > 1 or chart.series and chart.series[0].style == "band":
        ax.legend(fontsize=8, frameon=False)
    fig.autofmt_xdate()
    return svg(fig)
