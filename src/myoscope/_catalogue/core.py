"""Sources used by the core path: body size, energy need, activity guidance."""

from myoscope.references import Reference

ENTRIES: tuple[Reference, ...] = (
    Reference(
        key="mifflin1990",
        authors="Mifflin MD, St Jeor ST, Hill LA, Scott BJ, Daugherty SA, Koh YO",
        year=1990,
        title="A new predictive equation for resting energy expenditure in healthy individuals",
        journal="Am J Clin Nutr 51(2):241-247",
        doi="10.1093/ajcn/51.2.241",
    ),
    Reference(
        key="who_bmi2000",
        authors="World Health Organization",
        year=2000,
        title="Obesity: preventing and managing the global epidemic. Report of a WHO consultation",
        journal="WHO Technical Report Series 894",
        url="https://iris.who.int/handle/10665/42330",
    ),
    Reference(
        key="bull2020",
        authors="Bull FC, Al-Ansari SS, Biddle S, et al.",
        year=2020,
        title="World Health Organization 2020 guidelines on physical activity and sedentary behaviour",
        journal="Br J Sports Med 54(24):1451-1462",
        doi="10.1136/bjsports-2020-102955",
    ),
    Reference(
        key="fao2004",
        authors="FAO/WHO/UNU",
        year=2004,
        title="Human energy requirements. Report of a joint FAO/WHO/UNU expert consultation, Rome 2001",
        journal="FAO Food and Nutrition Technical Report Series 1",
        url="https://www.fao.org/4/y5686e/y5686e00.htm",
    ),
    Reference(
        key="teslaa2011",
        authors="te Slaa A, et al.",
        year=2011,
        title=(
            "Reliability and reproducibility of a clinical application of a simple technique for repeated "
            "circumferential leg measurements"
        ),
        journal="Phlebology 26(1):14-19",
        doi="10.1258/phleb.2009.009073",
    ),
    Reference(
        key="tunc2007",
        authors="Tunc R, Caglayan-Tunc A, Kisakol G, Unler GK, Hidayetoglu T, Yazici H",
        year=2007,
        title="Intraobserver and interobserver agreements of leg circumference measurements by tape "
        "measure based on 3 reference points",
        journal="Angiology 58(5):593-596",
        doi="10.1177/0003319707307844",
    ),
    Reference(
        key="wells1997",
        authors="Wells PS, Anderson DR, Bormanis J, et al.",
        year=1997,
        title="Value of assessment of pretest probability of deep-vein thrombosis in clinical management",
        journal="Lancet 350(9094):1795-1798",
        doi="10.1016/S0140-6736(97)08140-3",
    ),
    Reference(
        key="frankenfield2005",
        authors="Frankenfield D, Roth-Yousey L, Compher C",
        year=2005,
        title="Comparison of predictive equations for resting metabolic rate in healthy nonobese and obese "
        "adults: a systematic review",
        journal="J Am Diet Assoc 105(5):775-789",
        doi="10.1016/j.jada.2005.02.005",
    ),
    Reference(
        key="wilson1927",
        authors="Wilson EB",
        year=1927,
        title="Probable inference, the law of succession, and statistical inference",
        journal="J Am Stat Assoc 22(158):209-212",
        doi="10.1080/01621459.1927.10502953",
    ),
)
