"""Shared fixtures.

Reference data live in ``../shared/reference/`` beside the checkout (or where
``MYOSCOPE_SHARED`` points). Tests that need it skip with a message naming the
folder when it is absent, except under ``CI=true``, where its absence fails.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from _unavailable import unavailable

ROOT = Path(__file__).resolve().parents[1]


def _shared_dir() -> Path:
    env = os.environ.get("MYOSCOPE_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def require(path: Path, what: str) -> Path:
    """Return ``path`` if it exists; otherwise skip (or fail under CI=true) naming it."""
    if path.exists():
        return path
    unavailable(f"{what} not found at {path} (set MYOSCOPE_SHARED to the folder holding reference/)")


@pytest.fixture(scope="session", autouse=True)
def _temporary_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """myoscope's caches (pint's parsed unit definitions) go to a temporary folder, never the user's."""
    folder = tmp_path_factory.mktemp("cache")
    before = os.environ.get("MYOSCOPE_CACHE_DIR")
    os.environ["MYOSCOPE_CACHE_DIR"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("MYOSCOPE_CACHE_DIR", None)
    else:
        os.environ["MYOSCOPE_CACHE_DIR"] = before


@pytest.fixture(scope="session")
def reference_dir() -> Path:
    """``../shared/reference`` (skips with a clear message where absent, fails under CI)."""
    return require(_shared_dir() / "reference", "the shared reference folder")


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return ROOT / "examples"
