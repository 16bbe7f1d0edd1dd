"""Pint's parsed unit definitions are cached in myoscope's cache folder; a bad cache is passed over."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from myoscope import units

CASES = (("158 lb", "kg"), ("9 st 6 lb", "kg"), ("5 ft 9 in", "cm"), ("1800 kcal", "kJ"), ("30 min", "s"))


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """A cache folder of this test's own and a registry built anew in it (and again after the test)."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(units.ENV_CACHE, str(folder))
    units.registry.cache_clear()
    units._unit.cache_clear()
    yield folder
    units.registry.cache_clear()
    units._unit.cache_clear()


def _values() -> list[float]:
    return [units.parse(text, unit) for text, unit in CASES]


def _files(folder: Path) -> dict[str, int]:
    """Each cached file and when it was last written (a file written anew changes its time)."""
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def test_tests_never_use_the_users_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    assert units.cache_dir().is_relative_to(tmp_path_factory.getbasetemp())


def test_cache_folder_follows_xdg_without_our_variable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(units.ENV_CACHE)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert units.cache_dir() == tmp_path / "myoscope"


def test_definitions_are_written_once_and_read_back(fresh: Path) -> None:
    first = _values()
    written = _files(fresh)
    assert written, "the parsed definitions were not cached"
    units.registry.cache_clear()
    units._unit.cache_clear()
    assert _values() == first
    assert _files(fresh) == written, "the second registry parsed the definitions again instead of reading them"
    assert first[0] == pytest.approx(158 * 0.45359237)


def test_damaged_cache_is_passed_over(fresh: Path) -> None:
    expected = _values()
    for path in fresh.rglob("*"):
        if path.is_file():
            path.write_bytes(b"not a pickle")
    units.registry.cache_clear()
    units._unit.cache_clear()
    assert _values() == expected


def test_cache_folder_that_cannot_be_made_is_passed_over(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = fresh.parent / "a-file"
    blocker.write_text("")
    monkeypatch.setenv(units.ENV_CACHE, str(blocker / "below"))
    assert units.parse("158 lb", "kg") == pytest.approx(158 * 0.45359237)
