"""Terminal report (rich): red flags first, the summary, then each cause in detail.

Layout only: what is shown comes from the presentation model (:mod:`myoscope.report.model`). The width
follows the terminal (or ``COLUMNS``); source keys are never cut; every string from the record is shown
with its control characters escaped.
"""

from __future__ import annotations

import io
import shutil

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table as RichTable
from rich.text import Text

from myoscope.report.escape import escape_text
from myoscope.report.model import Report, Section, Step

STATUS_STYLE = {
    "likely": "bold red",
    "possible": "bold yellow",
    "not supported": "green",
    "cannot tell": "bold magenta",
}
MIN_WIDTH, MAX_WIDTH, DEFAULT_WIDTH = 40, 200, 100


def terminal_width() -> int:
    """The width to draw at: ``COLUMNS``, else the terminal's, else 100; kept within 40-200."""
    return max(MIN_WIDTH, min(MAX_WIDTH, shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns))


def render_text(report: Report, width: int | None = None, color: bool = False) -> str:
    console = Console(
        file=io.StringIO(),
        width=width or terminal_width(),
        record=True,
        force_terminal=color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
    )
    print_report(console, report)
    return console.export_text(styles=color)


def _t(text: str, style: str = "") -> Text:
    return Text(escape_text(text), style=style)


def print_report(console: Console, report: Report) -> None:
    console.print(_t(f"myoscope assessment: {report.summary.person}, as of {report.summary.date}", "bold"))
    if report.red_flags:
        lines = [_t(f"! {f.message}\n  {f.advice}", "bold red") for f in report.red_flags]
        console.print(Panel(Group(*lines), title="RED FLAGS: see a clinician", border_style="red"))
    console.print(_summary_panel(report))
    console.print(_cause(report.atrophy))
    for cause in report.causes:
        console.print(_cause(cause))
    if report.references:
        console.print(Text("References", style="bold"))
        for r in report.references:
            console.print(_t(f"  [{r.key}] {r.citation}"))
    console.print(_t(report.disclaimer, "dim"))


def _status(section: Section) -> Text:
    return Text(section.status.upper(), style=STATUS_STYLE.get(section.status, "bold"))


def _step(step: Step, indent: str = "") -> Text:
    return _t(f"{indent}-> {step.action}" + (f" ({step.why})" if step.why else ""))


def _summary_panel(report: Report) -> Panel:
    finding = report.atrophy
    lead = Text.assemble((escape_text(finding.label) + " ", "bold"), _status(finding), " ", _t(finding.summary))
    parts: list[RenderableType] = [lead]
    if report.leading_sections:
        parts.append(Text(report.summary.causes_heading, style="bold"))
        for cause in report.leading_sections:
            parts.append(
                Text.assemble("  ", (escape_text(cause.title), "bold"), " ", _status(cause), ": ", _t(cause.summary))
            )
    else:
        parts.append(Text("Leading cause: none identified", style="bold"))
    if report.summary.next_steps:
        parts.append(Text("Next steps", style="bold"))
        parts.extend(_step(s, "  ") for s in report.summary.next_steps)
    return Panel(Group(*parts), title="Summary", title_align="left")


def _evidence_table(section: Section) -> RichTable:
    table = RichTable(show_header=True, header_style="bold", box=None, pad_edge=False, expand=True)
    keys = [e.citation or "" for e in section.evidence]
    table.add_column("", width=1, no_wrap=True)
    table.add_column("finding", ratio=3, overflow="fold")
    table.add_column("value", ratio=2, overflow="fold")
    table.add_column("source", width=max(6, *(len(k) for k in keys)), no_wrap=True, overflow="fold")
    for e, key in zip(section.evidence, keys, strict=True):
        table.add_row(e.sign, _t(e.finding), _t(e.value), _t(key))
    return table


def _cause(section: Section) -> Panel:
    parts: list[RenderableType] = [_t(section.summary)]
    if section.evidence:
        parts.append(_evidence_table(section))
    if section.shows_reversibility:
        parts.append(_t(f"Reversibility: {section.reversibility}", "italic"))
    parts.extend(_step(s) for s in section.next_steps)
    if section.to_settle:
        parts.append(_t("To settle it, measure or ask: " + "; ".join(section.to_settle), "magenta"))
    title = Text.assemble((escape_text(section.title), "bold"), "  ", _status(section))
    return Panel(Group(*parts), title=title, title_align="left")
