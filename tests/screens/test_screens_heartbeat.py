"""The heartbeat: each kiosk's poll shows in /admin/kiosks as "last seen"; silence is flagged."""

from datetime import date, timedelta

from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.notices.models import Notice
from kiosk.registry import registry
from kiosk.screens import identity, queries, rules
from kiosk.screens.models import Kiosk

SCHOOL = "10.20.0.0/16"


def at(address):
    return {"environ_base": {"REMOTE_ADDR": address}}


def paired_screen(app, name):
    with app.app_context():
        kiosk = Kiosk(name=name)
        db.session.add(kiosk)
        code = rules.issue_code(kiosk, utcnow())
        db.session.commit()
    screen = app.test_client()
    screen.get(f"/kiosk/pair/{code}", environ_base={"REMOTE_ADDR": "10.9.9.9"})
    return screen


def seen(app, name):
    with app.app_context():
        kiosk = queries.find_by_name(name)
        return (kiosk.last_seen_at, kiosk.last_address) if kiosk else None


def age_heartbeat(app, name, by):
    """The kiosk was last seen `by` ago, and the seconds its server remembers it are over."""
    with app.app_context():
        kiosk = queries.find_by_name(name)
        kiosk.last_seen_at = utcnow() - by
        db.session.commit()
        identity.remembered().forget()


def rules_id(app, name):
    with app.app_context():
        return queries.find_by_name(name).id


def test_a_paired_kiosk_reports_under_its_own_name(app):
    screen = paired_screen(app, "hall")
    age_heartbeat(app, "hall", timedelta(minutes=1))
    # The page's ?kiosk= (the JS default is gate) does not change who it is.
    assert screen.get("/api/v1/kiosk?kiosk=gate", **at("192.0.2.50")).status_code == 200
    last_seen, address = seen(app, "hall")
    assert utcnow() - last_seen < timedelta(seconds=5) and address == "192.0.2.50"
    assert seen(app, "gate") is None


def test_a_kiosk_polling_often_writes_once_per_30_seconds(app):
    screen = paired_screen(app, "hall")
    age_heartbeat(app, "hall", timedelta(seconds=20))
    before = seen(app, "hall")
    screen.get("/api/v1/kiosk", **at("192.0.2.50"))
    assert seen(app, "hall") == before
    age_heartbeat(app, "hall", timedelta(seconds=31))
    screen.get("/api/v1/kiosk", **at("192.0.2.50"))
    assert seen(app, "hall")[1] == "192.0.2.50"
    assert utcnow() - seen(app, "hall")[0] < timedelta(seconds=5)


def test_a_304_answer_still_counts_as_a_sign_of_life(app):
    screen = paired_screen(app, "hall")
    etag = screen.get("/api/v1/kiosk").headers["ETag"]
    age_heartbeat(app, "hall", timedelta(minutes=10))
    assert screen.get("/api/v1/kiosk", headers={"If-None-Match": etag}).status_code == 304
    assert utcnow() - seen(app, "hall")[0] < timedelta(seconds=5)


def test_a_trusted_network_kiosk_reports_by_name(make_app):
    app = make_app(KIOSK_TRUSTED_NETWORKS=SCHOOL)
    app.test_client().get("/api/v1/kiosk?kiosk=staff room", **at("10.20.1.2"))
    assert seen(app, "staff room")[1] == "10.20.1.2"
    app.test_client().get("/api/v1/kiosk", **at("10.20.1.3"))  # no name: the gate
    assert seen(app, "gate")[1] == "10.20.1.3"


def test_nobody_else_reports_by_name(make_app, auth):
    app = make_app(KIOSK_TRUSTED_NETWORKS=SCHOOL)
    app.test_client().get("/api/v1/kiosk?kiosk=gate", **at("203.0.113.9"))
    app.test_client().get(
        "/api/v1/kiosk?kiosk=gate", headers={"X-Forwarded-For": "203.0.113.9"}, **at("10.20.1.2")
    )
    staff = app.test_client()
    staff.post("/admin/login", data={"username": "bridge", "password": "correct horse battery"})
    staff.get("/api/v1/kiosk?kiosk=gate", **at("203.0.113.9"))
    app.test_client().get("/api/v1/kiosk?kiosk=<script>", **at("10.20.1.2"))
    with app.app_context():
        assert db.session.scalars(db.select(Kiosk)).all() == []


def test_a_revoked_kiosk_no_longer_reports(app, admin_client):
    screen = paired_screen(app, "hall")
    kiosk_id = rules_id(app, "hall")
    admin_client.post(f"/admin/kiosks/{kiosk_id}/revoke")
    age_heartbeat(app, "hall", timedelta(minutes=10))
    before = seen(app, "hall")
    screen.get("/api/v1/kiosk", **at("192.0.2.50"))
    assert seen(app, "hall") == before


def test_admin_flags_a_kiosk_silent_for_more_than_5_minutes(app, admin_client):
    paired_screen(app, "hall")
    paired_screen(app, "gym")
    age_heartbeat(app, "hall", timedelta(minutes=6))
    age_heartbeat(app, "gym", timedelta(minutes=4))
    page = admin_client.get("/admin/kiosks?lang=en").get_data(as_text=True)
    hall = page.split('data-kiosk="hall"')[1].split("</tr>")[0]
    gym = page.split('data-kiosk="gym"')[1].split("</tr>")[0]
    assert "data-silent" in hall and "Silent for over 5 minutes" in hall
    assert "6 minutes ago" in hall
    assert "data-silent" not in gym and "Silent" not in gym and "4 minutes ago" in gym
    assert "10.9.9.9" in gym  # the address it last reported from
    dashboard = admin_client.get("/admin/?lang=en").get_data(as_text=True)
    assert "Kiosks silent for over 5 minutes" in dashboard


def test_the_dashboard_says_nothing_while_every_kiosk_reports(app, admin_client):
    paired_screen(app, "hall")
    assert "Kiosks silent" not in admin_client.get("/admin/?lang=en").get_data(as_text=True)


def test_silence_rules():
    now = utcnow()
    reporting = Kiosk(name="a", secret_hash="x", last_seen_at=now - timedelta(minutes=4))
    quiet = Kiosk(name="b", secret_hash="x", last_seen_at=now - timedelta(minutes=5, seconds=1))
    waiting = Kiosk(name="c")
    revoked = Kiosk(
        name="d", revoked_at=now - timedelta(hours=1), last_seen_at=now - timedelta(hours=2)
    )
    network = Kiosk(name="e", last_seen_at=now - timedelta(minutes=9))
    assert [rules.is_silent(k, now) for k in (reporting, quiet, waiting, revoked, network)] == [
        False,
        True,
        False,
        False,
        True,
    ]


def test_a_heartbeat_leaves_every_kiosk_its_snapshot_and_content_renews_it(make_app):
    app = make_app(KIOSK_SNAPSHOT_SECONDS=60)
    builds = []
    registry(app).snapshot_sections["probe"] = lambda lang, school_screen: builds.append(1)
    screen = paired_screen(app, "hall")
    age_heartbeat(app, "hall", timedelta(minutes=1))
    screen.get("/api/v1/kiosk", **at("192.0.2.50"))
    assert seen(app, "hall")[1] == "192.0.2.50"  # its heartbeat was written
    screen.get("/api/v1/kiosk", **at("192.0.2.50"))
    assert len(builds) == 1
    with app.app_context():
        db.session.add(Notice(week=date(2031, 3, 10), texts={"nl": "Morgen vrij"}))
        db.session.commit()
    screen.get("/api/v1/kiosk", **at("192.0.2.50"))
    assert len(builds) == 2
