"""Small deterministic SVG charts for the screening summary: horizontal bars with intervals, histograms.

Written directly from NumPy counts (no plotting library to import or render): a summary of a
million people costs a few milliseconds and two runs on the same data give the same bytes.
Every label is escaped here, since labels can carry text from the input (group names).
"""

from __future__ import annotations

from html import escape

import numpy as np

_FONT = 'font-family="sans-serif" font-size="11"'
_BAR = "#4a7ab5"
_HIST = "#999999"
_LINE = "#b3403a"
_DASH = {"-": "", "--": ' stroke-dasharray="6,3"', ":": ' stroke-dasharray="2,2"'}


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _ticks(low: float, high: float, count: int = 5) -> np.ndarray:
    """Round tick values spanning ``low``-``high``."""
    span = max(high - low, 1e-9)
    raw = span / count
    step = 10 ** np.floor(np.log10(raw))
    step *= next(m for m in (1, 2, 2.5, 5, 10) if raw <= m * step)
    return np.arange(np.ceil(low / step) * step, high + step * 0.001, step)


def _axis(x0: float, x1: float, y: float, low: float, high: float, label: str) -> list[str]:
    out = [f'<line x1="{_num(x0)}" y1="{_num(y)}" x2="{_num(x1)}" y2="{_num(y)}" stroke="#333"/>']
    scale = (x1 - x0) / max(high - low, 1e-9)
    for t in _ticks(low, high):
        x = x0 + (t - low) * scale
        out.append(f'<line x1="{_num(x)}" y1="{_num(y)}" x2="{_num(x)}" y2="{_num(y + 4)}" stroke="#333"/>')
        out.append(f'<text x="{_num(x)}" y="{_num(y + 15)}" text-anchor="middle" {_FONT}>{t:g}</text>')
    out.append(
        f'<text x="{_num((x0 + x1) / 2)}" y="{_num(y + 30)}" text-anchor="middle" {_FONT}>{escape(label)}</text>'
    )
    return out


def _wrap(width: int, height: int, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img">' + "".join(body) + "</svg>"
    )


def bars(labels: list[str], values: list[float], low: list[float], high: list[float], axis_label: str) -> str:
    """Horizontal bars (percent) with their interval as a whisker."""
    left, width, row = 230, 420, 18
    height = row * len(labels) + 50
    top = min(100.0, max(5.0, float(np.ceil(max(high, default=0.0) / 5) * 5)))
    scale = width / top
    body = []
    for i, (text, v, lo, hi) in enumerate(zip(labels, values, low, high, strict=False)):
        y = 6 + i * row
        body.append(f'<rect x="{left}" y="{y}" width="{_num(v * scale)}" height="{row - 5}" fill="{_BAR}"/>')
        mid = y + (row - 5) / 2
        body.append(
            f'<line x1="{_num(left + lo * scale)}" y1="{_num(mid)}" x2="{_num(left + hi * scale)}" '
            f'y2="{_num(mid)}" stroke="#222"/>'
        )
        body.append(f'<text x="{left - 6}" y="{_num(mid + 4)}" text-anchor="end" {_FONT}>{escape(text)}</text>')
    body += _axis(left, left + width, 6 + row * len(labels), 0.0, top, axis_label)
    return _wrap(left + width + 20, height, body)


def histogram(values: np.ndarray, axis_label: str, lines: list[tuple[float, str, str]], bins: int = 40) -> str:
    """Counts of ``values`` in ``bins`` equal bins, with vertical lines (value, legend text, style)."""
    left, width, plot_h, top_pad = 50, 360, 170, 10
    xs = [x for x, _, _ in lines]
    low, high = float(min(values.min(), *xs)), float(max(values.max(), *xs))
    if high <= low:
        high = low + 1.0
    counts, edges = np.histogram(values, bins=bins, range=(low, high))
    scale_x = width / (high - low)
    scale_y = plot_h / max(int(counts.max()), 1)
    body = []
    for c, a, b in zip(counts, edges[:-1], edges[1:], strict=False):
        if c:
            h = c * scale_y
            body.append(
                f'<rect x="{_num(left + (a - low) * scale_x)}" y="{_num(top_pad + plot_h - h)}" '
                f'width="{_num((b - a) * scale_x)}" height="{_num(h)}" fill="{_HIST}"/>'
            )
    for i, (x, text, style) in enumerate(lines):
        px = left + (x - low) * scale_x
        body.append(
            f'<line x1="{_num(px)}" y1="{top_pad}" x2="{_num(px)}" y2="{top_pad + plot_h}" '
            f'stroke="{_LINE}"{_DASH.get(style, "")}/>'
        )
        ly = top_pad + 12 + 14 * i
        body.append(
            f'<line x1="{left + width - 150}" y1="{ly - 4}" x2="{left + width - 130}" y2="{ly - 4}" '
            f'stroke="{_LINE}"{_DASH.get(style, "")}/>'
        )
        body.append(f'<text x="{left + width - 126}" y="{ly}" {_FONT}>{escape(text)}</text>')
    body.append(
        f'<text x="12" y="{top_pad + plot_h / 2}" transform="rotate(-90 12 {top_pad + plot_h / 2})" '
        f'text-anchor="middle" {_FONT}>people (peak bin {int(counts.max())})</text>'
    )
    body += _axis(left, left + width, top_pad + plot_h, low, high, axis_label)
    return _wrap(left + width + 20, top_pad + plot_h + 40, body)
