"""Finding 3 (load): what is kept per record version is never stale nor shown to another care team;
``serve --workers``; sign-ins checked a few at a time. Nothing here is timed."""

from __future__ import annotations

import asyncio
import re
import threading

import httpx2 as httpx
from sqlalchemy import select
from typer.testing import CliRunner

from myoscope.store import Patients, User, make_engine, session_factory
from myoscope.store._tables import MeasurementRow
from myoscope.web._cache import ResultCache

CHART = re.compile(r'src="(/patients/\d+/chart\.png\?[^"]+)"')


def _calf_visit(world, browser, key):
    form = browser.get(f"/patients/{key}/visits/new").text
    data = {
        "csrf_token": world.csrf(form),
        "date": "2026-11-23",
        "note": "calf check after caching",
        "measurements[0].kind": "calf_circumference",
        "measurements[0].side": "left",
        "measurements[0].value": "33 cm",
        "instruments[0].name": "sarc-f",
        "instruments[0].answers.strength": "1",
        "action": "save",
    }
    return browser.post(f"/patients/{key}/visits", data=data)


def test_finding_3_the_page_after_a_new_visit_shows_the_new_finding(world):
    key = world.patients["healthy-active"]
    browser = world.signed_in("ann")
    results = world.app.state.results
    before = browser.get(f"/patients/{key}").text
    again = browser.get(f"/patients/{key}").text
    computed = results.computed
    assert again == before  # the second view is a lookup
    assert browser.get(f"/patients/{key}").text == before and results.computed == computed
    assert "not supported" in before.split('id="finding"')[1][:600]
    old_chart = CHART.search(before).group(1).replace("&amp;", "&")
    assert _calf_visit(world, browser, key).status_code == 303
    after = browser.get(f"/patients/{key}").text
    assert results.computed == computed + 2  # the new version's assessment, and its page from it
    assert "likely" in after.split('id="finding"')[1][:600]
    assert "calf check after caching" in after and "calf circumference (left): 33 cm" in after
    chart = browser.get(CHART.search(after).group(1).replace("&amp;", "&"))
    assert chart.status_code == 200 and chart.content.startswith(b"\x89PNG")
    assert browser.get(old_chart).content.startswith(b"\x89PNG")  # the old page keeps its own charts while kept
    world.app.state.results._items.clear()
    assert browser.get(old_chart).status_code == 404  # then never the new version's under the old one's name


def test_finding_3_the_api_assessment_follows_a_visit_saved_through_the_api(world):
    key = world.patients["healthy-active"]
    url = f"/api/v1/patients/{key}/assessment"
    client = world.client()
    first = client.get(url, headers=world.api("ann")).json()
    assert client.get(url, headers=world.api("ann")).json() == first
    visit = {"date": "2026-11-24", "note": "api visit", "measurements": [{"kind": "body_weight", "value": 58}]}
    assert client.post(f"/api/v1/patients/{key}/visits", json=visit, headers=world.api("ann")).status_code == 201
    second = client.get(url, headers=world.api("ann")).json()
    assert second["date"] == "2026-11-24" != first["date"]


def test_finding_3_another_team_never_gets_a_cached_page_chart_or_assessment(world):
    key = world.patients["healthy-active"]
    ann = world.signed_in("ann")
    page = ann.get(f"/patients/{key}").text
    chart = CHART.search(page).group(1).replace("&amp;", "&")
    assert ann.get(chart).status_code == 200
    assert world.client().get(f"/api/v1/patients/{key}/assessment", headers=world.api("ann")).status_code == 200
    assert any(k[0] == "page" and k[1] == key for k in world.app.state.results._items)  # it is cached
    for outsider in ("bo", "root"):
        browser = world.signed_in(outsider)
        missing = browser.get("/patients/987654")
        foreign = browser.get(f"/patients/{key}")
        assert (foreign.status_code, foreign.text) == (missing.status_code, missing.text) and foreign.status_code == 404
        picture = browser.get(chart)
        assert picture.status_code == 404 and not picture.content.startswith(b"\x89PNG")
        api = world.client().get(f"/api/v1/patients/{key}/assessment", headers=world.api(outsider))
        absent = world.client().get("/api/v1/patients/987654/assessment", headers=world.api(outsider))
        same = {k: v for k, v in api.json().items() if k != "instance"}  # instance echoes the path asked for
        assert api.status_code == absent.status_code == 404
        assert same == {k: v for k, v in absent.json().items() if k != "instance"}
    assert world.client().get(chart).status_code == 303  # signed out: to the sign-in page


