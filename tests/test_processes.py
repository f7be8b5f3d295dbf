"""Two waitress processes on one database serve as one (spec section 8, issue 10)."""

import http.cookiejar
import json
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.databases import fresh_database_url
from tests.processes import ServerProcess


@pytest.fixture
def two_servers(tmp_path):
    database_url = fresh_database_url(tmp_path)
    first = ServerProcess(tmp_path / "instance", database_url)
    first.flask("init-db")
    first.flask("create-user", "bridge", "--role", "admin", "--password", "correct horse battery")
    second = ServerProcess(tmp_path / "instance", database_url)
    first.start(), second.start()
    yield first, second
    first.stop(), second.stop()


def browser_like():
    """An opener that keeps cookies, as one phone or laptop would."""
    return urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
        NoRedirect(),
    )


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def post_login(opener, server, password):
    """Log in the way the form does: fetch it for its CSRF token, then post."""
    page = opener.open(server.url + "/admin/login").read().decode()
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    data = urllib.parse.urlencode(
        {"csrf_token": token, "username": "bridge", "password": password}
    ).encode()
    request = urllib.request.Request(server.url + "/admin/login", data=data)
    request.add_header("Referer", server.url + "/admin/login")
    try:
        return opener.open(request).status
    except urllib.error.HTTPError as error:
        return error.code


def test_a_login_on_one_process_holds_on_the_other(two_servers):
    first, second = two_servers
    opener = browser_like()
    assert post_login(opener, first, "correct horse battery") == 302
    # Cookies are kept per host, not per port, and both processes share one secret key:
    # the second sees the session the first signed (without it, /admin/ redirects).
    assert opener.open(second.url + "/admin/").status == 200


def test_the_login_limit_counts_failures_on_both_processes(two_servers):
    first, second = two_servers
    for n in range(5):
        assert post_login(browser_like(), first, f"wrong {n}") == 200
        assert post_login(browser_like(), second, f"wrong again {n}") == 200
    assert post_login(browser_like(), first, "correct horse battery") == 429
    assert post_login(browser_like(), second, "correct horse battery") == 429


def test_one_processs_etag_is_fresh_on_the_other(two_servers):
    first, second = two_servers
    etag = urllib.request.urlopen(first.url + "/api/v1/kiosk").headers["ETag"]
    request = urllib.request.Request(second.url + "/api/v1/kiosk", headers={"If-None-Match": etag})
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(request)
    assert answer.value.code == 304


def test_under_flask_serve_a_forwarded_request_is_not_trusted_by_its_address(tmp_path):
    """Waitress used to drop X-Forwarded-For before the app saw it, so with the loopback
    trusted, any visitor through a same-machine proxy was a school screen."""
    server = ServerProcess(
        tmp_path / "instance", fresh_database_url(tmp_path), KIOSK_TRUSTED_NETWORKS="127.0.0.0/8"
    )
    server.flask("init-db")
    server.flask("demo")
    server.start()
    try:

        def children_shown(**headers):
            request = urllib.request.Request(server.url + "/api/v1/kiosk", headers=headers)
            board = json.load(urllib.request.urlopen(request))["board"]
            return any(school_class.get("children") for school_class in board)

        assert children_shown()  # the screen on the trusted network itself
        for header in ("X-Forwarded-For", "Forwarded", "X-Real-IP"):
            assert not children_shown(**{header: "10.0.0.5"}), header
    finally:
        server.stop()
