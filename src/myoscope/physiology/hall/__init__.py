"""Hall's dynamic adult body-weight model, vectorised over people.

Two variants: ``hall2011`` (default) follows the web appendix of Hall et al. 2011 (Lancet
378:826-837, [hall2011]); ``bw-1.0.0`` reproduces the R package ``bw``
1.0.0, whose glycogen energy term and daily-input reading depart from the paper (shared
reference bw/model.md §7-8).

* :func:`simulate` -- N people x D days in one call (numba, or plain numpy);
* :func:`intake_for_weight`, :func:`intake_for_lean_loss` -- constant intakes meeting a goal;
* :func:`project`, :func:`lean_sparing_intake` -- one person at a constant intake;
* :func:`read_oracle`, :func:`simulate_oracle`, :func:`write_oracle` -- the ``bw-oracle/1`` format.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from myoscope.physiology.hall._constants import RHO_F, RHO_L
from myoscope.physiology.hall._variants import DEFAULT_VARIANT, VARIANTS, Variant

if TYPE_CHECKING:
    from myoscope.physiology.hall._oracle import FORMAT, as_table, read_oracle, simulate_oracle, write_oracle
    from myoscope.physiology.hall._person import LeanSparingIntake, Projection, lean_sparing_intake, project
    from myoscope.physiology.hall._simulate import OUTPUT_FIELDS, Simulation, simulate
    from myoscope.physiology.hall._targets import TargetIntake, intake_for_lean_loss, intake_for_weight

_LAZY = {  # loaded on first use (they load numpy): the constants and variants above stay cheap to import
    "_oracle": ("FORMAT", "as_table", "read_oracle", "simulate_oracle", "write_oracle"),
    "_person": ("LeanSparingIntake", "Projection", "lean_sparing_intake", "project"),
    "_simulate": ("OUTPUT_FIELDS", "Simulation", "simulate"),
    "_targets": ("TargetIntake", "intake_for_lean_loss", "intake_for_weight"),
}
_MODULE_OF = {name: module for module, names in _LAZY.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'myoscope.physiology.hall' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"myoscope.physiology.hall.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "DEFAULT_VARIANT",
    "FORMAT",
    "LeanSparingIntake",
    "OUTPUT_FIELDS",
    "RHO_F",
    "RHO_L",
    "Projection",
    "Simulation",
    "TargetIntake",
    "VARIANTS",
    "Variant",
    "as_table",
    "intake_for_lean_loss",
    "intake_for_weight",
    "lean_sparing_intake",
    "project",
    "read_oracle",
    "simulate",
    "simulate_oracle",
    "write_oracle",
]


def __dir__() -> list[str]:
    """The public names (loaded or not) and the module's own attributes."""
    return sorted({*__all__, *(name for name in globals() if name.startswith("_"))})
