"""``python -m myoscope`` is the same command line as ``myoscope``; its help is plain text that fits the terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import myoscope

SOURCE = str(Path(myoscope.__file__).resolve().parents[1])


def _module(*args: str, columns: int = 80) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": SOURCE, "COLUMNS": str(columns)}
    return subprocess.run(
        [sys.executable, "-m", "myoscope", *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_python_dash_m_prints_the_version():
    done = _module("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"myoscope {myoscope.__version__}"


@pytest.mark.parametrize("args", [["--help"], ["assess", "--help"]])
def test_help_names_the_program_and_fits_80_columns_in_plain_text(args):
    done = _module(*args)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Usage: myoscope "), done.stdout[:80]
    assert max(len(line) for line in done.stdout.splitlines()) <= 80
    assert not any(ch in done.stdout for ch in "╭│╰\x1b"), "help is plain text, without boxes or colour codes"
