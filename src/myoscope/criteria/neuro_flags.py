"""Neurological red flags: findings that send a person to a neurologist, as structured flags.

Pure functions, not an instrument. Each returns a list of :class:`NeuroFlag` (code, plain
message, evidence, citation key, urgency) for a later step to put at the top of every output.
Messages never name a disease the person does not already have: they say what was found and
that it "needs neurological evaluation".

Sources: NICE NG42, Motor neurone disease: assessment and management (2016, updated 2019),
recognition section (progressive weakness without sensory loss, speech or swallowing change,
fasciculations or wasting with weakness, unexplained breathing symptoms; isolated twitching
and cramps are common in healthy people); Byrne S, et al. J Neurol Neurosurg Psychiatry
2011;82(6):623-627, [byrne2011] (familial share: 5.1 % in population
registries, against the often-quoted 10 %); NICE NG220, Multiple sclerosis in adults (2022),
presentations to recognise (painful loss of vision in one eye, double vision, ascending
sensory disturbance or weakness, balance problems, Lhermitte's symptom, evolving over more than
24 hours, without fever or infection).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

Urgency = Literal["urgent", "soon", "routine"]
URGENCY_ORDER = {"urgent": 0, "soon": 1, "routine": 2}

FAMILIAL_SHARE = (0.05, 0.10)
"""Share of ALS that is familial: 5.1 % (95 % CI 4.1-6.1 %) in population registries (Byrne
2011); 10 % is the figure often quoted. Shown as a range, 5-10 %."""

FIRST_DEGREE = frozenset({"parent", "mother", "father", "sibling", "brother", "sister", "child", "son", "daughter"})
"""Relations counted as first-degree."""

ALS_FAST_PROGRESSION_ABOVE = 1.0
"""ΔFS above this (points/month) prompts an earlier review (reference-note design rule, not a
validated cut-off; Labra 2016's data-derived fast band starts at 1.11)."""


@dataclass(frozen=True, slots=True)
class NeuroFlag:
    code: str
    message: str
    evidence: tuple[str, ...]
    citation: str
    urgency: Urgency

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": self.message,
            "evidence": list(self.evidence),
            "citation": self.citation,
            "urgency": self.urgency,
        }


def _found(**findings: bool | None) -> list[str]:
    return [name.replace("_", " ") for name, value in findings.items() if value]


def als_red_flags(
    *,
    progressive_weakness: bool | None = None,
    weakness_painful: bool | None = None,
    sensory_loss: bool | None = None,
    speech_change: bool | None = None,
    swallowing_change: bool | None = None,
    fasciculations: bool | None = None,
    wasting: bool | None = None,
    breathing_symptoms: bool | None = None,
) -> list[NeuroFlag]:
    """Motor-neuron red flags (NICE NG42). ``None`` = not asked; only reported findings raise flags."""
    flags = []
    weakness_evidence = _found(progressive_weakness=progressive_weakness, wasting=wasting)
    if progressive_weakness:
        if not weakness_painful and not sensory_loss:
            evidence = (
                ["weakness getting worse"]
                + (["no pain reported"] if weakness_painful is False else [])
                + (["no numbness or loss of feeling reported"] if sensory_loss is False else [])
            )
            flags.append(
                NeuroFlag(
                    "progressive_painless_weakness",
                    "Weakness that keeps getting worse, without pain or numbness, needs neurological evaluation "
                    "without delay.",
                    tuple(evidence),
                    "nice_ng42",
                    "urgent",
                )
            )
        else:
            flags.append(
                NeuroFlag(
                    "progressive_weakness",
                    "Weakness that keeps getting worse needs a medical assessment soon.",
                    tuple(_found(progressive_weakness=True, pain=weakness_painful, numbness=sensory_loss)),
                    "nice_ng42",
                    "soon",
                )
            )
    bulbar = _found(speech_change=speech_change, swallowing_change=swallowing_change)
    if bulbar:
        flags.append(
            NeuroFlag(
                "bulbar_change",
                "A new change in speech or swallowing needs neurological evaluation without delay; if it began "
                "suddenly, call emergency services.",
                tuple(bulbar),
                "nice_ng42",
                "urgent",
            )
        )
    if fasciculations and weakness_evidence:
        flags.append(
            NeuroFlag(
                "fasciculations_with_weakness",
                "Muscle twitching together with weakness or wasting needs neurological evaluation without delay.",
                tuple(["muscle twitching"] + weakness_evidence),
                "nice_ng42",
                "urgent",
            )
        )
    elif fasciculations:
        flags.append(
            NeuroFlag(
                "fasciculations_alone",
                "Muscle twitching on its own is common and usually harmless. See a doctor if weakness, wasting, or "
                "a change in speech or swallowing appears.",
                ("muscle twitching",),
                "nice_ng42",
                "routine",
            )
        )
    if breathing_symptoms and (progressive_weakness or wasting):
        flags.append(
            NeuroFlag(
                "breathing_with_weakness",
                "Breathlessness (for example when lying flat) together with weakness needs neurological evaluation "
                "without delay.",
                tuple(["breathing symptoms"] + weakness_evidence),
                "nice_ng42",
                "urgent",
            )
        )
    return sort_flags(flags)


