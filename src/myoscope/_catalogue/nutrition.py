"""Sources for the nutrition area: screening (MUST, MNA-SF), diagnosis (GLIM), dietary
reference intakes, protein targets and resting-energy equations."""

from myoscope.references import Reference

ENTRIES: tuple[Reference, ...] = (
    Reference(
        key="elia2003_must",
        authors="Elia M (ed.); Malnutrition Advisory Group, BAPEN",
        year=2003,
        title="The 'MUST' report. Nutritional screening of adults: a multidisciplinary responsibility",
        journal="Redditch: British Association for Parenteral and Enteral Nutrition (BAPEN)",
        url="https://www.bapen.org.uk/",
        note="ISBN 1899467 70 X. Defines the 'Malnutrition Universal Screening Tool' steps 1-5.",
    ),
    Reference(
        key="stratton2004_must",
        authors="Stratton RJ, Hackston A, Longmore D, Dixon R, Price S, Stroud M, King C, Elia M",
        year=2004,
        title="Malnutrition in hospital outpatients and inpatients: prevalence, concurrent validity and "
        "ease of use of the 'malnutrition universal screening tool' ('MUST') for adults",
        journal="Br J Nutr 92(5):799-808",
        doi="10.1079/BJN20041258",
    ),
    Reference(
        key="rubenstein2001_mnasf",
        authors="Rubenstein LZ, Harker JO, Salva A, Guigoz Y, Vellas B",
        year=2001,
        title="Screening for undernutrition in geriatric practice: developing the short-form "
        "Mini-Nutritional Assessment (MNA-SF)",
        journal="J Gerontol A Biol Sci Med Sci 56(6):M366-M372",
        doi="10.1093/gerona/56.6.M366",
    ),
    Reference(
        key="kaiser2009_mnasf",
        authors="Kaiser MJ, Bauer JM, Ramsch C, Uter W, Guigoz Y, Cederholm T, et al.",
        year=2009,
        title="Validation of the Mini Nutritional Assessment short-form (MNA-SF): a practical tool "
        "for identification of nutritional status",
        journal="J Nutr Health Aging 13(9):782-788",
        doi="10.1007/s12603-009-0214-7",
        note="Adds calf circumference as the alternative to BMI and the three-category scoring.",
    ),
    Reference(
        key="cederholm2019_glim",
        authors="Cederholm T, Jensen GL, Correia MITD, Gonzalez MC, Fukushima R, Higashiguchi T, et al.",
        year=2019,
        title="GLIM criteria for the diagnosis of malnutrition - A consensus report from the global "
        "clinical nutrition community",
        journal="Clin Nutr 38(1):1-9",
        doi="10.1016/j.clnu.2018.08.002",
        note="Co-published in J Cachexia Sarcopenia Muscle 2019;10:207-217 (doi:10.1002/jcsm.12383) "
        "and JPEN 2019;43:32-40 (doi:10.1002/jpen.1440).",
    ),
    Reference(
        key="nasem2019_dri_tables",
        authors="National Academies of Sciences, Engineering, and Medicine",
        year=2019,
        title="Dietary Reference Intakes for Sodium and Potassium. Appendix J: Dietary Reference "
        "Intakes Summary Tables",
        journal="Washington, DC: The National Academies Press",
        doi="10.17226/25353",
        url="https://www.ncbi.nlm.nih.gov/books/NBK545442/",
        note="Consolidated US/Canada EAR, RDA/AI and UL tables drawn from the DRI reports of "
        "1997-2019 (calcium and vitamin D 2011; vitamin A, iron, zinc 2001; selenium 2000; "
        "vitamin B12 1998; magnesium 1997; protein 2002/2005; potassium 2019).",
    ),
    Reference(
        key="iom2000_dri_assessment",
        authors="Institute of Medicine",
        year=2000,
        title="Dietary Reference Intakes: Applications in Dietary Assessment",
        journal="Washington, DC: National Academy Press",
        doi="10.17226/9956",
    ),
    Reference(
        key="bauer2013_protage",
        authors="Bauer J, Biolo G, Cederholm T, Cesari M, Cruz-Jentoft AJ, Morley JE, et al.",
        year=2013,
        title="Evidence-based recommendations for optimal dietary protein intake in older people: "
        "a position paper from the PROT-AGE Study Group",
        journal="J Am Med Dir Assoc 14(8):542-559",
        doi="10.1016/j.jamda.2013.05.021",
    ),
    Reference(
        key="deutz2014_espen",
        authors="Deutz NEP, Bauer JM, Barazzoni R, Biolo G, Boirie Y, Bosy-Westphal A, et al.",
        year=2014,
        title="Protein intake and exercise for optimal muscle function with aging: recommendations "
        "from the ESPEN Expert Group",
        journal="Clin Nutr 33(6):929-936",
        doi="10.1016/j.clnu.2014.04.007",
    ),
    Reference(
        key="volkert2019_espen",
        authors="Volkert D, Beck AM, Cederholm T, Cruz-Jentoft A, Goisser S, Hooper L, et al.",
        year=2019,
        title="ESPEN guideline on clinical nutrition and hydration in geriatrics",
        journal="Clin Nutr 38(1):10-47",
        url="https://www.clinicalnutritionjournal.com/article/S0261-5614(18)30210-3/fulltext",
    ),
    Reference(
        key="roza1984",
        authors="Roza AM, Shizgal HM",
        year=1984,
        title="The Harris Benedict equation reevaluated: resting energy requirements and the body cell mass",
        journal="Am J Clin Nutr 40(1):168-182",
        doi="10.1093/ajcn/40.1.168",
    ),
    Reference(
        key="henry2005",
        authors="Henry CJK",
        year=2005,
        title="Basal metabolic rate studies in humans: measurement and development of new equations",
        journal="Public Health Nutr 8(7A):1133-1152",
        doi="10.1079/PHN2005801",
    ),
    Reference(
        key="krieger2006",
        authors="Krieger JW, Sitren HS, Daniels MJ, Langkamp-Henken B",
        year=2006,
        title="Effects of variation in protein and carbohydrate intake on body mass and composition during "
        "energy restriction: a meta-regression",
        journal="Am J Clin Nutr 83(2):260-274",
        doi="10.1093/ajcn/83.2.260",
    ),
    Reference(
        key="nice_cg32",
        authors="National Institute for Health and Care Excellence",
        year=2006,
        title="Nutrition support for adults: oral nutrition support, enteral tube feeding and parenteral "
        "nutrition (clinical guideline CG32, updated 2017)",
        journal="NICE",
        url="https://www.nice.org.uk/guidance/cg32",
    ),
    Reference(
        key="fearon2011",
        authors="Fearon K, Strasser F, Anker SD, et al.",
        year=2011,
        title="Definition and classification of cancer cachexia: an international consensus",
        journal="Lancet Oncol 12(5):489-495",
        doi="10.1016/S1470-2045(10)70218-7",
    ),
    Reference(
        key="mcminn2011",
        authors="McMinn J, Steel C, Bowman A",
        year=2011,
        title="Investigation and management of unintentional weight loss in older adults",
        journal="BMJ 342:d1732",
        doi="10.1136/bmj.d1732",
    ),
    Reference(
        key="ikizler2020_kdoqi",
        authors="Ikizler TA, Burrowes JD, Byham-Gray LD, et al.",
        year=2020,
        title="KDOQI clinical practice guideline for nutrition in CKD: 2020 update",
        journal="Am J Kidney Dis 76(3 Suppl 1):S1-S107",
        doi="10.1053/j.ajkd.2020.05.006",
        note="Protein 0.55-0.6 g/kg/day in stages 3-5 not on dialysis (0.6-0.8 with diabetes); 1.0-1.2 g/kg/day "
        "on maintenance dialysis; a renal dietitian sets it.",
    ),
    Reference(
        key="barazzoni2022_glim_muscle",
        authors="Barazzoni R, Jensen GL, Correia MITD, et al.",
        year=2022,
        title="Guidance for assessment of the muscle mass phenotypic criterion for the Global Leadership "
        "Initiative on Malnutrition (GLIM) diagnosis of malnutrition",
        journal="Clin Nutr 41(6):1425-1433",
        doi="10.1016/j.clnu.2022.02.001",
        note="Calf circumference as a muscle-mass proxy where body composition cannot be measured; swollen legs "
        "(oedema) make it misleading.",
    ),
    Reference(
        key="evans2008",
        authors="Evans WJ, Morley JE, Argilés J, et al.",
        year=2008,
        title="Cachexia: a new definition",
        journal="Clin Nutr 27(6):793-799",
        doi="10.1016/j.clnu.2008.06.013",
    ),
    Reference(
        key="stabler2013",
        authors="Stabler SP",
        year=2013,
        title="Vitamin B12 deficiency",
        journal="N Engl J Med 368(2):149-160",
        doi="10.1056/NEJMcp1113996",
    ),
    Reference(
        key="rcog2024_hyperemesis",
        authors="Royal College of Obstetricians and Gynaecologists; Nelson-Piercy C, Dean C, Shehmar M, et al.",
        year=2024,
        title="The management of nausea and vomiting in pregnancy and hyperemesis gravidarum (Green-top "
        "Guideline No. 69), 2nd edition",
        journal="BJOG",
        doi="10.1111/1471-0528.17739",
        note="Hyperemesis: protracted vomiting of pregnancy with more than 5 % loss of the weight before "
        "pregnancy, dehydration and electrolyte imbalance (first edition 2016).",
    ),
)
