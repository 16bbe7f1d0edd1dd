"""The HTML report of each domain's example shows its tables, plots, flags and next steps."""

import pytest

from myoscope.causes import assess
from myoscope.record import load_record
from myoscope.report import render

CASES = {
    # example: (plot ids, table ids, texts that must appear)
    "probable-sarcopenia": (
        ("plot-grip_strength", "plot-gait_speed", "plot-calf_circumference"),
        ("table-muscle-instruments", "table-sarcopenia-definitions"),
        ("EWGSOP2", "AWGS 2019", "FNIH", "probable sarcopenia", "possible sarcopenia"),
    ),
    # GLIM malnutrition is met (11 % weight loss with intake at half the need): the safety checks never set
    # intake below maintenance for a malnourished person, so the report shows the maintenance target.
    "low-calorie-900": (
        ("plot-hall-projection",),
        (),
        ("Ask how long intake has been this low before raising it", "Weight fell 11.4 % within six months"),
    ),
    "older-low-protein-vitamin-a": ((), ("table-nutrients",), ("above the upper level", "likely inadequate")),
    "forearm-cast": (
        ("plot-disuse-band-forearm-left", "plot-activity-vs-guidance"),
        (),
        ("forearm muscle cross-section", "Graded retraining"),
    ),
    "sedentary-office-worker": (
        ("plot-activity-vs-guidance", "plot-inactivity-upper-bound"),
        (),
        ("WHO 2020", "Start at"),
    ),
    "sci-t6": (
        ("plot-sci-totals",),
        ("table-sci-atrophy-map", "table-sci-follow-up"),
        ("Bone-fragility alert", "transfer", "FES", "Standing", "Walking training", "Resistance training"),
    ),
    "radial-nerve-palsy": ((), (), ("radial nerve injury", "Peripheral nerve injury", "MRC")),
    "als-diagnosed": (("plot-alsfrs-r-trend",), (), ("King", "MiToS", "genetic counselling")),
    "als-pattern-brother": ((), (), ("needs neurological evaluation", "genetic counselling")),
    "relapsing-ms": (("plot-edss-trend", "plot-msws-trend"), (), ("EDSS", "relapses in the last 12 months")),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_example_report(examples_dir, name):
    plots, tables, texts = CASES[name]
    html = render(assess(load_record(examples_dir / f"{name}.yaml")), "html")
    for plot in plots:
        assert f'id="{plot}"' in html, plot
    for table in tables:
        assert f'id="{table}"' in html, table
    for text in texts:
        assert text in html, text
