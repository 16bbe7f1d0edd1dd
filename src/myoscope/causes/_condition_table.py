"""Conditions outside the other causes that are known to waste muscle: a cited table.

A recorded condition matches an entry by its SNOMED CT concept id (any of the entry's codes) or,
without a code, by a name the entry lists (whole words, case-insensitive). Codes are SNOMED CT
International concept ids as used in public FHIR and terminology files; entries without a code are
matched by name only. The table says how the condition wastes muscle and what pattern of findings
fits it; it never diagnoses.

Sources: Scherbakov & Doehner 2011 (stroke-related sarcopenia: denervation, disuse, inflammation,
spasticity); Radhakrishnan et al. 1994 (cervical radiculopathy: root pain with weakness or reflex loss of
that root); Kleyweg et al. 1991 (weakness in Guillain-Barré syndrome graded by the MRC sum score);
Cruz-Jentoft et al. 2019, EWGSOP2 (secondary sarcopenia from systemic disease; primary sarcopenia of
ageing when no other cause is evident); Fearon et al. 2011 (cancer cachexia: ongoing loss of skeletal
muscle not fully reversed by feeding); Evans et al. 2008 (cachexia with chronic illness such as heart
failure, COPD and chronic kidney disease; hyperthyroidism as a distinct cause of weight and muscle loss);
Cederholm et al. 2019, GLIM (chronic organ disease and acute illness as etiologic criteria of
malnutrition); De Jonghe et al. 2002 (weakness acquired in intensive care; corticosteroids an
independent risk factor); Skoretz et al. 2010 (swallowing problems after endotracheal intubation are
common, most of all after prolonged intubation); Duyff et al. 2000 (weakness in most newly diagnosed
hyperthyroid patients and many hypothyroid ones, resolving with treatment); Pareyson & Marchesi 2009
(Charcot-Marie-Tooth disease: slowly progressive distal weakness and wasting); Pasnoor et al. 2014
(corticosteroid myopathy: proximal weakness, reversible as the dose comes down); NICE NG188 (lasting fatigue and
breathlessness after COVID-19).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from myoscope.causes._types import Basis
from myoscope.references import cite

if TYPE_CHECKING:
    from myoscope.record import Condition, Symptom


class Pattern(str, Enum):
    """The findings that fit the condition."""

    one_sided = "weakness or thinning on one side"
    weight_loss = "weight loss or measured muscle loss"
    weakness = "weakness or measured muscle loss"
    ageing = "measured muscle loss with no other cause"


@dataclass(frozen=True, slots=True)
class ConditionEntry:
    key: str
    label: str
    codes: tuple[str, ...]
    names: tuple[str, ...]
    pattern: Pattern
    mechanism: str
    citation: str
    next_step: str
    basis: Basis = Basis.recorded_condition
    other_names: tuple[str, ...] = ()
    """Names of other conditions that contain one of :attr:`names` ("heat stroke" is not a stroke)."""

    def matches(self, code: str | None, name: str | None) -> bool:
        if code and code in self.codes:
            return True
        text = (name or "").lower()
        for other in self.other_names:
            text = re.sub(rf"\b{re.escape(other)}\b", " ", text)
        return any(re.search(rf"\b{re.escape(n)}\b", text) for n in self.names)


TABLE: tuple[ConditionEntry, ...] = (
    ConditionEntry(
        "stroke",
        "stroke",
        ("230690007",),
        ("stroke", "cerebrovascular accident", "cva", "hemiparesis", "hemiplegia"),
        Pattern.one_sided,
        "weak, denervated and unused muscle on the affected side wastes",
        "scherbakov2011",
        "Stroke rehabilitation review: strength and task training of the weak side",
        other_names=("heat stroke", "sun stroke"),
    ),
    ConditionEntry(
        "radiculopathy",
        "nerve root compression (radiculopathy)",
        (),
        ("radiculopathy", "nerve root compression", "compressed nerve root", "trapped nerve root"),
        Pattern.one_sided,
        "a compressed nerve root weakens, and in time thins, the muscles it supplies, with pain or numbness in "
        "its skin area",
        "radhakrishnan1994",
        "Spinal or neurology review of the nerve root (examination, and imaging where it would change treatment)",
    ),
    ConditionEntry(
        "guillain_barre",
        "Guillain-Barré syndrome",
        ("40956001",),
        ("guillain-barre", "guillain-barré", "guillain barre", "gbs"),
        Pattern.weakness,
        "nerve inflammation leaves muscles weak and wasting; graded with the MRC sum score",
        "kleyweg1991",
        "Neurology follow-up with MRC sum scores; graded rehabilitation as power returns",
    ),
    ConditionEntry(
        "myopathy",
        "myopathy (disease of muscle)",
        ("129565002",),
        ("myopathy", "myositis", "polymyositis", "dermatomyositis", "muscular dystrophy"),
        Pattern.weakness,
        "disease of the muscle itself",
        "cruzjentoft2019",
        "Neuromuscular specialist review",
    ),
    ConditionEntry(
        "cancer",
        "cancer",
        ("363346000",),
        (
            "cancer",
            "malignancy",
            "malignant",
            "carcinoma",
            "adenocarcinoma",
            "sarcoma",
            "lymphoma",
            "leukaemia",
            "leukemia",
            "myeloma",
            "melanoma",
            "mesothelioma",
            "tumour",
            "tumor",
            "metastatic",
        ),
        Pattern.weight_loss,
        "cancer can drive cachexia: muscle loss that feeding alone does not reverse",
        "fearon2011",
        "Oncology and dietitian review for cachexia",
    ),
    ConditionEntry(
        "cachexia",
        "cachexia",
        (),
        ("cachexia", "cachectic", "wasting syndrome", "hiv wasting"),
        Pattern.weight_loss,
        "loss of muscle driven by an underlying illness",
        "evans2008",
        "Medical review of the underlying illness, with a dietitian",
    ),
    ConditionEntry(
        "heart_failure",
        "heart failure",
        ("84114007",),
        ("heart failure", "cardiac failure"),
        Pattern.weight_loss,
        "chronic heart failure can cause cachexia",
        "evans2008",
        "Heart failure team review; cardiac rehabilitation",
    ),
    ConditionEntry(
        "copd",
        "COPD",
        ("13645005",),
        ("copd", "chronic obstructive pulmonary disease", "emphysema", "chronic obstructive lung disease"),
        Pattern.weight_loss,
        "chronic lung disease can cause cachexia and disuse",
        "evans2008",
        "Pulmonary rehabilitation referral",
    ),
    ConditionEntry(
        "ckd",
        "chronic kidney disease",
        ("709044004",),
        ("chronic kidney disease", "ckd", "renal failure", "dialysis"),
        Pattern.weight_loss,
        "chronic kidney disease can cause cachexia",
        "evans2008",
        "Renal team and renal dietitian review",
    ),
    ConditionEntry(
        "hyperthyroidism",
        "hyperthyroidism",
        ("34486009",),
        ("hyperthyroidism", "thyrotoxicosis", "overactive thyroid", "graves"),
        Pattern.weight_loss,
        "excess thyroid hormone wastes weight and muscle",
        "evans2008",
        "Thyroid function tests and endocrine review",
    ),
    ConditionEntry(
        "post_covid",
        "post-COVID-19 condition (long COVID)",
        (),
        ("long covid", "post-covid", "post covid", "post-covid-19", "post-acute sequelae of covid"),
        Pattern.weakness,
        "after COVID-19, lasting fatigue and breathlessness cut activity, and unused muscle wastes",
        "nice_ng188",
        "Post-COVID assessment and rehabilitation service; where exertion makes symptoms worse, pace activity "
        "with them rather than follow a fixed build-up",
    ),
    ConditionEntry(
        "hypothyroidism",
        "hypothyroidism",
        ("40930008",),
        ("hypothyroidism", "hypothyroid", "underactive thyroid", "myxoedema", "myxedema", "hashimoto"),
        Pattern.weakness,
        "too little thyroid hormone causes a myopathy (weakness, cramps, slowness) that treatment reverses",
        "duyff2000",
        "Thyroid function tests and endocrine review",
    ),
    ConditionEntry(
        "hereditary_neuropathy",
        "hereditary neuropathy (Charcot-Marie-Tooth disease)",
        (),
        (
            "charcot-marie-tooth",
            "charcot marie tooth",
            "hereditary motor and sensory neuropathy",
            "hmsn",
            "hereditary neuropathy",
        ),
        Pattern.weakness,
        "an inherited disease of the nerves slowly weakens and wastes the muscles they supply, the feet and lower "
        "legs first, then the hands",
        "pareyson2009",
        "Neuromuscular review; physiotherapy, orthoses for foot drop, and strength and aerobic training",
    ),
    ConditionEntry(
        "corticosteroids",
        "long-term corticosteroid treatment",
        (),
        (
            "corticosteroid",
            "corticosteroids",
            "glucocorticoid",
            "glucocorticoids",
            "prednisolone",
            "prednisone",
            "dexamethasone",
            "methylprednisolone",
            "hydrocortisone",
            "steroid",
            "steroids",
            "steroid myopathy",
        ),
        Pattern.weakness,
        "corticosteroids cause a proximal myopathy, reversible as the dose comes down; in intensive care they "
        "were an independent risk factor for weakness",
        "pasnoor2014",
        "Medication review with the prescriber (never stop steroids abruptly)",
        other_names=(
            "anabolic steroid",
            "anabolic steroids",
            "inhaled steroid",
            "inhaled steroids",
            "steroid inhaler",
            "steroid cream",
            "topical steroid",
            "topical steroids",
        ),
    ),
    ConditionEntry(
        "critical_illness",
        "critical illness",
        ("91302008",),
        (
            "critical illness",
            "critical care",
            "intensive care",
            "icu",
            "sepsis",
            "septic shock",
            "icu-acquired weakness",
            "ards",
            "acute respiratory distress syndrome",
        ),
        Pattern.weakness,
        "critical illness causes rapid weakness and muscle wasting",
        "dejonghe2002",
        "Post-intensive-care rehabilitation",
    ),
    ConditionEntry(
        "sarcopenia_of_ageing",
        "primary sarcopenia of ageing",
        (),
        ("sarcopenia", "age-related sarcopenia"),
        Pattern.ageing,
        "primary (age-related) sarcopenia when no other cause is evident",
        "cruzjentoft2019",
        "Resistance exercise and protein review",
        Basis.risk_factor,
    ),
)
TABLE_CITATIONS = cite(
    *dict.fromkeys(e.citation for e in TABLE), "skoretz2010", "duyff2000", "dejonghe2002", "asbury1990", "lublin2014"
)


EXPLAINS: dict[str, frozenset[str]] = {
    "stroke": frozenset({"weakness", "swallowing_difficulty", "speech_change"}),
    "guillain_barre": frozenset({"weakness", "swallowing_difficulty", "breathlessness"}),
    "myopathy": frozenset({"weakness", "swallowing_difficulty"}),
    "heart_failure": frozenset({"breathlessness"}),
    "post_covid": frozenset({"breathlessness"}),
    "copd": frozenset({"breathlessness"}),
    "critical_illness": frozenset({"weakness", "swallowing_difficulty"}),
    "hyperthyroidism": frozenset({"weakness"}),
    "hypothyroidism": frozenset({"weakness"}),
    "hereditary_neuropathy": frozenset({"weakness"}),
    "corticosteroids": frozenset({"weakness"}),
}
"""Symptoms a recorded condition explains on its own, so that they are not read as a new motor neurone
pattern (weakness and swallowing change after a stroke; breathlessness with heart failure, COPD or after
COVID-19 (NICE NG188);
weakness acquired in intensive care (De Jonghe 2002) and swallowing problems after intubation
(Skoretz 2010); proximal weakness with an overactive thyroid (Duyff 2000) or on long-term corticosteroids
(Pasnoor 2014), which treatment or a lower dose reverses: a swallowing or speech change is not theirs)."""


RECORDED_CAUSE_EXPLAINS: dict[str, tuple[str, frozenset[str]]] = {
    "multiple_sclerosis": ("multiple sclerosis", frozenset({"weakness"})),
}
"""Recorded conditions of myoscope's own causes that explain a symptom: weakness, steady or worsening, is what
multiple sclerosis causes, in relapses or as progressive disease (Lublin et al. 2014 [lublin2014]); it often
begins before the diagnosis, so its timing is not checked. A speech or swallowing change is still flagged, to
be seen by the MS team or a neurologist. A spinal cord or nerve injury explains no worsening weakness: that
is a new problem after a settled injury."""


DISEASE_BURDEN = frozenset({"cancer", "cachexia", "heart_failure", "copd", "ckd"})
"""Chronic diseases that GLIM (Cederholm et al. 2019) names as its disease burden / inflammation etiologic
criterion: malignant disease, chronic heart failure, COPD, chronic kidney disease, and cachexia (an illness's
inflammation by definition). Acute illness and injury are read from the record's illness episodes."""


