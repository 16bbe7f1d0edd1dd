"""Each bundled example re-entered through the screens from an empty demo database gives the same assessment.

For every ``examples/*.yaml``: the patient is created on the new-patient screen and every item of
the file is typed into the visit screens (``_forms_driver``); then the record the app exports must
equal the file's record, and the app's assessment (``/api/v1/patients/{id}/assessment``) must equal
``myoscope assess FILE --format json`` (run once for all files), compared whole.

Screenshots of the forms at laptop (1366 px) and tablet (768 px) width go to ``artifacts/forms/`` for
a few examples; set ``MYOSCOPE_E2E_SCREENSHOTS=all`` for every form of every example.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from _forms_driver import Driver, screenshot_both_widths
from _server import serving
from playwright.sync_api import expect

from myoscope.web._demo import DEMO_PASSWORD, DEMO_TEAM, DEMO_USER

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))
SHOWN = {"sci-t6", "relapsing-ms", "bed-rest-older"}
"""Examples whose forms are photographed by default (the exam grid, instruments, episodes and diet)."""


@pytest.fixture(scope="module")
def empty_demo(tmp_path_factory):
    """A live server over a demo database with the demo account and no patients; yields (url, API token)."""
    from myoscope.store import add_user, issue_token, make_engine, session_factory, upgrade
    from myoscope.web import Settings, create_app

    url = f"sqlite:///{tmp_path_factory.mktemp('forms') / 'forms.sqlite'}"
    engine = make_engine(url)
    upgrade(engine)
    with session_factory(engine)() as session, session.begin():
        user = add_user(session, DEMO_USER, DEMO_PASSWORD, "clinician", (DEMO_TEAM,))
        token = issue_token(session, user, "forms e2e")
    engine.dispose()
    with serving(create_app(Settings(database_url=url))) as base:
        yield base, token


@pytest.fixture(scope="module")
def cli_assessments() -> dict[str, dict]:
    """``myoscope assess FILE... --format json`` on every example, by file stem."""
    out = subprocess.run(
        [sys.executable, "-m", "myoscope", "assess", *map(str, EXAMPLES), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout
    reports = json.loads(out)
    return {path.stem: report for path, report in zip(EXAMPLES, reports, strict=True)}


@pytest.fixture(scope="module")
def signed_in(browser, empty_demo):
    base, _ = empty_demo
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20000)
    page.goto(f"{base}/login")
    page.fill("#username", DEMO_USER)
    page.fill("#password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    expect(page).to_have_url(f"{base}/patients")
    yield page
    context.close()


def _shooter(stem: str, artifacts: Path):
    if os.environ.get("MYOSCOPE_E2E_SCREENSHOTS") != "all" and stem not in SHOWN:
        return None
    folder = artifacts / "forms"
    folder.mkdir(exist_ok=True)
    return lambda page, name: screenshot_both_widths(page, folder / name)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_entered_through_the_screens_assesses_as_the_file(
    path, signed_in, empty_demo, cli_assessments, artifacts
):
    from myoscope.record import load_record, parse_record, parse_text

    base, token = empty_demo
    key = Driver(signed_in, base, _shooter(path.stem, artifacts)).enter(path)
    exported = signed_in.request.get(f"{base}/patients/{key}/export?format=json")
    assert exported.ok, exported.text()
    assert parse_record(parse_text(exported.text(), ".json")) == load_record(path)
    response = signed_in.request.get(
        f"{base}/api/v1/patients/{key}/assessment", headers={"Authorization": f"Bearer {token}"}
    )
    assert response.ok, response.text()
    assert response.json() == cli_assessments[path.stem]


def test_visit_screen_shows_totals_and_classification_as_they_are_filled(signed_in, empty_demo):
    """With script: an instrument's total and the exam's classification update as answers are given."""
    base, _ = empty_demo
    page = signed_in
    page.goto(f"{base}/patients/new")
    page.fill("[id='person.id']", "live-totals")
    page.fill("[id='person.age']", "50")
    page.click("button[type=submit]:has-text('Create')")
    expect(page).to_have_url(re.compile(r"/patients/\d+$"))
    page.goto(page.url + "/visits/new")
    page.select_option("[id='instruments[0].name']", "sarc-f")
    for item, value in (("strength", 2), ("assistance", 2), ("rise", 1), ("climb", 2), ("falls", 0)):
        page.check(f"input[name='instruments[0].answers.{item}'][value='{value}']")
    expect(page.locator("#instrument-0-score")).to_contain_text("Score: 7")
    label = page.locator("label.choice", has=page.locator("input[name='instruments[0].answers.assistance'][value='2']"))
    expect(label).to_contain_text("a lot, uses aids, or unable")  # the answer text whole
    page.click("button[value=add_spinal_exams]")
    page.select_option("[id='spinal_exams[0].exam.vac']", "Yes")
    expect(page.locator("#isncsci-result")).to_contain_text("ASIA Impairment Scale")
