"""The person's record: validated models, units, loading and saving."""

from myoscope.record._checks import RecordCheck, canonical_answers, check_record, register_check
from myoscope.record._io import dump_record, load_record, parse_record, parse_text
from myoscope.record._kinds import GIRTH_SITES, LENGTH_OF_SITE, MEASUREMENT_KINDS, NUTRIENT_UNITS, in_range, plausible
from myoscope.record._limits import EARLIEST_DATE, MAX_FILE_BYTES, MAX_ID, check_data, check_date, read_limited
from myoscope.record._models import (
    ActivitySession,
    ActivityWeek,
    Condition,
    DietDay,
    Episode,
    FamilyHistory,
    InstrumentAnswers,
    Measurement,
    Person,
    Record,
    SpinalExam,
    StepCount,
    Symptom,
    check_assessment_date,
    measurement_value,
)
from myoscope.record._parse import loads_json, parse_data

__all__ = [
    "RecordCheck",
    "canonical_answers",
    "check_record",
    "register_check",
    "EARLIEST_DATE",
    "MAX_FILE_BYTES",
    "MAX_ID",
    "check_data",
    "check_date",
    "read_limited",
    "loads_json",
    "parse_data",
    "check_assessment_date",
    "ActivitySession",
    "ActivityWeek",
    "Condition",
    "DietDay",
    "Episode",
    "FamilyHistory",
    "InstrumentAnswers",
    "GIRTH_SITES",
    "LENGTH_OF_SITE",
    "MEASUREMENT_KINDS",
    "Measurement",
    "NUTRIENT_UNITS",
    "Person",
    "Record",
    "SpinalExam",
    "StepCount",
    "measurement_value",
    "Symptom",
    "dump_record",
    "load_record",
    "parse_record",
    "parse_text",
    "in_range",
    "plausible",
]
