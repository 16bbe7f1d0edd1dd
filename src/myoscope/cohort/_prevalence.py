"""Prevalence of each screen with Wilson 95 % intervals, overall and by sex, age band and group.

Wilson EB. Probable inference, the law of succession, and statistical inference. J Am Stat
Assoc 1927;22(158):209-212. [wilson1927]. The score interval keeps
within 0-1 and behaves at small counts and proportions near 0 or 1, where the Wald interval
does not. The denominator of a screen is the people it could decide ("cannot tell" is
counted apart, never as negative).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist
from typing import Any

from myoscope.criteria import awgs2019, ewgsop2, fnih2014

Z95 = NormalDist().inv_cdf(0.975)
"""Standard normal quantile for a two-sided 95 % interval."""

AGE_BANDS: tuple[tuple[int, int | None], ...] = ((18, 49), (50, 64), (65, 74), (75, 84), (85, None))
"""Reporting bands (ours; 65 and 75 are where the sarcopenia literature reports most often)."""


@dataclass(frozen=True)
class Screen:
    name: str
    column: str
    at_least: int
    """A person is positive when the column is at least this (decided when >= 0)."""
    exactly: int | None = None


_SEX_GRIP = "sex, and grip strength or a five-chair-stand time"
_WEIGHTS = "two body weights at least two weeks apart within 6 months"
NEEDS: dict[str, str] = {
    "ewgsop2": _SEX_GRIP,
    "awgs2019": "the population stated (persons column 'population', or 'population:' in the mapping; never "
    "inferred), and " + _SEX_GRIP,
    "fnih2014": "sex, grip strength and, when weak, appendicular lean mass with weight and height",
    "must": "weight and height (BMI), " + _WEIGHTS + ", and whether acutely ill with no intake",
    "glim_weight_loss": _WEIGHTS,
    "glim": "acutely ill with no intake, or a chronic disease of GLIM's list (cancer, heart failure, COPD, chronic "
    "kidney disease) in a conditions table (read as inflammation), and weight loss within 6 months, or beyond "
    "6 months (two weights 6 to 12 months apart), or a BMI with age; reduced intake and muscle mass are not read "
    "from tables, so 'no malnutrition' is never decided",
    "girth_asymmetry": "both sides of a limb girth measured on the same day",
    "girth_loss": "one side of a limb girth measured on two days",
    "who2020_aerobic": "a week's moderate and vigorous minutes",
    "brief_3x20": "the number of sessions of 20 minutes or more in a week",
    "red_flag_rapid_weight_loss": _WEIGHTS,
    "red_flag_calf_swelling": "both calf girths measured on the same day",
    "red_flag_refeeding_risk": "weight and height (BMI) and " + _WEIGHTS + "; with one criterion of NICE CG32 "
    "alone, the days of little intake and the history (alcohol, insulin, chemotherapy, diuretics), not in tables",
    "cause_spinal_cord_injury": "a conditions table (a person without a row there: asked, none)",
    "cause_multiple_sclerosis": "the diagnosis in a conditions table (otherwise symptoms, which tables do not carry)",
    "cause_nerve_injury": "a conditions table, with the site's nerve-injury code in the mapping",
    "cause_calorie_deficit": _WEIGHTS + " (tables carry no food records: the weight trend decides)",
    "cause_atrophy": "girths of both sides or of one side on two days, grip of each hand, or the measures a "
    "muscle instrument or sarcopenia definition scores (with sex)",
    "cause_als": "the diagnosis in a conditions table; otherwise symptoms, which tables do not carry, so only "
    "measurements showing no muscle loss decide it",
    "cause_inactivity_limb": "immobilisation episodes (cast, sling, brace), which tables do not carry",
    "cause_inactivity_body": "a week's activity summary (moderate and vigorous minutes, or sessions of 20 minutes "
    "or more) in the latest four calendar weeks; bed rest, logged sessions, step counts and IPAQ answers are not "
    "in the tables, so bed rest never decides it",
    "cause_malnutrition": "weight and height (BMI) or " + _WEIGHTS + " for 'MUST' and GLIM, and whether acutely "
    "ill with no intake; food records and answered screening questionnaires are not in the tables, so intake "
    "and nutrients never decide it",
}
"""What a person needs on record for each screen to decide (shown beside "cannot tell")."""

SCREENS: tuple[Screen, ...] = (
    Screen("EWGSOP2 probable sarcopenia or worse", "ewgsop2", ewgsop2.STAGE[ewgsop2.PROBABLE]),
    Screen("EWGSOP2 sarcopenia (confirmed or severe)", "ewgsop2", ewgsop2.STAGE[ewgsop2.CONFIRMED]),
    Screen("AWGS 2019 possible sarcopenia (community)", "awgs2019", awgs2019.STAGE[awgs2019.POSSIBLE]),
    Screen("FNIH weakness with low lean mass", "fnih2014", fnih2014.STAGE[fnih2014.WEAK_LOW_MASS]),
    Screen("'MUST' medium or high risk", "must", 1),
    Screen("'MUST' high risk", "must", 2),
    Screen("GLIM weight-loss criterion met (6 months)", "glim_weight_loss", 1),
    Screen("GLIM malnutrition (any stage)", "glim", 1),
    Screen("limb girth asymmetry beyond measurement error", "girth_asymmetry", 1),
    Screen("limb girth loss beyond measurement error", "girth_loss", 1),
    Screen("below the WHO 2020 aerobic recommendation", "who2020_aerobic", 0, exactly=0),
    Screen("fewer than 3 sessions of 20 min a week", "brief_3x20", 0, exactly=0),
    Screen("red flag: rapid weight loss", "red_flag_rapid_weight_loss", 1),
    Screen("red flag: one calf larger (possible swelling, a clot in a vein)", "red_flag_calf_swelling", 1),
    Screen("red flag: refeeding risk (NICE CG32)", "red_flag_refeeding_risk", 1),
    Screen("cause likely: spinal cord injury", "cause_spinal_cord_injury", 2),
    Screen("cause likely: multiple sclerosis", "cause_multiple_sclerosis", 2),
    Screen("cause likely: peripheral nerve injury", "cause_nerve_injury", 2),
    Screen("cause likely: calorie deficit (weight trend)", "cause_calorie_deficit", 2),
    Screen("muscle loss likely (measurements)", "cause_atrophy", 2),
    Screen("muscle loss possible or likely (measurements)", "cause_atrophy", 1),
    Screen("cause likely: ALS (diagnosis on record)", "cause_als", 2),
    Screen("cause likely: whole-body inactivity (weekly activity)", "cause_inactivity_body", 2),
    Screen("cause possible or likely: whole-body inactivity", "cause_inactivity_body", 1),
    Screen("cause likely: malnutrition ('MUST', GLIM)", "cause_malnutrition", 2),
    Screen("cause possible or likely: malnutrition", "cause_malnutrition", 1),
)


RED_FLAG_NAMES = {
    "red_flag_rapid_weight_loss": "rapid weight loss",
    "red_flag_calf_swelling": "one calf larger than the other, possibly swollen",
    "red_flag_refeeding_risk": "refeeding risk (NICE CG32)",
}
"""How each red flag column is named to people (kernel.RED_FLAG_COLUMNS)."""


def red_flag_sentence(people: int, by_column: dict[str, int]) -> str:
    """The sentence that leads a run's report: who has a red flag, of which kinds, and to see a clinician."""
    kinds = "; ".join(f"{RED_FLAG_NAMES[c]}: {n:,}" for c, n in by_column.items() if n)
    who = "1 person has" if people == 1 else f"{people:,} people have"
    return f"{who} a red flag ({kinds}): each should see a clinician soon."


