"""``myoscope serve``: the clinician web app on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from myoscope.cli._common import fail, stdout
from myoscope.errors import InputError

if TYPE_CHECKING:
    from sqlalchemy import Engine

HOST = "127.0.0.1"


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        demo: bool = typer.Option(
            False,
            "--demo",
            help="Load the example records and a demo account "
            "(user 'demo'); without MYOSCOPE_DATABASE_URL, in a fresh temporary database.",
        ),
        port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port on 127.0.0.1."),
        database: str = typer.Option(
            None,
            "--database",
            help="Database URL (default: MYOSCOPE_DATABASE_URL, else an SQLite file in the user's data folder).",
        ),
        plain_http_cookies: bool = typer.Option(
            False,
            "--plain-http-cookies",
            help="Send cookies without the Secure mark (only for a browser "
            "reaching the server over plain http elsewhere than 127.0.0.1; "
            "--demo does this).",
        ),
        forwarded_allow_ips: str = typer.Option(
            "",
            "--forwarded-allow-ips",
            help="Comma-separated addresses of reverse proxies whose "
            "X-Forwarded-For/-Proto headers are trusted (default: none).",
        ),
        examples: Path = typer.Option(None, "--examples", help="Folder of example records for --demo."),
        workers: int = typer.Option(
            1,
            "--workers",
            min=1,
            max=64,
            help="Server processes (each with its own connections and caches; all share the database). "
            "More than one uses more of the cores; on SQLite, writes still go one at a time.",
        ),
    ) -> None:
        """Serve the web app (patients, visits, assessments, reports; JSON API at /api/v1)."""
        import os
        import shutil
        import tempfile

        import uvicorn

        from myoscope.store import ENV_URL, database_url, make_engine, upgrade
        from myoscope.web import (
            DEMO_PASSWORD,
            DEMO_USER,
            KEEP_ALIVE_S,
            Settings,
            create_app,
            examples_dir,
            load_demo,
        )

        scratch = None
        if demo and database is None and not os.environ.get(ENV_URL):
            scratch = Path(tempfile.mkdtemp(prefix="myoscope-demo-"))
            database = f"sqlite:///{scratch / 'demo.sqlite'}"
        url = database_url(database)
        engine = make_engine(url)
        upgrade(engine)
        notice = ""
        if demo:
            folder = examples or examples_dir()
            if folder is None or not folder.is_dir():
                fail("--demo needs the example records: give their folder with --examples DIR")
            try:
                count = load_demo(engine, folder)
            except InputError as exc:
                fail(exc)
            notice = f"Demo: sign in as {DEMO_USER} / {DEMO_PASSWORD}"
            stdout.print(
                f"demo: {count} example records loaded; sign in as [bold]{DEMO_USER}[/] with password "
                f"[bold]{DEMO_PASSWORD}[/] (a fixed, published demo password: local use only)"
            )
            stdout.print(
                "demo: cookies are sent over plain http (without the Secure mark): for this loopback demo only"
            )
            stdout.print(
                f"demo: an API token for this database: myoscope user token {DEMO_USER} --database {_quoted(url)}",
                markup=False,
            )
        elif not _has_users(engine):
            stdout.print("no accounts yet: add one with [bold]myoscope user add NAME --team TEAM[/]")
        engine.dispose()
        stdout.print(
            f"myoscope on http://{HOST}:{port}/ (database {engine.url.render_as_string(hide_password=True)}; "
            f"API docs at /api/docs)"
        )
        settings = Settings(database_url=url, secure_cookies=not (demo or plain_http_cookies), login_notice=notice)
        trusted = [ip.strip() for ip in forwarded_allow_ips.split(",") if ip.strip()]
        if trusted:
            stdout.print(f"trusting X-Forwarded-For from: {', '.join(trusted)}", markup=False)
        options: dict[str, Any] = {
            "host": HOST,
            "port": port,
            "log_level": "info",
            "timeout_keep_alive": KEEP_ALIVE_S,
            "proxy_headers": bool(trusted),
            "forwarded_allow_ips": trusted or [],
        }
        try:
            if workers == 1:
                uvicorn.run(create_app(settings), **options)
            else:
                from myoscope.web import FACTORY, settings_environment

                os.environ.update(settings_environment(settings))
                stdout.print(f"{workers} server processes", markup=False)
                uvicorn.run(FACTORY, factory=True, workers=workers, **options)
        finally:
            if scratch is not None:
                shutil.rmtree(scratch, ignore_errors=True)


def _quoted(url: str) -> str:
    import shlex

    return shlex.quote(url)


def _has_users(engine: Engine) -> bool:
    from sqlalchemy import select

    from myoscope.store import User

    with engine.connect() as connection:
        return connection.execute(select(User.id).limit(1)).first() is not None
