"""A web app over a fresh SQLite file: two care teams, their clinicians, an admin, patients, tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from myoscope.record import load_record
from myoscope.store import Patients, add_user, issue_token, make_engine, session_factory, upgrade
from myoscope.web import Settings, create_app

PASSWORDS = {"ann": "ann-password-1", "bo": "bo-password-12", "root": "root-password-1"}
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class World:
    app: object
    url: str
    tokens: dict[str, str] = field(default_factory=dict)
    patients: dict[str, int] = field(default_factory=dict)

    def client(self) -> TestClient:
        return TestClient(self.app, base_url="https://testserver", follow_redirects=False)

    def signed_in(self, name: str) -> TestClient:
        client = self.client()
        page = client.get("/login")
        response = client.post(
            "/login",
            data={"username": name, "password": PASSWORDS[name], "csrf_token": csrf_of(page.text), "next": "/patients"},
        )
        assert response.status_code == 303, response.text
        return client

    def api(self, name: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[name]}"}

    passwords = PASSWORDS

    @staticmethod
    def csrf(html: str) -> str:
        return csrf_of(html)

    def endpoints(self):
        """Every APIRoute of the app, also inside included routers."""
        return list(_endpoints(self.app.routes))

    @staticmethod
    def url_of(path: str, patient_id: int) -> str:
        """A route's path for one patient; an entry in it is the patient's own details (always there)."""
        return (
            path.replace("{patient_id}", str(patient_id))
            .replace("{section}", "person")
            .replace("{entry_id}", str(patient_id))
        )

    def patient_routes(self) -> list[tuple[str, str]]:
        """(method, path) of every route with a patient in its path."""
        return [
            (method, route.path)
            for route in self.endpoints()
            if "{patient_id}" in route.path
            for method in sorted(route.methods - {"HEAD"})
        ]


def _endpoints(routes):
    # newer FastAPI keeps an included router as one branch holding ``original_router``
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from _endpoints(inner.routes)
        elif isinstance(route, APIRoute):
            yield route


def csrf_of(html: str) -> str:
    return CSRF.search(html).group(1)


def make_world(tmp_path: Path, examples: Path, **settings) -> World:
    url = f"sqlite:///{tmp_path / 'web.sqlite'}"
    engine = make_engine(url)
    upgrade(engine)
    world = World(app=None, url=url)
    with session_factory(engine)() as session, session.begin():
        ann = add_user(session, "ann", PASSWORDS["ann"], "clinician", ("neuro",))
        bo = add_user(session, "bo", PASSWORDS["bo"], "clinician", ("geriatrics",))
        root = add_user(session, "root", PASSWORDS["root"], "admin", ())
        for name, user in (("ann", ann), ("bo", bo), ("root", root)):
            world.tokens[name] = issue_token(session, user)
        for stem in ("healthy-active", "als-pattern-brother"):
            world.patients[stem] = Patients(session, ann).create(load_record(examples / f"{stem}.yaml")).id
        world.patients["bo-own"] = Patients(session, bo).create(load_record(examples / "forearm-cast.yaml")).id
    engine.dispose()
    world.app = create_app(Settings(database_url=url, **settings))
    return world


@pytest.fixture
def world(tmp_path, examples_dir) -> World:
    return make_world(tmp_path, examples_dir)


@pytest.fixture
def world_with(tmp_path, examples_dir):
    """A world with other settings: ``world_with(secure_cookies=True)``."""
    return lambda **settings: make_world(tmp_path, examples_dir, **settings)


@pytest.fixture
def csrf():
    return csrf_of
