"""Spinal cord injury: paralysed muscles waste, and bone below the injury thins.

Classifies the latest ISNCSCI exam (the official algorithm's rules), maps where atrophy is expected
(key muscles with little or no power), raises a bone-fragility alert from the time since injury and
the grade, and lists the interventions with evidence. Successive exams are shown as a follow-up
table and plot with level and grade changes marked.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Any

from myoscope import isncsci
from myoscope.causes._common import asked_text
from myoscope.causes._context import Context
from myoscope.causes._types import (
    Basis,
    CauseAssessment,
    Chart,
    Direction,
    Evidence,
    NextStep,
    RedFlag,
    Reversibility,
    Series,
    Status,
    StepKind,
    Table,
    Urgency,
)
from myoscope.causes.contract import CauseSpec, decide, rule
from myoscope.precision import count_text
from myoscope.record import Condition, SpinalExam
from myoscope.units import DAYS_PER_MONTH

CAUSE = "spinal_cord_injury"
TITLE = "Spinal cord injury"
EXPLANATION = (
    "Below a spinal cord injury, paralysed muscles waste and bone loses mineral fast — most at the knee — so "
    "fractures can follow low-energy events such as a transfer. myoscope classifies the ISNCSCI exam exactly "
    "as the official algorithm does (levels, AIS grade, zones of partial preservation), shows where atrophy "
    "is expected (key muscles graded 0-2), raises a bone-fragility alert with the time since injury, and lists "
    "the interventions with evidence: standing, electrically stimulated cycling, walking training and "
    "resistance training."
)
CITATIONS = ("rupp2021_isncsci", "praxis_isncsci_2_0_6", "dudleyjavoroski2012", "edwards2013")
WEAK_GRADE = 2
"""Key muscles graded 0-2 (no movement against gravity): where atrophy is expected (our threshold on the
ISNCSCI 0-5 motor grades, Rupp et al. 2021)."""
BONE_ALERT_AFTER_DAYS = 365
"""From one year after injury with AIS A-C: bone-fragility alert (rule of the project's reference note,
built on Dudley-Javoroski & Shields 2012 and Sutor et al. 2022)."""
BONE_ALERT_GRADES = ("A", "B", "C")
FRACTURE_CODES = frozenset({"125605004"})
"""SNOMED CT 'fracture of bone'; a recorded condition with this code, or named as a fracture, is a fracture."""
_FRACTURE_NAME = re.compile(r"\b(fracture[ds]?|broken (hip|leg|femur|tibia|knee|ankle))\b", re.I)
LOADING = frozenset(
    {
        "Electrically stimulated (FES) cycling",
        "Standing in a frame",
        "Walking training (body-weight supported, robotic)",
    }
)
"""The interventions that load the legs: held while a fracture is on record, until the treating team clears it."""
INTERVENTIONS = (
    (
        "Resistance training of working muscles",
        "3 sets per major working muscle group, twice a week",
        "guideline for fitness in adults with SCI",
        "martinginis2018",
    ),
    (
        "Aerobic exercise",
        "at least 20 minutes of moderate-to-vigorous exercise twice a week (fitness), 30 "
        "minutes three times a week (cardiometabolic health)",
        "guideline",
        "martinginis2018",
    ),
    (
        "Electrically stimulated (FES) cycling",
        "commonly 30 minutes or more, three times a week",
        "improves muscle of the paralysed legs (high-quality evidence); fitness and bone effects less certain",
        "vanderscheer2021",
    ),
    (
        "Standing in a frame",
        "regular sessions",
        "sparse, inconsistent evidence for bone at the knee and hip; may help other outcomes",
        "sutor2022",
    ),
    (
        "Walking training (body-weight supported, robotic)",
        "several sessions a week",
        "small studies; best in incomplete injuries; bone effects inconsistent",
        "sutor2022",
    ),
)


class F(str, Enum):
    injury_recorded = "a spinal cord injury is recorded"
    exam_recorded = "an ISNCSCI examination is recorded"
    asked_none = "conditions asked: none"


RULES = (
    rule(
        "injury-on-record",
        {F.injury_recorded},
        Status.likely,
        "paralysed muscles below a spinal cord injury waste",
        "rupp2021_isncsci",
        basis=Basis.recorded_condition,
    ),
    rule(
        "exam-on-record",
        {F.exam_recorded},
        Status.likely,
        "an ISNCSCI exam documents the injury",
        "rupp2021_isncsci",
        basis=Basis.recorded_condition,
    ),
    rule(
        "asked-none",
        {F.asked_none},
        Status.not_supported,
        "conditions were asked: no spinal cord injury",
        "rupp2021_isncsci",
    ),
    rule("not-recorded", set(), Status.cannot_tell, "the record does not list conditions", "rupp2021_isncsci"),
)


def _without_injury(ctx: Context) -> CauseAssessment:
    decided = decide(RULES, {F.asked_none} if ctx.facts.was_asked("conditions") else set())
    asked = decided.status is Status.not_supported
    return CauseAssessment(
        CAUSE,
        TITLE,
        decided.status,
        "No spinal cord injury on record."
        if asked
        else "The record does not say whether there is a spinal cord injury.",
        (
            Evidence(
                "no spinal cord injury and no ISNCSCI exam in the record",
                asked_text(asked, ctx.record.conditions, "conditions"),
                "this cause needs a recorded injury",
                "rupp2021_isncsci",
                Direction.against,
            ),
        ),
        reversibility=Reversibility.mixed,
        citations=("rupp2021_isncsci",),
        missing=() if asked else ("ask: any spinal cord injury (level, date, grade)?",),
        rules=(decided.id,),
    )


def _exam_evidence(
    exams: list[SpinalExam], evidence: list[Evidence], tables: list[Table], charts: list[Chart]
) -> str | None:
    """Evidence and tables from the latest ISNCSCI exam; returns its AIS grade."""
    latest = exams[-1]
    c = isncsci.classify(latest.exam).to_json()
    evidence.append(
        Evidence(
            f"ISNCSCI classification of {latest.date.isoformat()}",
            f"NLI {c['nli']}, {_complete(c['injury_complete'])}, AIS {c['ais']}; motor "
            f"{_total(c['totals'])}, light touch {c['totals']['light_touch']}, pin prick "
            f"{c['totals']['pin_prick']}",
            "International Standards 2019 as computed by the official algorithm",
            "praxis_isncsci_2_0_6",
        )
    )
    weak = isncsci.weak_key_muscles(latest.exam, max_grade=WEAK_GRADE)
    if weak:
        evidence.append(
            Evidence(
                "key muscles with little or no power",
                f"{len(weak)} of 20",
                f"grade {WEAK_GRADE} or less: atrophy expected there",
                "rupp2021_isncsci",
            )
        )
        tables.append(
            Table(
                "sci-atrophy-map",
                "Where atrophy is expected (key muscles graded 0-2)",
                ("side", "level", "key muscle", "grade"),
                tuple((w.side, w.level, w.muscle, w.score) for w in weak),
            )
        )
    if len(exams) >= 2:
        table, chart = _follow_up(exams)
        tables.append(table)
        charts.append(chart)
    return c["ais"].split(",")[0].rstrip("*") if c["ais"] else None


def assess(ctx: Context) -> CauseAssessment:
    condition = ctx.record.condition("spinal_cord_injury")
    exams = [e for e in ctx.record.spinal_exams if e.date <= ctx.on]
    if condition is None and not exams:
        return _without_injury(ctx)
    evidence: list[Evidence] = []
    tables: list[Table] = []
    charts: list[Chart] = []
    missing: list[str] = []
    ais: str | None = condition.ais if condition else None
    if condition:
        evidence.append(
            Evidence(
                "spinal cord injury on record",
                f"level {condition.level or 'not recorded'}, AIS {condition.ais or 'not recorded'}, "
                f"since {condition.onset.isoformat() if condition.onset else 'date not recorded'}",
                "as recorded",
                "rupp2021_isncsci",
                Direction.neutral,
            )
        )
    if exams:
        ais = _exam_evidence(exams, evidence, tables, charts) or ais
    else:
        missing.append("an ISNCSCI examination (both sides, motor and sensory, anal findings)")
    fractures = _fractures(ctx, condition)
    red = _bone_alert(ctx, condition, ais, evidence, missing, fractures)
    steps = _steps(fractures)
    decided = decide(RULES, {F.injury_recorded} if condition else {F.exam_recorded})
    return CauseAssessment(
        CAUSE,
        TITLE,
        decided.status,
        "A spinal cord injury is on record: paralysed muscles waste; bone below the injury is fragile.",
        tuple(evidence),
        Reversibility.mixed,
        tuple(red),
        tuple(steps),
        tuple(missing),
        tuple(charts),
        tuple(tables),
        citations=CITATIONS,
        basis=decided.basis,
        rules=(decided.id,),
    )


def _complete(code: str) -> str:
    return {"C": "complete", "I": "incomplete"}.get(code, f"completeness {code}")


def _total(totals: dict[str, Any]) -> str:
    upper, lower = totals["upper_motor"], totals["lower_motor"]
    return f"{upper + lower}" if isinstance(upper, int) and isinstance(lower, int) else "not determinable"


def _fractures(ctx: Context, injury: Condition | None) -> list[Condition]:
    """Fractures on record since the injury (any recorded fracture where the injury's date is not known)."""
    return [
        c
        for c in ctx.record.conditions
        if c.kind == "other"
        and ((c.snomed in FRACTURE_CODES) or _FRACTURE_NAME.search(c.name or ""))
        and (c.onset is None or c.onset <= ctx.on)
        and (injury is None or injury.onset is None or c.onset is None or c.onset >= injury.onset)
    ]


def _steps(fractures: list[Condition]) -> list[NextStep]:
    """The interventions with their evidence; those that load the legs give way to the treating team's
    clearance while a fracture since the injury is on record (no healing is read from the record)."""
    held = bool(fractures)
    steps = [
        NextStep(f"{name}: {dose}", why, key, StepKind.activity_plan)
        for name, dose, why, key in INTERVENTIONS
        if not (held and name in LOADING)
    ]
    if held:
        steps.insert(
            0,
            NextStep(
                "Ask the treating team whether the fracture has healed before any loading of the legs (standing, "
                "electrically stimulated cycling, walking training)",
                f"fracture since the injury on record: {fractures[-1].name or 'fracture of bone'}",
                "sutor2022",
                StepKind.referral,
            ),
        )
        return steps
    steps.insert(
        0,
        NextStep(
            "Before loading the legs (standing, cycling, walking), check skin, blood pressure "
            "reactions (injuries at T6 or above) and fracture status",
            "",
            "sutor2022",
            StepKind.safety,
        ),
    )
    return steps


def _bone_alert(
    ctx: Context,
    condition: Condition | None,
    ais: str | None,
    evidence: list[Evidence],
    missing: list[str],
    fractures: list[Condition],
) -> list[RedFlag]:
    if fractures:
        return [_fracture_alert(fractures)]
    if condition is None or condition.onset is None:
        missing.append("date of the injury (for bone-loss and fracture risk)")
        return []
    days = (ctx.on - condition.onset).days
    evidence.append(
        Evidence(
            "time since injury",
            f"{days / DAYS_PER_MONTH:.0f} months",
            "bone below the injury thins fastest in the first months and years",
            "dudleyjavoroski2012",
            Direction.neutral,
        )
    )
    if ais is None:
        missing.append("AIS grade (from an ISNCSCI exam)")
        return []
    if days >= BONE_ALERT_AFTER_DAYS and ais in BONE_ALERT_GRADES:
        return [
            RedFlag(
                "sci-bone-fragility",
                f"Bone-fragility alert: AIS {ais}, {days / 365.25:.1f} years after injury. Bone at the knee "
                "and hip may be thin enough to break in a transfer or a minor fall.",
                "Ask for bone density testing (hip and knee) and a fracture-prevention plan; handle the "
                "legs gently in transfers.",
                Urgency.soon,
                (f"AIS {ais}", f"{count_text(days, 'day')} since injury"),
                "dudleyjavoroski2012",
            )
        ]
    return []


def _fracture_alert(fractures: list[Condition]) -> RedFlag:
    """High fracture risk: a fracture since the injury is on record (the reference note's rule, after
    Dudley-Javoroski & Shields 2012: low-energy fractures below the injury, often in transfers)."""
    latest = fractures[-1]
    when = f" ({latest.onset.isoformat()})" if latest.onset else ""
    return RedFlag(
        "sci-fracture",
        f"High fracture risk: a fracture since the spinal cord injury is on record{when}. Bone below the injury "
        "breaks with little force, and the next fracture can come in a transfer.",
        "See the treating team soon: bone density testing (hip and knee), fracture-prevention treatment, and "
        "when the leg may be loaded again; handle the legs gently in transfers.",
        Urgency.soon,
        tuple(c.name or "fracture of bone" for c in fractures),
        "dudleyjavoroski2012",
    )


def _follow_up(exams: list[SpinalExam]) -> tuple[Table, Chart]:
    points = isncsci.compare([(e.date, e.exam) for e in exams])
    rows = tuple(
        (
            p.date.isoformat(),
            p.nli + (" (changed)" if p.nli_changed else ""),
            p.ais + (" (changed)" if p.ais_changed else ""),
            p.motor_total,
            p.light_touch,
            p.pin_prick,
        )
        for p in points
    )
    table = Table(
        "sci-follow-up",
        "ISNCSCI exams over time",
        ("date", "NLI", "AIS", "motor total", "light touch", "pin prick"),
        rows,
    )
    dates = tuple(p.date for p in points)

    def values(attr: str) -> tuple[float | None, ...]:
        return tuple(float(getattr(p, attr)) if isinstance(getattr(p, attr), int) else None for p in points)

    markers = tuple(
        (p.date, f"{'NLI ' + p.nli if p.nli_changed else ''} {'AIS ' + p.ais if p.ais_changed else ''}".strip())
        for p in points
        if p.nli_changed or p.ais_changed
    )
    chart = Chart(
        "sci-totals",
        "ISNCSCI motor and sensory totals over time",
        "score",
        (
            Series("motor total", dates, values("motor_total")),
            Series("light touch", dates, values("light_touch")),
            Series("pin prick", dates, values("pin_prick")),
        ),
        markers=markers,
    )
    return table, chart


SPEC = CauseSpec(
    CAUSE,
    TITLE,
    EXPLANATION,
    reads=("conditions", "spinal_exams"),
    citations=CITATIONS,
    rules=RULES,
    assess=assess,
    depends=("atrophy",),
    order=50,
    findings=F,
)
