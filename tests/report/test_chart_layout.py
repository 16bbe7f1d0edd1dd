"""Charts keep the size the page prints them at, with every text inside the figure at 9 pt or more."""

from __future__ import annotations

import pytest

from myoscope.causes import assess
from myoscope.record import load_record
from myoscope.report import build_report
from myoscope.report._charts import HEIGHT_IN, WIDTH_IN, _figure
from myoscope.report._figures import FONT_PT, fit, new_figure, png

EXAMPLES = ("sci-t6", "low-calorie-900", "als-pattern-brother", "forearm-cast", "bed-rest-older")


def _charts(examples_dir):
    for name in EXAMPLES:
        record = load_record(examples_dir / f"{name}.yaml")
        yield from build_report(assess(record), record.person).charts


def _texts_inside(fig) -> bool:
    """Whether everything ``fig`` draws (texts, value labels, legends) lies inside it (within half a point)."""
    drawn = fig.get_tightbbox(fig.canvas.get_renderer())
    width, height = fig.get_size_inches()
    slack = 1 / 144
    return drawn.x0 >= -slack and drawn.y0 >= -slack and drawn.x1 <= width + slack and drawn.y1 <= height + slack


def test_every_chart_is_drawn_at_its_print_width_with_its_texts_inside(examples_dir):
    charts = list(_charts(examples_dir))
    assert len(charts) >= 8
    for chart in charts:
        fig = _figure(chart)
        width, height = fig.get_size_inches()
        assert width == pytest.approx(WIDTH_IN) and height >= HEIGHT_IN, chart.key
        fig.canvas.draw()
        assert _texts_inside(fig), chart.key
        sizes = [t.get_fontsize() for t in fig.findobj(lambda a: hasattr(a, "get_fontsize")) if t.get_text()]
        assert min(sizes) >= 9, chart.key
        ax = fig.axes[0]
        assert ax.get_position().width > 0.5 and ax.get_position().height > 0.35, chart.key


def test_long_titles_and_labels_wrap_instead_of_leaving_the_figure():
    fig, ax = new_figure(3.5, 2.4)
    ax.plot([0, 1, 2], [61000.0, 61500.0, 62000.0])
    ax.set_title("A title much too long to be set on one line at this width, which must wrap")
    ax.set_ylabel("a value-axis label longer than the plot is high, in some unit")
    ax.set_xlabel("days")
    fit(fig, ax)
    fig.canvas.draw()
    assert "\n" in ax.get_title() and "\n" in ax.get_ylabel()
    assert _texts_inside(fig)
    assert ax.yaxis.label.get_fontsize() == FONT_PT


def test_png_chart_is_opaque_rgb_at_the_given_resolution(examples_dir):
    from io import BytesIO

    from PIL import Image

    chart = next(_charts(examples_dir))
    image = Image.open(BytesIO(png(_figure(chart), 100)))
    assert image.mode == "RGB" and image.size == (round(WIDTH_IN * 100), round(HEIGHT_IN * 100))
