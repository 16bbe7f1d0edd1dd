"""The layering of DESIGN.md §2 is a contract: import-linter checks it (pyproject [tool.importlinter]),
and no module imports another package's private (_underscore) names."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

CATALOGUE_FRONT = {("myoscope.references", "myoscope._catalogue")}
"""The one allowed reach-in: references.py is the public face of the private catalogue package."""


def _lint(src: Path, config: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", str(config)], capture_output=True, text=True, env=env, cwd=config.parent
    )


def test_import_contracts_are_kept():
    result = _lint(SRC, ROOT / "pyproject.toml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_contract_breaks_when_a_lower_layer_imports_a_higher_one(tmp_path):
    shutil.copytree(SRC / "myoscope", tmp_path / "src" / "myoscope", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    io = tmp_path / "src" / "myoscope" / "record" / "_io.py"
    io.write_text(io.read_text(encoding="utf-8") + "\n\ndef _upward():\n    import myoscope.causes  # noqa\n")
    result = _lint(tmp_path / "src", tmp_path / "pyproject.toml")
    assert result.returncode != 0
    assert "myoscope.record._io -> myoscope.causes" in result.stdout


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[tuple[int, str, list[str]]]:
    """(line, imported module, imported names) of every import in a file, relative ones resolved."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name, []) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.append((node.lineno, target, [alias.name for alias in node.names]))
    return found


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def private_reach_ins(paths) -> list[str]:
    """Imports of another package's private module or name: ``myoscope.X._y`` or ``from myoscope.X import _y``."""
    faults = []
    for path in paths:
        importer = _module_name(path)
        home = importer.split(".")[:2]
        for line, target, names in _imports(path):
            parts = target.split(".")
            if parts[0] != "myoscope" or len(parts) < 2 or parts[:2] == home:
                continue
            if (importer, ".".join(parts[:2])) in CATALOGUE_FRONT:
                continue
            if any(_private(p) for p in parts[1:]) or any(_private(n) for n in names):
                faults.append(f"{path.relative_to(SRC)}:{line} imports {target} {names}")
    return faults


def test_no_module_imports_another_packages_private_names():
    assert private_reach_ins(sorted((SRC / "myoscope").rglob("*.py"))) == []


def test_the_private_scan_finds_a_reach_in(tmp_path, monkeypatch):
    fake = tmp_path / "myoscope" / "criteria"
    fake.mkdir(parents=True)
    (fake / "new.py").write_text(
        "from myoscope.instruments._base import Score\n"
        "from myoscope.instruments import _cutoff\n"
        "import myoscope.record._kinds\n"
        "from myoscope.criteria._mass import x\n"  # within one package: allowed
        "from myoscope.instruments.api import Score\n"
    )
    monkeypatch.setattr(sys.modules[__name__], "SRC", tmp_path)
    faults = private_reach_ins([fake / "new.py"])
    assert [f.split(" imports ")[1].split(" ")[0] for f in faults] == [
        "myoscope.instruments._base",
        "myoscope.instruments",
        "myoscope.record._kinds",
    ]
