"""The public API is small and pinned: private modules may change, these names may not."""

import myoscope.causes
import myoscope.instruments
import myoscope.instruments.api
import myoscope.record
import myoscope.record.spinal
import myoscope.report
import myoscope.scores


def test_record_api():
    assert sorted(myoscope.record.__all__) == [
        "ActivitySession",
        "ActivityWeek",
        "Condition",
        "DietDay",
        "EARLIEST_DATE",
        "Episode",
        "FamilyHistory",
        "GIRTH_SITES",
        "InstrumentAnswers",
        "LENGTH_OF_SITE",
        "MAX_DATA_BYTES",
        "MAX_FILE_BYTES",
        "MAX_ID",
        "MEASUREMENT_KINDS",
        "Measurement",
        "NUTRIENT_UNITS",
        "PastDate",
        "Person",
        "Record",
        "RecordCheck",
        "SpinalExam",
        "StepCount",
        "Symptom",
        "canonical_answers",
        "check_assessment_date",
        "check_data",
        "check_date",
        "check_record",
        "dump_record",
        "hidden_character",
        "in_range",
        "load_record",
        "loads_json",
        "measurement_value",
        "parse_data",
        "parse_record",
        "parse_text",
        "plausible",
        "read_limited",
        "register_check",
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
        "StepKind",
        "Table",
        "Urgency",
        "assess",
        "cause_module",
        "cause_names",
        "check_instrument_answers",
        "coded_conditions",
        "disease_burden_codes",
        "explaining_codes",
    ]


def test_instruments_api():
    assert sorted(myoscope.instruments.__all__) == [
        "CANNOT_TELL",
        "Criterion",
        "Example",
        "Instrument",
        "InstrumentInput",
        "Score",
    ]


def test_extension_api():
    """What an instrument or a definition is built on (myoscope.instruments.api)."""
    assert sorted(myoscope.instruments.api.__all__) == [
        "AdultAge",
        "Bmi",
        "CANNOT_TELL",
        "Criterion",
        "Cutoff",
        "Example",
        "Height",
        "Instrument",
        "InstrumentInput",
        "LOW",
        "MIXED",
        "NOT_LOW",
        "Op",
        "Percent",
        "Score",
        "Sex",
        "Weight",
        "any_of",
        "bmi_of",
        "decided_category",
        "first_known",
        "given",
        "summarize",
        "tidy",
        "unverified",
    ]
    assert all(getattr(myoscope.instruments.api, name) is not None for name in myoscope.instruments.api.__all__)


def test_scores_api():
    assert sorted(myoscope.scores.__all__) == ["UnknownInstrument", "get", "names", "registry"]
    assert {"sarc-f", "ewgsop2", "ree"} <= set(myoscope.scores.names())


def test_spinal_exam_api():
    assert sorted(myoscope.record.spinal.__all__) == [
        "ANAL_VALUES",
        "DERMATOMES",
        "Exam",
        "KEY_MUSCLES",
        "MOTOR_ACCEPTED",
        "MOTOR_LEVELS",
        "MOTOR_VALUES",
        "NON_KEY_ACCEPTED",
        "SEGMENTS",
        "SENSORY_ACCEPTED",
        "SENSORY_VALUES",
        "Side",
        "parse_exam",
    ]


def test_report_api():
    assert myoscope.report.FORMATS == ("text", "json", "markdown", "html")
    assert callable(myoscope.report.render)
