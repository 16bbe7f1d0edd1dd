"""``myoscope screen --engine dask`` on worker processes: a local cluster of processes (``--dask-processes``) and an
existing cluster reached by its address (``--scheduler tcp://HOST:PORT``) write the same files as polars.

Worker processes receive the kernel's tasks pickled and load the kernel themselves, which threads of one process
(the other Dask test) never show.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from typer.testing import CliRunner

from myoscope.cli import app
from myoscope.cohort import generate, write_long

OUTPUTS = ("flags.parquet", "flags.csv", "prevalence.csv", "refused.csv", "summary.html")


def _screen(*args: str):
    return CliRunner().invoke(app, ["screen", *args, "--no-progress"])


@pytest.fixture(scope="module")
def cohort(tmp_path_factory) -> tuple[Path, Path, Path]:
    """A cohort of 600 people, and the files polars writes for it."""
    rows, persons = write_long(generate(600, 30, seed=21), tmp_path_factory.mktemp("cohort"))
    out = tmp_path_factory.mktemp("polars")
    result = _screen(str(rows), "--persons", str(persons), "-o", str(out))
    assert result.exit_code == 0, result.output
    return rows, persons, out


def _same_files(a: Path, b: Path) -> None:
    for name in OUTPUTS:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_local_cluster_of_worker_processes_writes_the_polars_files(cohort, tmp_path):
    rows, persons, polars_out = cohort
    result = _screen(
        str(rows), "--persons", str(persons), "-o", str(tmp_path), "--engine", "dask", "--dask-processes",
        "--workers", "2",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    _same_files(polars_out, tmp_path)


def test_existing_cluster_by_its_scheduler_address_writes_the_polars_files(cohort, tmp_path):
    from distributed import LocalCluster

    rows, persons, polars_out = cohort
    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
        silence_logs=logging.ERROR,
    ) as cluster:
        address = cluster.scheduler_address
        assert address.startswith("tcp://127.0.0.1:")
        result = _screen(
            str(rows), "--persons", str(persons), "-o", str(tmp_path), "--engine", "dask", "--scheduler", address,
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        assert len(cluster.scheduler_info["workers"]) == 2  # the cluster is left running for its owner
    _same_files(polars_out, tmp_path)


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("localhost:8786", "is not a scheduler address"),
        ("tcp://127.0.0.1:99999", "is not a scheduler address"),
        ("tcp://127.0.0.1:1", "no Dask scheduler answered within 10 s"),
    ],
)
def test_a_scheduler_that_cannot_be_reached_exits_2_naming_it(cohort, tmp_path, address, message):
    rows, persons, _ = cohort
    result = _screen(
        str(rows), "--persons", str(persons), "-o", str(tmp_path), "--engine", "dask", "--scheduler", address
    )
    assert result.exit_code == 2, result.output
    assert "--scheduler" in result.output and message in result.output and "tcp://HOST:PORT" in result.output
    assert "Traceback" not in result.output


def test_a_scheduler_without_the_dask_engine_is_refused(cohort, tmp_path):
    rows, persons, _ = cohort
    result = _screen(str(rows), "--persons", str(persons), "-o", str(tmp_path), "--scheduler", "tcp://127.0.0.1:8786")
    assert result.exit_code == 2 and "with --engine dask" in result.output, result.output
