"""Which peripheral nerve (or nerve root) fits a pattern of weak muscles: a suggestion, never a diagnosis.

Input: MRC grades (0-5, Medical Research Council 1976) per tested movement and side; a grade
below 5 counts as weak. Every territory of :mod:`myoscope.criteria._nerve_map` (nerves by
lesion site, and nerve roots) is scored on each side as

    score = weak movements inside − weak movements outside − normal (grade 5) movements inside,

(our ranking rule, as proposed in the reference notes: matched weak muscles minus unexplained
ones, with spared muscles counting against a site). Untested movements count neither way;
the result lists the ones that would best separate the leading candidates.

Weakness on both sides, or weakness that no single territory explains, is reported as "not a
single-nerve pattern": that needs neurological evaluation (root, plexus, nerve-wide, muscle or
motor-neuron causes), and the wording never names a disease.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from myoscope.criteria._nerve_map import MOVEMENTS, TERRITORIES, Territory
from myoscope.instruments.api import Example, Instrument, InstrumentInput, Score
from myoscope.instruments.mrc import GRADE_MAX, grade_model
from myoscope.references import cite

SIDES = ("left", "right")

SINGLE_NERVE = "fits one nerve"
SINGLE_ROOT = "fits one nerve root"
SEVERAL = "several patterns fit equally"
NOT_SINGLE = "not a single-nerve pattern"
NO_WEAKNESS = "no weakness found"

UNVERIFIED_MAP = (
    "lower-limb nerve groupings checked against anatomy teaching texts and root assignments "
    "beyond the ISNCSCI key muscles taken from standard anatomy, not from the MRC booklet itself"
)

NervePatternInput = grade_model(
    "NervePatternInput",
    tuple(MOVEMENTS.items()),
    "MRC grades per tested movement and side (leave untested ones empty).",
)


@dataclass(frozen=True, slots=True)
class Candidate:
    territory: Territory
    side: str
    matched: tuple[str, ...]
    unexplained: tuple[str, ...]
    spared: tuple[str, ...]
    untested: tuple[str, ...]

    @property
    def score(self) -> int:
        return len(self.matched) - len(self.unexplained) - len(self.spared)

    @property
    def key(self) -> str:
        return f"{self.territory.key}_{self.side}"

    def to_json(self) -> dict[str, Any]:
        return {
            "territory": self.territory.key,
            "label": self.territory.label,
            "kind": self.territory.kind,
            "side": self.side,
            "score": self.score,
            "weak_inside": list(self.matched),
            "weak_outside": list(self.unexplained),
            "normal_inside": list(self.spared),
            "untested_inside": list(self.untested),
        }


def rank(grades: dict[tuple[str, str], int]) -> list[Candidate]:
    """Candidates with at least one weak movement inside, best first."""
    weak = {k for k, g in grades.items() if g < GRADE_MAX}
    out = []
    for territory in TERRITORIES:
        for side in SIDES:
            inside = {(m, side) for m in territory.movements}
            matched = weak & inside
            if not matched:
                continue
            out.append(
                Candidate(
                    territory,
                    side,
                    matched=_names(matched),
                    unexplained=_names(weak - inside, with_side=True),
                    spared=_names({k for k in inside if grades.get(k) == GRADE_MAX}),
                    untested=_names({k for k in inside if k not in grades}),
                )
            )
    out.sort(key=lambda c: (-c.score, len(c.spared), len(c.territory.movements), c.territory.kind != "nerve", c.key))
    return out


def _names(keys: set[tuple[str, str]], with_side: bool = False) -> tuple[str, ...]:
    return tuple(sorted(f"{m} ({s})" if with_side else m for m, s in keys))


def _to_test(leaders: list[Candidate], grades: dict[tuple[str, str], int]) -> list[str]:
    """Untested movements that belong to some but not all of the leading candidates."""
    sets = [{(m, c.side) for m in c.territory.movements} for c in leaders]
    differing = set().union(*sets) - sets[0].intersection(*sets[1:]) if len(sets) > 1 else set().union(*sets)
    return [f"MRC grade of {side} {MOVEMENTS[m]}" for m, side in sorted(differing) if (m, side) not in grades]


class NervePattern(Instrument):
    name = "nerve-pattern"
    title = "Weakness pattern: which nerve's muscles are weak (suggestion, not a diagnosis)"
    version = "1"
    citations = cite("mrc1976")
    kind = "definition"
    domain = "nerve"
    Input = NervePatternInput
    examples = (
        Example(
            inputs={
                "ankle_dorsiflexion_left": 2,
                "ankle_eversion_left": 3,
                "ankle_inversion_left": 5,
                "hip_abduction_left": 5,
            },
            value="common_peroneal_left",
            category=SINGLE_NERVE,
            source="mrc1976",
        ),
        Example(
            inputs={
                "wrist_extension_right": 1,
                "finger_extension_right": 1,
                "elbow_flexion_midprone_right": 2,
                "elbow_extension_right": 5,
            },
            value="radial_spiral_groove_right",
            category=SINGLE_NERVE,
            source="mrc1976",
        ),
    )

    def compute(self, data: InstrumentInput) -> Score:
        grades = {}
        for field in type(data).model_fields:
            value = getattr(data, field)
            if value is not None:
                movement, side = field.rsplit("_", 1)
                grades[(movement, side)] = value
        if not grades:
            return self.cannot_tell(["MRC grades (0-5) of the weak muscles and of their neighbours on both sides"])
        weak = {k: g for k, g in grades.items() if g < GRADE_MAX}
        weak_text = ", ".join(f"{side} {m.replace('_', ' ')} {g}" for (m, side), g in sorted(weak.items()))
        if not weak:
            return self.result(
                None,
                NO_WEAKNESS,
                positive=False,
                details={"grades_tested": len(grades)},
                interpretation="All tested movements have normal power (MRC 5).",
            )
        ranking = rank(grades)
        best = ranking[0]
        leaders = [c for c in ranking if c.score == best.score]
        sides = {side for _, side in weak}
        details = {
            "weak": {f"{m}_{s}": g for (m, s), g in sorted(weak.items())},
            "ranking": [c.to_json() for c in ranking[:6]],
            "note": "a pattern to check with a clinician and nerve studies, not a diagnosis",
            "unverified": [UNVERIFIED_MAP],
        }
        to_test = _to_test(leaders if len(leaders) > 1 else ranking[:2], grades)
        if len(sides) > 1 or best.unexplained:
            why = (
                "weakness on both sides"
                if len(sides) > 1
                else f"weakness outside the best-fitting territory ({', '.join(best.unexplained)})"
            )
            return self.result(
                None,
                NOT_SINGLE,
                positive=True,
                details=details,
                missing=to_test,
                interpretation=(
                    f"Weak: {weak_text}. The pattern does not fit one nerve ({why}); "
                    "this needs neurological evaluation."
                ),
            )
        if len(leaders) > 1:
            names = "; ".join(f"{c.territory.label} ({c.side})" for c in leaders)
            return self.result(
                None,
                SEVERAL,
                positive=True,
                details=details,
                missing=to_test,
                interpretation=f"Weak: {weak_text}. Equally consistent with: {names}. Test the movements "
                "listed as missing to tell them apart.",
            )
        category = SINGLE_NERVE if best.territory.kind == "nerve" else SINGLE_ROOT
        return self.result(
            best.key,
            category,
            positive=True,
            details=details,
            missing=to_test,
            interpretation=(
                f"Weak: {weak_text}. This pattern is consistent with the {best.territory.label} "
                f"on the {best.side}. It is a suggestion to check with a clinician and nerve "
                "studies, not a diagnosis."
            ),
        )


INSTRUMENT = NervePattern()
