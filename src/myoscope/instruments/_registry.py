"""Discovery of registered instruments (module-level ``INSTRUMENT`` / ``INSTRUMENTS``)."""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from typing import Mapping

from myoscope.instruments._base import Instrument

_PACKAGES = ("myoscope.instruments", "myoscope.criteria")


@lru_cache(maxsize=1)
def registry() -> Mapping[str, Instrument]:
    """Every registered instrument by name, sorted by name."""
    found: dict[str, Instrument] = {}
    for package_name in _PACKAGES:
        package = importlib.import_module(package_name)
        for info in pkgutil.iter_modules(package.__path__):
            if info.name.startswith("_"):
                continue
            module = importlib.import_module(f"{package_name}.{info.name}")
            items = list(getattr(module, "INSTRUMENTS", ()))
            if hasattr(module, "INSTRUMENT"):
                items.append(module.INSTRUMENT)
            for item in items:
                if not isinstance(item, Instrument):
                    raise TypeError(f"{module.__name__} registers a non-instrument: {item!r}")
                if item.name in found:
                    raise ValueError(f"instrument name {item.name!r} is registered twice")
                found[item.name] = item
    return dict(sorted(found.items()))


def names() -> list[str]:
    return list(registry())


class UnknownInstrument(KeyError):
    pass


def get(name: str) -> Instrument:
    try:
        return registry()[name]
    except KeyError:
        raise UnknownInstrument(name) from None