def wilson_interval(positive: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval (Wilson 1927) for ``positive`` of ``n``; (nan, nan) when n is 0."""
    if n == 0:
        return math.nan, math.nan
    p = positive / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z / denom * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def age_band(age: int) -> str:
    for low, high in AGE_BANDS:
        if age >= low and (high is None or age <= high):
            return f"{low}-{high}" if high is not None else f"{low}+"
    return "unknown"


def prevalence(flags: Any, groups: tuple[str, ...] = ()) -> Any:
    """A polars DataFrame: screen, by, group, persons, decided, positive, cannot_tell, prevalence, low, high."""
    import polars as pl

    bands = pl.col("age")
    band_expr = pl.lit("unknown")
    for low, high in reversed(AGE_BANDS):
        label = f"{low}-{high}" if high is not None else f"{low}+"
        cond = (bands >= low) if high is None else ((bands >= low) & (bands <= high))
        band_expr = pl.when(cond).then(pl.lit(label)).otherwise(band_expr)
    frame = flags.with_columns(
        sex_label=pl.col("sex").replace_strict({0: "unknown", 1: "male", 2: "female"}, return_dtype=pl.Utf8),
        age_band=band_expr,
        all=pl.lit("all"),
    )
    counts = []
    for i, screen in enumerate(SCREENS):
        col = pl.col(screen.column)
        positive = (col == screen.exactly) if screen.exactly is not None else (col >= screen.at_least)
        counts += [(col >= 0).cast(pl.UInt32).alias(f"d{i}"), (positive & (col >= 0)).cast(pl.UInt32).alias(f"p{i}")]
    # the 0/1 columns once, then plain sums per group (a sum of a column is polars' fast path)
    keys = ["sex_label", "age_band", *dict.fromkeys(g for g in groups if g not in ("sex_label", "age_band"))]
    sums = [pl.col(f"{x}{i}").sum() for i in range(len(SCREENS)) for x in "dp"]
    # one pass over the people into cells of every grouping at once, then each grouping from the cells
    cells = frame.select(*keys, *counts).group_by(keys).agg(pl.len().alias("persons"), *sums)
    cells = cells.with_columns(all=pl.lit("all"))
    rows = []
    for by in ("all", "sex_label", "age_band", *groups):
        table = cells.group_by(by).agg(pl.col("persons").sum(), *sums).sort(by)
        for record in table.iter_rows(named=True):
            for i, screen in enumerate(SCREENS):
                rows.append(_row(screen, by, record[by], record["persons"], record[f"d{i}"], record[f"p{i}"]))
    order = {s.name: i for i, s in enumerate(SCREENS)}
    rows.sort(key=lambda r: order[r["screen"]])
    # the types set, not inferred: the first rows may all be undecided (no prevalence), as in a small cohort
    types: dict[str, Any] = {name: pl.Utf8 for name in ("screen", "needs", "by", "group")}
    types |= {name: pl.Int64 for name in ("persons", "decided", "positive", "cannot_tell")}
    types |= {name: pl.Float64 for name in ("prevalence", "ci95_low", "ci95_high")}
    return pl.DataFrame(rows, schema=types)


def _row(screen: Screen, by: str, group: Any, persons: int, decided: int, positive: int) -> dict[str, Any]:
    low, high = wilson_interval(int(positive), int(decided))
    return {
        "screen": screen.name,
        "needs": NEEDS[screen.column],
        "by": {"sex_label": "sex", "all": "all"}.get(by, by),
        "group": "not recorded" if group is None else str(group),
        "persons": int(persons),
        "decided": int(decided),
        "positive": int(positive),
        "cannot_tell": int(persons - decided),
        "prevalence": (positive / decided) if decided else None,
        "ci95_low": None if math.isnan(low) else low,
        "ci95_high": None if math.isnan(high) else high,
    }
