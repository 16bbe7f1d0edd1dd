"""Matplotlib figures to inline SVG or PNG (reports embed their plots; the PDF lays out PNG images).

House style: labels at 9 pt or more at the size the report prints them, no top or right spine, light
grid. A figure keeps the size it is made with: :func:`fit` sets its margins from the texts it holds
(title, axis labels, value labels, a legend below), measured in the fonts they are drawn in, and wraps a
title or label that would not fit. So a figure is drawn once, at the size a page prints it; cropping it
to its drawn content instead (``bbox_inches="tight"``) draws it twice and changes its size, and with it
the printed size of its labels.
"""

from __future__ import annotations

import io
import textwrap
from typing import TYPE_CHECKING, Any

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.axis import Axis
    from matplotlib.legend import Legend
    from matplotlib.typing import RcKeyType

FONT_PT = 9.5
TITLE_PT = 11
STYLE: dict[RcKeyType, Any] = {
    "font.size": FONT_PT,
    "axes.labelsize": FONT_PT,
    "xtick.labelsize": FONT_PT,
    "ytick.labelsize": FONT_PT,
    "legend.fontsize": FONT_PT,
    "axes.titlesize": TITLE_PT,
    "svg.fonttype": "none",
}
EDGE_IN = 0.06
"""Space between the figure's edge and the outermost text, in inches."""
PNG_COMPRESSION = 3
"""zlib level of PNG charts: a chart is mostly flat colour, so a low level is nearly as small and much faster."""


def new_figure(width: float = 6.3, height: float = 3.0) -> tuple[Figure, Axes]:
    """A figure (not registered with pyplot: nothing to close) and its axes in the house style."""
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(width, height), dpi=100)
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(True, alpha=0.25)
    return fig, ax


def svg(fig: Figure) -> str:
    """``fig`` as an inline ``<svg>`` element."""
    buffer = io.StringIO()
    with matplotlib.rc_context(STYLE):
        fig.savefig(buffer, format="svg")
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def png(fig: Figure, dpi: int) -> bytes:
    """``fig`` as PNG bytes at ``dpi``, without an alpha channel (the figure is opaque: a PDF would
    otherwise carry a second, uniform image as its mask)."""
    import numpy as np
    from PIL import Image

    canvas = FigureCanvasAgg(fig)
    with matplotlib.rc_context(STYLE):
        fig.set_dpi(dpi)
        canvas.draw()  # type: ignore[no-untyped-call]  # unannotated in matplotlib
    pixels = np.asarray(canvas.buffer_rgba())[..., :3]  # type: ignore[no-untyped-call]  # as above
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, format="PNG", compress_level=PNG_COMPRESSION)
    return buffer.getvalue()


class _Measure:
    """Sizes of texts in inches, as the figure's renderer draws them (every figure here is made at 100
    dpi, so sizes are kept for the process: value labels and short titles recur)."""

    def __init__(self, fig: Figure) -> None:
        self.renderer: RendererAgg = FigureCanvasAgg(fig).get_renderer()  # type: ignore[no-untyped-call]  # as above

    def line(self, text: str, size: float) -> tuple[float, float]:
        """Width and height of one line of ``text`` at ``size`` points."""
        return _line_size(self.renderer, text, size)

    def block(self, text: str, size: float) -> tuple[float, float]:
        """Width and height of ``text`` over its lines (matplotlib's line spacing of 1.2)."""
        lines = text.split("\n")
        _, line_height = self.line("lp", size)
        return max(self.line(line, size)[0] for line in lines), line_height * (1 + 1.2 * (len(lines) - 1))

    def wrap(self, text: str, size: float, room: float) -> str:
        """``text`` wrapped at the longest line length at which every line is at most ``room`` inches wide
        (or at 12 characters)."""
        flat = " ".join(text.split())
        full = self.line(flat, size)[0]
        if full <= room:
            return flat
        for characters in range(int(len(flat) * room / full) + 2, 11, -1):
            wrapped = textwrap.fill(flat, characters)
            if self.block(wrapped, size)[0] <= room:
                return wrapped
        return textwrap.fill(flat, 12)


_SIZES: dict[tuple[str, float, float], tuple[float, float]] = {}
_KEPT_SIZES = 4096


def _line_size(renderer: RendererAgg, text: str, size: float) -> tuple[float, float]:
    key = (text, size, renderer.dpi)
    if key not in _SIZES:
        if len(_SIZES) >= _KEPT_SIZES:
            _SIZES.clear()
        font = FontProperties(size=size)
        measured = renderer.get_text_width_height_descent(text, font, ismath=False)  # type: ignore[no-untyped-call]
        width, height, _ = measured
        _SIZES[key] = (width / renderer.dpi, height / renderer.dpi)
    return _SIZES[key]


