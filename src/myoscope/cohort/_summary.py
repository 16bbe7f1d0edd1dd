"""The HTML summary of a screening run: counts, refused rows, prevalence tables and plots.

Plots are SVG drawn directly from the counts (:mod:`._svg`), deterministic, so that two runs
on the same data give the same file. Every text from the input (group names, reasons) is escaped
by jinja2's autoescape.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from jinja2 import Environment

from myoscope.cohort import _svg
from myoscope.cohort._prevalence import red_flag_sentence
from myoscope.cohort.kernel import RULE_VERSION
from myoscope.criteria import glim
from myoscope.instruments import sarcopenia_cutoffs as cut

if TYPE_CHECKING:
    import numpy as np
    import polars as pl

    from myoscope.cohort._run import ScreenResult

_TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Cohort screening summary</title>
<style>body{font-family:sans-serif;max-width:72rem;margin:2rem auto;line-height:1.4}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #bbb;padding:.2rem .5rem;text-align:right}
th:first-child,td:first-child{text-align:left}figure{display:inline-block;margin:.5rem}</style></head><body>
<h1>Cohort screening summary</h1>
<p>{{ persons }} people, {{ rows }} rows read, {{ refused }} rows refused. Rules: {{ rule_version }}.
Screening supports clinical judgement; it never diagnoses.</p>
{% if red_flags %}<p><strong>{{ red_flags }}</strong></p>{% endif %}
<h2>Rows refused</h2>
{% if by_reason %}<table><tr><th>reason</th><th>rows</th></tr>
{% for reason, n in by_reason %}<tr><td>{{ reason }}</td><td>{{ n }}</td></tr>{% endfor %}</table>
{% else %}<p>None.</p>{% endif %}
<h2>Prevalence (Wilson 95 % interval), all people</h2>
<table><tr><th>screen</th><th>decided</th><th>positive</th><th>cannot tell</th><th>prevalence</th><th>95 % CI</th>
<th>to decide, a person needs</th></tr>
{% for r in overall %}<tr><td>{{ r.screen }}</td><td>{{ r.decided }}</td><td>{{ r.positive }}</td>
<td>{{ r.cannot_tell }}</td><td>{{ pct(r.prevalence) }}</td><td>{{ pct(r.ci95_low) }} – {{ pct(r.ci95_high) }}</td>
<td>{{ r.needs }}</td></tr>
{% endfor %}</table>
<p>In flags.csv and flags.parquet, yes/no columns read 1 yes, 0 no, -1 cannot tell; each definition's stage
has its category beside it; an empty measure was not recorded. flags.csv gives measures to 2 decimals,
flags.parquet unrounded. Rows dated after the screening date are not read;
same-day repeats of a measure count as their highest value.</p>
<h2>By group</h2>
<table><tr><th>screen</th><th>by</th><th>group</th><th>decided</th><th>positive</th><th>prevalence</th>
<th>95 % CI</th></tr>
{% for r in grouped %}<tr><td>{{ r.screen }}</td><td>{{ by_words.get(r.by, r.by) }}</td><td>{{ r.group }}</td>
<td>{{ r.decided }}</td>
<td>{{ r.positive }}</td><td>{{ pct(r.prevalence) }}</td><td>{{ pct(r.ci95_low) }} – {{ pct(r.ci95_high) }}</td></tr>
{% endfor %}
</table>
<h2>Plots</h2>
{% for title, svg in plots %}<figure><figcaption>{{ title }}</figcaption>{{ svg | safe }}</figure>{% endfor %}
</body></html>
"""


BY_WORDS = {"age_band": "age band"}
"""The built-in groupings in words (a site's own grouping columns are shown as named)."""


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f} %"


