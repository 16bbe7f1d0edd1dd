"""DOIs live only in the reference catalogue; everything else cites a source by its key."""

import re
from pathlib import Path

import pytest

from myoscope import references

SRC = Path(__file__).resolve().parents[1] / "src" / "myoscope"
CATALOGUE = SRC / "_catalogue"
DOI = re.compile(r"10\.\d{4,9}/")


def doi_literals(root: Path) -> list[str]:
    """``file:line`` of every DOI-like literal under ``root`` outside the catalogue."""
    found = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or CATALOGUE in path.parents or path.suffix in (".pyc", ".png", ".woff2"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            if DOI.search(line):
                found.append(f"{path.relative_to(root)}:{number}")
    return found


def test_no_doi_literal_outside_the_catalogue():
    assert doi_literals(SRC) == []


def test_the_scan_finds_a_doi(tmp_path):
    (tmp_path / "m.py").write_text('"""Smith 2020 (doi:10.1000/xyz123)."""\n', encoding="utf-8")
    assert doi_literals(tmp_path) == ["m.py:1"]


@pytest.mark.parametrize("key", ["wilson1927", "alsfrs_domains2017", "hall2011", "cruzjentoft2019"])
def test_keys_that_replaced_literals_resolve_to_a_doi(key):
    assert references.get(key).doi
