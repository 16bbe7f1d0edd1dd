"""Matplotlib figures to inline SVG (reports embed plots in a single HTML file).

House style: labels at 9 pt or more at the size the report prints them (16 cm wide), no top or
right spine, light grid.
"""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

FONT_PT = 9.5
TITLE_PT = 11
STYLE = {
    "font.size": FONT_PT,
    "axes.labelsize": FONT_PT,
    "xtick.labelsize": FONT_PT,
    "ytick.labelsize": FONT_PT,
    "legend.fontsize": FONT_PT,
    "axes.titlesize": TITLE_PT,
    "svg.fonttype": "none",
}


def svg(fig) -> str:
    """Render ``fig`` as an inline ``<svg>`` element and close it."""
    buffer = io.StringIO()
    with plt.rc_context(STYLE):
        fig.savefig(buffer, format="svg", bbox_inches="tight")
    plt.close(fig)
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def png(fig, dpi: int) -> bytes:
    """Render ``fig`` as PNG bytes at ``dpi`` and close it."""
    buffer = io.BytesIO()
    with plt.rc_context(STYLE):
        fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


def new_figure(width: float = 6.3, height: float = 3.0):
    """A figure and axes with the house style (no top/right spines)."""
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(width, height), dpi=100)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(True, alpha=0.25)
    return fig, ax
