"""The mypy configuration keeps its promise (pyproject ``[tool.mypy]``): ``strict`` holds for src/, no module of
the six strict packages is relaxed by an override, and the typing-debt list, now empty, can only stay so: no module
of the package may have its errors ignored."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "myoscope"

STRICT = ("record", "instruments", "criteria", "physiology", "isncsci", "causes")
"""The packages DESIGN §2 holds to ``strict`` typing (issue 13)."""

RELAXING = {
    "ignore_errors": True,
    "disallow_untyped_defs": False,
    "disallow_incomplete_defs": False,
    "disallow_untyped_calls": False,
    "disallow_any_generics": False,
    "check_untyped_defs": False,
    "warn_return_any": False,
    "strict": False,
    "follow_imports": "skip",
}
"""Override settings that weaken what ``strict`` checks, with the value that weakens it."""


def _overrides(config: dict[str, Any]) -> list[dict[str, Any]]:
    return list(config["tool"]["mypy"].get("overrides", []))


def _modules(override: dict[str, Any]) -> list[str]:
    module = override["module"]
    return [module] if isinstance(module, str) else list(module)


def _in_strict_package(module: str) -> bool:
    return any(module == f"myoscope.{p}" or module.startswith(f"myoscope.{p}.") for p in STRICT)


def relaxed_strict_modules(config: dict[str, Any]) -> dict[str, list[str]]:
    """Strict-package modules (or patterns) named by an override that weakens checking -> the settings it weakens."""
    found: dict[str, list[str]] = {}
    for override in _overrides(config):
        weakened = [key for key, value in RELAXING.items() if override.get(key) == value]
        weakened += ["disable_error_code"] if override.get("disable_error_code") else []
        if not weakened:
            continue
        for module in _modules(override):
            if _in_strict_package(module) or module in ("myoscope", "myoscope.*"):
                found.setdefault(module, []).extend(weakened)
    return found


def ignored_modules(config: dict[str, Any]) -> list[str]:
    """Modules of the package (or patterns) whose type errors an override ignores: the typing-debt list."""
    return [
        module
        for override in _overrides(config)
        if override.get("ignore_errors") is True
        for module in _modules(override)
        if module == "myoscope" or module.startswith("myoscope.")
    ]


def debt_problems(config: dict[str, Any]) -> list[str]:
    """What is wrong with the typing configuration, in words (empty when all holds)."""
    problems = []
    for module, weakened in sorted(relaxed_strict_modules(config).items()):
        problems.append(f"{module} is in a strict package but an override sets {', '.join(sorted(set(weakened)))}")
    excluded = config["tool"]["mypy"].get("untyped_calls_exclude", [])
    problems += [
        f"{m} is in a strict package but typed code may call it untyped" for m in excluded if _in_strict_package(m)
    ]
    if config["tool"]["mypy"].get("strict") is not True:
        strict = {m for o in _overrides(config) if o.get("strict") is True for m in _modules(o)}
        problems += [f"myoscope.{p}.* is not under strict = true" for p in STRICT if f"myoscope.{p}.*" not in strict]
    return problems


@pytest.fixture(scope="module")
def config() -> dict[str, Any]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_no_module_of_a_strict_package_is_on_the_debt_list(config):
    assert debt_problems(config) == []


def test_the_typing_debt_list_is_empty_and_stays_so(config):
    assert ignored_modules(config) == []


@pytest.mark.parametrize(
    "override",
    [
        {"module": ["myoscope.web._app"], "ignore_errors": True},
        {"module": "myoscope.store.*", "ignore_errors": True},
    ],
)
def test_a_module_put_on_the_debt_list_is_found(config, override):
    broken = {**config, "tool": {**config["tool"], "mypy": {**config["tool"]["mypy"]}}}
    broken["tool"]["mypy"]["overrides"] = [*_overrides(config), override]
    assert ignored_modules(broken) == _modules(override)


def test_every_module_on_the_debt_list_exists(config):
    """A module that was renamed or removed is taken off the list, not left behind on it."""
    missing = []
    for override in _overrides(config):
        if override.get("ignore_errors") is not True:
            continue
        for module in _modules(override):
            parts = module.split(".")[1:]
            path = PACKAGE.joinpath(*parts)
            if not (path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()):
                missing.append(module)
    assert missing == []


@pytest.mark.parametrize(
    "override",
    [
        {"module": ["myoscope.cli.assess", "myoscope.causes.sci"], "ignore_errors": True},
        {"module": "myoscope.record._models", "ignore_errors": True},
        {"module": ["myoscope.criteria.*"], "disallow_untyped_defs": False},
        {"module": "myoscope.physiology.projection", "strict": False},
        {"module": ["myoscope.isncsci._kernel"], "disallow_untyped_defs": False},
        {"module": "myoscope.physiology.hall._kernel", "disallow_untyped_calls": False},
        {"module": "myoscope.causes.*", "disable_error_code": ["no-any-return"]},
    ],
)
def test_the_check_fails_when_a_strict_module_is_put_back(config, override):
    broken = {**config, "tool": {**config["tool"], "mypy": {**config["tool"]["mypy"]}}}
    broken["tool"]["mypy"]["overrides"] = [*_overrides(config), override]
    assert debt_problems(broken) != []


def test_strict_is_on_for_the_whole_of_src(config):
    assert config["tool"]["mypy"]["strict"] is True
    assert config["tool"]["mypy"]["files"] == ["src"]


def test_the_check_fails_when_a_strict_kernel_may_be_called_untyped(config):
    mypy = {**config["tool"]["mypy"], "untyped_calls_exclude": ["myoscope.isncsci._walks"]}
    assert debt_problems({**config, "tool": {**config["tool"], "mypy": mypy}}) != []


def test_the_check_fails_when_strict_is_turned_off(config):
    broken = {**config, "tool": {**config["tool"], "mypy": {**config["tool"]["mypy"], "strict": False}}}
    assert "myoscope.causes.* is not under strict = true" in debt_problems(broken)
    broken["tool"]["mypy"]["overrides"] = [*_overrides(config), {"module": ["myoscope.causes.*"], "strict": True}]
    assert not any("myoscope.causes.*" in p for p in debt_problems(broken))
