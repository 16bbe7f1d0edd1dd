"""What every command shares: reading input files, printing problems, exit codes."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import stat
import sys
import tempfile
from contextvars import ContextVar
from enum import Enum
from pathlib import Path
from typing import Any, NoReturn

import typer

from myoscope.errors import ABSENT, InputError, Problem, os_reason
from myoscope.report.escape import escape_text

EXIT_OK = 0
EXIT_INVALID = 2


class _Console:
    """A rich console made on first use, so that a command printing plain text never imports rich."""

    def __init__(self, **options: Any) -> None:
        self._options = options
        self._console: Any = None

    def __getattr__(self, name: str) -> Any:
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self._options)
        return getattr(self._console, name)


stderr = _Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)
stdout = _Console(highlight=False, soft_wrap=True, emoji=False)


class Format(str, Enum):
    text = "text"
    json = "json"


_JSON_ERRORS_IN: ContextVar[object | None] = ContextVar("json_errors_in", default=None)
"""The command invocation (its typer context) that asked for JSON; refusals of any other are text."""


def errors_as(format: Any) -> None:
    """Refusals of the running command are printed as JSON when it was asked for JSON (``--format json``),
    as text otherwise: a script that reads the command's JSON reads its refusals too. Tied to this invocation,
    so a later command run in the same process (a test, a shell) does not inherit it."""
    from typer._click.globals import get_current_context  # typer carries its own click (0.29+)

    asked = getattr(format, "value", format) == "json"
    _JSON_ERRORS_IN.set(get_current_context(silent=True) if asked else None)


def _errors_in_json() -> bool:
    from typer._click.globals import get_current_context  # typer carries its own click (0.29+)

    context = get_current_context(silent=True)
    return context is not None and _JSON_ERRORS_IN.get() is context


def fail(problems: InputError | list[Problem] | str, *, as_json: bool = False) -> NoReturn:
    """Print the problems (one line each, or JSON) to stderr and exit with code 2."""
    as_json = as_json or _errors_in_json()
    if isinstance(problems, str):
        if not as_json:
            stderr.print(f"invalid input: {escape_text(problems)}", markup=False)
            raise typer.Exit(EXIT_INVALID)
        problems = [Problem("", ABSENT, problems)]
    items = problems.problems if isinstance(problems, InputError) else problems
    if as_json:
        sys.stderr.write(
            json.dumps({"error": "invalid input", "problems": [p.to_json() for p in items]}, indent=2) + "\n"
        )
    else:
        stderr.print(f"[bold red]invalid input[/] ({len(items)} problem{'s' if len(items) != 1 else ''}):")
        for p in items:
            stderr.print(f"  - {escape_text(str(p))}", markup=False)
    raise typer.Exit(EXIT_INVALID)


def read_data(path: Path) -> Any:
    """Parse a JSON or YAML file (``-`` for standard input); refuse unreadable files cleanly."""
    import gzip

    from myoscope.record import MAX_DATA_BYTES, MAX_FILE_BYTES, read_limited

    # YAML is parsed slowly: a YAML file is held to a record's size, JSON data to the larger data limit
    limit = MAX_FILE_BYTES if path.suffix in (".yaml", ".yml") else MAX_DATA_BYTES
    try:
        if str(path) == "-":
            text = read_limited(sys.stdin.buffer, limit=limit)
        elif path.suffix == ".gz":
            with gzip.open(path, "rb") as handle:  # decompressed no further than the limit
                text = read_limited(handle, limit=limit)
        else:
            with open(path, "rb") as handle:
                text = read_limited(handle, limit=limit)
    except FileNotFoundError:
        fail([Problem("", str(path), "file not found")])
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        fail([Problem("", str(path), f"cannot read the file ({os_reason(exc)})")])
    except InputError as exc:
        fail(exc)
    from myoscope.record import parse_data

    suffix = ".yaml" if path.suffix in (".yaml", ".yml") else ".json"
    if str(path) == "-" and text.lstrip("\ufeff \t\r\n")[:1] not in ("{", "["):
        suffix = ".yaml"  # standard input has no name: JSON starts with an object or a list, YAML otherwise
        if len(text.encode("utf-8")) > MAX_FILE_BYTES:
            fail(
                [
                    Problem(
                        "file", f"more than {MAX_FILE_BYTES} bytes", "is too large", f"at most {MAX_FILE_BYTES} bytes"
                    )
                ]
            )
    try:
        return parse_data(text, suffix)
    except InputError as exc:
        fail(exc)


def option_date(text: str | None, option: str = "--on") -> dt.date | None:
    """The date an option names (YYYY-MM-DD), or None if not given; anything else exits 2 naming the option."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        fail([Problem(option, text, "is not a date", "YYYY-MM-DD")])


def is_stdout(out: Path | None) -> bool:
    """True where ``out`` means standard output (no ``-o``, or ``-o -``)."""
    return out is None or str(out) == "-"


def _file_mode(path: Path) -> int | None:
    """The ``st_mode`` of ``path`` (following links), or None if nothing is there."""
    try:
        return os.stat(path).st_mode
    except FileNotFoundError:
        return None


def check_output_path(out: Path) -> None:
    """Refuse (exit 2) an output path that is not a regular file or a new file in an existing folder."""
    try:
        mode = _file_mode(out)
    except OSError as exc:
        fail([Problem("--output", str(out), f"cannot use this path ({os_reason(exc)})")])
    if mode is None:
        if not out.parent.is_dir():
            fail([Problem("--output", str(out), "the folder does not exist")])
        return
    if not stat.S_ISREG(mode):
        kind = (
            "a folder"
            if stat.S_ISDIR(mode)
            else "a named pipe (FIFO)"
            if stat.S_ISFIFO(mode)
            else "a device"
            if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "a socket"
            if stat.S_ISSOCK(mode)
            else "not a regular file"
        )
        fail([Problem("--output", str(out), f"is {kind}; give a file name, or - for standard output")])


def check_outputs(outputs: list[tuple[str, Path | None]], inputs: list[Path]) -> None:
    """Refuse (exit 2), before anything is written: an output that is one of the input files, and two outputs
    that are the same file (``option``, path pairs; None or ``-`` is standard output)."""

    def same(path: Path) -> Path:
        return path.resolve() if path.exists() or path.parent.exists() else path.absolute()

    given = {same(p) for p in inputs if p.exists()}
    seen: dict[Path, str] = {}
    problems = []
    for option, path in outputs:
        if is_stdout(path):
            continue
        assert path is not None
        where = same(path)
        if where in given:
            problems.append(Problem(option, str(path), "is an input file: writing it would replace it", "another file"))
        elif where in seen:
            problems.append(
                Problem(
                    option,
                    str(path),
                    f"is also the output of {seen[where]}: one would replace the other",
                    "one file per output (rename one of the inputs)",
                )
            )
        seen[where] = option
    if problems:
        fail(problems)


def write_output(text: str | bytes, out: Path | None) -> None:
    """Write to standard output (``out`` None or ``-``) or atomically to a regular file ``out``.

    The content goes to a temporary file beside ``out`` that then replaces it, so a reader never
    sees half a report; a folder, a named pipe or a device is refused with exit code 2.
    """
    if is_stdout(out):
        if isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    assert out is not None
    check_output_path(out)
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    mode = _new_file_mode(out)
    handle, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, out)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _new_file_mode(out: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(out).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def plain(text: str) -> str:
    """``text`` to print through rich: control characters escaped and rich markup shown as typed."""
    from rich.markup import escape

    return escape(escape_text(text))
