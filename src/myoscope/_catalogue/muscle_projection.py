"""Sources for the joined muscle projection: protein and training in a deficit, disuse checks,
recovery with retraining, denervation."""

from myoscope.references import Reference

ENTRIES: tuple[Reference, ...] = (
    Reference(
        key="wycherley2012_meta",
        authors="Wycherley TP, Moran LJ, Clifton PM, Noakes M, Brinkworth GD",
        year=2012,
        title=(
            "Effects of energy-restricted high-protein, low-fat compared with standard-protein, low-fat "
            "diets: a meta-analysis of randomized controlled trials"
        ),
        journal="Am J Clin Nutr 96(6):1281-1298",
        url="https://academic.oup.com/ajcn/article/96/6/1281/4571449",
    ),
    Reference(
        key="wycherley2012_men",
        authors="Wycherley TP, Brinkworth GD, Clifton PM, Noakes M",
        year=2012,
        title=(
            "Comparison of the effects of 52 weeks weight loss with either a high-protein or "
            "high-carbohydrate diet on body composition and cardiometabolic risk factors in overweight "
            "and obese males"
        ),
        journal="Nutr Diabetes 2:e40",
        doi="10.1038/nutd.2012.11",
    ),
    Reference(
        key="hudson2019",
        authors="Hudson JL, Wang Y, Bergia RE III, Campbell WW",
        year=2020,
        title=(
            "Protein intake greater than the RDA differentially influences whole-body lean mass responses "
            "to purposeful catabolic and anabolic stressors: a systematic review and meta-analysis"
        ),
        journal="Adv Nutr 11(3):548-558",
        doi="10.1093/advances/nmz106",
    ),
    Reference(
        key="sardeli2018",
        authors="Sardeli AV, Komatsu TR, Mori MA, Gáspari AF, Chacon-Mikahil MPT",
        year=2018,
        title=(
            "Resistance training prevents muscle loss induced by caloric restriction in obese elderly "
            "individuals: a systematic review and meta-analysis"
        ),
        journal="Nutrients 10(4):423",
        doi="10.3390/nu10040423",
    ),
    Reference(
        key="weinheimer2010",
        authors="Weinheimer EM, Sands LP, Campbell WW",
        year=2010,
        title=(
            "A systematic review of the separate and combined effects of energy restriction and exercise "
            "on fat-free mass in middle-aged and older adults: implications for sarcopenic obesity"
        ),
        journal="Nutr Rev 68(7):375-388",
        doi="10.1111/j.1753-4887.2010.00298.x",
    ),
    Reference(
        key="hall2010",
        authors="Hall KD",
        year=2010,
        title="Predicting metabolic adaptation, body weight change, and energy intake in humans",
        journal="Am J Physiol Endocrinol Metab 298(3):E449-E466",
        doi="10.1152/ajpendo.00559.2009",
    ),
    Reference(
        key="englert2021",
        authors="Englert I, Bosy-Westphal A, Bischoff SC, Kohlenberg-Müller K",
        year=2021,
        title=(
            "Impact of protein intake during weight loss on preservation of fat-free mass, resting energy "
            "expenditure, and physical function in overweight postmenopausal women: a randomized "
            "controlled trial"
        ),
        journal="Obes Facts 14(3):259ff",
        url="https://pmc.ncbi.nlm.nih.gov/articles/PMC8255642",
    ),
    Reference(
        key="beavers2017",
        authors="Beavers KM, Ambrosius WT, Rejeski WJ, et al.",
        year=2017,
        title="Effect of exercise type during intentional weight loss on body composition in older adults with obesity",
        journal="Obesity (Silver Spring) 25(11):1823-1829",
        doi="10.1002/oby.21977",
        url="https://pmc.ncbi.nlm.nih.gov/articles/PMC5678994",
    ),
    Reference(
        key="longland2016",
        authors="Longland TM, Oikawa SY, Mitchell CJ, Devries MC, Phillips SM",
        year=2016,
        title=(
            "Higher compared with lower dietary protein during an energy deficit combined with intense "
            "exercise promotes greater lean mass gain and fat mass loss: a randomized trial"
        ),
        journal="Am J Clin Nutr 103(3)",
        doi="10.3945/ajcn.115.119339",
    ),
    Reference(
        key="mitchell2018",
        authors="Mitchell CJ, D'Souza RF, Mitchell SM, et al.",
        year=2018,
        title=(
            "Impact of dairy protein during limb immobilization and recovery on muscle size and protein "
            "synthesis; a randomized controlled trial"
        ),
        journal="J Appl Physiol",
        doi="10.1152/japplphysiol.00803.2017",
    ),
    Reference(
        key="digirolamo2021",
        authors="Di Girolamo FG, Fiotti N, Milanović Z, et al.",
        year=2021,
        title="The aging muscle in experimental bed rest: a systematic review and meta-analysis",
        journal="Front Nutr 8:633987",
        doi="10.3389/fnut.2021.633987",
    ),
    Reference(
        key="alazzam2023",
        authors="Alazzam AM, Goldsmith JA, Khalil RE, Khan MR, Gorgey AS",
        year=2023,
        title="Denervation impacts muscle quality and knee bone mineral density after spinal cord injury",
        journal="Spinal Cord 61(4):276-284",
        doi="10.1038/s41393-023-00885-3",
    ),
    Reference(
        key="kern2008",
        authors="Kern H, Hofer C, Mödlin M, Mayr W, Vindigni V, Zampieri S, et al.",
        year=2008,
        title=(
            "Stable muscle atrophy in long-term paraplegics with complete upper motor neuron lesion "
            "from 3- to 20-year SCI"
        ),
        journal="Spinal Cord 46(4):293-304",
        url="https://www.mendeley.com/catalogue/1145680d-cfde-39f7-8744-6c338b2fc7e2/",
    ),
    Reference(
        key="paddonjones2004",
        authors="Paddon-Jones D, Sheffield-Moore M, Urban RJ, Sanford AP, Aarsland A, Wolfe RR, Ferrando AA",
        year=2004,
        title=(
            "Essential amino acid and carbohydrate supplementation ameliorates muscle protein loss in "
            "humans during 28 days bedrest"
        ),
        journal="J Clin Endocrinol Metab 89(9):4351-4358",
        doi="10.1210/jc.2003-032159",
    ),
    Reference(
        key="kilroe2020_mps",
        authors="Kilroe SP, Fulford J, Holwerda AM, Jackman SR, Lee BP, Gijsen AP, van Loon LJC, Wall BT",
        year=2020,
        title=(
            "Short-term muscle disuse induces a rapid and sustained decline in daily myofibrillar protein "
            "synthesis rates"
        ),
        journal="Am J Physiol Endocrinol Metab 318(2):E117-E130",
        doi="10.1152/ajpendo.00360.2019",
    ),
)
