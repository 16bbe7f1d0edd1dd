"""Finding 3 (load): chart images are drawn by a separate process at the screen's resolution, once per
record version; the red-flag marker and the patient page share one assessment per record version; the
assessment path is warmed up when the server starts. Nothing here is timed."""

from __future__ import annotations

import re
import struct
import time

from fastapi.testclient import TestClient

import myoscope.web._cache as cache_module
from myoscope.record import parse_record
from myoscope.report import _charts, _figures
from myoscope.web import _app
from myoscope.web._flags import FlagWorker
from myoscope.web._warm import WARM_UP_RECORD, warm_up

CHART = re.compile(r'src="(/patients/\d+/chart\.png\?[^"]+)"')


def _png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _first_chart(browser, key) -> str:
    return CHART.search(browser.get(f"/patients/{key}").text).group(1).replace("&amp;", "&")


def test_finding_3_a_chart_request_does_not_draw_in_the_server_process(world, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a chart was drawn in the server process")

    monkeypatch.setattr(_charts, "_figure", refuse)  # only this process: the drawing process is a fresh one
    monkeypatch.setattr(_figures, "png", refuse)
    browser = world.signed_in("ann")
    picture = browser.get(_first_chart(browser, world.patients["healthy-active"]))
    assert picture.status_code == 200 and picture.headers["content-type"] == "image/png"
    width, height = _png_size(picture.content)
    assert (width, height) == (
        round(_charts.WIDTH_IN * _charts.SCREEN_DPI),
        round(_charts.HEIGHT_IN * _charts.SCREEN_DPI),
    )


def test_finding_3_chart_images_are_drawn_once_per_record_version_at_screen_resolution(world):
    drawer = world.app.state.charts
    drawn = []
    original = drawer.png
    drawer.png = lambda chart: drawn.append(chart.key) or original(chart)
    browser = world.signed_in("ann")
    chart = _first_chart(browser, world.patients["als-pattern-brother"])
    first = browser.get(chart)
    assert first.status_code == 200 and browser.get(chart).content == first.content
    assert len(drawn) == 1  # the second request is a lookup
    assert _charts.SCREEN_DPI < _charts.PNG_DPI and _figures.FONT_PT >= 9  # the PDF keeps its print resolution
    assert _png_size(first.content)[0] < round(_charts.WIDTH_IN * _charts.PNG_DPI)


def _counting_assessments(world, monkeypatch) -> list[int]:
    calls: list[int] = []
    real = cache_module.assess

    def counted(record, *args):
        calls.append(1)
        return real(record, *args)

    monkeypatch.setattr(cache_module, "assess", counted)
    world.app.state.flags = FlagWorker(world.app.state.engine, background=False, results=world.app.state.results)
    return calls


def test_finding_3_the_red_flag_marker_reuses_the_pages_assessment_of_the_version(world, monkeypatch):
    calls = _counting_assessments(world, monkeypatch)
    key = world.patients["als-pattern-brother"]
    browser = world.signed_in("ann")
    assert browser.get(f"/patients/{key}").status_code == 200
    assert len(calls) == 1
    browser.get("/patients", params={"q": "ex-als-pattern"})
    world.app.state.flags.drain()
    assert len(calls) == 1  # the marker took the page's assessment
    listed = browser.get("/patients", params={"q": "ex-als-pattern"}).text
    assert re.search(r"⚑ \d+ red flag", listed)


def test_finding_3_the_page_reuses_the_markers_assessment_of_the_version(world, monkeypatch):
    calls = _counting_assessments(world, monkeypatch)
    key = world.patients["healthy-active"]
    browser = world.signed_in("ann")
    browser.get("/patients")
    world.app.state.flags.drain()
    markers = len(calls)
    assert markers >= 1
    assert browser.get(f"/patients/{key}").status_code == 200
    assert world.client().get(f"/api/v1/patients/{key}/assessment", headers=world.api("ann")).status_code == 200
    assert len(calls) == markers  # neither the page nor the API assessed the version again


def test_finding_3_the_server_warms_up_the_assessment_and_chart_paths_as_it_starts(world, monkeypatch):
    started = []
    monkeypatch.setattr(_app, "start_warm_up", lambda: started.append("assessment"))
    monkeypatch.setattr(world.app.state.charts, "warm", lambda: started.append("charts"))
    monkeypatch.setattr(_app, "WARM_UP_DELAY_S", 0.2)
    with TestClient(world.app, base_url="https://testserver") as client:
        assert started == []  # the port opens and the first page is answered before the warm-ups begin
        assert client.get("/login").status_code == 200
        deadline = time.monotonic() + 30
        while len(started) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert started == ["assessment", "charts"]


def test_finding_3_the_warm_up_record_validates_and_assesses():
    record = parse_record(WARM_UP_RECORD)
    assert record.measurements and record.diet_days
    assert warm_up() >= 0
