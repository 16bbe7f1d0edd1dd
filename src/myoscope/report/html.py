"""Single-file HTML report with inline SVG plots; prints (and renders to PDF) as a clinical document.

Page 1 is the summary (person, date, red flags, finding, leading causes, next steps); the detail
follows. The print styles number the pages and repeat the person's id on each one.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

import jinja2

from myoscope.references import resolve
from myoscope.report._summary import still_to_settle, summarise
from myoscope.report.evidence import clinician_words

if TYPE_CHECKING:
    from myoscope.causes import Assessment


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("myoscope.report", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["words"] = lambda value: clinician_words(str(value))
    return environment


def render_html(assessment: Assessment, person: Any = None) -> str:
    from myoscope.report._charts import chart_svg

    causes = [assessment.atrophy, *assessment.ranked]
    charts = {c.cause: [(chart, chart_svg(chart)) for chart in c.charts] for c in causes}
    template = _environment().get_template("report.html.j2")
    return template.render(
        a=assessment,
        summary=summarise(assessment, person),
        causes=assessment.ranked,
        chart_list=lambda c: charts[c.cause],
        to_settle=still_to_settle,
        references=resolve(assessment.citation_keys()),
    )
