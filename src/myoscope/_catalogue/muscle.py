"""Sources for the muscle area: sarcopenia screening, tests, definitions and muscle-mass equations."""

from myoscope.references import Reference

ENTRIES: tuple[Reference, ...] = (
    Reference(
        key="malmstrom2013",
        authors="Malmstrom TK, Morley JE",
        year=2013,
        title="SARC-F: a simple questionnaire to rapidly diagnose sarcopenia",
        journal="J Am Med Dir Assoc 14(8):531-532",
        doi="10.1016/j.jamda.2013.05.018",
    ),
    Reference(
        key="malmstrom2016",
        authors="Malmstrom TK, Miller DK, Simonsick EM, Ferrucci L, Morley JE",
        year=2016,
        title="SARC-F: a symptom score to predict persons with sarcopenia at risk for poor functional outcomes",
        journal="J Cachexia Sarcopenia Muscle 7(1):28-36",
        doi="10.1002/jcsm.12048",
    ),
    Reference(
        key="barbosasilva2016",
        authors="Barbosa-Silva TG, Menezes AMB, Bielemann RM, Malmstrom TK, Gonzalez MC; COCONUT group",
        year=2016,
        title="Enhancing SARC-F: improving sarcopenia screening in the clinical practice",
        journal="J Am Med Dir Assoc 17(12):1136-1141",
        doi="10.1016/j.jamda.2016.08.004",
    ),
    Reference(
        key="cruzjentoft2019",
        authors="Cruz-Jentoft AJ, Bahat G, Bauer J, et al.; EWGSOP2",
        year=2019,
        title="Sarcopenia: revised European consensus on definition and diagnosis",
        journal="Age Ageing 48(1):16-31",
        doi="10.1093/ageing/afy169",
    ),
    Reference(
        key="chen2020",
        authors="Chen LK, Woo J, Assantachai P, et al.",
        year=2020,
        title="Asian Working Group for Sarcopenia: 2019 consensus update on sarcopenia diagnosis and treatment",
        journal="J Am Med Dir Assoc 21(3):300-307.e2",
        doi="10.1016/j.jamda.2019.12.012",
    ),
    Reference(
        key="studenski2014",
        authors="Studenski SA, Peters KW, Alley DE, et al.",
        year=2014,
        title="The FNIH Sarcopenia Project: rationale, study description, conference recommendations, "
              "and final estimates",
        journal="J Gerontol A Biol Sci Med Sci 69(5):547-558",
        doi="10.1093/gerona/glu010",
    ),
    Reference(
        key="alley2014",
        authors="Alley DE, Shardell MD, Peters KW, et al.",
        year=2014,
        title="Grip strength cutpoints for the identification of clinically relevant weakness",
        journal="J Gerontol A Biol Sci Med Sci 69(5):559-566",
        doi="10.1093/gerona/glu011",
    ),
    Reference(
        key="guralnik1994",
        authors="Guralnik JM, Simonsick EM, Ferrucci L, et al.",
        year=1994,
        title="A short physical performance battery assessing lower extremity function: association with "
              "self-reported disability and prediction of mortality and nursing home admission",
        journal="J Gerontol 49(2):M85-M94",
        doi="10.1093/geronj/49.2.M85",
    ),
    Reference(
        key="podsiadlo1991",
        authors="Podsiadlo D, Richardson S",
        year=1991,
        title="The timed \"Up & Go\": a test of basic functional mobility for frail elderly persons",
        journal="J Am Geriatr Soc 39(2):142-148",
        doi="10.1111/j.1532-5415.1991.tb01616.x",
    ),
    Reference(
        key="gonzalez2021",
        authors="Gonzalez MC, Mehrnezhad A, Razaviarab N, Barbosa-Silva TG, Heymsfield SB",
        year=2021,
        title="Calf circumference: cutoff values from the NHANES 1999-2006",
        journal="Am J Clin Nutr 113(6):1679-1687",
        doi="10.1093/ajcn/nqab029",
    ),
    Reference(
        key="janssen2000",
        authors="Janssen I, Heymsfield SB, Baumgartner RN, Ross R",
        year=2000,
        title="Estimation of skeletal muscle mass by bioelectrical impedance analysis",
        journal="J Appl Physiol 89(2):465-471",
        doi="10.1152/jappl.2000.89.2.465",
    ),
    Reference(
        key="janssen2004",
        authors="Janssen I, Baumgartner RN, Ross R, Rosenberg IH, Roubenoff R",
        year=2004,
        title="Skeletal muscle cutpoints associated with elevated physical disability risk in older men "
              "and women",
        journal="Am J Epidemiol 159(4):413-421",
        doi="10.1093/aje/kwh058",
    ),
    Reference(
        key="sergi2015",
        authors="Sergi G, De Rui M, Veronese N, et al.",
        year=2015,
        title="Assessing appendicular skeletal muscle mass with bioelectrical impedance analysis in "
              "free-living Caucasian older adults",
        journal="Clin Nutr 34(4):667-673",
        doi="10.1016/j.clnu.2014.07.010",
    ),
    Reference(
        key="lee2000",
        authors="Lee RC, Wang Z, Heo M, Ross R, Janssen I, Heymsfield SB",
        year=2000,
        title="Total-body skeletal muscle mass: development and cross-validation of anthropometric "
              "prediction models",
        journal="Am J Clin Nutr 72(3):796-803",
        doi="10.1093/ajcn/72.3.796",
    ),
    Reference(
        key="kim2002",
        authors="Kim J, Wang Z, Heymsfield SB, Baumgartner RN, Gallagher D",
        year=2002,
        title="Total-body skeletal muscle mass: estimation by a new dual-energy X-ray absorptiometry method",
        journal="Am J Clin Nutr 76(2):378-383",
        doi="10.1093/ajcn/76.2.378",
    ),
)