def _prevalence_plots(table: pl.DataFrame, out: list[tuple[str, str]]) -> None:
    rows_all = [r for r in table.iter_rows(named=True) if r["by"] in ("sex", "age_band") and r["decided"]]
    for by in ("sex", "age_band"):
        rows = [r for r in rows_all if r["by"] == by and r["screen"].startswith(("EWGSOP2 probable", "'MUST' medium"))]
        if not rows:
            continue
        svg = _svg.bars(
            [f"{r['screen'][:18]}… {r['group']}" for r in rows],
            [100 * r["prevalence"] for r in rows],
            [100 * r["ci95_low"] for r in rows],
            [100 * r["ci95_high"] for r in rows],
            "prevalence, % (Wilson 95 % interval)",
        )
        out.append((f"Prevalence by {BY_WORDS.get(by, by)}", svg))


_MEASURES = (
    (
        "grip_kg",
        "grip strength (kg)",
        ((cut.EWGSOP2_GRIP, "EWGSOP2"), (cut.AWGS2019_GRIP, "AWGS 2019"), (cut.FNIH_GRIP, "FNIH")),
    ),
    ("gait_speed_ms", "gait speed (m/s)", ((cut.EWGSOP2_GAIT, "EWGSOP2"), (cut.AWGS2019_GAIT, "AWGS 2019"))),
    (
        "chair_stand_s",
        "five chair stands (s)",
        ((cut.EWGSOP2_CHAIR_STAND, "EWGSOP2"), (cut.AWGS2019_CHAIR_STAND, "AWGS 2019")),
    ),
)


def _histogram(
    values: np.ndarray, label: str, lines: list[tuple[float, str, str]], title: str, out: list[tuple[str, str]]
) -> None:
    out.append((title, _svg.histogram(values, label, lines)))


def _measure_plots(flags: pl.DataFrame, out: list[tuple[str, str]]) -> None:
    import numpy as np

    sexes = flags["sex"].to_numpy()
    for column, label, cutoffs in _MEASURES:
        measured = flags[column].to_numpy()  # not measured: NaN (null in the flags frame)
        for sex, name in ((1, "men"), (2, "women")):
            values = measured[(sexes == sex) & ~np.isnan(measured)]
            if values.size:
                sex_name: Literal["male", "female"] = "male" if sex == 1 else "female"
                limits = [(c.limit(sex_name), c.op, who) for c, who in cutoffs]
                lines = [
                    (limit, f"{who} {op} {limit:g}", style)
                    for (limit, op, who), style in zip(limits, ("-", "--", ":"), strict=False)
                    if limit is not None
                ]
                _histogram(values, label, lines, f"{label}, {name}, against each definition's cut-off", out)
    change = flags["weight_change_6m_pct"].to_numpy()
    change = change[~np.isnan(change)]
    if change.size:
        lines = [
            (-edge, f"GLIM loss > {edge:g} %", style)
            for edge, style in zip(glim.WEIGHT_LOSS_WITHIN_6_MONTHS, ("--", "-"), strict=False)
        ]
        _histogram(
            np.clip(change, -30, 30),
            "weight change over 6 months (%)",
            lines,
            "weight change over 6 months against the GLIM criterion",
            out,
        )


def _plots(flags: pl.DataFrame, table: pl.DataFrame) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    _prevalence_plots(table, out)
    _measure_plots(flags, out)
    return out


def write_summary(path: Path, flags: pl.DataFrame, table: pl.DataFrame, result: ScreenResult) -> Path:
    env = Environment(autoescape=True)
    rows = list(table.iter_rows(named=True))
    html = env.from_string(_TEMPLATE).render(
        persons=result.persons,
        rows=result.rows,
        refused=result.refused,
        rule_version=RULE_VERSION,
        red_flags=red_flag_sentence(result.red_flags, result.red_flags_by_kind) if result.red_flags else "",
        by_reason=sorted(result.refused_by_reason.items()),
        overall=[r for r in rows if r["by"] == "all"],
        grouped=[r for r in rows if r["by"] != "all"],
        plots=_plots(flags, table),
        pct=_pct,
        by_words=BY_WORDS,
    )
    path.write_text(html, encoding="utf-8")
    return path