def entries_on(conditions: Iterable[Condition], on: dt.date) -> list[ConditionEntry]:
    """The table entries of the recorded other conditions that have begun by ``on`` (a condition recorded as
    starting later is not yet counted), in record order."""
    return [
        entry
        for c in conditions
        if c.kind == "other" and (c.onset is None or c.onset <= on) and (entry := match(c.snomed, c.name)) is not None
    ]


def disease_burden(conditions: Iterable[Condition], on: dt.date) -> list[str]:
    """Labels of the recorded chronic diseases that meet GLIM's disease burden / inflammation criterion on ``on``."""
    return list(dict.fromkeys(e.label for e in entries_on(conditions, on) if e.key in DISEASE_BURDEN))


SETTLED_COURSE = frozenset({"stroke", "guillain_barre", "critical_illness"})
"""Conditions whose deficits are greatest near their onset and then stay or improve: a symptom recorded as
progressive is not theirs, nor one that began more than :data:`SETTLED_WITHIN_DAYS` after the condition. After
a stroke, Guillain-Barré syndrome or a stay in intensive care, weakness or a speech or swallowing change that
keeps getting worse, or that is new months or years later, is the warning pattern of NICE NG42 (or a new
event), not the old condition."""

SETTLED_WITHIN_DAYS = 28
"""Days after a condition of :data:`SETTLED_COURSE` within which a new symptom can still be its own: the
longest of their courses, Guillain-Barré syndrome, reaches its worst within 4 weeks (Asbury & Cornblath 1990
[asbury1990]); a stroke's deficits begin with it, and weakness acquired in intensive care begins during the
stay (De Jonghe 2002)."""


