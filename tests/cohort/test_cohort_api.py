"""The cohort package's public API is small and pinned; importing it loads no engine."""

import subprocess
import sys

import myoscope.cohort


def test_cohort_api():
    assert sorted(myoscope.cohort.__all__) == [
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


def test_import_loads_no_engine():
    code = "import sys, myoscope.cohort; print(' '.join(sys.modules))"
    loaded = set(
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    )
    assert not loaded & {"polars", "duckdb", "dask", "distributed", "numba", "pyarrow", "pandas", "matplotlib"}
