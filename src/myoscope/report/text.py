"""Terminal report (rich): red flags first, the summary, then each cause in detail.

The width follows the terminal (or ``COLUMNS``); source keys are never cut; every string from the
record is shown with its control characters escaped.
"""

from __future__ import annotations

import io
import shutil
from typing import TYPE_CHECKING, Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table as RichTable
from rich.text import Text

from myoscope.report._summary import still_to_settle, summarise
from myoscope.report.escape import escape_text
from myoscope.report.evidence import clinician_words

if TYPE_CHECKING:
    from myoscope.causes import Assessment, CauseAssessment

STATUS_STYLE = {
    "likely": "bold red",
    "possible": "bold yellow",
    "not supported": "green",
    "cannot tell": "bold magenta",
}
MIN_WIDTH, MAX_WIDTH, DEFAULT_WIDTH = 40, 200, 100
SIGNS = {"for": "+", "against": "-", "context": "·"}


def terminal_width() -> int:
    """The width to draw at: ``COLUMNS``, else the terminal's, else 100; kept within 40-200."""
    return max(MIN_WIDTH, min(MAX_WIDTH, shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns))


def render_text(assessment: Assessment, width: int | None = None, color: bool = False, person: Any = None) -> str:
    console = Console(
        file=io.StringIO(),
        width=width or terminal_width(),
        record=True,
        force_terminal=color,
        color_system="standard" if color else None,
        highlight=False,
    )
    print_assessment(console, assessment, person)
    return console.export_text(styles=color)


def _t(text: str, style: str = "") -> Text:
    return Text(escape_text(clinician_words(text)), style=style)


def print_assessment(console: Console, assessment: Assessment, person: Any = None) -> None:
    summary = summarise(assessment, person)
    console.print(_t(f"myoscope assessment: {summary.person}, as of {summary.date}", "bold"))
    if assessment.red_flags:
        lines = [_t(f"! {f.message}\n  {f.advice}", "bold red") for f in assessment.red_flags]
        console.print(Panel(Group(*lines), title="RED FLAGS: see a clinician", border_style="red"))
    console.print(_summary_panel(summary))
    console.print(_cause(assessment.atrophy))
    for cause in assessment.ranked:
        console.print(_cause(cause))
    console.print(Text("myoscope supports clinical judgement; it does not make diagnoses.", style="dim"))


def _status(cause: CauseAssessment) -> Text:
    return Text(cause.status.value.upper(), style=STATUS_STYLE.get(cause.status.value, "bold"))


def _summary_panel(summary) -> Panel:
    finding = summary.finding
    label = finding.title if finding.title.endswith("?") else finding.title + ":"
    parts: list = [
        Text.assemble((escape_text(label) + " ", "bold"), _status(finding), " ", escape_text(finding.summary))
    ]
    if summary.causes:
        parts.append(Text("Leading causes", style="bold"))
        for cause in summary.causes:
            parts.append(
                Text.assemble(
                    "  ", (escape_text(cause.title), "bold"), " ", _status(cause), ": ", escape_text(cause.summary)
                )
            )
    else:
        parts.append(Text("Leading cause: none identified", style="bold"))
    if summary.steps:
        parts.append(Text("Next steps", style="bold"))
        parts.extend(_t(f"  -> {s.action}" + (f" ({s.why})" if s.why else "")) for s in summary.steps)
    return Panel(Group(*parts), title="Summary", title_align="left")


def _evidence_table(cause: CauseAssessment) -> RichTable:
    table = RichTable(show_header=True, header_style="bold", box=None, pad_edge=False, expand=True)
    keys = [e.citation or "" for e in cause.evidence]
    table.add_column("", width=1, no_wrap=True)
    table.add_column("finding", ratio=3, overflow="fold")
    table.add_column("value", ratio=2, overflow="fold")
    table.add_column("source", width=max(6, *(len(k) for k in keys)), no_wrap=True, overflow="fold")
    for e, key in zip(cause.evidence, keys, strict=True):
        table.add_row(SIGNS.get(e.direction.value, "·"), _t(e.finding), _t(e.value), _t(key))
    return table


def _cause(cause: CauseAssessment) -> Panel:
    parts: list = [_t(cause.summary)]
    if cause.evidence:
        parts.append(_evidence_table(cause))
    if cause.reversibility.value != "not applicable":
        parts.append(_t(f"Reversibility: {cause.reversibility.value}", "italic"))
    for step in cause.next_steps:
        parts.append(_t(f"-> {step.action}" + (f" ({step.why})" if step.why else "")))
    missing = still_to_settle(cause)
    if missing:
        parts.append(_t("To settle it, measure or ask: " + "; ".join(missing), "magenta"))
    title = Text.assemble((escape_text(cause.title), "bold"), "  ", _status(cause))
    return Panel(Group(*parts), title=title, title_align="left")
