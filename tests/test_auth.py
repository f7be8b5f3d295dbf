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
