"""Single-file HTML report with inline SVG plots; prints well (see the print styles)."""

from __future__ import annotations

from functools import lru_cache

import jinja2

from myoscope.causes import Assessment
from myoscope.references import resolve
from myoscope.report._charts import chart_svg


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("myoscope.report", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(assessment: Assessment) -> str:
    causes = [assessment.atrophy, *assessment.ranked]
    charts = {c.cause: [(chart, chart_svg(chart)) for chart in c.charts] for c in causes}
    template = _environment().get_template("report.html.j2")
    return template.render(
        a=assessment,
        causes=assessment.ranked,
        chart_list=lambda c: charts[c.cause],
        references=resolve(assessment.citation_keys()),
        leading=assessment.leading,
    )
