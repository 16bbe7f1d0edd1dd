"""Run the reference implementation (npm ``isncsci`` 2.0.6) under Node.

The package is installed with npm into ``<repo>/.cache/isncsci-node`` when it
is missing (a plain existence and version check, no lock). Used by the
differential test and by ``bench/isncsci.py``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

PACKAGE = "isncsci"
VERSION = "2.0.6"
ROOT = Path(__file__).resolve().parents[2]
PREFIX = ROOT / ".cache" / "isncsci-node"
PACKAGE_DIR = PREFIX / "node_modules" / PACKAGE
DRIVER = Path(__file__).resolve().parent / "isncsci_node_driver.js"


def missing_tools() -> list[str]:
    """Names of the command-line tools (node, npm) that cannot be found."""
    return [tool for tool in ("node", "npm") if shutil.which(tool) is None]


def installed_version() -> str | None:
    manifest = PACKAGE_DIR / "package.json"
    if not manifest.exists():
        return None
    return json.loads(manifest.read_text(encoding="utf-8")).get("version")


def ensure_package() -> Path:
    """Install ``isncsci@2.0.6`` under ``.cache/isncsci-node`` unless it is already there."""
    if installed_version() != VERSION:
        PREFIX.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--prefix", str(PREFIX), f"{PACKAGE}@{VERSION}", "--no-audit", "--no-fund"],
            check=True,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if installed_version() != VERSION:
            raise RuntimeError(f"npm did not install {PACKAGE}@{VERSION} into {PREFIX}")
    return PACKAGE_DIR


def classify_with_node(exams: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The reference's OUTPUT for each exam (``{"error": ...}`` where it throws)."""
    done = subprocess.run(
        ["node", str(DRIVER), str(ensure_package())],
        input=json.dumps(list(exams)),
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    return json.loads(done.stdout)


def time_node(exams: Sequence[dict[str, Any]], repeat: int) -> tuple[int, float]:
    """(classifications, seconds) for ``repeat`` passes of the reference over ``exams``."""
    done = subprocess.run(
        ["node", str(DRIVER), str(ensure_package()), "--repeat", str(repeat)],
        input=json.dumps(list(exams)),
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    timing = json.loads(done.stdout)
    return int(timing["classifications"]), float(timing["seconds"])
