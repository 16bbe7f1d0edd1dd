"""A pregnancy on record: what changes in the advice, and when weight loss is a warning.

Sources: ACOG Committee Opinion 804 (2020): a clinical evaluation comes before an exercise programme is
recommended in pregnancy [acog2020_exercise]; RCOG Green-top Guideline 69 (2016, 2nd edition 2024):
hyperemesis gravidarum is severe vomiting of pregnancy with a loss of more than 5 % of the weight before
pregnancy, dehydration and electrolyte imbalance, and such a loss despite antiemetics is a reason for care
in hospital [rcog2024_hyperemesis]. Energy and protein needs are higher in pregnancy than the general adult
ones this tool computes (the DRI tables [nasem2019_dri_tables]), so no intake target is given from them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from myoscope.causes._types import RedFlag, Urgency
from myoscope.precision import count_text

if TYPE_CHECKING:
    from myoscope.causes._context import Context
    from myoscope.record import Condition

PREGNANCY_SNOMED = frozenset({"77386006"})
"""SNOMED CT 'Pregnant' (77386006); other pregnancy conditions (hyperemesis, say) are matched by name."""
PREGNANCY_WORDS = ("pregnan", "hyperemesis", "gestation")
"""Words of a condition's name that mean a pregnancy (any case) ..."""
NOT_CURRENT_WORDS = (
    "history",
    "previous",
    "prior",
    "past",
    "loss",
    "miscarriage",
    "termination",
    "post",
    "not ",
    "no ",
    "non-",
)
"""... unless the name says it is over or absent (a history of pregnancy loss, a previous pregnancy, postpartum,
not pregnant)."""
PREGNANCY_DAYS = 300
"""A pregnancy recorded with an onset up to 300 days (about 43 weeks) before the assessment date is taken as
current: our reading, a little beyond the longest usual pregnancy."""
HYPEREMESIS_LOSS_PERCENT = 5.0
"""Weight loss in pregnancy above this is one of the signs that define hyperemesis gravidarum (RCOG 2024)."""


def pregnancy(ctx: Context) -> Condition | None:
    """The recorded pregnancy that is current on ``ctx.on``, if any (never for a person recorded as male)."""
    if ctx.person.sex == "male":
        return None
    for c in ctx.record.conditions:
        name = (c.name or "").lower()
        named = c.snomed in PREGNANCY_SNOMED or (
            any(w in name for w in PREGNANCY_WORDS) and not any(w in name for w in NOT_CURRENT_WORDS)
        )
        if named and (c.onset is None or 0 <= (ctx.on - c.onset).days <= PREGNANCY_DAYS):
            return c
    return None


def pregnancy_flag(ctx: Context) -> RedFlag | None:
    """Weight loss of more than 5 % while pregnant, from the weights on record within the pregnancy."""
    condition = pregnancy(ctx)
    if condition is None:
        return None
    change = ctx.weight_change(6)
    if change is None or -change.percent <= HYPEREMESIS_LOSS_PERCENT:
        return None
    if condition.onset is not None and change.start < condition.onset:
        return None  # the loss began before the pregnancy on record
    text = f"weight fell {-change.percent:.1f} % in {count_text(change.days, 'day')}"
    return RedFlag(
        "pregnancy-weight-loss",
        f"Weight fell {-change.percent:.1f} % during pregnancy: a loss of more than "
        f"{HYPEREMESIS_LOSS_PERCENT:g} % is a sign of severe sickness of pregnancy (hyperemesis).",
        "See the midwife, GP or maternity unit today.",
        Urgency.urgent,
        (text,),
        "rcog2024_hyperemesis",
    )
