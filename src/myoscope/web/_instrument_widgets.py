"""Each instrument's answers as widgets: radio buttons with the answer texts in full, lists, boxes; live totals.

The widgets are described from the instrument's input model: a whole number with a short range
becomes one radio button per answer, labelled with the answer text the instrument module gives in
the field's description ("0 none, 1 some, 2 a lot or unable"); a choice becomes a list; anything
else a text box. Texts are shown whole, never shortened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from myoscope.errors import InputError

RADIO_MAX_CHOICES = 11
"""Ranges of up to this many whole numbers are answered with radio buttons."""
LIST_MAX_CHOICES = 21
"""Longer ranges with answer texts (up to this many) are answered from a list; longer still, in a box."""

_TOKEN = re.compile(r"(?<![\w.\-+/])(\d{1,2})(?:\s*(?:=\s*)?(?=[A-Za-z(])|\s+(?=\d))")


@dataclass(frozen=True)
class AnswerField:
    """One input of an instrument, described from its input model's JSON schema."""

    name: str
    label: str
    hint: str
    choices: tuple[str, ...] = ()
    from_record: bool = False
    options: tuple[tuple[str, str], ...] = ()
    """Radio buttons: (value, answer text) in order; empty for a list or a text box."""
    show_value: bool = True
    """Whether the radio buttons show their value before the text (scores do; yes/no does not)."""

    @property
    def compact(self) -> bool:
        """Radio buttons without answer texts sit on one line."""
        return not any(text for _, text in self.options)

    listed: tuple[tuple[str, str], ...] = ()
    """A list of (value, "value = answer text") for long scales."""

    @property
    def pairs(self) -> list[tuple[str, str]]:
        return list(self.listed) or [(c, c) for c in self.choices]


def anchors(description: str, low: int, high: int) -> tuple[str, dict[int, str]]:
    """The question and the answer texts of a description such as ``"rise: 0 none, 1 some, 2 a lot"``.

    Answers are read in order (rising or falling by one; ``...`` marks a gap); the text of each runs
    to the next answer, whole.
    """
    found: list[tuple[int, int, int]] = []  # (value, start of the number, start of its text)
    step = 0
    for match in _TOKEN.finditer(description):
        value = int(match.group(1))
        if not low <= value <= high:
            continue
        if found:
            last = found[-1][0]
            gap = "..." in description[found[-1][2] : match.start()]
            direction = 1 if value > last else -1
            if value == last or (step and direction != step) or (abs(value - last) != 1 and not gap):
                continue
            step = direction
        found.append((value, match.start(), match.end()))
    if len(found) < 2:
        return description, {}
    texts = {}
    for k, (value, _, text_start) in enumerate(found):
        end = found[k + 1][1] if k + 1 < len(found) else len(description)
        text = description[text_start:end].strip().rstrip(";,.").strip().removesuffix("...").strip()
        texts[value] = text[:-1] if text.endswith(")") and text.count(")") > text.count("(") else text
    question = description[: found[0][1]].strip().rstrip(":;,(").strip()
    return question, texts


def instrument_fields(name: str) -> list[AnswerField]:
    """The answer fields of instrument ``name`` (unknown name: none)."""
    from myoscope import scores

    try:
        instrument = scores.get(name)
    except KeyError:
        return []
    schema = instrument.Input.model_json_schema()
    return [_field(key, spec, key in instrument.person_fields) for key, spec in schema.get("properties", {}).items()]


def _field(key: str, spec: dict[str, Any], from_record: bool) -> AnswerField:
    options = [spec, *spec.get("anyOf", [])]
    choices: tuple[str, ...] = ()
    kinds, low, high = [], None, None
    description = spec.get("description") or ""
    for option in options:
        if "enum" in option:
            choices = tuple(str(v) for v in option["enum"])
        if "const" in option:
            choices += (str(option["const"]),)
        if option.get("type") == "boolean":
            choices = ("true", "false")
        if option.get("type") not in (None, "null"):
            kinds.append(option["type"])
        low = option.get("minimum", low)
        high = option.get("maximum", high)
        description = description or option.get("description") or ""
    label = spec.get("title") or key.replace("_", " ")
    if kinds == ["integer"] and low is not None and high is not None and high - low < LIST_MAX_CHOICES:
        question, texts = anchors(description, int(low), int(high))
        if high - low >= RADIO_MAX_CHOICES and texts:
            listed = tuple(
                (str(v), f"{v} = {texts[v]}" if v in texts else str(v)) for v in range(int(low), int(high) + 1)
            )
            return AnswerField(key, label, question, (), from_record, (), True, listed)
    if kinds == ["integer"] and low is not None and high is not None and high - low < RADIO_MAX_CHOICES:
        keys = list(texts)
        falling = len(keys) > 1 and keys[0] > keys[-1]
        numbers = range(int(high), int(low) - 1, -1) if falling else range(int(low), int(high) + 1)
        radio = tuple((str(v), texts.get(v, "")) for v in numbers)
        return AnswerField(key, label, question if texts else description, (), from_record, radio)
    if choices == ("true", "false"):
        return AnswerField(key, label, description, (), from_record, (("true", "yes"), ("false", "no")), False)
    hint = description
    if low is not None and high is not None and not choices:
        hint = f"{low:g} to {high:g}" + (f"; {hint}" if hint else "")
    if any(k in ("array", "object") for k in kinds):
        hint = "JSON" + (f"; {hint}" if hint else "")
    return AnswerField(key, label, hint, choices, from_record)


@dataclass(frozen=True)
class LiveScore:
    """What the answers so far give: the value and its category, or what is still missing or wrong."""

    value: str
    category: str
    missing: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()


def live_score(name: str, answers: dict[str, Any], person: dict[str, Any]) -> LiveScore | None:
    """Score ``answers`` of instrument ``name`` as they stand (person fields from the record fill gaps)."""
    from myoscope import scores

    try:
        instrument = scores.get(name)
    except KeyError:
        return None
    given = {k: v for k, v in answers.items() if v not in ("", None)}
    for field in instrument.person_fields:
        if field not in given and field in person:
            given[field] = person[field]
    try:
        score = instrument.score(given)
    except InputError as exc:
        return LiveScore("", "", (), tuple(str(p) for p in exc.problems))
    value = score.value
    shown = f"{value:.4g}" if isinstance(value, float) else ("" if value is None else str(value))
    return LiveScore(shown, str(score.category or ""), tuple(score.missing))