INSIDIOUS_ONSET = frozenset({"hyperthyroidism", "hypothyroidism", "myopathy", "hereditary_neuropathy"})
"""Conditions that come on over months, so that the date recorded for them is mostly the diagnosis: the
weakness they cause often starts before it (Duyff 2000: muscle symptoms were the reason to consult in many
newly diagnosed patients), so a symptom recorded as starting earlier is still theirs."""


def explained_symptoms(conditions: Iterable[Condition], symptoms: Iterable[Symptom] = ()) -> dict[str, str]:
    """Symptom kind -> label of the recorded condition that explains it.

    A condition never explains a symptom recorded as starting before the condition did (a swallowing
    change that began before a stay in intensive care is not explained by it), except one of
    :data:`INSIDIOUS_ONSET`, whose recorded date is mostly its diagnosis; nor, for a condition of
    :data:`SETTLED_COURSE`, a symptom recorded as progressive or as starting more than
    :data:`SETTLED_WITHIN_DAYS` after it; where a date or the course is missing, the condition explains the
    symptom as before."""
    recorded = [(s.kind, s.onset, bool(s.progressive)) for s in symptoms]
    out: dict[str, str] = {}
    for c in conditions:
        if c.kind in RECORDED_CAUSE_EXPLAINS:
            label, kinds = RECORDED_CAUSE_EXPLAINS[c.kind]
            out.update({kind: label for kind in kinds if kind not in out})
            continue
        entry = match(c.snomed, c.name) if c.kind == "other" else None
        if entry is None:
            continue
        for kind in EXPLAINS.get(entry.key, ()):
            if _fits(entry, c, [(on, worse) for k, on, worse in recorded if k == kind]):
                out.setdefault(kind, entry.label)
    return out


