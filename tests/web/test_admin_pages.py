"""Administration: only admins reach it (others get 404, as for a patient outside their teams); accounts, teams,
roles, token revoke refused by the API at once; audit log filters and a CSV safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import re

import pytest


def _admin_routes(world) -> list[tuple[str, str]]:
    return [
        (method, route.path)
        for route in world.endpoints()
        if route.path.startswith("/admin")
        for method in sorted(route.methods - {"HEAD"})
    ]


def _url(path: str) -> str:
    return path.replace("{user_id}", "1").replace("{token_id}", "1")


def _token_id(html: str, username: str) -> str:
    return re.search(r'<tr data-token="(\d+)">\s*<td>\d+</td><td>' + re.escape(username) + "</td>", html).group(1)


def test_the_admin_pages_exist(world):
    paths = {path for _, path in _admin_routes(world)}
    assert {"/admin/accounts", "/admin/tokens", "/admin/audit", "/admin/audit.csv"} <= paths
    assert len(_admin_routes(world)) >= 10


@pytest.mark.parametrize("name", ["ann", "bo"])
def test_a_clinician_gets_404_on_every_admin_route_and_changes_nothing(world, name):
    browser = world.signed_in(name)
    token = world.csrf(browser.get("/patients").text)
    for method, path in _admin_routes(world):
        data = (
            {
                "csrf_token": token,
                "role": "admin",
                "active": "false",
                "name": "x",
                "username": "evil",
                "password": "evil-password-1",
            }
            if method == "POST"
            else None
        )
        response = browser.request(method, _url(path), data=data)
        assert response.status_code == 404, (method, path, response.status_code)
        assert "evil" not in response.text
    root = world.signed_in("root")
    accounts = root.get("/admin/accounts").text
    assert "evil" not in accounts and 'data-user="ann"' in accounts
    assert "Administration" not in browser.get("/patients").text
    assert "Administration" in root.get("/patients").text


def test_without_a_session_admin_pages_go_to_sign_in_and_posts_are_refused(world):
    client = world.client()
    for method, path in _admin_routes(world):
        response = client.request(method, _url(path))
        if method == "GET":
            assert response.status_code == 303 and response.headers["location"].startswith("/login?next="), path
        else:
            assert response.status_code in (303, 403), path


def test_admin_posts_need_the_form_token(world):
    root = world.signed_in("root")
    response = root.post("/admin/teams", data={"name": "forged"})
    assert response.status_code == 403
    assert "forged" not in root.get("/admin/accounts").text


def test_create_account_team_membership_role_and_disable(world):
    root = world.signed_in("root")
    token = world.csrf(root.get("/admin/accounts").text)
    assert root.post("/admin/teams", data={"csrf_token": token, "name": "rehab"}).status_code == 303
    page = root.get("/admin/accounts").text
    rehab = re.search(r'value="(\d+)"> rehab', page).group(1)
    made = root.post(
        "/admin/accounts",
        data={
            "csrf_token": token,
            "username": "dee",
            "password": "dee-password-1",
            "role": "clinician",
            "teams": rehab,
        },
    )
    assert made.status_code == 303
    world.passwords["dee"] = "dee-password-1"
    dee = world.signed_in("dee")
    assert dee.get("/patients").status_code == 200

    short = root.post(
        "/admin/accounts", data={"csrf_token": token, "username": "eve", "password": "short", "role": "clinician"}
    )
    assert short.status_code == 422 and "password: is too short" in short.text

    page = root.get("/admin/accounts").text
    dee_id = re.search(
        r'action="/admin/accounts/(\d+)/role"[^>]*>\s*<input[^>]*>\s*<select name="role" aria-label="Role of dee"', page
    ).group(1)
    assert root.post(f"/admin/accounts/{dee_id}/role", data={"csrf_token": token, "role": "admin"}).status_code == 303
    assert dee.get("/admin/accounts").status_code == 200
    assert (
        root.post(f"/admin/accounts/{dee_id}/role", data={"csrf_token": token, "role": "clinician"}).status_code == 303
    )
    assert dee.get("/admin/accounts").status_code == 404

    assert (
        root.post(f"/admin/accounts/{dee_id}/active", data={"csrf_token": token, "active": "false"}).status_code == 303
    )
    assert dee.get("/patients").status_code == 303  # the session ended at once
    assert 'data-user="dee"' in root.get("/admin/accounts").text


def test_an_admin_cannot_lock_themself_out(world):
    root = world.signed_in("root")
    page = root.get("/admin/accounts").text
    token = world.csrf(page)
    root_id = re.search(
        r'action="/admin/accounts/(\d+)/role"[^>]*>\s*<input[^>]*>\s*<select name="role" aria-label="Role of root"',
        page,
    ).group(1)
    for path, data in (("role", {"role": "clinician"}), ("active", {"active": "false"})):
        refused = root.post(f"/admin/accounts/{root_id}/{path}", data={"csrf_token": token, **data})
        assert refused.status_code == 422 and "is you" in refused.text
    assert root.get("/admin/accounts").status_code == 200


def test_membership_decides_which_patients_a_user_sees(world):
    root = world.signed_in("root")
    page = root.get("/admin/accounts").text
    token = world.csrf(page)
    bo_id = re.search(r'action="/admin/accounts/(\d+)/teams"', page[page.index('data-user="bo"') :]).group(1)
    teams = dict((name, key) for key, name in re.findall(r'name="teams" value="(\d+)" ?> (\w+)', page))
    assert (
        root.post(f"/admin/accounts/{bo_id}/teams", data={"csrf_token": token, "teams": [teams["neuro"]]}).status_code
        == 303
    )
    bo = world.signed_in("bo")
    listed = bo.get("/patients").text
    assert "ex-healthy" in listed and "ex-cast-forearm" not in listed


def test_a_revoked_token_is_refused_by_the_api_at_once(world):
    assert world.client().get("/api/v1/patients", headers=world.api("ann")).status_code == 200
    root = world.signed_in("root")
    page = root.get("/admin/tokens").text
    assert world.tokens["ann"] not in page  # only hashes are kept
    key = _token_id(page, "ann")
    revoked = root.post(f"/admin/tokens/{key}/revoke", data={"csrf_token": world.csrf(page)})
    assert revoked.status_code == 303 and revoked.headers["location"].endswith("notice=revoked")
    assert world.client().get("/api/v1/patients", headers=world.api("ann")).status_code == 401
    assert world.client().get("/api/v1/patients", headers=world.api("bo")).status_code == 200
    again = root.post(f"/admin/tokens/{key}/revoke", data={"csrf_token": world.csrf(page)})
    assert again.headers["location"].endswith("notice=not-live")
    assert re.search(
        r'<tr data-token="' + key + r'">.*?<td class="state">revoked', root.get("/admin/tokens").text, re.S
    )


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_audit_filters_by_patient_user_action_and_dates(world):
    ann = world.signed_in("ann")
    healthy, als = world.patients["healthy-active"], world.patients["als-pattern-brother"]
    ann.get(f"/patients/{healthy}")
    ann.get("/patients", params={"q": "als"})
    world.signed_in("bo").get(f"/patients/{als}")  # refused: not bo's team
    world.app.state.audit.flush()
    root = world.signed_in("root")

    def rows(**params) -> list[dict[str, str]]:
        response = root.get("/admin/audit.csv", params=params)
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
        return _csv(response.text)

    everything = rows()
    assert {"sign_in", "read", "list", "refused"} <= {r["action"] for r in everything}
    assert {r["action"] for r in rows(action="read")} == {"read"}
    assert {r["username"] for r in rows(username="bo")} == {"bo"}
    of_healthy = rows(patient=str(healthy))
    assert {r["action"] for r in of_healthy} >= {"read"} and all(
        r["person_id"] == str(healthy) or r["action"] == "list" for r in of_healthy
    )
    listed_als = [r for r in rows(patient=str(als)) if r["action"] == "list"]
    assert listed_als and all(r["username"] == "ann" for r in listed_als)  # the list that showed it
    assert {r["action"] for r in rows(patient=str(als), action="refused")} == {"refused"}
    today = everything[0]["at"][:10]
    dated = rows(since=today, until=today)  # later rows (this export among them) may have joined since
    assert all(row in dated for row in everything)
    assert rows(until="2000-01-01") == []
    page = root.get("/admin/audit", params={"username": "bo", "action": "refused"})
    assert page.status_code == 200 and "bo" in page.text and "ann-password" not in page.text
    bad = root.get("/admin/audit", params={"since": "yesterday"})
    assert bad.status_code == 422 and "since: is not a date" in bad.text
    world.app.state.audit.flush()
    assert {r["username"] for r in rows(action="audit_export")} == {"root"}


def test_audit_csv_defuses_spreadsheet_formulas(world):
    client = world.client()
    page = client.get("/login")
    for name in ('=HYPERLINK("http://x")', "+1+2", "-3", "@SUM(A1)"):
        client.post(
            "/login", data={"username": name, "password": "wrong-password", "csrf_token": world.csrf(page.text)}
        )
    root = world.signed_in("root")
    text = root.get("/admin/audit.csv", params={"action": "sign_in_failed"}).text
    names = {r["username"] for r in _csv(text)}
    assert {'\'=HYPERLINK("http://x")', "'+1+2", "'-3", "'@SUM(A1)"} <= names
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in csv.reader(io.StringIO(text)) for cell in row)


HTML_ACCEPT = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


def test_the_audit_page_shows_actions_in_words_and_keeps_the_identifiers_in_the_data(world):
    world.signed_in("ann").get("/patients")
    world.app.state.audit.flush()
    root = world.signed_in("root")
    page = root.get("/admin/audit", headers=HTML_ACCEPT)
    assert page.status_code == 200
    cells = re.findall(r'<td data-action="([a-z_]+)">([^<]*)</td>', page.text)
    assert ("sign_in", "signed in") in cells and ("list", "listed patients") in cells
    assert all(words != action for action, words in cells if "_" in action)
    assert '<option value="sign_in_failed"' in page.text or "sign_in" in page.text  # filter values are identifiers
    assert ">signed in<" in page.text
    rows = _csv(root.get("/admin/audit.csv").text)
    assert "sign_in" in {r["action"] for r in rows}  # the export keeps the identifiers


@pytest.mark.parametrize(
    ("params", "field", "accepted"),
    [
        ({"date_from": "2026-13-45"}, "date_from", "one of patient, username, action, since, until, page"),
        ({"since": "yesterday"}, "since", "a date as YYYY-MM-DD"),
        ({"action": "no_such_action"}, "action", "an action listed"),
    ],
)
def test_a_bad_audit_filter_is_refused_as_every_page_address_is(world, params, field, accepted):
    root = world.signed_in("root")
    page = root.get("/admin/audit", params=params, headers=HTML_ACCEPT)
    assert page.status_code == 422 and page.headers["content-type"].startswith("text/html")
    assert (
        f"{field.replace('_', ' ')}:" in page.text
        and "accepted: " in page.text
        and accepted in page.text.replace("&#39;", "'")
    )
    value = next(iter(params.values()))
    assert value in page.text
    plain = root.get("/admin/audit", params=params)
    assert plain.status_code == 422 and plain.headers["content-type"] == "application/problem+json"
    error = plain.json()["errors"][0]
    assert error["value"] == value and error["accepted"] == accepted
    export = root.get("/admin/audit.csv", params=params)
    assert export.status_code == 422 and export.headers["content-type"] == "application/problem+json"


def test_a_long_unknown_filter_value_is_shortened_and_escaped(world):
    root = world.signed_in("root")
    value = "<script>alert(1)</script>" + "x" * 300
    page = root.get("/admin/audit", params={"date_from": value}, headers=HTML_ACCEPT)
    assert page.status_code == 422 and "<script>alert" not in page.text and "&lt;script&gt;" in page.text
    assert "x" * 200 not in page.text
