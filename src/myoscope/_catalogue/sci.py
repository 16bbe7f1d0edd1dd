"""Sources for the sci area: the ISNCSCI standard, its computer implementations and rulings."""

from myoscope.references import Reference

ENTRIES: tuple[Reference, ...] = (
    Reference(
        key="rupp2021_isncsci",
        authors=(
            "Rupp R, Biering-Sørensen F, Burns SP, Graves DE, Guest J, Jones L, Read MS, "
            "Rodriguez GM, Schuld C, Tansey KE, Walden K, Kirshblum S"
        ),
        year=2021,
        title="International Standards for Neurological Classification of Spinal Cord Injury: revised 2019",
        journal="Top Spinal Cord Inj Rehabil 27(2):1-22",
        doi="10.46292/sci2702-1",
    ),
    Reference(
        key="schuld2012_isncsci",
        authors="Schuld C, Wiese J, Hug A, et al.; EMSCI study group, Rupp R",
        year=2012,
        title=(
            "Computer implementation of the international standards for neurological classification of "
            "spinal cord injury for consistent and efficient derivation of its subscores including "
            "handling of data from not testable segments"
        ),
        journal="J Neurotrauma 29(3):453-461",
        doi="10.1089/neu.2011.2085",
    ),
    Reference(
        key="schuld2024_zpp",
        authors="Schuld C, EMSCI study group, Kirshblum S, Tansey K, ASIA International Standards Committee, Rupp R",
        year=2024,
        title=(
            "The revised zone of partial preservation (ZPP) in the 2019 International Standards for "
            "Neurological Classification of Spinal Cord Injury: ZPP applicability in incomplete injuries"
        ),
        journal="Spinal Cord 62:79-87",
        doi="10.1038/s41393-023-00950-x",
    ),
    Reference(
        key="kirshblum2021_challenges",
        authors="Kirshblum S, Schmidt Read M, Rupp R",
        year=2021,
        title=(
            "Classification challenges of the 2019 revised International Standards for Neurological "
            "Classification of Spinal Cord Injury (ISNCSCI)"
        ),
        journal="Spinal Cord (open access; PMID 34088981)",
        doi="10.1038/s41393-021-00648-y",
    ),
    Reference(
        key="praxis_isncsci_2_0_6",
        authors="Praxis Spinal Cord Institute",
        year=2024,
        title="ISNCSCI algorithm, npm package isncsci version 2.0.6 (Apache-2.0)",
        journal="Software (praxis-isncsci/algorithm)",
        url="https://github.com/praxis-isncsci/algorithm",
        note="Reference implementation whose output myoscope.isncsci reproduces, quirks included.",
    ),
    Reference(
        key="castro1999",
        authors="Castro MJ, Apple DF Jr, Hillegass EA, Dudley GA",
        year=1999,
        title="Influence of complete spinal cord injury on skeletal muscle cross-sectional area within the first "
        "6 months of injury",
        journal="Eur J Appl Physiol Occup Physiol 80(4):373-378",
        doi="10.1007/s004210050606",
        note="Paralysed thigh and calf muscles lost 12-24 % of their cross-section between about 6 and 24 weeks.",
    ),
    Reference(
        key="edwards2013",
        authors="Edwards WB, Schnitzer TJ, Troy KL",
        year=2013,
        title="Bone mineral loss at the proximal femur in acute spinal cord injury",
        journal="Osteoporos Int 24(9):2461-2469",
        doi="10.1007/s00198-013-2323-8",
    ),
    Reference(
        key="dudleyjavoroski2012",
        authors="Dudley-Javoroski S, Shields RK",
        year=2012,
        title="Regional cortical and trabecular bone loss after spinal cord injury",
        journal="J Rehabil Res Dev 49(9):1365-1376",
        doi="10.1682/JRRD.2011.12.0245",
    ),
    Reference(
        key="sutor2022",
        authors="Sutor TW, Kura J, Mattingly AJ, Otzel DM, Yarrow JF",
        year=2022,
        title="The effects of exercise and activity-based physical therapy on bone after spinal cord injury",
        journal="Int J Mol Sci 23(2):608",
        doi="10.3390/ijms23020608",
    ),
    Reference(
        key="martinginis2018",
        authors="Martin Ginis KA, van der Scheer JW, Latimer-Cheung AE, et al.",
        year=2018,
        title="Evidence-based scientific exercise guidelines for adults with spinal cord injury: an update and a "
        "new guideline",
        journal="Spinal Cord 56(4):308-321",
        doi="10.1038/s41393-017-0017-3",
    ),
    Reference(
        key="vanderscheer2021",
        authors="van der Scheer JW, Goosey-Tolfrey VL, Valentino SE, Davis GM, Ho CH",
        year=2021,
        title="Functional electrical stimulation cycling exercise after spinal cord injury: a systematic review "
        "of health and fitness-related outcomes",
        journal="J Neuroeng Rehabil 18(1):99",
        doi="10.1186/s12984-021-00882-8",
    ),
    Reference(
        key="cscm2016_vte",
        authors="Consortium for Spinal Cord Medicine",
        year=2016,
        title="Prevention of venous thromboembolism in individuals with spinal cord injury: clinical practice "
        "guidelines for health care providers, 3rd ed.",
        journal="Top Spinal Cord Inj Rehabil 22(3):209-240",
        doi="10.1310/sci2203-209",
        note="Clots in the leg veins are common after spinal cord injury; where feeling is lost below the injury "
        "they may cause no pain or tenderness, so a swollen leg is not judged by pain.",
    ),
)
