"""is_school_screen: who may see children's content (spec section 7), asked of real requests."""

from datetime import timedelta

from flask import request, request_started
from itsdangerous import URLSafeTimedSerializer
from sqlalchemy import event

from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.screens import identity, is_school_screen, rules
from kiosk.screens.identity import COOKIE
from kiosk.screens.models import Kiosk
from tests.conftest import ADMIN

SCHOOL = "10.20.0.0/16"
ON_SCHOOL_WIFI = "10.20.3.4"
ELSEWHERE = "203.0.113.9"


def school_screen(app, client=None, path="/kiosk/", **kwargs):
    """What is_school_screen answers for a request sent through the whole app (ProxyFix too)."""
    answers = []

    def ask(sender, **extra):
        answers.append(is_school_screen(request))

    with request_started.connected_to(ask, app):
        (client or app.test_client()).get(path, **kwargs)
    return answers[0]


def from_address(address, **headers):
    return {"environ_base": {"REMOTE_ADDR": address}, "headers": headers}


def new_kiosk_with_link(app, name="gate"):
    with app.app_context():
        kiosk = Kiosk(name=name)
        db.session.add(kiosk)
        code = rules.issue_code(kiosk, utcnow())
        db.session.commit()
        return kiosk.id, code


def paired_client(app, name="gate"):
    kiosk_id, code = new_kiosk_with_link(app, name)
    client = app.test_client()
    assert client.get(f"/kiosk/pair/{code}").status_code == 302
    return client, kiosk_id


def test_nothing_is_trusted_by_address_by_default(app):
    assert app.config["KIOSK_TRUSTED_NETWORKS"] == ""
    for address in ("127.0.0.1", ON_SCHOOL_WIFI, ELSEWHERE):
        assert not school_screen(app, **from_address(address))


def test_an_address_in_the_trusted_networks_is_trusted(make_app):
    app = make_app(KIOSK_TRUSTED_NETWORKS=f"192.168.1.0/24, {SCHOOL}")
    assert school_screen(app, **from_address(ON_SCHOOL_WIFI))
    assert not school_screen(app, **from_address(ELSEWHERE))


def test_the_same_address_with_x_forwarded_for_is_not_trusted(make_app):
    app = make_app(KIOSK_TRUSTED_NETWORKS=SCHOOL)
    # Without KIOSK_PROXY_HOPS nobody told us of a proxy: a spoofed header, or an unknown one.
    assert not school_screen(app, **from_address(ON_SCHOOL_WIFI, **{"X-Forwarded-For": ELSEWHERE}))
    assert not school_screen(
        app, **from_address(ON_SCHOOL_WIFI, **{"X-Forwarded-For": ON_SCHOOL_WIFI})
    )


