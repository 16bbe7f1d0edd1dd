"""The single-file HTML report: parses, carries its plots and its references."""

from html.parser import HTMLParser

from myoscope.causes import assess
from myoscope.record import load_record
from myoscope.references import REFERENCES
from myoscope.report import render


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.figures: list[str] = []
        self.svgs = 0
        self.refs: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "figure":
            self.figures.append(attrs.get("id", ""))
        if tag == "svg":
            self.svgs += 1
        if tag == "li" and (attrs.get("id") or "").startswith("ref-"):
            self.refs.append(attrs["id"][4:])
        if tag in ("script", "link", "img") and (attrs.get("src") or attrs.get("href") or "").startswith("http"):
            self.external.append(tag)


def _parse(path):
    html = render(assess(load_record(path)), "html")
    parser = _Collector()
    parser.feed(html)
    parser.close()
    return html, parser


def test_html_report_has_plots_and_references(examples_dir):
    html, parsed = _parse(examples_dir / "forearm-cast.yaml")
    assert html.startswith("<!DOCTYPE html>")
    assert "plot-disuse-band-forearm-left" in parsed.figures and "plot-body_weight" in parsed.figures
    assert parsed.svgs >= len(parsed.figures) >= 2
    assert parsed.refs and all(key in REFERENCES for key in parsed.refs)
    assert not parsed.external, "the report must be a single self-contained file"
    assert "@media print" in html


def test_red_flags_come_first(examples_dir):
    html, _ = _parse(examples_dir / "als-pattern-brother.yaml")
    first_flag = html.find('id="red-flags"')
    assert first_flag != -1
    assert first_flag < html.find('class="cause"')


def test_the_standalone_report_carries_its_icon_inline(examples_dir):
    import base64

    from myoscope.report.html import FAVICON_DATA_URI, FAVICON_SVG

    html, parser = _parse(examples_dir / "forearm-cast.yaml")
    assert f'<link rel="icon" type="image/svg+xml" href="{FAVICON_DATA_URI}">' in html
    assert base64.b64decode(FAVICON_DATA_URI.split(",", 1)[1]).decode() == FAVICON_SVG
    assert not parser.external
