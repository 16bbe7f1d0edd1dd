"""Parsing record text (YAML or JSON) within the limits of :mod:`myoscope.record._limits`.

YAML is composed into its node graph first, counting aliases and nesting as it goes; the
size the document would have with every alias expanded is computed on that graph, so an
alias bomb is refused before anything is expanded. Duplicate keys are refused (a second
``measurements:`` would silently replace the first). Dates stay text for the record's own
validation to judge (``2026-02-30`` is then a field problem, not a parser crash). JSON refuses
``NaN``, ``Infinity``, numbers that overflow to infinity, huge integers and duplicate keys.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Hashable
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from myoscope.errors import ABSENT, InputError, Problem, shorten
from myoscope.record._limits import (
    MAX_ALIASES,
    MAX_DEPTH,
    MAX_INT_DIGITS,
    MAX_NODES,
    check_data,
    check_size,
)

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _Refused(Exception):
    def __init__(self, message: str, mark: Any = None, accepted: str | None = None):
        self.mark = mark
        self.accepted = accepted
        super().__init__(message)


_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_DECIMAL_INT = re.compile(r"^[-+]?[0-9]+$")
_DECIMAL_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)


def _resolvers() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """PyYAML's implicit resolvers without timestamps, and with numbers read as YAML 1.2 reads them: decimal
    only. YAML 1.1 (PyYAML's default) reads ``072`` as octal 58, ``1:12`` as 72 (base 60), ``0x48`` and
    ``7_2`` as 72: a weight typed with a leading zero would be read as another number without a word."""
    out: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items():
        kept = [(tag, regexp) for tag, regexp in resolvers if tag not in (_TIMESTAMP, _INT, _FLOAT)]
        if kept:
            out[first] = kept
    for first in "-+0123456789":
        out.setdefault(first, []).append((_INT, _DECIMAL_INT))
    for first in "-+.0123456789":
        out.setdefault(first, []).append((_FLOAT, _DECIMAL_FLOAT))
    return out


class _LimitedLoader(yaml.SafeLoader):
    """PyYAML's safe loader, counting aliases and depth while composing and refusing duplicate keys; numbers
    are decimal (YAML 1.2) and dates stay text."""

    yaml_implicit_resolvers = _resolvers()

    def __init__(self, stream: str):
        super().__init__(stream)
        self._aliases = 0
        self._depth = 0

    def _mark(self) -> Any:
        """Where the next event starts (for the message)."""
        return self.peek_event().start_mark  # type: ignore[no-untyped-call]  # PyYAML's stubs leave it untyped

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise _Refused("uses too many aliases", self._mark(), f"at most {MAX_ALIASES}")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(
                    "is nested too deeply",
                    self._mark(),
                    f"at most {MAX_DEPTH} levels of lists and mappings",
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        if isinstance(node, MappingNode):
            seen: set[tuple[str, str]] = set()
            for key_node, _ in node.value:
                if isinstance(key_node, ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                    key = (key_node.tag, key_node.value)
                    if key in seen:
                        raise _Refused(
                            f"the key {shorten(key_node.value)!r} appears twice in one mapping",
                            key_node.start_mark,
                            "each key once",
                        )
                    seen.add(key)
        return super().construct_mapping(node, deep)


def _decimal_int(loader: _LimitedLoader, node: ScalarNode) -> int:
    """Decimal only (``072`` is 72); anything else tagged ``!!int`` is refused, not read in another base."""
    text = str(loader.construct_scalar(node)).strip()
    if not _DECIMAL_INT.match(text):
        raise _Refused(f"{shorten(text)!r} is not a decimal number", node.start_mark, "decimal digits, e.g. 72")
    return int(text, 10)


_LimitedLoader.add_constructor(_INT, _decimal_int)


def expanded_size(root: Node) -> int:
    """How many values the document holds with every alias expanded (computed without expanding)."""
    sizes: dict[int, int] = {}
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes and sizes[id(node)] >= 0:
            continue
        kids = _kids(node)
        if children_done:
            sizes[id(node)] = min(MAX_NODES + 1, 1 + sum(sizes[id(k)] for k in kids))
            continue
        if sizes.get(id(node)) == -1:
            raise _Refused("refers to itself through an alias", node.start_mark, "no recursive aliases")
        sizes[id(node)] = -1
        stack.append((node, True))
        for kid in kids:
            if sizes.get(id(kid)) == -1:
                raise _Refused("refers to itself through an alias", kid.start_mark, "no recursive aliases")
            if id(kid) not in sizes:
                stack.append((kid, False))
    return sizes[id(root)]


def _kids(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _where(mark: Any) -> str:
    return f"line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""


_BRACKETS = re.compile(r"[\[\]{}]")


def _flow_depth(text: str) -> int:
    """The deepest nesting of ``[`` and ``{`` (YAML's scanner slows down quadratically with it)."""
    depth = deepest = 0
    for match in _BRACKETS.finditer(text):
        depth = depth + 1 if match.group() in "[{" else max(0, depth - 1)
        deepest = max(deepest, depth)
    return deepest


def parse_yaml(text: str) -> Any:
    if _flow_depth(text) > MAX_DEPTH:
        raise InputError(
            [
                Problem(
                    "",
                    ABSENT,
                    "not accepted as YAML: is nested too deeply",
                    f"at most {MAX_DEPTH} levels of lists and mappings",
                )
            ]
        )
    loader = _LimitedLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if expanded_size(node) > MAX_NODES:
            raise _Refused(
                "would be too large once its aliases are expanded", node.start_mark, f"at most {MAX_NODES} values"
            )
        return loader.construct_document(node)
    except _Refused as exc:
        raise InputError([Problem(_where(exc.mark), ABSENT, f"not accepted as YAML: {exc}", exc.accepted)]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError([Problem(_where(mark), ABSENT, f"not valid YAML: {shorten(problem)}")]) from None
    except (ValueError, OverflowError, TypeError, RecursionError) as exc:
        raise InputError(
            [Problem("", ABSENT, f"not valid YAML: a value cannot be read ({type(exc).__name__})")]
        ) from None
    finally:
        loader.dispose()


def _no_constant(name: str) -> Any:
    raise _Refused(f"{name} is not a number a record may hold", None, "a finite number")


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(f"{shorten(text)} is too large a number", None, "a finite number")
    return value


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise _Refused(f"{shorten(text)} is too large a number", None, f"an integer of at most {MAX_INT_DIGITS} digits")
    return int(text)


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Refused(f"the key {shorten(key)!r} appears twice in one object", None, "each key once")
        out[key] = value
    return out


def loads_json(text: str | bytes) -> Any:
    """JSON as a record may hold it; raises :class:`InputError` (never another exception)."""
    try:
        return json.loads(
            text, parse_constant=_no_constant, parse_float=_float, parse_int=_int, object_pairs_hook=_unique
        )
    except _Refused as exc:
        raise InputError([Problem("", ABSENT, f"not accepted as JSON: {exc}", exc.accepted)]) from None
    except json.JSONDecodeError as exc:
        snippet = exc.doc[exc.pos : exc.pos + 20] if isinstance(exc.doc, str) else None
        raise InputError(
            [Problem(f"line {exc.lineno}, column {exc.colno}", snippet, f"not valid JSON: {exc.msg}")]
        ) from None
    except RecursionError:
        raise InputError(
            [
                Problem(
                    "",
                    ABSENT,
                    "not accepted as JSON: is nested too deeply",
                    f"at most {MAX_DEPTH} levels of lists and mappings",
                )
            ]
        ) from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError([Problem("", ABSENT, f"not valid JSON ({type(exc).__name__})")]) from None


def parse_data(text: str, suffix: str = ".yaml") -> Any:
    """Parse JSON or YAML safely (no NaN or huge numbers, no alias bombs, no duplicate keys, bounded
    nesting) but without a record's size limits: for large inputs of other kinds (exam lists, model inputs)."""
    return loads_json(text) if suffix == ".json" else parse_yaml(text)


def parse_limited(text: str, suffix: str = ".yaml") -> Any:
    """Parse JSON (``suffix == ".json"``) or YAML text within every input limit."""
    check_size(text)
    text = text.removeprefix("\ufeff")  # a byte-order mark some editors write: read past it, as for YAML
    data = loads_json(text) if suffix == ".json" else parse_yaml(text)
    check_data(data)
    return data
