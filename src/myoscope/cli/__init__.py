"""The ``myoscope`` command line (typer + rich).

Each command lives in its own module of this package and exposes ``register(app)``. Modules are
imported only when their command runs, so ``myoscope --help`` and a quick ``validate`` do not load
the numerical models, the plotting library or the web app.

Exit codes: 0 done; 1 an internal error (a bug: please report it); 2 invalid input or usage;
130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import typer

from myoscope import __version__
from myoscope.cli._lazy import LazyGroup

EXIT_INTERNAL = 1
EXIT_INTERRUPTED = 130


class Commands(LazyGroup):
    """Every command, with the module that registers it (``myoscope.cli.<name>`` is tried first)."""

    COMMANDS = {
        "assess": "assess",
        "validate": "assess",
        "explain": "explain",
        "score": "score",
        "check": "check",
        "plan": "plan",
        "isncsci": "isncsci",
        "simulate": "simulate",
        "serve": "serve",
        "user": "user",
        "import-fhir": "fhir",
        "export-instrument": "fhir",
        "screen": "screen",
        "schema": "schema",
    }


app = typer.Typer(
    name="myoscope",
    cls=Commands,
    pretty_exceptions_enable=False,
    help="Is this person losing muscle, why, how fast, and what will reverse it?",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"myoscope {__version__}")
        raise typer.Exit(0)


@app.callback()
def _options(
    version: bool = typer.Option(
        False, "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Is this person losing muscle, why, how fast, and what will reverse it?"""
    from myoscope.cli._common import errors_as

    errors_as(None)  # each command says, from its --format, how it reports refusals


def main() -> None:
    """Console-script entry point: unexpected errors print one line (set MYOSCOPE_DEBUG=1 for details)."""
    import os
    import sys

    try:
        app(standalone_mode=True, prog_name="myoscope")
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
    except Exception as exc:  # a bug, not bad input: say so plainly
        if os.environ.get("MYOSCOPE_DEBUG"):
            raise
        from myoscope.report.escape import escape_text

        sys.stderr.write(
            f"myoscope: internal error ({exc.__class__.__name__}: {escape_text(str(exc))}). "
            "Please report it; set MYOSCOPE_DEBUG=1 to see the details.\n"
        )
        sys.exit(EXIT_INTERNAL)
