"""Sources for the activity area: IPAQ, steps, disuse kinetics, pre-participation screening."""

from myoscope.references import Reference

ENTRIES: tuple[Reference, ...] = (
    Reference(
        key="montero2022_falls",
        authors="Montero-Odasso M, van der Velde N, Martin FC, et al.",
        year=2022,
        title="World guidelines for falls prevention and management for older adults: a global initiative",
        journal="Age Ageing 51(9):afac205",
        doi="10.1093/ageing/afac205",
        note="A fall calls for a multifactorial falls risk assessment; exercise with balance and functional "
        "training prevents falls.",
    ),
    Reference(
        key="craig2003",
        authors="Craig CL, Marshall AL, Sjöström M, et al.",
        year=2003,
        title="International physical activity questionnaire: 12-country reliability and validity",
        journal="Med Sci Sports Exerc 35(8):1381-1395",
        doi="10.1249/01.MSS.0000078924.61453.FB",
    ),
    Reference(
        key="ipaq2005",
        authors="IPAQ Research Committee",
        year=2005,
        title=(
            "Guidelines for data processing and analysis of the International Physical Activity "
            "Questionnaire (IPAQ) - short and long forms (revised November 2005)"
        ),
        journal="IPAQ scoring protocol",
        url="https://sites.google.com/view/ipaq/score",
        note="Sections 7.1-7.4 (cleaning, outliers, minimum duration, truncation) and 5 (categories).",
    ),
    Reference(
        key="tudorlocke2011",
        authors="Tudor-Locke C, Craig CL, Brown WJ, et al.",
        year=2011,
        title="How many steps/day are enough? For adults",
        journal="Int J Behav Nutr Phys Act 8:79",
        doi="10.1186/1479-5868-8-79",
    ),
    Reference(
        key="garber2011",
        authors="Garber CE, Blissmer B, Deschenes MR, et al.",
        year=2011,
        title=(
            "Quantity and quality of exercise for developing and maintaining cardiorespiratory, "
            "musculoskeletal, and neuromotor fitness in apparently healthy adults: guidance for "
            "prescribing exercise"
        ),
        journal="Med Sci Sports Exerc 43(7):1334-1359",
        doi="10.1249/MSS.0b013e318213fefb",
    ),
    Reference(
        key="riebe2015",
        authors="Riebe D, Franklin BA, Thompson PD, Garber CE, Whitfield GP, Magal M, Pescatello LS",
        year=2015,
        title="Updating ACSM's recommendations for exercise preparticipation health screening",
        journal="Med Sci Sports Exerc 47(11):2473-2479",
        doi="10.1249/MSS.0000000000000664",
    ),
    Reference(
        key="wall2013",
        authors="Wall BT, Dirks ML, van Loon LJC",
        year=2013,
        title="Skeletal muscle atrophy during short-term disuse: implications for age-related sarcopenia",
        journal="Ageing Res Rev 12(4):898-906",
        doi="10.1016/j.arr.2013.07.003",
    ),
    Reference(
        key="wall2014",
        authors="Wall BT, Dirks ML, Snijders T, Senden JMG, Dolmans J, van Loon LJC",
        year=2014,
        title="Substantial skeletal muscle loss occurs during only 5 days of disuse",
        journal="Acta Physiol (Oxf) 210(3):600-611",
        doi="10.1111/apha.12190",
    ),
    Reference(
        key="kilroe2020",
        authors="Kilroe SP, Fulford J, Jackman SR, van Loon LJC, Wall BT",
        year=2020,
        title="Temporal muscle-specific disuse atrophy during one week of leg immobilization",
        journal="Med Sci Sports Exerc 52(4):944-954",
        doi="10.1249/MSS.0000000000002200",
    ),
    Reference(
        key="deboer2007",
        authors="de Boer MD, Maganaris CN, Seynnes OR, Rennie MJ, Narici MV",
        year=2007,
        title=(
            "Time course of muscular, neural and tendinous adaptations to 23 day unilateral "
            "lower-limb suspension in young men"
        ),
        journal="J Physiol 583(Pt 3):1079-1091",
        doi="10.1113/jphysiol.2007.135392",
    ),
    Reference(
        key="vigelso2015",
        authors="Vigelsø A, Gram M, Wiuff C, Andersen JL, Helge JW, Dela F",
        year=2015,
        title=(
            "Six weeks' aerobic retraining after two weeks' immobilization restores leg lean mass "
            "and aerobic capacity but does not fully rehabilitate leg strength in young and older men"
        ),
        journal="J Rehabil Med 47(6):552-560",
        doi="10.2340/16501977-1961",
    ),
    Reference(
        key="suetta2009",
        authors="Suetta C, et al.",
        year=2009,
        title=("Effects of aging on human skeletal muscle after immobilization and retraining"),
        journal="J Appl Physiol 107(4):1172-1180",
        doi="10.1152/japplphysiol.00290.2009",
    ),
    Reference(
        key="miles1994",
        authors="Miles MP, Clarkson PM, et al.",
        year=1994,
        title="Muscle function at the wrist following 9 d of immobilization and suspension",
        journal="Med Sci Sports Exerc 26(5):615-623",
        url="https://pubmed.ncbi.nlm.nih.gov/8007811/",
    ),
    Reference(
        key="macintyre2001",
        authors="MacIntyre NJ, Adachi JD, Blimkie CJR, Webber CE, Bhandari M",
        year=2001,
        title="Effect of altered physical loading on bone and muscle in the forearm",
        journal="Can J Physiol Pharmacol 79(12):1015-1022",
        doi="10.1139/y01-084",
    ),
    Reference(
        key="clark2009",
        authors="Clark BC, Manini TM, Hoffman RL, Russ DW",
        year=2009,
        title=(
            "Restoration of voluntary muscle strength after 3 weeks of cast immobilization is "
            "suppressed in women compared with men"
        ),
        journal="Arch Phys Med Rehabil 90(1):178-180",
        doi="10.1016/j.apmr.2008.06.032",
    ),
    Reference(
        key="marusic2021",
        authors="Marusic U, Narici M, Simunic B, Pisot R, Ritzmann R",
        year=2021,
        title="Nonuniform loss of muscle strength and atrophy during bed rest: a systematic review",
        journal="J Appl Physiol 131(1):194-206",
        doi="10.1152/japplphysiol.00363.2020",
    ),
    Reference(
        key="alkner2004a",
        authors="Alkner BA, Tesch PA",
        year=2004,
        title=(
            "Efficacy of a gravity-independent resistance exercise device as a countermeasure to "
            "muscle atrophy during 29-day bed rest"
        ),
        journal="Acta Physiol Scand 181(3):345-357",
        doi="10.1111/j.1365-201X.2004.01293.x",
    ),
    Reference(
        key="alkner2004b",
        authors="Alkner BA, Tesch PA",
        year=2004,
        title=(
            "Knee extensor and plantar flexor muscle size and function following 90 days of bed "
            "rest with or without resistance exercise"
        ),
        journal="Eur J Appl Physiol 93(3):294ff",
        doi="10.1007/s00421-004-1172-8",
    ),
    Reference(
        key="mulder2006",
        authors="Mulder ER, Stegeman DF, Gerrits KHL, et al.",
        year=2006,
        title=(
            "Strength, size and activation of knee extensors followed during 8 weeks of horizontal "
            "bed rest and the influence of a countermeasure"
        ),
        journal="Eur J Appl Physiol 97(6)",
        note="volume from the 2006 issue listing; page numbers not confirmed from a primary listing",
        doi="10.1007/s00421-006-0241-6",
    ),
    Reference(
        key="kortebein2007",
        authors="Kortebein P, et al.",
        year=2007,
        title="Effect of 10 days of bed rest on skeletal muscle in healthy older adults",
        journal="JAMA 297(16) (research letter)",
        doi="10.1001/jama.297.16.1772-b",
    ),
    Reference(
        key="coker2015",
        authors="Coker RH, Hays NP, Williams RH, Wolfe RR, Evans WJ",
        year=2015,
        title=(
            "Bed rest promotes reductions in walking speed, functional parameters, and aerobic "
            "fitness in older, healthy adults"
        ),
        journal="J Gerontol A Biol Sci Med Sci 70(1):91-96",
        doi="10.1093/gerona/glu123",
    ),
    Reference(
        key="pavyletraon2007",
        authors="Pavy-Le Traon A, Heer M, Narici MV, Rittweger J, Vernikos J",
        year=2007,
        title="From space to Earth: advances in human physiology from 20 years of bed rest studies (1986-2006)",
        journal="Eur J Appl Physiol 101(2):143-194",
        doi="10.1007/s00421-007-0474-z",
    ),
    Reference(
        key="acog2020_exercise",
        authors="American College of Obstetricians and Gynecologists, Committee on Obstetric Practice",
        year=2020,
        title="Physical activity and exercise during pregnancy and the postpartum period (Committee Opinion No. 804)",
        journal="Obstet Gynecol 135(4):e178-e188",
        doi="10.1097/AOG.0000000000003772",
        note="Exercise is safe and advised in most pregnancies, after a clinical evaluation for medical or "
        "obstetric reasons to avoid it.",
    ),
)
