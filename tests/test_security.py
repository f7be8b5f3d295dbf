"""What every answer is guarded by: odd input never gives a 500, cookies are Secure over
HTTPS, and JSON that would make the parser recurse is refused (spec sections 7 and 9)."""

import json
import re

import pytest

from kiosk.security import database_id, json_depth
from tests.conftest import add_demo_content

HUGE_ID = 10**20
NAMES = ("week", "date", "day", "class", "class_id", "id", "page", "question", "meeting", "kiosk")
# Each request carries every odd value at once: too large, too early, not a value at all.
ODD_QUERIES = [
    {name: odd for name in NAMES} for odd in ("99999999999999999999", "9999-W53", "9999-12-31")
] + [{name: odd for name in NAMES} for odd in ("0001-W01", "0000-01-01", "-1", "x" * 300)]
# A tap or answer whose every id is too large for the database.
HUGE = json.dumps({name: HUGE_ID for name in (*NAMES, "child", "answer", "choice", "tap")})
# The fuzzing admin stays logged in and keeps its account.
KEEP_LOGGED_IN = {"auth.logout", "auth.password", "admin.delete_user", "admin.change_role"}
DEEP_JSON = "[" * 100_000 + "]" * 100_000


@pytest.fixture
def fuzzed(make_app, credentials):
    """The demo school, with a logged-in admin; a crash answers 500 instead of raising."""
    app = make_app(PROPAGATE_EXCEPTIONS=False)
    add_demo_content(app)
    client = app.test_client()
    client.post("/admin/login", data={"username": credentials[0], "password": credentials[1]})
    return app, client


def _paths(app, value):
    """Every route of the app, with `value` for each part of its path."""
    for rule in app.url_map.iter_rules():
        if rule.endpoint in KEEP_LOGGED_IN or rule.endpoint == "static":
            continue
        path = re.sub(r"<(?:[^:>]+:)?([^>]+)>", str(value), rule.rule)
        yield path, sorted(rule.methods - {"HEAD", "OPTIONS"})


def test_an_id_from_a_page_is_one_a_row_could_have():
    assert database_id(7) == 7 and database_id("42") == 42
    for not_an_id in (0, -1, True, 2**31, "99999999999999999999", "4e3", None, 1.5):
        assert database_id(not_an_id) is None


def test_json_depth_counts_brackets_outside_strings():
    assert json_depth('{"a": [1, {"b": "[[[["}]}') == 3
    assert json_depth("[" * 50 + "]" * 50) == 50
    assert json_depth('"only a string"') == 0


def test_no_route_answers_500_to_huge_ids_odd_queries_or_malformed_json(fuzzed):
    app, client = fuzzed
    failures = []
    for value in (HUGE_ID, 1):
        for path, methods in _paths(app, value):
            for query in ODD_QUERIES if "GET" in methods else ():
                if client.get(path, query_string=query).status_code >= 500:
                    failures.append(("GET", path, next(iter(query.values()))[:20]))
            for method in methods:
                if method == "GET":
                    continue
                for body in (DEEP_JSON, '{"a": ' * 5000, "not json", json.dumps([1] * 20000), HUGE):
                    response = client.open(
                        path, method=method, data=body, content_type="application/json"
                    )
                    if response.status_code >= 500:
                        failures.append((method, path, body[:20]))
                response = client.open(
                    path, method=method, data={name: str(HUGE_ID) for name in NAMES}
                )
                if response.status_code >= 500:
                    failures.append((method, path, "form"))
    assert client.get("/admin/").status_code == 200  # every admin route was reached
    assert failures == [], "\n".join(map(str, failures))


def test_a_deeply_nested_tap_is_a_400_not_a_crash(client):
    response = client.post("/kiosk/voice/answer", data=DEEP_JSON, content_type="application/json")
    assert response.status_code in (400, 403, 404)


def test_over_https_every_cookie_is_secure_and_hsts_is_sent(client, credentials):
    response = client.post(
        "/admin/login",
        data={"username": credentials[0], "password": credentials[1]},
        base_url="https://school.example.org",
    )
    cookies = response.headers.getlist("Set-Cookie")
    assert cookies and all("; Secure" in cookie for cookie in cookies)
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    plain = client.get("/kiosk/")
    assert "Strict-Transport-Security" not in plain.headers


def test_behind_a_proxy_that_says_https_the_staff_cookie_is_secure(make_app, credentials):
    client = make_app(KIOSK_PROXY_HOPS=1).test_client()
    response = client.post(
        "/admin/login",
        data={"username": credentials[0], "password": credentials[1]},
        headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"},
    )
    session = [c for c in response.headers.getlist("Set-Cookie") if c.startswith("session=")]
    assert session and "; Secure" in session[0]