def _fits(entry: ConditionEntry, condition: Condition, same: list[tuple[dt.date | None, bool]]) -> bool:
    """The recorded symptoms of one kind (onset, progressive) fit the condition's timing and course."""
    start = condition.onset
    earlier = entry.key not in INSIDIOUS_ONSET and any(on and start and on < start for on, _ in same)
    settled = entry.key in SETTLED_COURSE
    worsening = settled and any(worse for _, worse in same)
    later = settled and any(on and start and (on - start).days > SETTLED_WITHIN_DAYS for on, _ in same)
    return not (earlier or worsening or later)


def match(code: str | None, name: str | None) -> ConditionEntry | None:
    """The table entry a recorded condition matches (code first, then name), or None."""
    by_code = next((e for e in TABLE if code and code in e.codes), None)
    return by_code or next((e for e in TABLE if e.matches(None, name)), None)


def coded_conditions() -> tuple[tuple[str, str], ...]:
    """The table's conditions that carry a SNOMED CT code: (first code, label), for pick-lists."""
    return tuple((entry.codes[0], entry.label) for entry in TABLE if entry.codes)


def disease_burden_codes() -> frozenset[str]:
    """Every SNOMED CT code of the table's chronic diseases that meet GLIM's disease burden criterion."""
    return frozenset(code for entry in TABLE if entry.key in DISEASE_BURDEN for code in entry.codes)


def explaining_codes() -> frozenset[str]:
    """Every SNOMED CT code of the table's conditions that explain symptoms on their own (:data:`EXPLAINS`)."""
    return frozenset(code for entry in TABLE if entry.key in EXPLAINS for code in entry.codes)
