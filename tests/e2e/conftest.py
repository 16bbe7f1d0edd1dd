"""A live server on 127.0.0.1 (uvicorn in a thread, demo data) and Debian's Chromium driven by Playwright.

Chromium is used from ``/usr/bin/chromium`` (never downloaded); where it is missing the browser
tests are skipped with a message, except under ``CI=true`` where they fail.
Screenshots go to ``artifacts/`` at the repository root.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _server import serving

from _unavailable import unavailable

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


@pytest.fixture(scope="module")
def live_server(tmp_path_factory, examples_dir):
    from myoscope.store import make_engine, upgrade
    from myoscope.web import Settings, create_app
    from myoscope.web._demo import load_demo

    url = f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'e2e.sqlite'}"
    engine = make_engine(url)
    upgrade(engine)
    load_demo(engine, examples_dir)
    engine.dispose()
    with serving(create_app(Settings(database_url=url))) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} not found: browser tests skipped (install Debian's chromium: scripts/ci-services.sh)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1180, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
