"""A self-contained HTML page for a body-composition simulation (a ``bw-oracle/1`` document).

One figure per case: fat mass and lean tissue over time (inline SVG), with the change at the
horizon, the model variant and its references.
"""

from __future__ import annotations

from typing import Any

import jinja2

from myoscope.references import resolve
from myoscope.report._figures import new_figure, svg

_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Body-composition simulation ({{ model }})</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: .5rem 0; } td, th { padding: .2rem .6rem; border-bottom: 1px solid #ddd; }
th { text-align: left; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.note { color: #555; font-size: .9rem; }
section.case { page-break-inside: avoid; }
</style>
</head>
<body>
<h1>Body-composition simulation</h1>
<p>Model: <strong>{{ model }}</strong>. {{ description }}</p>
<p class="note">Lean tissue is Hall's lean compartment: it excludes extracellular fluid and glycogen
with its water; fat-free mass = body weight &minus; fat mass. A projection under fixed assumptions,
not a measurement.</p>
{% for case in cases %}
<section class="case">
<h2>{{ case.id }}</h2>
<table>
<tr><th></th><th>day 0</th><th>day {{ case.last_day }}</th><th>change</th></tr>
{% for row in case.rows %}
<tr><th>{{ row.label }}</th><td class="num">{{ row.start }}</td><td class="num">{{ row.end }}</td>
<td class="num">{{ row.change }}</td></tr>
{% endfor %}
</table>
{{ case.figure | safe }}
</section>
{% endfor %}
<h2>References</h2>
<ol>
{% for ref in references %}<li>{{ ref.citation() }}</li>
{% endfor %}
</ol>
</body>
</html>
"""

_ROWS = (
    ("body weight (kg)", "body_weight_kg"),
    ("fat mass (kg)", "fat_mass_kg"),
    ("lean tissue (kg)", "lean_mass_kg"),
    ("fat-free mass (kg)", "ffm_kg"),
    ("energy intake (kcal/day)", "energy_intake_kcal"),
    ("energy expenditure (kcal/day)", "energy_expenditure_kcal"),
)


def _figure(outputs: dict[str, list]) -> str:
    fig, ax = new_figure(6.4, 2.8)
    days = outputs["time_d"]
    ax.plot(days, outputs["fat_mass_kg"], label="fat mass", color="#d08c2c")
    ax.plot(days, outputs["lean_mass_kg"], label="lean tissue", color="#2c6fd0")
    ax.set_xlabel("day")
    ax.set_ylabel("kg")
    ax.legend(frameon=False, loc="best")
    return svg(fig)


def _case(case: dict[str, Any]) -> dict[str, Any]:
    outputs = case["outputs"]
    rows = []
    for label, name in _ROWS:
        values = outputs[name]
        rows.append({"label": label, "start": f"{values[0]:.2f}", "end": f"{values[-1]:.2f}",
                     "change": f"{values[-1] - values[0]:+.2f}"})
    return {"id": case.get("id", ""), "last_day": outputs["time_d"][-1], "rows": rows, "figure": _figure(outputs)}


def render_simulation_html(document: dict[str, Any]) -> str:
    """The page for a document produced by :func:`myoscope.physiology.hall.simulate_oracle`."""
    generator = document.get("generator", {})
    environment = jinja2.Environment(autoescape=True)
    return environment.from_string(_TEMPLATE).render(
        model=generator.get("model", ""),
        description=generator.get("model_description", ""),
        cases=[_case(case) for case in document["cases"]],
        references=resolve(generator.get("citations", [])),
    )
