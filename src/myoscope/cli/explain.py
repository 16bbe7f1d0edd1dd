"""``myoscope explain [CAUSE]``: what a cause is, its rule table with citations, and its references."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from enum import Enum
from typing import Any

import typer

from myoscope.cli._common import errors_as, fail, stdout, write_output


class ExplainFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    html = "html"
    json = "json"


def _when(rule: dict[str, Any]) -> str:
    text = " and ".join(rule["when"]) or "otherwise"
    return text + (f" (unless {' or '.join(rule['unless'])})" if rule["unless"] else "")


def _text(data: dict[str, Any]) -> str:
    lines = [
        f"{data['title']} ({data['cause']})",
        "",
        data["explanation"],
        "",
        "Rules (the first that applies decides):",
    ]
    for i, r in enumerate(data["rules"], 1):
        lines.append(f"  {i}. [{r['id']}] when {_when(r)} -> {r['status']}: {r['rule']} [{r['citation'] or '-'}]")
    if data["table"]:
        lines += ["", "Conditions weighed (SNOMED CT code or name):"]
        lines += [
            f"  - {t['condition']} ({', '.join(t['snomed_ct']) or 'by name'}): fits {t['fits']} [{t['citation']}]"
            for t in data["table"]
        ]
    if data["depends_on"]:
        lines += ["", "Runs after: " + ", ".join(data["depends_on"])]
    lines += ["", "References"] + [f"  - [{r['key']}] {r['citation']}" for r in data["references"]]
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _markdown(data: dict[str, Any]) -> str:
    lines = [
        f"# {data['title']} (`{data['cause']}`)",
        "",
        data["explanation"],
        "",
        "## Rules",
        "",
        "| # | rule | when | status | because | source |",
        "|---|---|---|---|---|---|",
    ]
    for i, r in enumerate(data["rules"], 1):
        lines.append(
            f"| {i} | `{r['id']}` | {_cell(_when(r))} | {r['status']} | {_cell(r['rule'])} | {r['citation'] or '-'} |"
        )
    if data["table"]:
        lines += ["", "## Conditions weighed", "", "| condition | SNOMED CT | fits | source |", "|---|---|---|---|"]
        lines += [
            f"| {_cell(t['condition'])} | {', '.join(t['snomed_ct']) or 'by name'} | {t['fits']} | {t['citation']} |"
            for t in data["table"]
        ]
    lines += ["", "## References", ""] + [f"- **{r['key']}**: {_cell(r['citation'])}" for r in data["references"]]
    return "\n".join(lines) + "\n"


def _html(data: dict[str, Any]) -> str:
    e = html.escape
    rows = "".join(
        f"<tr><td>{i}</td><td><code>{e(r['id'])}</code></td><td>{e(_when(r))}</td><td>{e(r['status'])}"
        f"</td><td>{e(r['rule'])}</td><td>{e(r['citation'] or '-')}</td></tr>"
        for i, r in enumerate(data["rules"], 1)
    )
    table = "".join(
        f"<tr><td>{e(t['condition'])}</td><td>{e(', '.join(t['snomed_ct']) or 'by name')}</td>"
        f"<td>{e(t['fits'])}</td><td>{e(t['citation'])}</td></tr>"
        for t in data["table"]
    )
    if table:
        table = (
            "<h2>Conditions weighed</h2><table><thead><tr><th>condition</th><th>SNOMED CT</th><th>fits</th>"
            f"<th>source</th></tr></thead><tbody>{table}</tbody></table>"
        )
    refs = "".join(f"<li><b>{e(r['key'])}</b>: {e(r['citation'])}</li>" for r in data["references"])
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{e(data["title"])}</title></head>'
        f"<body><h1>{e(data['title'])} (<code>{e(data['cause'])}</code>)</h1><p>{e(data['explanation'])}</p>"
        "<h2>Rules</h2><table><thead><tr><th>#</th><th>rule</th><th>when</th><th>status</th><th>because</th>"
        f"<th>source</th></tr></thead><tbody>{rows}</tbody></table>{table}<h2>References</h2><ul>{refs}</ul>"
        "</body></html>\n"
    )


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2)


RENDER: dict[ExplainFormat, Callable[[dict[str, Any]], str]] = {
    ExplainFormat.text: _text,
    ExplainFormat.markdown: _markdown,
    ExplainFormat.html: _html,
    ExplainFormat.json: _json,
}


def register(app: typer.Typer) -> None:
    @app.command()
    def explain(
        cause: str = typer.Argument(None, help="A cause name (case-insensitive); omit to list them."),
        format: ExplainFormat = typer.Option(
            ExplainFormat.text, "--format", "-f", help="text, markdown, html or json."
        ),
    ) -> None:
        """What a cause is, the rule table that decides its status (with citations), and its references."""
        from myoscope.causes.contract import describe
        from myoscope.causes.registry import registry, spec

        errors_as(format)
        if cause is None:
            items = [{"cause": s.name, "title": s.title} for s in registry()]
            if format is ExplainFormat.json:
                write_output(json.dumps(items, indent=2), None)
            else:
                for item in items:
                    stdout.print(f"{item['cause']:24} {item['title']}", markup=False)
            return
        try:
            data = describe(spec(cause))
        except KeyError:
            fail(f"unknown cause {cause!r}; known: {', '.join(s.name for s in registry())}")
        write_output(RENDER[format](data), None)
