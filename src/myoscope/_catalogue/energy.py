"""Sources for the energy area (energy balance and Hall's body-weight model)."""

from myoscope.references import Reference

ENTRIES: tuple[Reference, ...] = (
    Reference(
        key="hall2011",
        authors="Hall KD, Sacks G, Chandramohan D, Chow CC, Wang YC, Gortmaker SL, Swinburn BA",
        year=2011,
        title="Quantification of the effect of energy imbalance on bodyweight",
        journal="Lancet 378(9793):826-837",
        doi="10.1016/S0140-6736(11)60812-X",
        note="The model's equations and parameters are in the web appendix "
        "'Dynamic mathematical model of body weight change in adults'.",
    ),
    Reference(
        key="chow2008",
        authors="Chow CC, Hall KD",
        year=2008,
        title="The dynamics of human body weight change",
        journal="PLoS Comput Biol 4(3):e1000045",
        doi="10.1371/journal.pcbi.1000045",
    ),
    Reference(
        key="hall2008",
        authors="Hall KD",
        year=2008,
        title="What is the required energy deficit per unit weight loss?",
        journal="Int J Obes 32(3):573-576",
        doi="10.1038/sj.ijo.0803720",
    ),
    Reference(
        key="jackson2002",
        authors="Jackson AS, Stanforth PR, Gagnon J, Rankinen T, Leon AS, Rao DC, Skinner JS, Bouchard C, Wilmore JH",
        year=2002,
        title="The effect of sex, age and race on estimating percentage body fat from body mass index: "
        "the Heritage Family Study",
        journal="Int J Obes Relat Metab Disord 26(6):789-796",
        doi="10.1038/sj.ijo.0802006",
    ),
    Reference(
        key="forbes1987",
        authors="Forbes GB",
        year=1987,
        title="Lean body mass-body fat interrelationships in humans",
        journal="Nutr Rev 45(8):225-231",
        doi="10.1111/j.1753-4887.1987.tb02684.x",
    ),
    Reference(
        key="bw_1_0_0",
        authors="Zepeda-Tello R, Camacho-Garcia-Formenti D",
        year=2023,
        title="bw: Dynamic Body Weight Models for Children and Adults, version 1.0.0 (commit d5f9378)",
        journal="R package (INSP-RH/bw)",
        url="https://github.com/INSP-RH/bw",
    ),
)
