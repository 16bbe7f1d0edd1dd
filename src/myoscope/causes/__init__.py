"""The cause analysis: one module per cause, run together by :func:`assess`."""

from myoscope.causes._condition_table import coded_conditions, disease_burden_codes, explaining_codes
from myoscope.causes._types import (
    CauseAssessment,
    Chart,
    Evidence,
    NextStep,
    RedFlag,
    Reversibility,
    Series,
    Status,
    StepKind,
    Table,
    Urgency,
)
from myoscope.causes.analysis import SCHEMA_VERSION, Assessment, assess, cause_module, cause_names
from myoscope.measures.answers import check_instrument_answers

__all__ = [
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