def test_finding_3_every_write_to_a_patients_rows_moves_its_version_and_reads_do_not(world):
    engine = make_engine(world.url)
    key = world.patients["healthy-active"]
    factory = session_factory(engine)
    with factory() as session, session.begin():
        ann = session.scalar(select(User).where(User.username == "ann"))
        patient = Patients(session, ann).open(key)  # no audit queue: the read's audit row goes into this session
        first = patient.person.updated_at
    with factory() as session, session.begin():
        ann = session.scalar(select(User).where(User.username == "ann"))
        patient = Patients(session, ann).open(key)
        assert patient.person.updated_at == first  # a read (and its audit entry) is no new version
        row = session.scalars(select(MeasurementRow).where(MeasurementRow.person_id == key)).first()
        row.value = (row.value or 0) + 1  # any change of a row, however made through the ORM
    with factory() as session, session.begin():
        ann = session.scalar(select(User).where(User.username == "ann"))
        patient = Patients(session, ann).open(key)
        second = patient.person.updated_at
        assert second > first
        session.delete(session.scalars(select(MeasurementRow).where(MeasurementRow.person_id == key)).first())
    with factory() as session:
        ann = session.scalar(select(User).where(User.username == "ann"))
        assert Patients(session, ann).open(key).person.updated_at > second
    engine.dispose()


def test_finding_3_one_computation_per_key_however_many_ask_at_once():
    cache, started, release, calls = ResultCache(), threading.Event(), threading.Event(), []

    def compute():
        calls.append(1)
        started.set()
        assert release.wait(30)
        return "value"

    results = []
    first = threading.Thread(target=lambda: results.append(cache.get(("k",), compute)))
    first.start()
    assert started.wait(30)
    others = [threading.Thread(target=lambda: results.append(cache.get(("k",), compute))) for _ in range(5)]
    for thread in others:
        thread.start()
    release.set()
    for thread in (first, *others):
        thread.join(30)
    assert results == ["value"] * 6 and len(calls) == 1 and cache.computed == 1
    assert cache.get(("other",), lambda: "x") == "x" and cache.computed == 2


def test_finding_3_a_failed_computation_is_not_kept():
    cache = ResultCache()

    def fails():
        raise ValueError("no")

    for _ in range(2):
        try:
            cache.get(("k",), fails)
        except ValueError:
            pass
        else:  # pragma: no cover - the failure must reach the caller
            raise AssertionError("the error was swallowed")
    assert cache.computed == 0 and ("k",) not in cache


def test_finding_3_sign_ins_check_passwords_a_few_at_a_time_and_pages_are_served_meanwhile(
    world_with, monkeypatch, csrf
):
    world = world_with(sign_in_checks=1)
    from myoscope.web import _auth

    real, inside, release = _auth.authenticate, [], threading.Event()

    def slow(*args, **kwargs):  # a password check that holds its thread until released
        inside.append(1)
        assert release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(_auth, "authenticate", slow)
    assert world.app.state.sign_ins.checks == 1

    async def scenario():
        transport = httpx.ASGITransport(app=world.app)
        base = "https://testserver"
        async with (
            httpx.AsyncClient(transport=transport, base_url=base) as a,
            httpx.AsyncClient(transport=transport, base_url=base) as b,
        ):
            forms = []
            for client, name in ((a, "ann"), (b, "bo")):
                page = await client.get("/login")
                forms.append({"username": name, "password": world.passwords[name], "csrf_token": csrf(page.text)})
            first = asyncio.create_task(a.post("/login", data=forms[0]))
            second = asyncio.create_task(b.post("/login", data=forms[1]))
            for _ in range(3000):  # until the first check holds its thread and the second waits its turn
                if inside and world.app.state.sign_ins.waiting == 1:
                    break
                await asyncio.sleep(0.01)
            api = await a.get("/api/v1/patients", headers=world.api("ann"))
            assert api.status_code == 200 and len(inside) == 1  # served while both sign-ins wait
            release.set()
            return await first, await second

    first, second = asyncio.run(scenario())
    assert first.status_code == second.status_code == 303 and len(inside) == 2


def test_finding_3_serve_workers_starts_that_many_processes_of_the_same_app(tmp_path, monkeypatch):
    from myoscope.cli import serve as serve_module
    from myoscope.web._serve import ENV_SETTINGS, FACTORY, app_from_environment

    monkeypatch.setenv(ENV_SETTINGS, "")  # restored after the test
    calls = []
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: calls.append((app, kw)))
    import typer

    cli = typer.Typer()
    serve_module.register(cli)
    cli.command("noop")(lambda: None)
    url = f"sqlite:///{tmp_path / 'workers.sqlite'}"
    result = CliRunner().invoke(cli, ["serve", "--database", url, "--workers", "3"])
    assert result.exit_code == 0, result.output
    target, options = calls[0]
    assert target == FACTORY and options["factory"] is True and options["workers"] == 3
    assert options["host"] == "127.0.0.1" and options["proxy_headers"] is False
    app = app_from_environment()  # what each worker process builds
    assert app.state.settings.database_url == url and app.state.settings.secure_cookies is True
    assert CliRunner().invoke(cli, ["serve", "--database", url, "--workers", "0"]).exit_code == 2
    assert CliRunner().invoke(cli, ["serve", "--database", url]).exit_code == 0
    assert not isinstance(calls[-1][0], str) and "workers" not in calls[-1][1]  # one process: the app itself
