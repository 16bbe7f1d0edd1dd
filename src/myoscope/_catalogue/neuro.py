"""Sources for the neuro area: ALS, multiple sclerosis, peripheral nerve injury, muscle power."""

from myoscope.references import Reference

ENTRIES: tuple[Reference, ...] = (
    # --- ALS ---------------------------------------------------------------------------------
    Reference(
        key="cedarbaum1999",
        authors="Cedarbaum JM, Stambler N, Malta E, Fuller C, Hilt D, Thurmond B, Nakanishi A",
        year=1999,
        title="The ALSFRS-R: a revised ALS functional rating scale that incorporates assessments "
        "of respiratory function",
        journal="J Neurol Sci 169(1-2):13-21",
        doi="10.1016/S0022-510X(99)00210-5",
    ),
    Reference(
        key="kimura2006",
        authors="Kimura F, Fujimura C, Ishida S, et al.",
        year=2006,
        title="Progression rate of ALSFRS-R at time of diagnosis predicts survival time in ALS",
        journal="Neurology 66(2):265-267",
        url="https://pubmed.ncbi.nlm.nih.gov/16434671/",
        note="DOI not checked; PubMed record cited instead.",
    ),
    Reference(
        key="labra2016",
        authors="Labra J, Menon P, Byth K, Morrison S, Vucic S",
        year=2016,
        title="Rate of disease progression: a prognostic biomarker in ALS",
        journal="J Neurol Neurosurg Psychiatry 87(6):628-632",
        doi="10.1136/jnnp-2015-310998",
    ),
    Reference(
        key="roche2012",
        authors="Roche JC, Rojas-Garcia R, Scott KM, Scotton W, Ellis CE, Burman R, Wijesekera L, "
        "Turner MR, Leigh PN, Shaw CE, Al-Chalabi A",
        year=2012,
        title="A proposed staging system for amyotrophic lateral sclerosis",
        journal="Brain 135(3):847-852",
        doi="10.1093/brain/awr351",
    ),
    Reference(
        key="balendra2014",
        authors="Balendra R, Jones A, Jivraj N, et al.",
        year=2014,
        title="Estimating clinical stage of amyotrophic lateral sclerosis from the ALS Functional Rating Scale",
        journal="Amyotroph Lateral Scler Frontotemporal Degener 15(3-4):279-284",
        doi="10.3109/21678421.2014.897357",
    ),
    Reference(
        key="chio2015",
        authors="Chiò A, Hammond ER, Mora G, Bonito V, Filippini G",
        year=2015,
        title="Development and evaluation of a clinical staging system for amyotrophic lateral sclerosis",
        journal="J Neurol Neurosurg Psychiatry 86(1):38-44",
        url="https://jnnp.bmj.com/content/86/1/38",
        note="Stage rules from Table 1 of the article; DOI not checked.",
    ),
    Reference(
        key="byrne2011",
        authors="Byrne S, Walsh C, Lynch C, Bede P, Elamin M, Kenna K, McLaughlin R, Hardiman O",
        year=2011,
        title="Rate of familial amyotrophic lateral sclerosis: a systematic review and meta-analysis",
        journal="J Neurol Neurosurg Psychiatry 82(6):623-627",
        doi="10.1136/jnnp.2010.224501",
    ),
    Reference(
        key="nice_ng42",
        authors="National Institute for Health and Care Excellence",
        year=2016,
        title="Motor neurone disease: assessment and management (NG42, updated 2019)",
        journal="NICE guideline NG42",
        url="https://www.nice.org.uk/guidance/ng42",
    ),
    # --- Multiple sclerosis -----------------------------------------------------------------
    Reference(
        key="kurtzke1983",
        authors="Kurtzke JF",
        year=1983,
        title="Rating neurologic impairment in multiple sclerosis: an expanded disability status scale (EDSS)",
        journal="Neurology 33(11):1444-1452",
        doi="10.1212/WNL.33.11.1444",
    ),
    Reference(
        key="neurostatus",
        authors="Kappos L",
        year=2010,
        title="Neurostatus scoring definitions (version 04/10.2) and EDSS scoring table",
        journal="Neurostatus, University Hospital Basel",
        url="https://www.neurostatus.net/scoring/index.php",
        note="Proprietary definitions; only the public step rules are implemented, no booklet text.",
    ),
    Reference(
        key="hohol1995",
        authors="Hohol MJ, Orav EJ, Weiner HL",
        year=1995,
        title="Disease steps in multiple sclerosis: a simple approach to evaluate disease progression",
        journal="Neurology 45(2):251-255",
        doi="10.1212/wnl.45.2.251",
    ),
    Reference(
        key="learmonth2013",
        authors="Learmonth YC, Motl RW, Sandroff BM, Pula JH, Cadavid D",
        year=2013,
        title="Validation of patient determined disease steps (PDDS) scale scores in persons with multiple sclerosis",
        journal="BMC Neurol 13:37",
        doi="10.1186/1471-2377-13-37",
    ),
    Reference(
        key="ninds_cde_pdds",
        authors="National Institute of Neurological Disorders and Stroke",
        year=2024,
        title="Common Data Elements: Patient Determined Disease Steps (instrument summary)",
        journal="NINDS Common Data Elements, Multiple Sclerosis",
        url="https://commondataelements.ninds.nih.gov/report-viewer/23820/Patient%20Determined%20Disease%20Steps",
    ),
    Reference(
        key="hobart2003",
        authors="Hobart JC, Riazi A, Lamping DL, Fitzpatrick R, Thompson AJ",
        year=2003,
        title="Measuring the impact of MS on walking ability: the 12-Item MS Walking Scale (MSWS-12)",
        journal="Neurology 60(1):31-36",
        doi="10.1212/WNL.60.1.31",
    ),
    Reference(
        key="lublin2014",
        authors="Lublin FD, Reingold SC, Cohen JA, et al.",
        year=2014,
        title="Defining the clinical course of multiple sclerosis: the 2013 revisions",
        journal="Neurology 83(3):278-286",
        doi="10.1212/WNL.0000000000000560",
    ),
    Reference(
        key="kappos2018",
        authors="Kappos L, Butzkueven H, Wiendl H, et al.",
        year=2018,
        title="Greater sensitivity to multiple sclerosis disability worsening and progression events "
        "using a roving versus a fixed reference value in a prospective cohort study",
        journal="Mult Scler 24(7):963-973",
        doi="10.1177/1352458517709619",
    ),
    Reference(
        key="nice_ng220",
        authors="National Institute for Health and Care Excellence",
        year=2022,
        title="Multiple sclerosis in adults: management (NG220)",
        journal="NICE guideline NG220",
        url="https://www.nice.org.uk/guidance/ng220",
    ),
    # --- Muscle power and peripheral nerves -------------------------------------------------
    Reference(
        key="mrc1976",
        authors="Medical Research Council",
        year=1976,
        title="Aids to the examination of the peripheral nervous system (Memorandum No. 45)",
        journal="Her Majesty's Stationery Office, London",
        url="https://www.ukri.org/councils/mrc/facilities-and-resources/find-an-mrc-facility-or-resource/"
        "mrc-muscle-scale/",
        note="Crown copyright, Open Government Licence. Used with the permission of the Medical "
        "Research Council; grades paraphrased and muscles grouped by nerve.",
    ),
    Reference(
        key="kleyweg1991",
        authors="Kleyweg RP, van der Meché FGA, Schmitz PIM",
        year=1991,
        title="Interobserver agreement in the assessment of muscle strength and functional abilities "
        "in Guillain-Barré syndrome",
        journal="Muscle Nerve 14(11):1103-1109",
        doi="10.1002/mus.880141111",
    ),
    Reference(
        key="dejonghe2002",
        authors="De Jonghe B, Sharshar T, Lefaucheur JP, et al.",
        year=2002,
        title="Paresis acquired in the intensive care unit: a prospective multicenter study",
        journal="JAMA 288(22):2859-2867",
        doi="10.1001/jama.288.22.2859",
    ),
    Reference(
        key="hermans2012",
        authors="Hermans G, et al.",
        year=2012,
        title="Interobserver agreement of Medical Research Council sum-score and handgrip strength "
        "in the intensive care unit",
        journal="Muscle Nerve 45(1):18-25",
        url="https://researchportal.be/nl/publicatie/interobserver-agreement-medical-research-council-"
        "sum-score-and-handgrip-strength",
        note="DOI not checked; abstract record cited.",
    ),
    Reference(
        key="alsfrs_domains2017",
        authors="Dutch ALS register study (authors not checked here)",
        year=2017,
        title="A four-factor measurement model of the ALSFRS-R (title not checked here)",
        journal="J Neurol 2017",
        doi="10.1007/s00415-017-8538-4",
        note="Cited for the grouping of the ALSFRS-R items into four domains; only journal, year and DOI checked.",
    ),
)
