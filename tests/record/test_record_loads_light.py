"""Loading a record needs neither numba, numpy nor the classification: the spinal exam model lives in the record."""

import json
import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_parsing_a_record_with_a_spinal_exam_loads_no_numba():
    probe = (
        "import json, sys\n"
        "import myoscope.record as r\n"
        "record = r.load_record(sys.argv[1])\n"
        "heavy = sorted(m for m in ('numba', 'numpy', 'myoscope.isncsci') if m in sys.modules)\n"
        "print(json.dumps([len(record.spinal_exams), heavy]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, str(EXAMPLES / "sci-t6.yaml")], capture_output=True, text=True, check=True
    )
    exams, heavy = json.loads(out.stdout)
    assert exams >= 1  # the example holds an exam, so its model was validated
    assert heavy == []


def test_the_classification_reads_the_records_exam_model():
    import myoscope.isncsci
    from myoscope.record import SpinalExam
    from myoscope.record.spinal import Exam

    assert myoscope.isncsci.Exam is Exam
    assert SpinalExam.model_fields["exam"].annotation is Exam


def test_loading_every_example_needs_no_pint():
    """Heights in feet and inches and weights in pounds and stones convert by pint's own factors, unloaded."""
    probe = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "import myoscope.record as r\n"
        "records = [r.load_record(p) for p in sorted(Path(sys.argv[1]).glob('*.yaml'))]\n"
        "print(json.dumps([len(records), 'pint' in sys.modules]))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe, str(EXAMPLES)], capture_output=True, text=True, check=True)
    count, pint_loaded = json.loads(out.stdout)
    assert count >= 10 and pint_loaded is False
