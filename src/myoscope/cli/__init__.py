"""The ``myoscope`` command line (typer + rich).

Each command lives in its own module of this package and exposes
``register(app)``; exit codes: 0 ok, 1 a finding that needs attention was
requested as a failure (never by default), 2 invalid input or usage.
"""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="myoscope",
    pretty_exceptions_enable=False,
    help="Is this person losing muscle, why, how fast, and what will reverse it?",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_COMMANDS: tuple[str, ...] = ("assess", "score", "check", "plan", "isncsci", "simulate", "serve", "user", "screen")


def _register_all() -> None:
    for name in _COMMANDS:
        importlib.import_module(f"myoscope.cli.{name}").register(app)


_register_all()


def main() -> None:
    """Console-script entry point: unexpected errors print one line (set MYOSCOPE_DEBUG=1 for details)."""
    import os
    import sys

    try:
        app(standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)
    except Exception as exc:  # a bug, not bad input: say so plainly
        if os.environ.get("MYOSCOPE_DEBUG"):
            raise
        sys.stderr.write(f"myoscope: internal error ({exc.__class__.__name__}: {exc}). "
                         "Please report it; set MYOSCOPE_DEBUG=1 to see the details.\n")
        sys.exit(1)
