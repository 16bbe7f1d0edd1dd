"""FHIR R4 in and out, and a CDS Hooks service.

- :func:`import_bundle`: a FHIR Bundle -> a record, with every :class:`Issue` not imported;
- :func:`assessment_bundle` / :func:`assessment_json`: an assessment as a FHIR Bundle;
- :func:`validate_bundle` / :func:`validate_resource`: HL7 R4 JSON Schema + myoscope profile checks;
- :func:`sdc_questionnaire` / :func:`redcap_dictionary`: instrument exports;
- :func:`cds_hooks_app`: the CDS Hooks 2.0 service (mounted by ``myoscope serve`` at ``/cds-services``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from myoscope.interop._from_fhir import Issue
from myoscope.interop.export import assessment_bundle, record_bundle, to_json
from myoscope.interop.importer import ImportResult, import_bundle
from myoscope.interop.questionnaire import NotExportable, redcap_dictionary, sdc_questionnaire
from myoscope.interop.validate import SchemaUnavailable, validate_bundle, validate_resource

if TYPE_CHECKING:
    from fastapi import FastAPI

    from myoscope.causes import Assessment
    from myoscope.interop.cds_hooks import CdsConfig
    from myoscope.record import Record


def assessment_json(record: Record, assessment: Assessment) -> str:
    """``myoscope assess --format fhir``: the assessment Bundle as JSON text."""
    return to_json(assessment_bundle(record, assessment))


def cds_hooks_app(config: CdsConfig | None = None) -> FastAPI:
    """The CDS Hooks sub-application (see :mod:`myoscope.interop.cds_hooks`)."""
    from myoscope.interop.cds_hooks import create_app

    return create_app(config)


__all__ = [
    "ImportResult",
    "Issue",
    "NotExportable",
    "SchemaUnavailable",
    "assessment_bundle",
    "assessment_json",
    "cds_hooks_app",
    "import_bundle",
    "record_bundle",
    "redcap_dictionary",
    "sdc_questionnaire",
    "validate_bundle",
    "validate_resource",
]