def als_family_history_flags(relatives_with_als: Iterable[str]) -> list[NeuroFlag]:
    """A first-degree relative with ALS prompts a talk about genetic counselling (Byrne 2011 share)."""
    relations = [r.strip().lower() for r in relatives_with_als]
    first = sorted({r for r in relations if r in FIRST_DEGREE})
    if first:
        low, high = FAMILIAL_SHARE
        return [
            NeuroFlag(
                "family_history_als",
                f"A close relative ({', '.join(first)}) had ALS. About {low:.0%} to {high:.0%} of ALS runs in "
                "families, so ask a doctor about genetic counselling, and seek neurological evaluation promptly if "
                "weakness or speech or swallowing changes appear.",
                tuple(f"{r} with ALS" for r in first),
                "byrne2011",
                "soon",
            )
        ]
    if relations:
        return [
            NeuroFlag(
                "family_history_als_distant",
                "A more distant relative had ALS; mention it to a doctor.",
                tuple(f"{r} with ALS" for r in sorted(set(relations))),
                "byrne2011",
                "routine",
            )
        ]
    return []


def als_monitoring_flags(
    *,
    delta_fs: float | None = None,
    dyspnoea: int | None = None,
    orthopnoea: int | None = None,
    respiratory_insufficiency: int | None = None,
) -> list[NeuroFlag]:
    """For a person already diagnosed with ALS: fast decline or breathing items below normal."""
    flags = []
    breathing = [
        f"{name} {score} of 4"
        for name, score in (
            ("shortness of breath", dyspnoea),
            ("breathlessness lying down", orthopnoea),
            ("breathing support", respiratory_insufficiency),
        )
        if score is not None and score < 4
    ]
    if breathing:
        flags.append(
            NeuroFlag(
                "als_breathing_items_reduced",
                "Breathing scores on the ALS rating scale are below normal: ask the ALS team for a breathing review "
                "without delay.",
                tuple(breathing),
                "nice_ng42",
                "urgent",
            )
        )
    if delta_fs is not None and delta_fs > ALS_FAST_PROGRESSION_ABOVE:
        flags.append(
            NeuroFlag(
                "als_fast_progression",
                "The ALS rating scale has been falling quickly: bring the next review with the ALS team forward.",
                (f"ΔFS {delta_fs:.2f} points/month (above {ALS_FAST_PROGRESSION_ABOVE:g})",),
                "labra2016",
                "soon",
            )
        )
    return sort_flags(flags)


def ms_pattern_flags(
    *,
    vision_loss_one_eye_painful: bool | None = None,
    double_vision: bool | None = None,
    ascending_numbness_or_weakness: bool | None = None,
    balance_problems: bool | None = None,
    lhermitte: bool | None = None,
    lasted_over_24_hours: bool | None = None,
    fever_or_infection: bool | None = None,
    has_ms: bool = False,
) -> list[NeuroFlag]:
    """Presentations NICE NG220 asks clinicians to recognise; for a person with MS, a possible relapse.

    Balance problems on their own are common and non-specific, especially in older people: they count
    towards a pattern only together with another of the listed presentations.
    """
    focal = _found(
        painful_vision_loss_in_one_eye=vision_loss_one_eye_painful,
        double_vision=double_vision,
        ascending_numbness_or_weakness=ascending_numbness_or_weakness,
        balance_problems=balance_problems,
        electric_sensation_on_bending_the_neck=lhermitte,
    )
    if not focal:
        return []
    if focal == ["balance problems"] and not has_ms:
        return []  # balance problems alone are common and non-specific (e.g. with age): not a pattern
    evidence = (
        focal
        + (["lasted more than 24 hours"] if lasted_over_24_hours else [])
        + (["with fever or infection"] if fever_or_infection else [])
    )
    if has_ms:
        if lasted_over_24_hours and fever_or_infection is False:
            return [
                NeuroFlag(
                    "ms_possible_relapse",
                    "New or worse symptoms for more than 24 hours without fever may be a relapse: contact the MS team.",
                    tuple(evidence),
                    "nice_ng220",
                    "soon",
                )
            ]
        return [
            NeuroFlag(
                "ms_new_symptoms",
                "New symptoms: tell the MS team; an infection or heat can briefly worsen old symptoms.",
                tuple(evidence),
                "nice_ng220",
                "routine",
            )
        ]
    return [
        NeuroFlag(
            "ms_pattern",
            "These symptoms form a pattern that needs neurological evaluation; see a doctor, who can refer "
            "you to a neurologist.",
            tuple(evidence),
            "nice_ng220",
            "soon",
        )
    ]


def sort_flags(flags: Iterable[NeuroFlag]) -> list[NeuroFlag]:
    """Most urgent first (stable within one urgency)."""
    return sorted(flags, key=lambda f: URGENCY_ORDER[f.urgency])
