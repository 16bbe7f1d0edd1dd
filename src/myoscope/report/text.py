"""Terminal report (rich): red flags first, the finding, then each cause."""

from __future__ import annotations

import io

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table as RichTable
from rich.text import Text

from myoscope.causes import Assessment, CauseAssessment, Status

STATUS_STYLE = {
    Status.likely: "bold red",
    Status.possible: "bold yellow",
    Status.not_supported: "green",
    Status.cannot_tell: "bold magenta",
}


def render_text(assessment: Assessment, width: int = 100, color: bool = False) -> str:
    console = Console(file=io.StringIO(), width=width, record=True, force_terminal=color, color_system="standard" if color else None,
                      highlight=False)
    print_assessment(console, assessment)
    return console.export_text(styles=color)


def print_assessment(console: Console, assessment: Assessment) -> None:
    console.print(Text(f"myoscope assessment: {assessment.person_id}, as of {assessment.on.isoformat()}",
                       style="bold"))
    if assessment.red_flags:
        lines = [Text(f"! {f.message}\n  {f.advice}", style="bold red") for f in assessment.red_flags]
        console.print(Panel(Group(*lines), title="RED FLAGS: see a clinician", border_style="red"))
    console.print(_cause(assessment.atrophy))
    leading = assessment.leading
    console.print(Text(f"Leading cause: {leading.title if leading else 'none identified'}", style="bold"))
    for cause in assessment.ranked:
        console.print(_cause(cause))
    console.print(Text("myoscope supports clinical judgement; it does not make diagnoses.", style="dim"))


def _cause(cause: CauseAssessment) -> Panel:
    parts: list = [Text(cause.summary)]
    if cause.evidence:
        table = RichTable(show_header=True, header_style="bold", box=None, pad_edge=False, expand=True)
        table.add_column("", width=3)
        table.add_column("finding", ratio=3)
        table.add_column("value", ratio=2)
        table.add_column("source", ratio=1)
        for e in cause.evidence:
            table.add_row({"for": "+", "against": "-", "context": "·"}[e.direction.value], e.finding, e.value,
                          e.citation or "")
        parts.append(table)
    if cause.reversibility.value != "not applicable":
        parts.append(Text(f"Reversibility: {cause.reversibility.value}", style="italic"))
    for step in cause.next_steps:
        parts.append(Text(f"-> {step.action}" + (f" ({step.why})" if step.why else "")))
    if cause.missing:
        parts.append(Text("To settle it, measure or ask: " + "; ".join(cause.missing), style="magenta"))
    title = Text.assemble((cause.title, "bold"), "  ", (cause.status.value.upper(), STATUS_STYLE[cause.status]))
    return Panel(Group(*parts), title=title, title_align="left")
