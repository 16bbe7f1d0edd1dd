"""What every command shares: reading input files, printing problems, exit codes."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Any, NoReturn

import typer
from rich.console import Console

from myoscope.errors import InputError, Problem

EXIT_OK = 0
EXIT_INVALID = 2

stderr = Console(stderr=True, highlight=False, soft_wrap=True)
stdout = Console(highlight=False, soft_wrap=True)


class Format(str, Enum):
    text = "text"
    json = "json"


def fail(problems: InputError | list[Problem] | str, *, as_json: bool = False) -> NoReturn:
    """Print the problems (one line each, or JSON) to stderr and exit with code 2."""
    if isinstance(problems, str):
        problems = [Problem("", None, problems)]
    items = problems.problems if isinstance(problems, InputError) else problems
    if as_json:
        sys.stderr.write(json.dumps({"error": "invalid input", "problems": [p.to_json() for p in items]},
                                    indent=2) + "\n")
    else:
        stderr.print(f"[bold red]invalid input[/] ({len(items)} problem{'s' if len(items) != 1 else ''}):")
        for p in items:
            stderr.print(f"  - {p}", markup=False)
    raise typer.Exit(EXIT_INVALID)


def read_data(path: Path) -> Any:
    """Parse a JSON or YAML file (``-`` for standard input); refuse unreadable files cleanly."""
    import gzip

    import yaml

    try:
        if str(path) == "-":
            text = sys.stdin.read()
        elif path.suffix == ".gz":
            text = gzip.open(path, "rt", encoding="utf-8").read()
        else:
            text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        fail([Problem("", str(path), "file not found")])
    except (OSError, UnicodeDecodeError) as exc:
        fail([Problem("", str(path), f"cannot read the file ({exc.__class__.__name__})")])
    try:
        if path.suffix in (".yaml", ".yml"):
            return yaml.safe_load(text)
        return json.loads(text)
    except json.JSONDecodeError as exc:
        fail([Problem(f"line {exc.lineno}, column {exc.colno}", None, f"not valid JSON: {exc.msg}")])
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        fail([Problem(where, None, f"not valid YAML: {getattr(exc, 'problem', exc)}")])


def write_output(text: str, out: Path | None) -> None:
    """Write to ``out`` (atomically) or standard output."""
    if out is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    tmp = out.with_name(out.name + ".part")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out)