def test_any_forwarding_header_makes_the_address_prove_nothing(make_app):
    app = make_app(KIOSK_TRUSTED_NETWORKS=ON_SCHOOL_WIFI + "/32")
    for header in ("Forwarded", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-IP"):
        assert not school_screen(app, **from_address(ON_SCHOOL_WIFI, **{header: "x"})), header


def test_with_one_proxy_hop_the_forwarded_address_decides(make_app):
    app = make_app(KIOSK_TRUSTED_NETWORKS=SCHOOL, KIOSK_PROXY_HOPS=1)
    # The proxy on this machine passes on the school screen's address ...
    assert school_screen(app, **from_address("127.0.0.1", **{"X-Forwarded-For": ON_SCHOOL_WIFI}))
    # ... and a request from inside the school that came in through the proxy from outside is not.
    assert not school_screen(app, **from_address(ON_SCHOOL_WIFI, **{"X-Forwarded-For": ELSEWHERE}))
    # A client that adds its own header only moves one step left: the proxy's entry decides.
    assert not school_screen(
        app,
        **from_address("127.0.0.1", **{"X-Forwarded-For": f"{ON_SCHOOL_WIFI}, {ELSEWHERE}"}),
    )


def test_a_logged_in_staff_member_is_trusted(admin_client, app):
    assert school_screen(app, admin_client, **from_address(ELSEWHERE))


def test_a_paired_kiosk_is_trusted_from_anywhere(app):
    client, _ = paired_client(app)
    assert school_screen(app, client, **from_address(ELSEWHERE))
    assert not school_screen(app, **from_address(ELSEWHERE))


def test_a_revoked_kiosk_is_not_trusted_at_its_next_request(app, admin_client):
    client, kiosk_id = paired_client(app)
    assert school_screen(app, client)
    assert admin_client.post(f"/admin/kiosks/{kiosk_id}/revoke").status_code == 302
    assert not school_screen(app, client)


def test_a_forged_cookie_is_not_trusted(app):
    client = app.test_client()
    client.set_cookie(COOKIE, "eyJpZCI6MSwia2V5IjoieCJ9.forged.signature")
    assert not school_screen(app, client)


def test_a_cookie_re_signed_with_another_key_is_not_trusted(app):
    paired, kiosk_id = paired_client(app)
    real = paired.get_cookie(COOKIE).value
    salt = "kiosk-screen"
    payload = URLSafeTimedSerializer(app.secret_key, salt=salt).loads(real)
    assert payload["id"] == kiosk_id
    for key, body in (
        ("not the school's key", payload),  # the real secret, signed by someone else
        (app.secret_key, dict(payload, key="a guessed secret")),  # the right key, a wrong secret
        (app.secret_key, dict(payload, id=kiosk_id + 1)),
    ):
        client = app.test_client()
        client.set_cookie(COOKIE, URLSafeTimedSerializer(key, salt=salt).dumps(body))
        assert not school_screen(app, client)


def test_a_cookie_from_before_a_new_pairing_is_not_trusted(app, admin_client):
    first_screen, kiosk_id = paired_client(app)
    admin_client.post(f"/admin/kiosks/{kiosk_id}/revoke")
    page = admin_client.post(f"/admin/kiosks/{kiosk_id}/link").get_data(as_text=True)
    code = page.split("/kiosk/pair/")[1].split("<")[0].split('"')[0]
    second_screen = app.test_client()
    second_screen.get(f"/kiosk/pair/{code}")
    assert school_screen(app, second_screen)
    assert not school_screen(app, first_screen)


def test_the_cookie_is_renewed_once_a_month(app, monkeypatch):
    from kiosk.screens import identity

    def kiosk_cookies_set(response):
        return [h for h in response.headers.getlist("Set-Cookie") if h.startswith(COOKIE + "=")]

    client, _ = paired_client(app)
    assert kiosk_cookies_set(client.get("/api/v1/kiosk")) == []
    # Pretend the cookie is older than a month.
    monkeypatch.setattr(identity, "RENEW_AFTER", timedelta(seconds=-1))
    renewed = kiosk_cookies_set(client.get("/api/v1/kiosk"))  # its poll
    assert len(renewed) == 1 and "HttpOnly" in renewed[0] and "Max-Age=34560000" in renewed[0]
    assert school_screen(app, client)


def test_is_school_screen_asks_the_database_once_per_request(app):
    client, _ = paired_client(app)
    answers, kiosk_queries = [], []

    def ask_twice(sender, **extra):
        answers.extend([is_school_screen(request), is_school_screen(request)])

    def note(connection, cursor, statement, *args):
        if "FROM kiosk" in statement:
            kiosk_queries.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", note)
    try:
        with request_started.connected_to(ask_twice, app):
            client.get("/kiosk/")
    finally:
        event.remove(engine, "before_cursor_execute", note)
    assert answers == [True, True]
    assert len(kiosk_queries) == 1


def test_a_kiosk_is_asked_of_the_database_once_in_a_few_seconds(app):
    client, _ = paired_client(app)
    kiosk_queries = []

    def note(connection, cursor, statement, *args):
        if "FROM kiosk" in statement:
            kiosk_queries.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", note)
    try:
        answers = [school_screen(app, client, "/api/v1/kiosk") for _ in range(3)]
    finally:
        event.remove(engine, "before_cursor_execute", note)
    assert answers == [True, True, True]
    assert len(kiosk_queries) == 1


def test_a_revoke_holds_in_every_process_within_seconds(make_app, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(identity, "_clock", lambda: clock[0])
    here, there = make_app(), make_app()  # two processes of one server, one database
    screen, kiosk_id = paired_client(here)
    same_screen_there = there.test_client()
    same_screen_there.set_cookie(COOKIE, screen.get_cookie(COOKIE).value)
    assert school_screen(here, screen) and school_screen(there, same_screen_there)
    admin = there.test_client()
    admin.post("/admin/login", data={"username": ADMIN[0], "password": ADMIN[1]})
    assert admin.post(f"/admin/kiosks/{kiosk_id}/revoke").status_code == 302
    assert not school_screen(there, same_screen_there)  # at once where it was revoked
    assert school_screen(here, screen)  # another process remembers it a few seconds more
    clock[0] += identity.REMEMBER_SECONDS
    assert not school_screen(here, screen)
