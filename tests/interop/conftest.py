"""FHIR assets installed by ``scripts/fhir-assets.sh`` (``make test`` runs it) into ``.cache/fhir``."""

from __future__ import annotations

from pathlib import Path

import pytest

from _unavailable import unavailable

ROOT = Path(__file__).resolve().parents[2]
MODULES = ROOT / ".cache" / "fhir" / "node_modules"


@pytest.fixture(scope="session")
def r4_examples() -> Path:
    folder = MODULES / "hl7.fhir.r4.examples"
    if not (folder / "package.json").is_file():
        unavailable(f"the official FHIR R4 examples are not installed at {folder} (run scripts/fhir-assets.sh)")
    return folder


@pytest.fixture(scope="session")
def fhir_schema() -> Path:
    from myoscope.interop.validate import schema_path

    path = schema_path()
    if path is None:
        unavailable("the HL7 FHIR R4 JSON Schema is not installed (run scripts/fhir-assets.sh)")
    return path
