"""Cohort screening: the per-person rules over whole tables, on one machine or a Dask cluster.

>>> from myoscope.cohort import generate, screen_arrays              # doctest: +SKIP
>>> cohort = generate(1000, seed=1)                                   # doctest: +SKIP
>>> flags, refused, reasons = screen_arrays(cohort.rows, cohort.persons)  # doctest: +SKIP

Dataframe libraries (polars, pyarrow, DuckDB, Dask) and numba load when first used.
"""

from myoscope.cohort._generate import Cohort, generate, write_long
from myoscope.cohort._inputs import Mapping, load_mapping, read_long
from myoscope.cohort._kinds import KIND_CODE, KINDS
from myoscope.cohort._omop import read_omop, write_omop
from myoscope.cohort._prevalence import prevalence, red_flag_sentence, wilson_interval
from myoscope.cohort._run import ScreenResult, screen
from myoscope.cohort._spark import spark_screen
from myoscope.cohort.kernel import FLAG_COLUMNS, REASONS, RULE_VERSION, screen_arrays, screen_record_batch

__all__ = [
    "Cohort",
    "FLAG_COLUMNS",
    "KINDS",
    "KIND_CODE",
    "Mapping",
    "REASONS",
    "RULE_VERSION",
    "ScreenResult",
    "generate",
    "load_mapping",
    "prevalence",
    "read_long",
    "read_omop",
    "red_flag_sentence",
    "screen",
    "screen_arrays",
    "screen_record_batch",
    "spark_screen",
    "wilson_interval",
    "write_long",
    "write_omop",
]
