import pytest


@pytest.mark.parametrize("path", ["/admin/", "/admin/users", "/admin/audit"])
def test_anonymous_visitors_are_sent_to_the_login(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert "/admin/login" in response.headers["Location"]


def test_login_opens_the_dashboard_and_logout_closes_it(client, auth):
    response = auth.login()
    assert response.headers["Location"].endswith("/admin/")
    assert client.get("/admin/").status_code == 200
    auth.logout()
    assert client.get("/admin/").status_code == 302


def test_wrong_password_is_refused_with_a_message(client, auth):
    response = auth.login(password="wrong")
    assert response.status_code == 200
    assert "horen niet samen" in response.get_data(as_text=True)
    assert client.get("/admin/").status_code == 302


def test_fourteen_wrong_passwords_end_in_429(client, auth):
    codes = [auth.login(password=f"wrong {n}").status_code for n in range(14)]
    assert codes[:10] == [200] * 10
    assert codes[10:] == [429] * 4
    # Even the right password waits out the 15 minutes.
    assert auth.login().status_code == 429


def test_the_limit_holds_across_processes(make_app, credentials):
    # Two app instances on one database stand for two waitress processes.
    first, second = make_app(), make_app()
    for n in range(10):
        first.test_client().post(
            "/admin/login", data={"username": credentials[0], "password": f"x{n}"}
        )
    response = second.test_client().post(
        "/admin/login", data={"username": credentials[0], "password": credentials[1]}
    )
    assert response.status_code == 429


def test_the_limit_is_per_user_name(client, auth):
    for n in range(10):
        auth.login(password=f"wrong {n}")
    assert auth.login(username="someone-else", password="x").status_code == 200


def test_a_post_without_csrf_token_is_refused(make_app, credentials):
    app = make_app(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    response = client.post(
        "/admin/login", data={"username": credentials[0], "password": credentials[1]}
    )
    assert response.status_code == 400
    assert "Er is niets opgeslagen" in response.get_data(as_text=True)


def test_login_only_redirects_inside_the_admin(client, credentials):
    response = client.post(
        "/admin/login?next=https://evil.example/",
        data={"username": credentials[0], "password": credentials[1]},
    )
    assert response.headers["Location"].endswith("/admin/")


def _session_cookie(client):
    return client.get_cookie("session").value


def _with_cookie(app, value):
    other = app.test_client()
    other.set_cookie("session", value)
    return other


def test_a_session_cookie_saved_before_logout_opens_nothing_after_it(app, client, auth):
    auth.login()
    saved = _session_cookie(client)
    assert _with_cookie(app, saved).get("/admin/users").status_code == 200
    auth.logout()
    assert _with_cookie(app, saved).get("/admin/users").status_code == 302
    # Nor does it show the children's names that staff may see in the snapshot.
    assert _with_cookie(app, saved).get("/api/v1/kiosk").json["board"] == []


def test_a_new_password_ends_every_other_session_and_keeps_this_one(app, client, auth):
    auth.login()
    elsewhere = _with_cookie(app, _session_cookie(client))
    response = client.post(
        "/admin/password",
        data={
            "current": "correct horse battery",
            "password": "winter koffie fiets",
            "again": "winter koffie fiets",
        },
    )
    assert response.status_code == 302
    assert client.get("/admin/users").status_code == 200
    assert elsewhere.get("/admin/users").status_code == 302
    auth.logout()
    assert auth.login(password="winter koffie fiets").status_code == 302


def test_a_wrong_current_password_changes_nothing(client, auth):
    auth.login()
    new = {"password": "winter koffie fiets", "again": "winter koffie fiets"}
    response = client.post("/admin/password", data={"current": "not it at all", **new})
    assert response.status_code == 400
    assert "niet je huidige wachtwoord" in response.get_data(as_text=True)
    mismatch = dict(new, current="correct horse battery", again="winter koffie fietsen")
    response = client.post("/admin/password", data=mismatch)
    assert "verschillen" in response.get_data(as_text=True)
    auth.logout()
    assert auth.login().status_code == 302


def test_a_removed_account_is_logged_out_at_its_next_request(app, client, auth, editor):
    from kiosk.auth.models import User
    from kiosk.extensions import db

    auth.login(*editor)
    assert client.get("/admin/").status_code == 200
    with app.app_context():
        db.session.delete(db.session.scalar(db.select(User).filter_by(username="ed")))
        db.session.commit()
    assert client.get("/admin/").status_code == 302


def test_a_flood_of_wrong_passwords_does_not_keep_out_a_browser_that_logged_in_before(
    app, client, auth
):
    auth.login()
    auth.logout()
    # Behind a tunnel every request comes from the same address as the real user's.
    stranger = app.test_client()
    for n in range(12):
        stranger.post("/admin/login", data={"username": "bridge", "password": f"guess {n}"})
    assert (
        stranger.post(
            "/admin/login", data={"username": "bridge", "password": "correct horse battery"}
        ).status_code
        == 429
    )
    assert auth.login().status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_wrong_password_takes_as_long_for_an_unknown_user_as_for_a_known_one(client):
    import time

    def slowest_of_three(username):
        times = []
        for n in range(3):
            start = time.perf_counter()
            client.post("/admin/login", data={"username": username, "password": f"no {n}"})
            times.append(time.perf_counter() - start)
        return min(times)

    known, unknown = slowest_of_three("bridge"), slowest_of_three("nobody-by-this-name")
    # Both pay for one scrypt; before, an unknown name answered 20 times faster. A loaded
    # machine moves single logins a lot, so only that order of difference is asserted.
    assert unknown > known / 4
