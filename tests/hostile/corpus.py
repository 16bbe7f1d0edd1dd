"""A seeded generator of hostile record files: written into a temporary folder at test time, never committed.

Each file is one way a record can be wrong on purpose or by accident: alias bombs, deep nesting,
duplicate keys, numbers that are not finite or far too large, impossible dates, malformed and
enormous units, strings of every size, wrong types, YAML tags, broken encodings, and the
bundled examples with one value replaced by something hostile.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

SEED = 20261201
UNIT_ALPHABET = "kgcmlbsinft/*^()-+.0123456789 e%µ°"
HOSTILE_VALUES: list[Any] = [
    None,
    True,
    "",
    " ",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "1e309",
    "-0",
    0,
    -1,
    10**30,
    -(10**30),
    2**63,
    2**64,
    1e308,
    -1e308,
    5e-324,
    "0000-00-00",
    "2026-02-30",
    "2026-13-40",
    "1899-12-31",
    "9999-12-31",
    "0001-01-01",
    "kg/0",
    "(",
    ")",
    "kg**-0",
    "kg**",
    "1/0",
    "70 kg/0",
    "70 (",
    "5 ft 9 in 3 cm",
    "70 kg kg",
    "∞ kg",
    "<img src=x onerror=alert(1)>",
    "\x1b[2J",
    "[/]",
    "[bold]x",
    "\u202e",
    "\x00",
    "a" * 200,
    "m" * 16_000,
    [],
    {},
    [[[]]],
    {"value": "NaN", "unit": "kg"},
    {"value": 1, "unit": "kg/0"},
    {"value": 1, "unit": 5},
    {"value": 10**400 // 10**380, "unit": "kg"},
    ["70 kg"] * 50,
    {"a": {"b": {"c": {}}}},
]


def alias_bomb(rng: random.Random) -> str:
    width, depth = rng.randint(3, 12), rng.randint(4, 12)
    lines = [f"a0: &a0 [{', '.join(['x'] * width)}]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]" for i in range(1, depth)]
    target = rng.choice(["person", "measurements", "conditions"])
    tail = f"person: *a{depth - 1}" if target == "person" else f"person: {{id: b}}\n{target}: *a{depth - 1}"
    return "\n".join(lines) + "\n" + tail + "\n"


def deep(rng: random.Random, suffix: str) -> str:
    depth = rng.choice([31, 33, 100, 999, 1000, 5000, 50_000])
    if suffix == ".json":
        return '{"person": {"id": "d"}, "conditions": ' + "[" * depth + "]" * depth + "}"
    return "person: {id: d}\nconditions: " + "[" * depth + "]" * depth + "\n"


def duplicate(rng: random.Random, suffix: str) -> str:
    section = rng.choice(["measurements", "person", "episodes", "conditions"])
    if suffix == ".json":
        return f'{{"person": {{"id": "x"}}, "{section}": [], "{section}": []}}'
    return f"person: {{id: x}}\n{section}: []\n{section}: []\n"


def _set_random(rng: random.Random, data: Any, value: Any) -> Any:
    """``data`` with one randomly chosen leaf (or container) replaced by ``value``."""
    if not isinstance(data, (dict, list)) or not data or rng.random() < 0.15:
        return value
    if isinstance(data, dict):
        key = rng.choice(list(data))
        return {**data, key: _set_random(rng, data[key], value)}
    index = rng.randrange(len(data))
    return data[:index] + [_set_random(rng, data[index], value)] + data[index + 1 :]


def mutated(rng: random.Random, examples: list[Any], suffix: str) -> str:
    data = rng.choice(examples)
    for _ in range(rng.randint(1, 3)):
        data = _set_random(rng, data, rng.choice(HOSTILE_VALUES))
    if rng.random() < 0.2 and isinstance(data, dict):
        data = {**data, rng.choice(["extra", "person", "schema_version"]): rng.choice(HOSTILE_VALUES)}
    return _dump(data, suffix)


def _dump(data: Any, suffix: str) -> str:
    if suffix == ".json":
        return json.dumps(data, default=str)  # NaN and Infinity are written as JSON's non-standard tokens
    return yaml.safe_dump(data, allow_unicode=True, default_flow_style=None)


def random_unit(rng: random.Random) -> str:
    length = rng.choice([1, 2, 5, 20, 39, 41, 200, 16_000])
    return "".join(rng.choice(UNIT_ALPHABET) for _ in range(length))


def units(rng: random.Random, suffix: str) -> str:
    value = rng.choice([f"70 {random_unit(rng)}", {"value": 70, "unit": random_unit(rng)}])
    record = {
        "person": {"id": "u", "age": 60},
        "measurements": [
            {
                "kind": rng.choice(["body_weight", "calf_circumference", "gait_speed"]),
                "side": "left",
                "date": "2026-01-05",
                "value": value,
            }
        ],
    }
    return _dump(record, suffix)


def raw(rng: random.Random, suffix: str) -> str | bytes:
    return (
        rng.choice(
            [
                "",
                "   \n",
                "# only a comment\n",
                "null\n",
                "[]\n",
                "42\n",
                '"text"\n',
                "---\n---\n",
                "person: !!python/object:os.system {}\n",
                "person: !!binary aGVsbG8=\n",
                "person: !!timestamp 2026-02-30\n",
                "person: !!set {a, b}\n",
                "person: &a [*a]\n",
                "person: {id: x, birth_date: !!timestamp 0000-00-00}\n",
                "person: {id: x}\n? [a, b]\n: c\n",
                "person: {id: x}\n<<: {conditions: []}\n",
                "\ufeffperson: {id: bom}\n",
                'person: {id: "' + "x" * 200_000 + '"}\n',
                "person:\n  id: x\n\tbad: tab\n",
                "{",
                "[" * 10,
                '{"person": {"id": "x", "age": ' + "9" * 5000 + "}}",
                '{"person": {"id": "x", "height": -Infinity}}',
            ]
        )
        if rng.random() < 0.9
        else bytes(rng.randrange(256) for _ in range(rng.randint(1, 400)))
    )


def dates(rng: random.Random, suffix: str) -> str:
    day = rng.choice(
        [
            "0000-00-00",
            "2026-02-30",
            "2026-13-40",
            "1899-12-31",
            "1900-01-01",
            "3000-01-01",
            "2026-1-1",
            "20260101",
            "2026-W01",
            "2026-01-01T25:00",
            "-2026-01-01",
        ]
    )
    field = rng.choice(["birth_date", "episode", "measurement", "on"])
    record: dict[str, Any] = {"person": {"id": "t", "birth_date": day if field == "birth_date" else "1950-01-01"}}
    if field == "episode":
        record["episodes"] = [{"kind": "bed_rest", "start": day}]
    elif field == "measurement":
        record["measurements"] = [{"kind": "body_weight", "date": day, "value": 70}]
    return _dump(record, suffix).replace("'", "") if suffix != ".json" else _dump(record, suffix)


def generate(folder: Path, examples_dir: Path, count: int = 520, seed: int = SEED) -> list[Path]:
    """Write ``count`` hostile files into ``folder``; the same seed gives the same files."""
    rng = random.Random(seed)
    examples = [yaml.safe_load(p.read_text()) for p in sorted(examples_dir.glob("*.yaml"))]
    examples = json.loads(json.dumps(examples, default=str))  # dates as text, as a JSON file holds them
    makers: list[tuple[float, Callable[[random.Random, str], str | bytes]]] = [
        (0.08, lambda r, s: alias_bomb(r)),
        (0.07, deep),
        (0.05, duplicate),
        (0.45, lambda r, s: mutated(r, examples, s)),
        (0.12, units),
        (0.13, raw),
        (0.10, dates),
    ]
    paths = []
    for n in range(count):
        suffix = rng.choice([".yaml", ".json", ".yml"])
        maker = rng.choices([m for _, m in makers], weights=[w for w, _ in makers])[0]
        content = maker(rng, ".json" if suffix == ".json" else ".yaml")
        path = folder / f"hostile-{n:04d}{suffix}"
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
        paths.append(path)
    return paths
