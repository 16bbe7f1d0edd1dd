"""Commands imported on first use: ``--help`` reads their one-line help from the source, unimported.

Reading the help with :mod:`ast` keeps it in one place (the command's docstring) while ``myoscope
--help`` stays fast: importing a command's module would load its numerical or web dependencies.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
from functools import cache
from typing import Any

import typer
import typer.core


def module_of(name: str, default: str) -> str:
    """``myoscope.cli.<name>`` where that module exists, else ``myoscope.cli.<default>``."""
    own = f"myoscope.cli.{name}"
    if importlib.util.find_spec(own) is not None:
        return own
    return f"myoscope.cli.{default}"


def load_command(name: str, module: str) -> Any:
    """The click command ``name``, registered by ``module`` into a throw-away typer app."""
    sub = typer.Typer(rich_markup_mode=None)
    importlib.import_module(module).register(sub)
    return typer.main.get_group(sub).commands[name]


def _string(node: ast.AST | None) -> str:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else ""


def _first_line(text: str) -> str:
    return " ".join(text.strip().split("\n\n")[0].split())


def _command_name(func: ast.FunctionDef) -> str | None:
    for deco in func.decorator_list:
        if isinstance(deco, ast.Call) and isinstance(deco.func, ast.Attribute) and deco.func.attr == "command":
            return _string(deco.args[0]) if deco.args else func.name.replace("_", "-")
    return None


def _typer_help(tree: ast.Module, variable: str) -> str:
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == variable for t in node.targets)
            and isinstance(node.value, ast.Call)
        ):
            return next((_string(k.value) for k in node.value.keywords if k.arg == "help"), "")
    return ""


@cache
def summaries(module: str) -> dict[str, str]:
    """Command name -> first paragraph of its help, for every command ``module`` registers."""
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        return {}
    with open(spec.origin, encoding="utf-8") as handle:
        tree = ast.parse(handle.read())
    found: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and (name := _command_name(node)):
            found[name] = _first_line(ast.get_docstring(node) or "")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "add_typer"
            and node.args
            and isinstance(node.args[0], ast.Name)
        ):
            name = next((_string(k.value) for k in node.keywords if k.arg == "name"), "")
            if name:
                found[name] = _first_line(_typer_help(tree, node.args[0].id))
    return found


class LazyGroup(typer.core.TyperGroup):
    """A group of the commands in ``COMMANDS`` (name -> default module), imported when they run."""

    COMMANDS: dict[str, str] = {}
    _listing = False

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.COMMANDS:
            return None
        module = module_of(cmd_name, self.COMMANDS[cmd_name])
        if self._listing and cmd_name not in self.commands:
            summary = summaries(module).get(cmd_name, "")
            return typer.core.TyperCommand(name=cmd_name, help=summary, short_help=summary)
        if cmd_name not in self.commands:
            self.commands[cmd_name] = load_command(cmd_name, module)
        return self.commands[cmd_name]

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False
