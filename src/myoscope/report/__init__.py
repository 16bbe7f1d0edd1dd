"""Renderers of an assessment: text (rich), JSON, Markdown, HTML with plots."""

from __future__ import annotations

import json

from myoscope.causes import Assessment
from myoscope.report._charts import chart_svg

FORMATS = ("text", "json", "markdown", "html")
__all__ = ["FORMATS", "chart_svg", "render"]


def render(assessment: Assessment, fmt: str = "text", *, color: bool = False) -> str:
    """The assessment in one of :data:`FORMATS`."""
    if fmt == "json":
        return json.dumps(assessment.to_json(), indent=2, ensure_ascii=False)
    if fmt == "markdown":
        from myoscope.report.markdown import render_markdown

        return render_markdown(assessment)
    if fmt == "html":
        from myoscope.report.html import render_html

        return render_html(assessment)
    if fmt == "text":
        from myoscope.report.text import render_text

        return render_text(assessment, color=color)
    raise ValueError(f"unknown format {fmt!r}; accepted: {', '.join(FORMATS)}")
