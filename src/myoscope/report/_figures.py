"""Matplotlib figures to inline SVG (reports embed plots in a single HTML file)."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def svg(fig) -> str:
    """Render ``fig`` as an inline ``<svg>`` element and close it."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight")
    plt.close(fig)
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def new_figure(width: float = 6.4, height: float = 3.2):
    """A figure and axes with the house style (no top/right spines)."""
    fig, ax = plt.subplots(figsize=(width, height), dpi=100)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(True, alpha=0.25)
    return fig, ax
