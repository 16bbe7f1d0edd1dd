"""Report rendering: the PDF of one example, against the HTML report of the same example timed in the same run.

Run: ``.venv/bin/python bench/report.py [--example sci-t6] [--repeat 5]``

The assessment is made once; each timed run builds the presentation model and renders it. "charts drawn"
runs clear the chart cache first (as for a patient seen for the first time); "charts cached" runs keep it
(the patient page has drawn them: its report and PDF reuse them). A last row runs the whole command
``myoscope assess EXAMPLE --format pdf -o FILE`` as a new process, against ``python -c pass``. Prints
min/median/max wall time, the ratio of each median to the HTML reference and the goal (PDF <= 1.5 s).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import Timing, repeat  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
GOAL_PDF_S = 1.5


def _process(args: list[str], times: int) -> Timing:
    out = []
    for _ in range(times + 1):
        start = time.perf_counter()
        subprocess.run([sys.executable, *args], check=True, stdout=subprocess.DEVNULL)
        out.append(time.perf_counter() - start)
    return Timing(tuple(out[1:]))  # the first run warms the file cache and the bytecode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--example", default="sci-t6", help="an example's name (default sci-t6)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each (default 5)")
    options = parser.parse_args()

    from myoscope.causes import assess
    from myoscope.record import load_record
    from myoscope.report import build_report, render_report
    from myoscope.report._charts import chart_png, chart_svg
    from myoscope.report.pdf import report_pdf

    path = ROOT / "examples" / f"{options.example}.yaml"
    record = load_record(path)
    assessment = assess(record)

    def cold(render):
        def run():
            chart_svg.cache_clear()
            chart_png.cache_clear()
            render(build_report(assessment, record.person))

        return run

    def html(report):
        return render_report(report, "html")

    rows = {
        "HTML report, charts drawn (reference)": repeat(cold(html), options.repeat),
        "PDF report, charts drawn": repeat(cold(report_pdf), options.repeat),
        "PDF report, charts cached": repeat(lambda: report_pdf(build_report(assessment, record.person)), 5),
    }
    with tempfile.TemporaryDirectory() as folder:
        command = ["-c", "from myoscope.cli import main; main()", "assess", str(path), "-f", "pdf"]
        process = _process([*command, "-o", str(Path(folder) / "r.pdf")], options.repeat)
        reference = _process(["-c", "pass"], options.repeat)
    reference_html = rows["HTML report, charts drawn (reference)"].median
    print(f"report rendering of {options.example}: {options.repeat} runs each, wall time in seconds")
    print(f"{'':44} {'min':>7} {'median':>7} {'max':>7} {'x HTML':>7} {'goal':>6}")
    for name, timing in rows.items():
        goal = f"{GOAL_PDF_S:.2f}" if name.startswith("PDF") else ""
        verdict = "" if not goal else ("met" if timing.median <= GOAL_PDF_S else "MISSED")
        print(
            f"{name:44} {timing.min:7.3f} {timing.median:7.3f} {timing.max:7.3f} "
            f"{timing.median / reference_html:7.2f} {goal:>6}  {verdict}"
        )
    print(
        f"{'myoscope assess --format pdf (new process)':44} {process.min:7.3f} {process.median:7.3f} "
        f"{process.max:7.3f} {process.median / reference_html:7.2f}  (python -c pass: {reference.median:.3f} s)"
    )
    print("a benchmark, not a test: figures depend on the machine and its load")


if __name__ == "__main__":
    main()
