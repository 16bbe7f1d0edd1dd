"""The public API of myoscope.interop is small and pinned."""

import myoscope.interop


def test_interop_api():
    assert sorted(myoscope.interop.__all__) == [
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
