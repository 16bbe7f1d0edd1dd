"""``myoscope user`` and ``myoscope serve`` (uvicorn replaced by a recorder: tests never block)."""

from __future__ import annotations

import typer
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, select
from typer.testing import CliRunner

from myoscope.cli import serve as serve_module
from myoscope.cli import user as user_module
from myoscope.store import User
from myoscope.web._demo import DEMO_PASSWORD, DEMO_USER


def _app() -> typer.Typer:
    app = typer.Typer()
    app.callback()(lambda: None)
    serve_module.register(app)
    user_module.register(app)
    return app


def test_user_add_list_token_and_password(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    run = CliRunner().invoke
    app = _app()
    added = run(
        app,
        ["user", "add", "dana", "--team", "rehab", "--team", "neuro", "--password-stdin", "--database", url],
        input="dana-secret-pw\n",
    )
    assert added.exit_code == 0, added.output
    assert "dana-secret-pw" not in added.output
    listed = run(app, ["user", "list", "--database", url])
    assert "dana" in listed.output and "neuro, rehab" in listed.output
    token = run(app, ["user", "token", "dana", "--database", url]).output.strip()
    assert token.startswith("myo_")
    short = run(app, ["user", "password", "dana", "--password-stdin", "--database", url], input="short\n")
    assert short.exit_code == 2 and "too short" in short.output
    assert (
        run(app, ["user", "add", "dana", "--password-stdin", "--database", url], input="another-password\n").exit_code
        == 2
    )
    assert run(app, ["user", "token", "nobody", "--database", url]).exit_code == 2
    engine = create_engine(url)
    with engine.connect() as connection:
        stored = connection.execute(select(User.password_hash)).scalar()
    engine.dispose()
    assert stored.startswith("$argon2id$")


def test_serve_demo_loads_the_examples_and_the_demo_account(tmp_path, monkeypatch, examples_dir, csrf):
    served = {}

    def fake_run(app, host, port, **kw):  # what a browser sees while the server runs
        client = TestClient(app, follow_redirects=False)
        page = client.get("/login")
        client.post("/login", data={"username": DEMO_USER, "password": DEMO_PASSWORD, "csrf_token": csrf(page.text)})
        served.update(host=host, port=port, login=page.text, listing=client.get("/patients").text)

    monkeypatch.setattr("uvicorn.run", fake_run)
    monkeypatch.delenv("MYOSCOPE_DATABASE_URL", raising=False)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    result = CliRunner().invoke(_app(), ["serve", "--demo", "--port", "8765", "--examples", str(examples_dir)])
    assert result.exit_code == 0, result.output
    count = len(list(examples_dir.glob("*.yaml")))
    assert DEMO_PASSWORD in result.output and f"{count} example records" in result.output.replace("\n", " ")
    assert served["host"] == "127.0.0.1" and served["port"] == 8765
    assert "plain http" in result.output and f"myoscope user token {DEMO_USER} --database sqlite:///" in result.output
    assert DEMO_PASSWORD in served["login"]
    assert served["listing"].count('<a href="/patients/') == count
    assert list(tmp_path.glob("myoscope-demo-*")) == []  # the scratch database is removed on exit


def test_serve_on_a_new_database_migrates_it_and_says_how_to_add_an_account(tmp_path, monkeypatch):
    served = {}
    monkeypatch.setattr("uvicorn.run", lambda app, host, port, **kw: served.update(host=host, port=port))
    url = f"sqlite:///{tmp_path / 'new.sqlite'}"
    result = CliRunner().invoke(_app(), ["serve", "--database", url])
    assert result.exit_code == 0, result.output
    assert "myoscope user add" in result.output and served == {"host": "127.0.0.1", "port": 8000}
    assert (tmp_path / "new.sqlite").exists()


def test_finding_4_forwarded_headers_are_trusted_from_no_one_by_default(tmp_path, monkeypatch):
    seen = []
    monkeypatch.setattr("uvicorn.run", lambda app, host, port, **kw: seen.append(kw))
    url = f"sqlite:///{tmp_path / 'proxy.sqlite'}"
    assert CliRunner().invoke(_app(), ["serve", "--database", url]).exit_code == 0
    assert CliRunner().invoke(_app(), ["serve", "--database", url, "--forwarded-allow-ips", "10.0.0.5"]).exit_code == 0
    assert seen[0]["proxy_headers"] is False and seen[0]["forwarded_allow_ips"] == []
    assert seen[1]["proxy_headers"] is True and seen[1]["forwarded_allow_ips"] == ["10.0.0.5"]


def test_idle_connections_outlive_the_pauses_between_clicks(tmp_path, monkeypatch):
    """A connection reused by the client as the server closes it is reset (seen as ECONNRESET on a GET)."""
    from myoscope.web import KEEP_ALIVE_S

    seen = []
    monkeypatch.setattr("uvicorn.run", lambda app, host, port, **kw: seen.append(kw))
    url = f"sqlite:///{tmp_path / 'keep.sqlite'}"
    assert CliRunner().invoke(_app(), ["serve", "--database", url]).exit_code == 0
    assert seen[0]["timeout_keep_alive"] == KEEP_ALIVE_S >= 60


def test_finding_10_serve_sends_secure_cookies_unless_it_is_the_loopback_demo(tmp_path, monkeypatch):
    apps = []
    monkeypatch.setattr("uvicorn.run", lambda app, host, port, **kw: apps.append(app))
    url = f"sqlite:///{tmp_path / 'cookies.sqlite'}"
    assert CliRunner().invoke(_app(), ["serve", "--database", url]).exit_code == 0
    assert apps[0].state.settings.secure_cookies is True


def test_finding_9_tokens_are_listed_and_revoked_from_the_command_line(tmp_path):
    url = f"sqlite:///{tmp_path / 'tokens.sqlite'}"
    app, run = _app(), CliRunner().invoke
    assert (
        run(
            app, ["user", "add", "ann", "--team", "t", "--password-stdin", "--database", url], input="ann-password-1\n"
        ).exit_code
        == 0
    )
    issued = run(app, ["user", "token", "ann", "--label", "lab", "--days", "30", "--database", url])
    assert issued.exit_code == 0 and issued.output.startswith("myo_")
    listing = run(app, ["user", "token", "ann", "--list", "--database", url]).output
    assert "live until" in listing and "lab" in listing and "never used" in listing
    token_id = listing.split()[0]
    assert run(app, ["user", "token", "ann", "--revoke", token_id, "--database", url]).exit_code == 0
    assert "revoked" in run(app, ["user", "token", "ann", "--list", "--database", url]).output
    assert run(app, ["user", "token", "ann", "--revoke", token_id, "--database", url]).exit_code == 2


def test_a_database_that_cannot_be_opened_is_refused_naming_it_without_its_password(tmp_path):
    """An unknown driver, a file that is not a database or a server that does not answer was an internal
    error; now exit 2 naming --database, the password hidden."""
    text = tmp_path / "notes.txt"
    text.write_text("not a database\n")
    run, app = CliRunner().invoke, _app()
    for url, reason in [
        ("bogus://x", "NoSuchModuleError"),
        (f"sqlite:///{text}", "DatabaseError"),
        ("postgresql://me:s3cret@127.0.0.1:1/x", "OperationalError"),
    ]:
        result = run(app, ["user", "list", "--database", url])
        assert result.exit_code == 2, result.output
        assert f"--database: cannot be opened ({reason})" in result.output and "s3cret" not in result.output
    assert text.read_text() == "not a database\n"
