"""Renderers of an assessment: text (rich), JSON, Markdown, HTML with plots, and PDF (report.pdf).

Importing this package is cheap: each renderer, and the plotting library, loads when first used.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from myoscope.report.escape import escape_json, escape_text

if TYPE_CHECKING:
    from myoscope.causes import Assessment

FORMATS = ("text", "json", "markdown", "html")
__all__ = ["FORMATS", "chart_svg", "escape_text", "render"]


def render(
    assessment: Assessment, fmt: str = "text", *, color: bool = False, width: int | None = None, person: Any = None
) -> str:
    """The assessment in one of :data:`FORMATS`.

    ``person`` (the record's :class:`~myoscope.record.Person`) adds age and sex to the summary; text is
    drawn ``width`` columns wide (default: the terminal's, or ``COLUMNS``).
    """
    if fmt == "json":
        return escape_json(json.dumps(assessment.to_json(), indent=2, ensure_ascii=False))
    if fmt == "markdown":
        from myoscope.report.markdown import render_markdown

        return escape_text(render_markdown(assessment, person))
    if fmt == "html":
        from myoscope.report.html import render_html

        return escape_text(render_html(assessment, person))
    if fmt == "text":
        from myoscope.report.text import render_text

        return render_text(assessment, width=width, color=color, person=person)
    raise ValueError(f"unknown format {fmt!r}; accepted: {', '.join(FORMATS)}")


def __getattr__(name: str) -> Any:
    if name == "chart_svg":
        from myoscope.report._charts import chart_svg

        return chart_svg
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
