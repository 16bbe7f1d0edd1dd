"""The public API is small and pinned: private modules may change, these names may not."""

import myoscope.causes
import myoscope.instruments
import myoscope.record
import myoscope.report


def test_record_api():
    assert sorted(myoscope.record.__all__) == [
        "ActivitySession",
        "ActivityWeek",
        "Condition",
        "DietDay",
        "Episode",
        "FamilyHistory",
        "InstrumentAnswers",
        "MAX_FILE_BYTES",
        "MAX_ID",
        "MEASUREMENT_KINDS",
        "Measurement",
        "NUTRIENT_UNITS",
        "Person",
        "Record",
        "SpinalExam",
        "StepCount",
        "Symptom",
        "check_assessment_date",
        "check_data",
        "check_date",
        "dump_record",
        "load_record",
        "loads_json",
        "measurement_value",
        "parse_data",
        "parse_record",
        "parse_text",
    ]


def test_causes_api():
    assert sorted(myoscope.causes.__all__) == [
        "Assessment",
        "CauseAssessment",
        "Chart",
        "Evidence",
        "NextStep",
        "RedFlag",
        "Reversibility",
        "SCHEMA_VERSION",
        "Series",
        "Status",
        "Table",
        "Urgency",
        "assess",
        "cause_module",
        "cause_names",
        "check_instrument_answers",
    ]


def test_instruments_api():
    assert sorted(myoscope.instruments.__all__) == [
        "CANNOT_TELL",
        "Criterion",
        "Example",
        "Instrument",
        "InstrumentInput",
        "Score",
        "get",
        "names",
        "registry",
    ]


def test_report_api():
    assert myoscope.report.FORMATS == ("text", "json", "markdown", "html")
    assert callable(myoscope.report.render)
