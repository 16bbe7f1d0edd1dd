"""The kernel under Spark: ``DataFrame.mapInArrow`` over person-clustered partitions (optional).

pyspark is not a dependency; this adapter is for sites that already run Spark. Rows must be
grouped by person within partitions (``repartition("person").sortWithinPartitions("person")``
does it, at the cost of one shuffle that a person-partitioned table does not need).
Refused rows are not returned here: validate them with :func:`myoscope.cohort.kernel.validate`.
Spark's Python workers must import myoscope: point ``PYSPARK_PYTHON`` at an interpreter that has it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any


def screen_batches(
    batches: Iterable[Any], persons: dict[str, Any] | None = None, on: int | None = None
) -> Iterator[Any]:
    """What ``mapInArrow`` runs on each partition: person-clustered Arrow batches in, flag batches out."""
    from myoscope.cohort.kernel import screen_record_batch

    for batch in batches:
        out, _ = screen_record_batch(batch, persons, on)
        yield out


def spark_screen(frame: Any, persons: dict[str, Any] | None = None, on: int | None = None) -> Any:
    """Flags (one row per person) from a Spark DataFrame of canonical rows (``day`` as int days)."""
    import pyarrow as pa

    from myoscope.cohort.kernel import FLAG_COLUMNS, screen_arrays

    sample = {"person": [1], "day": [0], "kind": [0], "side": [0], "value": [70.0]}
    import numpy as np

    flags, _, _ = screen_arrays({k: np.array(v) for k, v in sample.items()})
    schema = pa.schema([(c, pa.array(flags[c]).type) for c in FLAG_COLUMNS])

    def run(batches: Iterable[Any]) -> Iterator[Any]:
        return screen_batches(batches, persons, on)

    clustered = frame.repartition("person").sortWithinPartitions("person")
    from pyspark.sql.pandas.types import from_arrow_schema

    return clustered.mapInArrow(run, from_arrow_schema(schema))
