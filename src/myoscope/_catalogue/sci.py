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
)