def _tick_labels(axis: Axis) -> tuple[list[str], str]:
    """The labels ``axis`` will draw at its current limits, and its offset text (may be empty)."""
    low, high = sorted(axis.get_view_interval())
    slack = (high - low) * 1e-9
    locations = [v for v in axis.get_major_locator()() if low - slack <= v <= high + slack]
    formatter = axis.get_major_formatter()
    labels = formatter.format_ticks(locations)
    return [label for label in labels if label], formatter.get_offset()


def fit(fig: Figure, ax: Axes, legend: Legend | None = None) -> None:
    """Set the margins of ``fig`` (one axes) so that its texts fit at its width; a figure ``legend``
    goes below the plot, and the figure grows by its height (the plot keeps its size)."""
    measure = _Measure(fig)
    legend_in = 0.0
    if legend is not None:
        width, height = fig.get_size_inches()
        legend_in = legend.get_window_extent(measure.renderer).height / fig.dpi + EDGE_IN
        fig.set_size_inches(width, height + legend_in)
        legend.set_bbox_to_anchor((0.5, EDGE_IN / (height + legend_in)), transform=fig.transFigure)
    for _ in range(2):  # how many value labels fit depends on the plot's size, which the margins set
        left, right, bottom, top = _margins(fig, ax, measure, legend_in)
        width, height = fig.get_size_inches()
        fig.subplots_adjust(left=left / width, right=1 - right / width, bottom=bottom / height, top=1 - top / height)
    if ax.get_title() and not _tick_labels(ax.yaxis)[1]:
        # Nothing stands above the plot (ticks are at the bottom, no offset text): the title stays where
        # matplotlib would place it, and saying so spares each drawing a measure of every tick label.
        ax.set_title(ax.get_title(), y=1.0)


def _points(size: float | str) -> float:
    """A font size in points (matplotlib may give a size's name, such as ``"large"``)."""
    return float(size) if isinstance(size, (int, float)) else float(FontProperties(size=size).get_size_in_points())


def _margins(fig: Figure, ax: Axes, measure: _Measure, legend_in: float) -> tuple[float, float, float, float]:
    """Left, right, bottom and top margins in inches; wraps the title and the value axis's label to fit.

    Value labels are measured at :data:`FONT_PT` (the house size; a figure with smaller ones gets room
    to spare)."""
    rc = matplotlib.rcParams
    width, height = fig.get_size_inches()
    label_pad, title_pad = rc["axes.labelpad"] / 72, rc["axes.titlepad"] / 72
    _, line = measure.line("lp", FONT_PT)
    title_pt, label_pt = _points(ax.title.get_fontsize()), _points(ax.yaxis.label.get_fontsize())
    x_labels, x_offset = _tick_labels(ax.xaxis)
    x_ticks = (rc["xtick.major.size"] + rc["xtick.major.pad"]) / 72 + line
    bottom = EDGE_IN + legend_in + x_ticks + (label_pad + line if ax.get_xlabel() or x_offset else 0)
    top = EDGE_IN + (title_pad + measure.block(ax.get_title(), title_pt)[1] if ax.get_title() else 0)
    y_label = ax.get_ylabel()
    if y_label:
        plot_height = height - top - bottom
        ax.set_ylabel(y_label := measure.wrap(y_label, label_pt, plot_height))
    y_labels, y_offset = _tick_labels(ax.yaxis)
    widest_y = max((measure.line(t, FONT_PT)[0] for t in y_labels), default=0.0)
    y_ticks = (rc["ytick.major.size"] + rc["ytick.major.pad"]) / 72 + widest_y
    half_x = max((measure.line(t, FONT_PT)[0] for t in x_labels), default=0.0) / 2
    left = EDGE_IN + max(half_x, y_ticks + (label_pad + measure.block(y_label, label_pt)[1] if y_label else 0))
    right = EDGE_IN + max(half_x, 0.08)
    if ax.get_title():
        centre = left + (width - left - right) / 2
        room = 2 * min(centre, width - centre) - 2 * EDGE_IN
        ax.set_title(title := measure.wrap(ax.get_title(), title_pt, room))
        top = EDGE_IN + title_pad + measure.block(title, title_pt)[1]
    if y_offset:
        top = max(top, EDGE_IN + line + title_pad)
    return left, right, bottom, top
